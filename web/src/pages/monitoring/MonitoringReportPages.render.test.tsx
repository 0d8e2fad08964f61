import { Permission } from '@yonggong/shared';
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringKeys } from '../../api/monitoring.ts';
import { regionKeys } from '../../api/regions.ts';
import { buildMe, CITY, ENTERPRISE_ID, LIAISON_ID } from '../../test/fixtures.ts';
import { initTestI18n, renderPageToHtml } from '../../test/render-page.tsx';
import { MonitoringLatePage } from './MonitoringLatePage.tsx';
import { MonitoringReportFormPage } from './MonitoringReportFormPage.tsx';
import { MonitoringReportsPage } from './MonitoringReportsPage.tsx';
import { MonitoringSettingsPage } from './MonitoringSettingsPage.tsx';

const REPORT_ID = '5d6e7f80-9a1b-4c2d-8e3f-405162738495';
const OTHER_ID = '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
const SETTINGS = {
  window: { fromDay: 20, toDay: 24, monthOffset: 0 as const },
  thresholds: { yellowFrom: 0.05, redAbove: 0.15, risingToRed: true },
};
const THIS_MONTH = dayjs().format('YYYY-MM');

function buildReport(overrides: Record<string, unknown> = {}) {
  return {
    id: REPORT_ID,
    enterpriseId: ENTERPRISE_ID,
    enterpriseName: '吴江精工电子有限公司',
    districtCode: '320509',
    districtName: '吴江区',
    month: '2026-10',
    plannedHeadcount: 1000,
    actualHeadcount: 950,
    hires: 30,
    separations: 10,
    shortage: 50,
    shortageRate: 0.05,
    colour: 'yellow' as const,
    expectedHires: 40,
    shortageByOccupation: [{ occupationCode: '6-25', occupationName: '电子元器件制造人员', shortage: 50 }],
    reasons: ['orders_growth'],
    reasonText: '新增订单',
    reconciliation: { previousActual: 900, difference: 30, confirmed: true },
    source: 'enterprise' as const,
    submittedAt: '2026-10-26T02:00:00Z',
    submittedByName: '企业人事',
    isLate: true,
    version: 2,
    can: { update: true },
    ...overrides,
  };
}

const history = {
  enterprise: {
    id: ENTERPRISE_ID,
    name: '吴江精工电子有限公司',
    districtCode: '320509',
    districtName: '吴江区',
    industryCode: '39',
    keyLevel: 'city',
    isMonitored: true,
    isSample: false,
    liaisonUserId: LIAISON_ID,
    liaisonName: '吴江联络员',
  },
  thresholds: SETTINGS.thresholds,
  points: [],
  can: { report: true, manageSample: false },
};

const officer = buildMe({
  roles: ['district_officer'],
  permissions: [Permission.MonitoringRead, Permission.MonitoringReport, Permission.EnterpriseRead],
  scope: { ...buildMe().scope, districtCodes: ['320509', '320507'] },
});
const hr = buildMe({
  username: 'enterprise.1',
  displayName: '企业人事',
  roles: ['enterprise'],
  permissions: [Permission.MonitoringRead, Permission.MonitoringReport],
  scope: { ...buildMe().scope, enterpriseId: ENTERPRISE_ID },
});
const listDefaults = { sort: 'month', order: 'desc', page: 1, pageSize: 20 } as const;

function renderReports(me = officer) {
  return renderPageToHtml('/monitoring/reports', '/monitoring/reports', <MonitoringReportsPage />, me, [
    [regionKeys.city(), CITY],
    [
      monitoringKeys.reports(listDefaults),
      {
        items: [
          buildReport(),
          buildReport({
            id: OTHER_ID,
            reconciliation: { previousActual: null, difference: null, confirmed: false },
            isLate: false,
            can: { update: false },
          }),
        ],
        page: 1,
        pageSize: 20,
        total: 2,
      },
    ],
    [monitoringKeys.settings(), SETTINGS],
    [monitoringKeys.history(ENTERPRISE_ID), history],
    [
      monitoringKeys.reports({ enterpriseId: ENTERPRISE_ID, month: THIS_MONTH, page: 1, pageSize: 1 }),
      { items: [], page: 1, pageSize: 1, total: 0 },
    ],
  ]);
}

function renderEmptyReports() {
  return renderPageToHtml(
    '/monitoring/reports?reconciliation=mismatch',
    '/monitoring/reports',
    <MonitoringReportsPage />,
    officer,
    [
      [regionKeys.city(), CITY],
      [
        monitoringKeys.reports({ ...listDefaults, reconciliation: 'mismatch' }),
        { items: [], page: 1, pageSize: 20, total: 0 },
      ],
    ],
  );
}

function renderNew(me = hr) {
  return renderPageToHtml(
    `/monitoring/reports/new?month=${THIS_MONTH}`,
    '/monitoring/reports/new',
    <MonitoringReportFormPage />,
    me,
    [
      [monitoringKeys.settings(), SETTINGS],
      [monitoringKeys.history(ENTERPRISE_ID), history],
    ],
  );
}

function renderEdit() {
  return renderPageToHtml(
    `/monitoring/reports/${REPORT_ID}/edit`,
    '/monitoring/reports/:id/edit',
    <MonitoringReportFormPage />,
    officer,
    [
      [monitoringKeys.report(REPORT_ID), buildReport()],
      [monitoringKeys.settings(), SETTINGS],
      [
        monitoringKeys.reports({ enterpriseId: ENTERPRISE_ID, month: '2026-09', page: 1, pageSize: 1 }),
        { items: [buildReport({ month: '2026-09', actualHeadcount: 900 })], page: 1, pageSize: 1, total: 1 },
      ],
    ],
  );
}

function renderLate() {
  return renderPageToHtml(
    '/monitoring/late?month=2026-10',
    '/monitoring/late',
    <MonitoringLatePage />,
    officer,
    [
      [regionKeys.city(), CITY],
      [monitoringKeys.latestMonth(), { month: '2026-11' }],
      [
        monitoringKeys.late('2026-10', false),
        {
          month: '2026-10',
          window: { from: '2026-10-20', to: '2026-10-24' },
          isClosed: true,
          pending: 0,
          items: [
            {
              enterpriseId: ENTERPRISE_ID,
              enterpriseName: '吴江精工电子有限公司',
              districtCode: '320509',
              liaisonUserId: LIAISON_ID,
              liaisonName: '吴江联络员',
              status: 'missing',
              submittedAt: null,
            },
            {
              enterpriseId: OTHER_ID,
              enterpriseName: '吴江恒达电子有限公司',
              districtCode: '320509',
              liaisonUserId: LIAISON_ID,
              liaisonName: '吴江联络员',
              status: 'late',
              submittedAt: '2026-10-27T02:00:00Z',
            },
          ],
        },
      ],
    ],
  );
}

function renderSettings(me = officer) {
  return renderPageToHtml('/monitoring/settings', '/monitoring/settings', <MonitoringSettingsPage />, me, [
    [regionKeys.city(), CITY],
    [monitoringKeys.settings(), SETTINGS],
    [
      monitoringKeys.monitored({ page: 1, pageSize: 20 }),
      {
        items: [
          {
            enterpriseId: ENTERPRISE_ID,
            name: '吴江精工电子有限公司',
            districtCode: '320509',
            keyLevel: 'none',
            isSample: true,
            liaisonUserId: null,
            liaisonName: null,
          },
        ],
        page: 1,
        pageSize: 20,
        total: 1,
      },
    ],
  ]);
}

describe('monitoring report pages', () => {
  beforeAll(() => initTestI18n('zh-CN'));
  afterAll(() => initTestI18n('zh-CN'));

  it('lists reports with colour, reconciliation, lateness, and correction only where allowed', () => {
    const html = renderReports();
    expect(html).toContain('用工监测月报');
    expect(html).toContain('吴江精工电子有限公司');
    expect(html).toContain('data-testid="reconciliation-mismatch"');
    expect(html).toContain('不一致');
    expect(html).toContain('无上月数据');
    expect(html).toContain('迟报');
    expect(html).toContain(`data-testid="report-edit-${REPORT_ID}"`);
    expect(html).not.toContain(`data-testid="report-edit-${OTHER_ID}"`);
    expect(html).toContain('href="/api/monitoring/reports/export?sort=month&amp;order=desc"');
    expect(html).toContain('data-testid="reports-import"');
    expect(html).toContain('共 2 份');
  });

  it('says so when no report matches the filters', () => {
    const html = renderEmptyReports();
    expect(html).toContain('没有符合条件的月报');
    expect(html).toContain('reconciliation=mismatch');
  });

  it('shows enterprise HR this month’s window and that it is not reported yet', () => {
    const html = renderReports(hr);
    expect(html).toContain('data-testid="reporting-status"');
    expect(html).toContain(`${THIS_MONTH} 月报`);
    expect(html).toContain('尚未报送');
    expect(html).toContain(`href="/monitoring/reports/new?month=${THIS_MONTH}"`);
  });

  it('opens the new report for HR with its enterprise fixed, and for an officer with a picker', () => {
    const html = renderNew();
    expect(html).toContain('填报用工监测月报');
    expect(html).toContain('data-testid="report-enterprise-name"');
    expect(html).toContain('吴江精工电子有限公司');
    expect(html).toContain('分工种缺工');
    expect(html).toContain('节后返岗不足');
    expect(html).toContain('本期填报窗口');
    expect(renderNew(officer)).toContain('data-testid="report-enterprise"');
  });

  it('opens a correction with the filed figures', () => {
    const html = renderEdit();
    expect(html).toContain('更正月报：吴江精工电子有限公司 2026-10');
    expect(html).toContain('value="950"');
    expect(html).toContain('保存更正');
  });

  it('groups the late list by liaison with counts and links to the enterprises', () => {
    const html = renderLate();
    expect(html).toContain('迟报 / 未报名单');
    expect(html).toContain(`data-testid="late-liaison-${LIAISON_ID}"`);
    expect(html).toContain('吴江联络员');
    expect(html).toContain('未报 1');
    expect(html).toContain('迟报 1');
    expect(html).toContain(`href="/monitoring/enterprises/${ENTERPRISE_ID}"`);
  });

  it('shows settings read-only without the settings permission, with the sample set', () => {
    const html = renderSettings();
    expect(html).toContain('用工监测设置');
    expect(html).toContain('您可以查看设置');
    expect(html).not.toContain('data-testid="settings-save"');
    expect(html).toContain('绿 &lt; 5%');
    expect(html).toContain(`data-testid="sample-remove-${ENTERPRISE_ID}"`);
    const admin = renderSettings(buildMe());
    expect(admin).toContain('data-testid="settings-save"');
  });

  it('renders every page in English', async () => {
    await initTestI18n('en');
    expect(renderReports()).toContain('Monthly headcount reports');
    expect(renderReports(hr)).toContain('This month’s headcount report');
    expect(renderEmptyReports()).toContain('No reports match');
    expect(renderNew()).toContain('File a monthly headcount report');
    expect(renderEdit()).toContain('Correct the report');
    expect(renderLate()).toContain('Late and missing reports');
    expect(renderSettings()).toContain('Monitoring settings');
    await initTestI18n('zh-CN');
  });
});
