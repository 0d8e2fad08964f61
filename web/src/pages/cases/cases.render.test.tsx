import {
  type CaseDetail,
  type CaseListItem,
  Permission,
  type ShortageReport,
  type Visit,
} from '@yonggong/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseKeys, previousMonth } from '../../api/cases.ts';
import { monitoringKeys } from '../../api/monitoring.ts';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { buildMe, ENTERPRISE_ID, LIAISON_ID } from '../../test/fixtures.ts';
import { renderPageToHtml as renderPage, type QuerySeed as Seed } from '../../test/render-page.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { CaseDetailPage } from './CaseDetailPage.tsx';
import { CaseListPage } from './CaseListPage.tsx';
import { ShortageReportFormPage } from './ShortageReportFormPage.tsx';
import { ShortageReportListPage } from './ShortageReportListPage.tsx';
import { VisitFormPage } from './VisitFormPage.tsx';
import { VisitListPage } from './VisitListPage.tsx';

/**
 * The 一企一策 pages and the liaison's home rendered to HTML in Node with their data in the query
 * cache (as pages.render.test.tsx does): a crash, a missing test id or an untranslated string
 * shows up here without a browser.
 */

const CASE_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';
const ACTION_ID = '5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c';
const ORDER_ID = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const VISIT_ID = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
const GROUP_ID = '2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b';

const listItem: CaseListItem = {
  id: CASE_ID,
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '苏州恒达精密电子有限公司',
  districtCode: '320509',
  districtName: '吴江区',
  title: '一企一策：缺工 45 人帮扶',
  category: 'shortage',
  status: 'open',
  ownerUserId: LIAISON_ID,
  ownerName: '吴江区挂钩联络员 姚雪梅',
  isAutoOpened: true,
  openedAt: '2026-10-01T09:30:00+08:00',
  openedOn: '2026-10-01',
  closedAt: null,
  headcountResolved: 12,
  linkedOrders: 1,
  actionsTotal: 3,
  actionsDone: 1,
  actionsOverdue: 1,
  nextDueOn: '2026-11-01',
};

const visit: Visit = {
  id: VISIT_ID,
  groupId: GROUP_ID,
  kind: 'meeting',
  visitedOn: '2026-11-10',
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '苏州恒达精密电子有限公司',
  districtCode: '320509',
  caseId: CASE_ID,
  caseTitle: listItem.title,
  participants: '区就业管理中心',
  notes: '召开重点企业用工座谈会',
  issues: '技工紧缺',
  liaisonUserId: LIAISON_ID,
  liaisonName: '姚雪梅',
  groupSize: 3,
  createdAt: '2026-11-10T10:00:00+08:00',
};

const detail: CaseDetail = {
  ...listItem,
  problem: '订单回升，一线普工缺口大',
  statusReason: null,
  shortageReportId: null,
  actions: [
    {
      id: ACTION_ID,
      caseId: CASE_ID,
      title: '对接劳务基地专场招聘',
      ownerUserId: LIAISON_ID,
      ownerText: '',
      ownerName: '姚雪梅',
      dueOn: '2026-11-01',
      status: 'todo',
      doneOn: null,
      note: '',
      isOverdue: true,
      version: 1,
      createdAt: '2026-10-01T09:30:00+08:00',
    },
  ],
  jobOrders: [
    {
      id: ORDER_ID,
      title: '焊工',
      occupationCode: '6-18-02-04',
      occupationName: '焊工',
      headcount: 30,
      filled: 12,
      status: 'open',
      deadline: '2026-12-31',
      resolved: 12,
    },
  ],
  visits: [visit],
  version: 1,
  can: { update: true, logVisit: true },
};

const report: ShortageReport = {
  id: '6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a',
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '苏州恒达精密电子有限公司',
  districtCode: '320509',
  reason: '新接整车厂订单',
  contactName: '周经理',
  contactPhoneMasked: '138****5678',
  orderMode: 'create',
  totalShortage: 45,
  plannedHeadcount: 2600,
  isOverThreshold: true,
  caseId: CASE_ID,
  caseTitle: listItem.title,
  hasOpenedCase: true,
  lines: [
    {
      occupationCode: '6-18-02-04',
      occupationName: '焊工',
      headcount: 45,
      wageMin: 6500,
      wageMax: 8500,
      neededBy: '2026-12-15',
      jobOrderId: ORDER_ID,
    },
  ],
  jobOrders: [{ id: ORDER_ID, title: '焊工', status: 'open' }],
  reportedByName: '人事部',
  createdAt: '2026-10-01T09:30:00+08:00',
};

const liaison = buildMe({
  id: LIAISON_ID,
  username: 'liaison.wujiang',
  displayName: '吴江区挂钩联络员 姚雪梅',
  roles: ['liaison'],
  permissions: [
    Permission.EnterpriseRead,
    Permission.CaseRead,
    Permission.CaseWrite,
    Permission.VisitWrite,
    Permission.MonitoringRead,
    Permission.MonitoringReport,
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
const hr = buildMe({
  roles: ['enterprise'],
  permissions: [
    Permission.MonitoringRead,
    Permission.MonitoringReport,
    Permission.CaseRead,
    Permission.JobOrderRead,
  ],
  scope: {
    districtCodes: [],
    enterpriseId: ENTERPRISE_ID,
    agencyId: null,
    schoolId: null,
    baseId: null,
    workerId: null,
  },
});

const page = (items: unknown[]) => ({ items, page: 1, pageSize: 20, total: items.length });
const month = previousMonth();
const homeSeed: Seed = [
  [
    // The monitoring module's own hooks and keys (web/src/api/monitoring.ts), its shared reply shape.
    monitoringKeys.map({ level: 'enterprise', month, liaison: 'me' }),
    {
      level: 'enterprise',
      month,
      thresholds: { yellowFrom: 0.05, redAbove: 0.15, risingToRed: true },
      totals: {
        name: '',
        enterprises: 1,
        reported: 1,
        plannedHeadcount: 2600,
        actualHeadcount: 2132,
        shortage: 468,
        shortageRate: 0.18,
        colour: 'red',
        counts: { green: 0, yellow: 0, red: 1, none: 0 },
      },
      items: [
        {
          enterpriseId: ENTERPRISE_ID,
          name: '苏州恒达精密电子有限公司',
          districtCode: '320509',
          industryCode: '39',
          latitude: null,
          longitude: null,
          plannedHeadcount: 2600,
          actualHeadcount: 2132,
          shortage: 468,
          shortageRate: 0.18,
          colour: 'red',
          previousColour: 'yellow',
          liaisonUserId: LIAISON_ID,
        },
      ],
      page: 1,
      pageSize: 1000,
      total: 1,
    },
  ],
  [
    monitoringKeys.alerts(month, true),
    {
      month,
      items: [
        {
          enterpriseId: ENTERPRISE_ID,
          enterpriseName: '苏州恒达精密电子有限公司',
          districtCode: '320509',
          kind: 'turned_red',
          colour: 'red',
          previousColour: 'yellow',
          shortageRate: 0.18,
          previousShortageRate: 0.1,
        },
      ],
    },
  ],
  [
    monitoringKeys.late(month, true),
    {
      month,
      window: { from: `${month}-20`, to: `${month}-24` },
      isClosed: true,
      pending: 0,
      items: [
        {
          enterpriseId: ENTERPRISE_ID,
          enterpriseName: '吴江迟报有限公司',
          districtCode: '320509',
          liaisonUserId: LIAISON_ID,
          liaisonName: '姚雪梅',
          status: 'missing',
          submittedAt: null,
        },
      ],
    },
  ],
  [caseKeys.list({ owner: 'me', status: 'active', sort: '-overdue', pageSize: 10 }), page([listItem])],
  [
    caseKeys.actions({ owner: 'me', overdue: true, pageSize: 10 }),
    page([
      {
        ...detail.actions[0],
        caseTitle: listItem.title,
        enterpriseId: ENTERPRISE_ID,
        enterpriseName: listItem.enterpriseName,
      },
    ]),
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
      list: '一企一策',
      overdue: '已逾期',
      resolved: '已解决用工',
      visit: '登记走访/联系',
      meeting: '座谈',
      shortage: '紧急缺工报告',
      opened: '已达到阈值',
      home: '我的挂钩企业',
      turnedRed: '转为红色',
      missing: '未报送',
    },
  ],
  [
    'en',
    {
      list: 'Service cases',
      overdue: 'Overdue',
      resolved: 'Headcount resolved',
      visit: 'Log a visit or call',
      meeting: 'Meeting',
      shortage: 'Urgent shortage report',
      opened: 'Above the threshold',
      home: 'My enterprises',
      turnedRed: 'Turned red',
      missing: 'Missing',
    },
  ],
] as const)('cases pages in %s', (language, text) => {
  beforeAll(async () => {
    await i18next.changeLanguage(language);
  });

  const expectTranslated = (html: string) => expect(html).not.toMatch(/cases\.[a-zA-Z]+\.[a-zA-Z]/);

  it('lists cases with the overdue count and a link to each case', () => {
    const html = renderPage('/cases', '/cases', <CaseListPage />, liaison, [
      [caseKeys.list({ status: 'active', sort: '-openedAt', page: 1, pageSize: 20 }), page([listItem])],
    ]);
    expect(html).toContain(text.list);
    expect(html).toContain(listItem.title);
    expect(html).toContain('case-link');
    expectTranslated(html);
  });

  it('shows a case with its overdue action highlighted, resolved headcount, orders and visits', () => {
    const html = renderPage(`/cases/${CASE_ID}`, '/cases/:id', <CaseDetailPage />, liaison, [
      [caseKeys.detail(CASE_ID), detail],
    ]);
    expect(html).toContain('case-title');
    expect(html).toContain(text.overdue);
    expect(html).toContain('action-overdue');
    expect(html).toContain(text.resolved);
    expect(html).toContain('action-add');
    expect(html).toContain('焊工');
    expect(html).toContain('召开重点企业用工座谈会');
    expectTranslated(html);
  });

  it('renders the visit form and the visit list', () => {
    const form = renderPage('/visits/new', '/visits/new', <VisitFormPage />, liaison, []);
    expect(form).toContain(text.visit);
    expect(form).toContain('visit-submit');
    expect(form).toContain(text.meeting);
    expectTranslated(form);
    const list = renderPage('/visits', '/visits', <VisitListPage />, liaison, [
      [caseKeys.visits({ page: 1, pageSize: 20 }), page([visit])],
      [
        caseKeys.visitStats({ by: 'liaison' }),
        {
          by: 'liaison',
          from: null,
          to: null,
          items: [],
          totals: { visits: 1, onSite: 0, phone: 0, meeting: 1, enterprisesServed: 1 },
        },
      ],
    ]);
    expect(list).toContain('召开重点企业用工座谈会');
    expectTranslated(list);
  });

  it('renders the shortage report form for enterprise HR and the report list with its case', () => {
    const form = renderPage(
      '/shortage-reports/new',
      '/shortage-reports/new',
      <ShortageReportFormPage />,
      hr,
      [],
    );
    expect(form).toContain(text.shortage);
    expect(form).toContain('shortage-submit');
    expect(form).not.toContain('shortage-enterprise');
    expectTranslated(form);
    const list = renderPage('/shortage-reports', '/shortage-reports', <ShortageReportListPage />, hr, [
      [caseKeys.shortageReports({ page: 1, pageSize: 20 }), page([report])],
    ]);
    expect(list).toContain(listItem.title);
    expectTranslated(list);
  });

  it('shows a liaison their colours, alerts, late reports, cases and overdue actions on the home page', () => {
    const html = renderPage('/', '/', <HomePage />, liaison, homeSeed);
    for (const id of [
      'liaison-home',
      'home-alert',
      'home-enterprise',
      'home-late',
      'home-case',
      'home-overdue-action',
    ])
      expect(html).toContain(id);
    expect(html).toContain(text.home);
    expect(html).toContain(text.turnedRed);
    expect(html).toContain(text.missing);
    expectTranslated(html);
  });

  it('keeps the home page as it was for accounts that are not liaisons', () => {
    const html = renderPage('/', '/', <HomePage />, hr, []);
    expect(html).not.toContain('liaison-home');
  });
});
