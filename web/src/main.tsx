import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApiClient } from './api/client.ts';
import { App } from './app/App.tsx';
import { initI18n, readCurrentLocale } from './i18n/index.ts';
import './styles.css';

initI18n();
configureApiClient({ readLocale: readCurrentLocale });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
