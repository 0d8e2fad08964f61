import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { MeReply } from '@yonggong/shared';
import { App as AntApp, ConfigProvider } from 'antd';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { sessionQueryKey } from '../api/auth.ts';
import { AuthProvider } from '../app/auth-context.tsx';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';

/**
 * Renders one page to HTML in Node with its data already in the query cache (no browser, no
 * server): a crash, a missing test id or an untranslated string shows up in a unit test.
 */
export type QuerySeed = ReadonlyArray<readonly [readonly unknown[], unknown]>;

/** Starts i18next once per test file in `language`; call in beforeAll. */
export async function initTestI18n(language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  if (!i18next.isInitialized)
    await i18next.use(initReactI18next).init({
      lng: language,
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  else await i18next.changeLanguage(language);
}

export function renderPageToHtml(
  path: string | { readonly pathname: string; readonly state: unknown },
  pattern: string,
  page: ReactElement,
  me: MeReply | null,
  seed: QuerySeed = [],
  /** Queries already failed with these errors (error states). */
  failed: ReadonlyArray<readonly [readonly unknown[], Error]> = [],
): string {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, retryOnMount: false } },
  });
  queryClient.setQueryData(sessionQueryKey, me);
  for (const [key, data] of seed) queryClient.setQueryData(key, data);
  for (const [key, error] of failed)
    queryClient.getQueryCache().build(queryClient, { queryKey: key }).setState({ status: 'error', error });
  return renderToString(
    <QueryClientProvider client={queryClient}>
      <ConfigProvider>
        <AntApp>
          <AuthProvider>
            <MemoryRouter initialEntries={[path]}>
              <Routes>
                <Route path={pattern} element={page} />
              </Routes>
            </MemoryRouter>
          </AuthProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>,
  );
}
