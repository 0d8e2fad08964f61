import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useState } from 'react';
import { useLocale } from '../i18n/index.ts';
import { AuthProvider } from './auth-context.tsx';
import { createQueryClient } from './query-client.ts';

const THEME = { token: { colorPrimary: '#1668dc', borderRadius: 6 } };

/** antd follows i18next: every antd string (pagination, pickers, empty lists) switches with the UI. */
function LocalizedAntd({ children }: { readonly children: ReactNode }) {
  const locale = useLocale();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything the pages rely on: the query cache, antd in the current language, the session. */
export function AppProviders({ children }: { readonly children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocalizedAntd>
        <AuthProvider>{children}</AuthProvider>
      </LocalizedAntd>
    </QueryClientProvider>
  );
}
