import { channelKpiQuery, Permission } from '@yonggong/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { kpiKeys } from '../../api/kpis.ts';
import { regionKeys } from '../../api/regions.ts';
import { buildMe, CITY } from '../../test/fixtures.ts';
import { initTestI18n, renderPageToHtml } from '../../test/render-page.tsx';
import { ChannelKpiPage } from './ChannelKpiPage.tsx';

const BASE_ID = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const retention = (retained: number, lost: number, pending: number, rate: number | null) => ({
  retained,
  lost,
  pending,
  rate,
});
const REPORT = {
  from: '2026-01-01',
  to: '2026-11-22',
  districtCode: null,
  items: [
    {
      channel: 'base' as const,
      ref: BASE_ID,
      name: '昭通市昭阳区劳务合作基地',
      supplied: 120,
      applications: 96,
      hires: 64,
      hireRate: 64 / 120,
      retention30: retention(50, 6, 4, 50 / 56),
      retention90: retention(30, 10, 0, 0.75),
    },
    {
      channel: 'self' as const,
      ref: null,
      name: null,
      supplied: 0,
      applications: 0,
      hires: 0,
      hireRate: null,
      retention30: retention(0, 0, 0, null),
      retention90: retention(0, 0, 0, null),
    },
  ],
  totals: {
    supplied: 120,
    applications: 96,
    hires: 64,
    hireRate: 64 / 120,
    retention30: retention(50, 6, 4, 50 / 56),
    retention90: retention(30, 10, 0, 0.75),
  },
};

function render() {
  return renderPageToHtml(
    '/kpis/channels',
    '/kpis/channels',
    <ChannelKpiPage />,
    buildMe({ roles: ['analyst'], permissions: [Permission.KpiRead, Permission.WorkerRead] }),
    [
      [kpiKeys.channels(channelKpiQuery.parse({})), REPORT],
      [regionKeys.city(), CITY],
    ],
  );
}

describe('channel effectiveness page', () => {
  beforeAll(() => initTestI18n('zh-CN'));

  it('shows each channel record with its figures as links to their records', () => {
    const html = render();
    expect(html).toContain('渠道成效');
    expect(html).toContain('昭通市昭阳区劳务合作基地');
    expect(html).toContain(`data-testid="kpi-hires-base-${BASE_ID}"`);
    expect(html).toContain('89.3%');
    expect(html).toContain('4 人待回访');
    // A channel without records is named by its kind; its zeros open nothing.
    expect(html).toContain('本人注册');
    expect(html).not.toContain('data-testid="kpi-hires-self-none"');
  });

  it('renders in English', async () => {
    await initTestI18n('en');
    const html = render();
    expect(html).toContain('Channel effectiveness');
    expect(html).toContain('4 awaiting check');
    await initTestI18n('zh-CN');
  });
});
