import { type CaseDetail, type CaseSettings, Permission } from '@yonggong/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseKeys } from '../../api/cases.ts';
import { enterpriseKeys } from '../../api/enterprises.ts';
import { userKeys } from '../../api/users.ts';
import { buildEnterprise, buildMe, ENTERPRISE_ID, LIAISON_ID, LIAISONS } from '../../test/fixtures.ts';
import { initTestI18n, renderPageToHtml } from '../../test/render-page.tsx';
import { CaseDetailPage } from './CaseDetailPage.tsx';
import { CaseFormPage } from './CaseFormPage.tsx';
import { CaseListPage } from './CaseListPage.tsx';
import { ShortageReportListPage } from './ShortageReportListPage.tsx';
import { VisitListPage } from './VisitListPage.tsx';

/**
 * The pages issue 6's second pass added or changed — the new-case form, reassigning an action,
 * the Excel exports and the automatic-case threshold — rendered in both languages.
 */
const CASE_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';
const ACTION_ID = '5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c';

const liaison = buildMe({
  id: LIAISON_ID,
  roles: ['liaison'],
  permissions: [
    Permission.EnterpriseRead,
    Permission.CaseRead,
    Permission.CaseWrite,
    Permission.VisitWrite,
    Permission.MonitoringRead,
    Permission.MonitoringReport,
    Permission.UserDirectoryRead,
  ],
  scope: {
    districtCodes: ['320509'],
    enterpriseId: null,
    agencyId: null,
    schoolId: null,
    baseId: null,
    workerId: null,
  },
});
const admin = buildMe({
  roles: ['admin'],
  permissions: [Permission.MonitoringRead, Permission.MonitoringSettings, Permission.CaseRead],
});
const analyst = buildMe({
  roles: ['analyst'],
  permissions: [Permission.MonitoringRead, Permission.CaseRead],
});

const detail: CaseDetail = {
  id: CASE_ID,
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '苏州恒达精密电子有限公司',
  districtCode: '320509',
  districtName: '吴江区',
  title: '一企一策：缺工 45 人帮扶',
  category: 'shortage',
  status: 'in_progress',
  ownerUserId: LIAISON_ID,
  ownerName: '姚雪梅',
  isAutoOpened: false,
  openedAt: '2026-10-01T09:30:00+08:00',
  openedOn: '2026-10-01',
  closedAt: null,
  headcountResolved: 4,
  linkedOrders: 0,
  actionsTotal: 1,
  actionsDone: 0,
  actionsOverdue: 0,
  nextDueOn: '2099-01-10',
  problem: '订单回升，一线普工缺口大',
  statusReason: null,
  shortageReportId: null,
  actions: [
    {
      id: ACTION_ID,
      caseId: CASE_ID,
      title: '调整薪资结构',
      ownerUserId: null,
      ownerText: '企业人事部',
      ownerName: '企业人事部',
      dueOn: '2099-01-10',
      status: 'todo',
      doneOn: null,
      note: '',
      isOverdue: false,
      version: 2,
      createdAt: '2026-10-01T09:30:00+08:00',
    },
  ],
  jobOrders: [],
  visits: [],
  version: 3,
  can: { update: true, logVisit: true },
};

const settings: CaseSettings = {
  autoCaseMinPeople: 30,
  autoCaseMinPercent: 10,
  updatedAt: '2026-11-01T08:00:00+08:00',
};
const emptyPage = { items: [], page: 1, pageSize: 20, total: 0 };

describe.each([
  [
    'zh-CN',
    {
      formTitle: '新建一企一策个案',
      ownerDefault: '不选则由企业的挂钩联络员',
      firstActions: '首批措施',
      reassign: '改派/改期',
      export: '导出 Excel',
      newCase: '新建个案',
      threshold: '自动建立个案的阈值',
      ruleText: '缺工达到 30 人，或达到计划用工的 10%',
    },
  ],
  [
    'en',
    {
      formTitle: 'New service case',
      ownerDefault: 'Leave empty and the enterprise’s liaison',
      firstActions: 'First actions',
      reassign: 'Reassign / reschedule',
      export: 'Export to Excel',
      newCase: 'New case',
      threshold: 'Threshold for opening a case automatically',
      ruleText: 'A shortage of 30 people, or 10% of the planned headcount',
    },
  ],
] as const)('cases, second pass, in %s', (language, text) => {
  beforeAll(() => initTestI18n(language));

  const expectTranslated = (html: string) => expect(html).not.toMatch(/cases\.[a-zA-Z]+\.[a-zA-Z]/);

  it('opens the new-case form for an enterprise with its liaison as the default owner', () => {
    const enterprise = buildEnterprise({ id: ENTERPRISE_ID });
    const html = renderPageToHtml(
      `/cases/new?enterpriseId=${ENTERPRISE_ID}`,
      '/cases/new',
      <CaseFormPage />,
      liaison,
      [
        [enterpriseKeys.detail(ENTERPRISE_ID), enterprise],
        [userKeys.directory({ role: 'liaison', districtCode: enterprise.districtCode }), { items: LIAISONS }],
      ],
    );
    expect(html).toContain(text.formTitle);
    for (const id of [
      'case-form',
      'case-enterprise',
      'case-owner',
      'case-orders',
      'case-form-add-action',
      'case-submit',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain(text.firstActions);
    if (enterprise.liaison) expect(html).toContain(text.ownerDefault);
    expectTranslated(html);
  });

  it('offers to reassign or reschedule an open action on the case page', () => {
    const html = renderPageToHtml(`/cases/${CASE_ID}`, '/cases/:id', <CaseDetailPage />, liaison, [
      [caseKeys.detail(CASE_ID), detail],
    ]);
    expect(html).toContain('data-testid="action-edit"');
    expect(html).toContain(text.reassign);
    expectTranslated(html);
    const closed = renderPageToHtml(`/cases/${CASE_ID}`, '/cases/:id', <CaseDetailPage />, liaison, [
      [caseKeys.detail(CASE_ID), { ...detail, status: 'resolved', closedAt: '2026-11-01T09:00:00+08:00' }],
    ]);
    expect(closed).not.toContain('data-testid="action-edit"');
  });

  it('puts the new-case and export buttons on the case list and an export on the visit log', () => {
    const list = renderPageToHtml('/cases', '/cases', <CaseListPage />, liaison, [
      [caseKeys.list({ status: 'active', sort: '-openedAt', page: 1, pageSize: 20 }), emptyPage],
    ]);
    expect(list).toContain('data-testid="case-new"');
    expect(list).toContain(text.newCase);
    expect(list).toContain('data-testid="case-export"');
    expect(list).toContain('/api/cases/export?status=active&amp;sort=-openedAt');
    expect(list).toContain(text.export);
    const visits = renderPageToHtml('/visits', '/visits', <VisitListPage />, liaison, [
      [caseKeys.visits({ page: 1, pageSize: 20 }), emptyPage],
    ]);
    expect(visits).toContain('data-testid="visit-export"');
    expect(visits).toContain('href="/api/visits/export"');
    expectTranslated(list);
    expectTranslated(visits);
  });

  it('lets an administrator edit the threshold and shows it read-only to others', () => {
    const seed = [
      [caseKeys.settings(), settings],
      [caseKeys.shortageReports({ page: 1, pageSize: 20 }), emptyPage],
    ] as const;
    const forAdmin = renderPageToHtml(
      '/shortage-reports',
      '/shortage-reports',
      <ShortageReportListPage />,
      admin,
      seed,
    );
    expect(forAdmin).toContain(text.threshold);
    expect(forAdmin).toContain('data-testid="shortage-threshold-form"');
    expect(forAdmin).toContain('data-testid="shortage-threshold-save"');
    expectTranslated(forAdmin);
    const forAnalyst = renderPageToHtml(
      '/shortage-reports',
      '/shortage-reports',
      <ShortageReportListPage />,
      analyst,
      seed,
    );
    expect(forAnalyst).toContain(text.ruleText);
    expect(forAnalyst).not.toContain('shortage-threshold-form');
    expectTranslated(forAnalyst);
  });
});
