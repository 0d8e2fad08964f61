import { Permission } from '@yonggong/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { monitoringKeys } from '../../api/monitoring.ts';
import { buildMe } from '../../test/fixtures.ts';
import { initTestI18n, renderPageToHtml } from '../../test/render-page.tsx';
import { MonitoringEnterprisePage } from './MonitoringEnterprisePage.tsx';
import { MonitoringMapPage } from './MonitoringMapPage.tsx';

const ENTERPRISE_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const CASE_ID = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
const THRESHOLDS = { yellowFrom: 0.05, redAbove: 0.15, risingToRed: true };
const counts = { green: 20, yellow: 5, red: 2, none: 1 };
const aggregate = {
  name: '',
  enterprises: 28,
  reported: 27,
  plannedHeadcount: 30_000,
  actualHeadcount: 28_000,
  shortage: 2_000,
  shortageRate: 2_000 / 30_000,
  colour: 'yellow' as const,
  counts,
};
const DISTRICT_MAP = {
  level: 'district' as const,
  month: '2026-10',
  thresholds: THRESHOLDS,
  totals: aggregate,
  items: [
    {
      districtCode: '320509',
      ...aggregate,
      name: '吴江区',
      openPlaces: 900,
      jobSeekers: 600,
      seekerRatio: 1.5,
    },
  ],
};
const POINTS = {
  level: 'enterprise' as const,
  month: '2026-10',
  thresholds: THRESHOLDS,
  totals: aggregate,
  items: [],
  page: 1,
  pageSize: 1000,
  total: 0,
};
const me = buildMe({ roles: ['analyst'], permissions: [Permission.MonitoringRead, Permission.CaseRead] });

function renderMap() {
  return renderPageToHtml('/monitoring?month=2026-10', '/monitoring', <MonitoringMapPage />, me, [
    [monitoringKeys.latestMonth(), { month: '2026-10' }],
    [monitoringKeys.map({ level: 'district', month: '2026-10' }), DISTRICT_MAP],
    [monitoringKeys.map({ level: 'enterprise', month: '2026-10' }), POINTS],
    [
      monitoringKeys.alerts('2026-10', false),
      {
        month: '2026-10',
        items: [
          {
            enterpriseId: ENTERPRISE_ID,
            enterpriseName: '吴江恒达电子有限公司',
            districtCode: '320509',
            liaisonUserId: null,
            kind: 'turned_red',
            colour: 'red',
            previousColour: 'yellow',
            shortageRate: 0.2,
            previousShortageRate: 0.1,
          },
        ],
      },
    ],
  ]);
}

function renderEnterprise() {
  return renderPageToHtml(
    `/monitoring/enterprises/${ENTERPRISE_ID}`,
    '/monitoring/enterprises/:id',
    <MonitoringEnterprisePage />,
    me,
    [
      [
        monitoringKeys.history(ENTERPRISE_ID),
        {
          enterprise: {
            id: ENTERPRISE_ID,
            name: '吴江恒达电子有限公司',
            districtCode: '320509',
            districtName: '吴江区',
            industryCode: '39',
            keyLevel: 'city',
            isMonitored: true,
            isSample: false,
            liaisonUserId: null,
            liaisonName: '吴江联络员',
          },
          thresholds: THRESHOLDS,
          points: [
            {
              reportId: CASE_ID,
              month: '2026-10',
              plannedHeadcount: 1000,
              actualHeadcount: 800,
              hires: 10,
              separations: 5,
              shortage: 200,
              shortageRate: 0.2,
              colour: 'red',
            },
          ],
          can: { report: false, manageSample: false },
        },
      ],
      [
        monitoringKeys.enterpriseCases(ENTERPRISE_ID),
        {
          items: [
            {
              id: CASE_ID,
              title: '节后普工缺口帮扶',
              category: 'recruitment',
              status: 'open',
              openedAt: '2026-10-25T02:00:00Z',
            },
          ],
          total: 1,
        },
      ],
    ],
  );
}

describe('monitoring pages', () => {
  beforeAll(() => initTestI18n('zh-CN'));

  it('shows the district table with colours, 求人倍率 and alerts', () => {
    const html = renderMap();
    expect(html).toContain('用工监测三色图');
    expect(html).toContain('data-testid="district-320509"');
    expect(html).toContain('6.7%');
    expect(html).toContain('1.50');
    expect(html).toContain('转为红色');
    expect(html).toContain('绿 &lt; 5%');
  });

  it('shows an enterprise with its colour and its 一企一策 cases linking to the case page', () => {
    const html = renderEnterprise();
    expect(html).toContain('吴江恒达电子有限公司 · 用工监测');
    expect(html).toContain('data-testid="colour-red"');
    expect(html).toContain(`href="/cases/${CASE_ID}"`);
    expect(html).toContain('节后普工缺口帮扶');
  });

  it('renders in English', async () => {
    await initTestI18n('en');
    expect(renderMap()).toContain('Three-colour shortage map');
    expect(renderEnterprise()).toContain('Per-enterprise plans');
    await initTestI18n('zh-CN');
  });
});
