import { type Listing, type MarketplaceSettings, Permission } from '@yonggong/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketplaceKeys } from '../../api/marketplace.ts';
import { buildMe, ENTERPRISE_ID, JOB_ORDER_ID } from '../../test/fixtures.ts';
import { initTestI18n, renderPageToHtml } from '../../test/render-page.tsx';
import { MarketplaceDashboardPage } from './MarketplaceDashboardPage.tsx';
import { OrderHallPage } from './OrderHallPage.tsx';

const AGENCY_ID = '5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
const SETTINGS: MarketplaceSettings = {
  tierDelayMinutes: 120,
  tier1MinRating: 4.5,
  tier1MinReviews: 3,
  claimLapseHours: 48,
  ownershipWindowDays: 90,
  settlementRetentionDays: 30,
};
const DASHBOARD = {
  since: '2026-08-24T00:00:00+08:00',
  openListings: 12,
  offeredPlaces: 340,
  claimedPlaces: 210,
  hires: 96,
  medianHoursToFirstClaim: 3.5,
  claimRate: 210 / 340,
  fillRate: 96 / 340,
  lapsedClaims: 4,
  recentLapses: [],
  leaderboard: [
    {
      agencyId: AGENCY_ID,
      agencyName: '苏州汇才人力资源有限公司',
      alliance: '苏州人力资源服务联盟',
      claims: 18,
      submissions: 60,
      placements: 41,
      retained90: 30,
      retention90Rate: 0.81,
      rating: 4.7,
      reviewCount: 12,
    },
  ],
};
const LISTING: Listing = {
  id: '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918',
  jobOrderId: JOB_ORDER_ID,
  enterprise: {
    id: ENTERPRISE_ID,
    name: '吴江精工电子有限公司',
    rating: { count: 3, average: 4.3, criteria: {} },
  },
  title: '电子装配工',
  occupationCode: '6-25-04-01',
  occupationName: '电子设备装配调试人员',
  districtCode: '320509',
  districtName: '吴江区',
  urgency: 'critical',
  wageMin: 5500,
  wageMax: 7200,
  headcount: 60,
  filled: 12,
  offeredPlaces: 30,
  claimedPlaces: 28,
  remainingPlaces: 2,
  feePerHireFen: 80_000,
  subsidyApplies: true,
  deadline: '2026-12-20',
  status: 'open',
  statusReason: null,
  publishedAt: '2026-11-20T09:00:00+08:00',
  openToAllAt: '2026-11-20T11:00:00+08:00',
  firstClaimAt: '2026-11-20T09:12:00+08:00',
  myClaim: null,
  version: 1,
  can: { update: false, withdraw: false, claim: true },
};

describe('marketplace pages', () => {
  beforeAll(() => initTestI18n('zh-CN'));
  afterAll(() => initTestI18n('zh-CN'));

  const dashboard = (permissions: string[]) =>
    renderPageToHtml(
      '/marketplace/dashboard',
      '/marketplace/dashboard',
      <MarketplaceDashboardPage />,
      buildMe({ roles: ['district_officer'], permissions }),
      [
        [marketplaceKeys.dashboard(90), DASHBOARD],
        [marketplaceKeys.settings(), SETTINGS],
      ],
    );

  it('shows the officer the figures, the leaderboard and the rules, read-only', () => {
    const html = dashboard([Permission.MarketplaceRead, Permission.MarketplaceMonitor]);
    expect(html).toContain('苏州汇才人力资源有限公司');
    expect(html).toContain('81.0%');
    expect(html).toContain('抢单规则');
    expect(html).toContain('data-testid="marketplace-settings"');
    expect(html).not.toContain('marketplace-settings-edit');
  });

  it('lets an administrator change the rules', () => {
    const html = dashboard([
      Permission.MarketplaceRead,
      Permission.MarketplaceMonitor,
      Permission.MarketplaceSettings,
    ]);
    expect(html).toContain('data-testid="marketplace-settings-edit"');
  });

  it('shows an agency the listings it may claim with the places left, in both languages', async () => {
    const render = () =>
      renderPageToHtml(
        '/marketplace/hall',
        '/marketplace/hall',
        <OrderHallPage />,
        buildMe({
          roles: ['agency'],
          permissions: [Permission.MarketplaceRead, Permission.MarketplaceClaim],
        }),
        [
          [
            marketplaceKeys.hall({ page: 1, pageSize: 20, sort: '-urgency' }),
            { items: [LISTING], page: 1, pageSize: 20, total: 1 },
          ],
        ],
      );
    const zh = render();
    expect(zh).toContain('电子装配工');
    expect(zh).toContain(`data-testid="hall-remaining-${JOB_ORDER_ID}"`);
    await initTestI18n('en');
    const en = render();
    expect(en).toContain('Order hall');
  });
});
