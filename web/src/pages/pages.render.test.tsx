import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { MeReply } from '@yonggong/shared';
import { App as AntApp, ConfigProvider } from 'antd';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditKeys } from '../api/audit.ts';
import { sessionQueryKey } from '../api/auth.ts';
import { enterpriseKeys } from '../api/enterprises.ts';
import { regionKeys } from '../api/regions.ts';
import { userKeys } from '../api/users.ts';
import { AuthProvider } from '../app/auth-context.tsx';
import { AppLayout } from '../app/layout/AppLayout.tsx';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { buildEnterprise, buildMe, CITY, ENTERPRISE_ID, LIAISONS, UPDATE_EVENT } from '../test/fixtures.ts';
import { AuditPage } from './audit/AuditPage.tsx';
import { EnterpriseDetailPage } from './enterprises/EnterpriseDetailPage.tsx';
import { EnterpriseFormPage } from './enterprises/EnterpriseFormPage.tsx';
import { EnterpriseListPage } from './enterprises/EnterpriseListPage.tsx';
import { DEFAULT_LIST_QUERY } from './enterprises/list-query.ts';
import { LoginPage } from './login/LoginPage.tsx';

/**
 * Renders each page to HTML in Node with its data already in the query cache: a crash, a missing
 * test id or an untranslated string shows up here without a browser.
 */

type Seed = ReadonlyArray<readonly [readonly unknown[], unknown]>;

function renderPage(
  path: string,
  pattern: string,
  page: ReactElement,
  me: MeReply | null,
  seed: Seed = [],
): string {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  queryClient.setQueryData(sessionQueryKey, me);
  for (const [key, data] of seed) queryClient.setQueryData(key, data);
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

function listTestIds(html: string): string[] {
  return [...html.matchAll(/data-testid="([^"]+)"/g)].map((match) => match[1] ?? '');
}

/** Test ids on disabled inputs (`disabled`) and antd selects (`ant-select-disabled`). */
function listDisabledTestIds(html: string): string[] {
  return [...html.matchAll(/<(?:input|div)\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => /\sdisabled=""|-disabled\b/.test(tag))
    .flatMap((tag) => listTestIds(tag));
}

const enterprise = buildEnterprise();
const listSeed: Seed = [
  [enterpriseKeys.list(DEFAULT_LIST_QUERY), { items: [enterprise], page: 1, pageSize: 20, total: 1 }],
  [regionKeys.city(), CITY],
  [userKeys.directory({ role: 'liaison', districtCode: undefined }), { items: LIAISONS }],
];
const detailSeed: Seed = [
  [enterpriseKeys.detail(ENTERPRISE_ID), enterprise],
  [regionKeys.city(), CITY],
  [
    auditKeys.page({ entityType: 'enterprise', entityId: ENTERPRISE_ID, page: 1, pageSize: 10 }),
    {
      items: [UPDATE_EVENT],
      page: 1,
      pageSize: 10,
      total: 1,
    },
  ],
];

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

describe.each([
  [
    'zh-CN',
    {
      list: '企业管理',
      newButton: '新增企业',
      save: '保存修改',
      audit: '审计日志',
      signIn: '登录',
      managed: '由区县就业部门维护',
    },
  ],
  [
    'en',
    {
      list: 'Enterprises',
      newButton: 'New enterprise',
      save: 'Save changes',
      audit: 'Audit trail',
      signIn: 'Sign in',
      managed: 'Maintained by the district employment office',
    },
  ],
] as const)('pages in %s', (language, text) => {
  beforeAll(async () => {
    await i18next.changeLanguage(language);
  });

  it('renders the login form with its test ids', () => {
    const html = renderPage('/login', '/login', <LoginPage />, null);
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining(['login-username', 'login-password', 'login-submit', 'lang-switch']),
    );
    expect(html).toContain(text.signIn);
  });

  it('renders the enterprise list with its actions, filters and a masked phone', () => {
    const html = renderPage('/enterprises', '/enterprises', <EnterpriseListPage />, buildMe(), listSeed);
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining([
        'enterprise-table',
        'enterprise-new',
        'enterprise-import',
        'enterprise-export',
        'enterprise-search',
        'contact-reveal',
      ]),
    );
    expect(html).toContain(text.list);
    expect(html).toContain(text.newButton);
    expect(html).toContain(enterprise.name);
    expect(html).toContain('138****1234');
    expect(html).toContain('href="/api/enterprises/export?status=active&amp;sort=name"');
  });

  it('offers a read-only leader neither creating, importing nor revealing', () => {
    const leader = buildMe({ roles: ['leader'], permissions: ['region.read', 'enterprise.read'] });
    const readOnly = buildEnterprise({
      can: { update: false, changeManagedFields: false, deactivate: false, revealContact: false },
    });
    const seed: Seed = [
      [enterpriseKeys.list(DEFAULT_LIST_QUERY), { items: [readOnly], page: 1, pageSize: 20, total: 1 }],
      [regionKeys.city(), CITY],
    ];
    const ids = listTestIds(renderPage('/enterprises', '/enterprises', <EnterpriseListPage />, leader, seed));
    expect(ids).toContain('enterprise-table');
    for (const hidden of ['enterprise-new', 'enterprise-import', 'enterprise-export', 'contact-reveal'])
      expect(ids).not.toContain(hidden);
  });

  it('renders an enterprise with its contacts, actions and change history', () => {
    const html = renderPage(
      `/enterprises/${ENTERPRISE_ID}`,
      '/enterprises/:id',
      <EnterpriseDetailPage />,
      buildMe(),
      detailSeed,
    );
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining([
        'enterprise-edit',
        'enterprise-deactivate',
        'enterprise-contacts',
        'enterprise-change-log',
      ]),
    );
    expect(html).toContain('姚雪梅');
  });

  it('renders the edit form with every field the tests drive', () => {
    const html = renderPage(
      `/enterprises/${ENTERPRISE_ID}/edit`,
      '/enterprises/:id/edit',
      <EnterpriseFormPage />,
      buildMe(),
      detailSeed,
    );
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining([
        'ent-creditCode',
        'ent-name',
        'ent-industryCode',
        'ent-districtCode',
        'ent-size',
        'ent-submit',
      ]),
    );
    expect(html).toContain(text.save);
    expect(html).toContain('value="91320509MA1N2K3L4Q"');
    // (The liaison picker waits for `useWatch('districtCode')`, which is empty in a server render.)
    const disabledIds = listDisabledTestIds(html);
    for (const id of ['ent-creditCode', 'ent-name', 'ent-districtCode', 'ent-keyLevel'])
      expect(disabledIds).not.toContain(id);
    expect(html).not.toContain(text.managed);
  });

  it('shows the fields the district maintains read-only to a liaison editing an enterprise', () => {
    const liaison = buildMe({
      roles: ['liaison'],
      permissions: ['region.read', 'enterprise.read', 'enterprise.update'],
      scope: { ...buildMe().scope, districtCodes: ['320509'] },
    });
    const restricted = buildEnterprise({
      isMine: true,
      can: { update: true, changeManagedFields: false, deactivate: false, revealContact: true },
    });
    const seed: Seed = [
      [enterpriseKeys.detail(ENTERPRISE_ID), restricted],
      [regionKeys.city(), CITY],
    ];
    const html = renderPage(
      `/enterprises/${ENTERPRISE_ID}/edit`,
      '/enterprises/:id/edit',
      <EnterpriseFormPage />,
      liaison,
      seed,
    );
    const disabledIds = listDisabledTestIds(html);
    const editable = ['ent-industryCode', 'ent-address', 'ent-size', 'ent-employeeCount', 'ent-submit'];
    expect(listTestIds(html)).toEqual(expect.arrayContaining(editable));
    expect(disabledIds).toEqual(
      expect.arrayContaining([
        'ent-creditCode',
        'ent-name',
        'ent-districtCode',
        'ent-keyLevel',
        'ent-liaisonUserId',
      ]),
    );
    for (const id of editable) expect(disabledIds).not.toContain(id);
    expect(html).toContain(text.managed);
  });

  it('renders the audit trail', () => {
    const seed: Seed = [
      [auditKeys.page({ page: 1, pageSize: 20 }), { items: [UPDATE_EVENT], page: 1, pageSize: 20, total: 1 }],
    ];
    const html = renderPage('/audit', '/audit', <AuditPage />, buildMe(), seed);
    expect(html).toContain(text.audit);
    expect(listTestIds(html)).toContain('audit-table');
  });

  it('shows an officer only the menu entries their permissions allow', () => {
    const officer = buildMe({ roles: ['district_officer'], permissions: ['enterprise.read'] });
    const html = renderPage('/', '/', <AppLayout />, officer);
    expect(html).toContain(text.list);
    expect(html).not.toContain(text.audit);
  });
});
