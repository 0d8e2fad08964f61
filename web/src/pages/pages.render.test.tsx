import { enterpriseListQuery } from '@yonggong/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationKeys, placementKeys } from '../api/applications.ts';
import { auditKeys } from '../api/audit.ts';
import { enterpriseKeys } from '../api/enterprises.ts';
import { jobOrderKeys } from '../api/job-orders.ts';
import { regionKeys } from '../api/regions.ts';
import { userKeys } from '../api/users.ts';
import { workerKeys } from '../api/workers.ts';
import { AppLayout } from '../app/layout/AppLayout.tsx';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import {
  APPLICATION_IDS,
  buildApplication,
  buildEnterprise,
  buildJobOrder,
  buildMe,
  buildPlacement,
  buildWorker,
  CITY,
  ENTERPRISE_ID,
  JOB_ORDER_ID,
  LIAISONS,
  UPDATE_EVENT,
  WORKER_ID,
} from '../test/fixtures.ts';
import { renderPageToHtml as renderPage, type QuerySeed as Seed } from '../test/render-page.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { EnterpriseDetailPage } from './enterprises/EnterpriseDetailPage.tsx';
import { EnterpriseFormPage } from './enterprises/EnterpriseFormPage.tsx';
import { EnterpriseListPage } from './enterprises/EnterpriseListPage.tsx';
import { DEFAULT_LIST_QUERY } from './enterprises/list-query.ts';
import { HomePage } from './home/HomePage.tsx';
import { JobOrderDetailPage } from './job-orders/JobOrderDetailPage.tsx';
import { JobOrderFormPage } from './job-orders/JobOrderFormPage.tsx';
import { JobOrderListPage } from './job-orders/JobOrderListPage.tsx';
import { DEFAULT_JOB_ORDER_QUERY } from './job-orders/list-query.ts';
import { LoginPage } from './login/LoginPage.tsx';
import { DEFAULT_WORKER_QUERY } from './workers/list-query.ts';
import { WorkerDetailPage } from './workers/WorkerDetailPage.tsx';
import { WorkerFormPage } from './workers/WorkerFormPage.tsx';
import { WorkerListPage } from './workers/WorkerListPage.tsx';

/**
 * Renders each page to HTML in Node with its data already in the query cache: a crash, a missing
 * test id or an untranslated string shows up here without a browser.
 */

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

const jobOrder = buildJobOrder();
const enterprisePicker = enterpriseListQuery.parse({ status: 'active', pageSize: 20 });
const pipeline = [
  buildApplication(),
  buildApplication({
    id: APPLICATION_IDS[1],
    worker: { id: WORKER_ID, name: '王芳', age: 24, sex: 'female', phoneMasked: '137****0001' },
    status: 'interview',
    channel: 'school',
    can: { moveTo: ['offered', 'rejected', 'withdrawn', 'no_show'] },
  }),
  buildApplication({
    id: APPLICATION_IDS[2],
    worker: { id: WORKER_ID, name: '赵强', age: 35, sex: 'male', phoneMasked: '136****0002' },
    status: 'hired',
    hiredOn: '2025-03-05',
    can: { moveTo: ['retained_30', 'no_show'] },
  }),
];
const jobOrderSeed: Seed = [
  [jobOrderKeys.detail(JOB_ORDER_ID), jobOrder],
  [regionKeys.city(), CITY],
  [applicationKeys.list({ jobOrderId: JOB_ORDER_ID }), { items: pipeline, page: 1, pageSize: 200, total: 3 }],
  [
    placementKeys.list({ jobOrderId: JOB_ORDER_ID }),
    { items: [buildPlacement()], page: 1, pageSize: 200, total: 1 },
  ],
];
const worker = buildWorker();
const workerSeed: Seed = [
  [workerKeys.detail(WORKER_ID), worker],
  [regionKeys.city(), CITY],
  [
    applicationKeys.list({ workerId: WORKER_ID }),
    {
      items: [
        buildApplication({
          status: 'interview',
          events: [
            { from: null, to: 'recommended', at: '2025-03-03T09:00:00+08:00', actor: '姚雪梅', reason: '' },
            {
              from: 'recommended',
              to: 'interview',
              at: '2025-03-04T09:00:00+08:00',
              actor: '人事',
              reason: '',
            },
          ],
        }),
      ],
      page: 1,
      pageSize: 200,
      total: 1,
    },
  ],
  [placementKeys.list({ workerId: WORKER_ID }), { items: [], page: 1, pageSize: 200, total: 0 }],
];
const leader = buildMe({
  roles: ['leader'],
  permissions: ['region.read', 'enterprise.read', 'job_order.read', 'placement.read'],
});

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
      jobOrders: '用工需求',
      newJobOrder: '发布用工需求',
      saveDraft: '保存草稿',
      pipeline: '招聘流程',
      interviewColumn: '面试',
      workers: '劳动者',
      register: '登记劳动者',
      timeline: '服务记录',
      recommend: '推介到岗位',
      duplicate: '疑似重复',
      male: '男',
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
      jobOrders: 'Job orders',
      newJobOrder: 'Post a job order',
      saveDraft: 'Save draft',
      pipeline: 'Pipeline',
      interviewColumn: 'Interview',
      workers: 'Workers',
      register: 'Register a worker',
      timeline: 'Service history',
      recommend: 'Recommend to an order',
      duplicate: 'Possible duplicate',
      male: 'Male',
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

  it('renders the job-order list with its filters, progress and pipeline summary', () => {
    const seed: Seed = [
      [jobOrderKeys.list(DEFAULT_JOB_ORDER_QUERY), { items: [jobOrder], page: 1, pageSize: 20, total: 1 }],
      [regionKeys.city(), CITY],
      [enterpriseKeys.list(enterprisePicker), { items: [enterprise], page: 1, pageSize: 20, total: 1 }],
    ];
    const html = renderPage('/job-orders', '/job-orders', <JobOrderListPage />, buildMe(), seed);
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining([
        'job-order-table',
        'job-order-new',
        'job-order-search',
        'job-order-filter-occupation',
        'job-order-filter-enterprise',
        'job-order-filter-key',
        'job-order-filter-dormitory',
        'job-order-filter-wage',
      ]),
    );
    expect(html).toContain(text.jobOrders);
    expect(html).toContain(jobOrder.title);
    expect(html).toContain('5,500–7,000');
    expect(html).toContain('6-25-04-01');
    expect(html).toContain(`${text.interviewColumn} 1`);
  });

  it('renders the job-order form with every field the tests drive', () => {
    const seed: Seed = [[regionKeys.city(), CITY]];
    const html = renderPage('/job-orders/new', '/job-orders/new', <JobOrderFormPage />, buildMe(), seed);
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining([
        'jo-enterpriseId',
        'jo-title',
        'jo-occupation',
        'jo-headcount',
        'jo-wageMin',
        'jo-wageMax',
        'jo-deadline',
        'jo-districtCode',
        'job-order-save-draft',
        'job-order-publish',
      ]),
    );
    expect(html).toContain(text.newJobOrder);
    expect(html).toContain(text.saveDraft);
  });

  it('fixes the enterprise of an enterprise-HR account to its own', () => {
    const hr = buildMe({
      roles: ['enterprise'],
      permissions: ['region.read', 'enterprise.read', 'job_order.read', 'job_order.write'],
      scope: { ...buildMe().scope, enterpriseId: ENTERPRISE_ID },
    });
    const seed: Seed = [
      [regionKeys.city(), CITY],
      [enterpriseKeys.detail(ENTERPRISE_ID), enterprise],
    ];
    const html = renderPage('/job-orders/new', '/job-orders/new', <JobOrderFormPage />, hr, seed);
    expect(listDisabledTestIds(html)).toContain('jo-enterpriseId');
    expect(html).toContain(`value="${enterprise.name}"`);
  });

  it('edits an open order with one save button and no publish', () => {
    const html = renderPage(
      `/job-orders/${JOB_ORDER_ID}/edit`,
      '/job-orders/:id/edit',
      <JobOrderFormPage />,
      buildMe(),
      jobOrderSeed,
    );
    const ids = listTestIds(html);
    expect(ids).toContain('job-order-save');
    expect(ids).not.toContain('job-order-publish');
    expect(html).toContain('value="电子装配工"');
  });

  it('renders a job order with its actions and the pipeline board', () => {
    const html = renderPage(
      `/job-orders/${JOB_ORDER_ID}`,
      '/job-orders/:id',
      <JobOrderDetailPage />,
      buildMe(),
      jobOrderSeed,
    );
    const ids = listTestIds(html);
    expect(ids).toEqual(
      expect.arrayContaining([
        'job-order-edit',
        'job-order-close',
        'pipeline-board',
        'pipeline-column-new',
        'pipeline-column-ended',
        ...APPLICATION_IDS.map((id) => `pipeline-card-${id}`),
        ...APPLICATION_IDS.map((id) => `pipeline-move-${id}`),
        `pipeline-select-${APPLICATION_IDS[0]}`,
      ]),
    );
    expect(html).toContain(text.pipeline);
    expect(html).toContain('王芳');
    expect(html).toContain('137****0001');
  });

  it('shows a read-only leader the board without moves', () => {
    const readOnlyPipeline = pipeline.map((application) => ({ ...application, can: { moveTo: [] } }));
    const seed: Seed = [
      [
        jobOrderKeys.detail(JOB_ORDER_ID),
        buildJobOrder({
          can: { update: false, publish: false, close: false, reopen: false, recommend: false },
        }),
      ],
      [
        applicationKeys.list({ jobOrderId: JOB_ORDER_ID }),
        { items: readOnlyPipeline, page: 1, pageSize: 200, total: 3 },
      ],
      [placementKeys.list({ jobOrderId: JOB_ORDER_ID }), { items: [], page: 1, pageSize: 200, total: 0 }],
    ];
    const leaderWithPipeline = buildMe({
      ...leader,
      permissions: [...leader.permissions, 'application.read'],
    });
    const html = renderPage(
      `/job-orders/${JOB_ORDER_ID}`,
      '/job-orders/:id',
      <JobOrderDetailPage />,
      leaderWithPipeline,
      seed,
    );
    const ids = listTestIds(html);
    expect(ids).toContain(`pipeline-card-${APPLICATION_IDS[0]}`);
    for (const hidden of [
      'job-order-edit',
      'job-order-close',
      `pipeline-move-${APPLICATION_IDS[0]}`,
      `pipeline-select-${APPLICATION_IDS[0]}`,
    ])
      expect(ids).not.toContain(hidden);
  });

  it('renders the worker list with masked numbers and a duplicate mark', () => {
    const seed: Seed = [
      [workerKeys.list(DEFAULT_WORKER_QUERY), { items: [worker], page: 1, pageSize: 20, total: 1 }],
      [regionKeys.city(), CITY],
    ];
    const html = renderPage('/workers', '/workers', <WorkerListPage />, buildMe(), seed);
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining([
        'worker-table',
        'worker-new',
        'worker-import',
        'worker-search',
        'worker-filter-origin',
        'worker-filter-duplicates',
      ]),
    );
    expect(html).toContain(text.workers);
    expect(html).toContain('5306**********1234');
    expect(html).toContain('139****5678');
    expect(html).toContain(text.duplicate);
  });

  it('renders the worker registration form with every field the tests drive', () => {
    const html = renderPage('/workers/new', '/workers/new', <WorkerFormPage />, buildMe(), [
      [regionKeys.city(), CITY],
    ]);
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining([
        'wk-name',
        'wk-idNumber',
        'wk-phone',
        'wk-origin',
        'wk-education',
        'wk-skills',
        'wk-certificates',
        'wk-occupations',
        'wk-expectedWage',
        'wk-availableFrom',
        'wk-submit',
      ]),
    );
    expect(html).toContain(text.register);
  });

  it('renders a worker with reveal buttons, duplicates, channels and the timeline', () => {
    const html = renderPage(
      `/workers/${WORKER_ID}`,
      '/workers/:id',
      <WorkerDetailPage />,
      buildMe(),
      workerSeed,
    );
    expect(listTestIds(html)).toEqual(
      expect.arrayContaining([
        'worker-timeline',
        'worker-recommend',
        'worker-edit',
        'worker-reveal-idNumber',
        'worker-reveal-phone',
        'worker-duplicates',
        'worker-channels',
        `timeline-step-${APPLICATION_IDS[0]}-interview`,
      ]),
    );
    expect(html).toContain(text.timeline);
    expect(html).toContain(text.recommend);
    expect(html).toContain('吴江精工电子有限公司「电子装配工」');
  });

  it('tells the officer when a registration linked an existing worker instead of creating one', () => {
    const notice = '该身份证号已登记为劳动者 李四，已关联新的来源渠道，未新建';
    const html = renderPage(
      { pathname: `/workers/${WORKER_ID}`, state: { linkedExisting: notice } },
      '/workers/:id',
      <WorkerDetailPage />,
      buildMe(),
      workerSeed,
    );
    expect(listTestIds(html)).toContain('worker-linked-existing');
    expect(html).toContain(notice);
  });

  it('offers no reveal or recommendation without the abilities', () => {
    const seed: Seed = [
      ...workerSeed.filter(([key]) => key[1] !== 'detail'),
      [
        workerKeys.detail(WORKER_ID),
        buildWorker({ can: { update: false, reveal: false, recommend: false } }),
      ],
    ];
    const reader = buildMe({ roles: ['enterprise'], permissions: ['worker.read', 'application.read'] });
    const ids = listTestIds(
      renderPage(`/workers/${WORKER_ID}`, '/workers/:id', <WorkerDetailPage />, reader, seed),
    );
    expect(ids).toContain('worker-timeline');
    for (const hidden of ['worker-reveal-idNumber', 'worker-reveal-phone', 'worker-recommend', 'worker-edit'])
      expect(ids).not.toContain(hidden);
  });

  it('offers the new modules on the home page and in the menu', () => {
    const html = renderPage('/', '/', <HomePage />, buildMe());
    expect(listTestIds(html)).toEqual(expect.arrayContaining(['home-job-orders', 'home-workers']));
    const menu = renderPage('/', '/', <AppLayout />, leader);
    expect(menu).toContain(text.jobOrders);
    expect(menu).not.toContain(`>${text.workers}<`);
  });

  it('shows an officer only the menu entries their permissions allow', () => {
    const officer = buildMe({ roles: ['district_officer'], permissions: ['enterprise.read'] });
    const html = renderPage('/', '/', <AppLayout />, officer);
    expect(html).toContain(text.list);
    expect(html).not.toContain(text.audit);
  });
});
