import type { MarketplaceDashboard } from '@yonggong/shared';
import { Card, Col, Row, Segmented, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMarketplaceDashboard } from '../../api/marketplace.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { MarketplaceSettingsCard } from './components/MarketplaceSettingsCard.tsx';

type Leader = MarketplaceDashboard['leaderboard'][number];
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** The officer's view of the marketplace. */
export function MarketplaceDashboardPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState(90);
  const dashboard = useMarketplaceDashboard(days);
  const data = dashboard.data;
  return (
    <>
      <PageHeader
        title={t('marketplace.dashboard.title')}
        subtitle={t('marketplace.dashboard.subtitle')}
        extra={
          <Segmented value={days} onChange={(value) => setDays(Number(value))} options={[30, 90, 365]} />
        }
      />
      {dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {(
              [
                ['openListings', data?.openListings],
                ['offered', data?.offeredPlaces],
                ['claimed', data?.claimedPlaces],
                ['hires', data?.hires],
                ['firstClaim', data?.medianHoursToFirstClaim ?? '—'],
                ['claimRate', percent(data?.claimRate ?? null)],
                ['fillRate', percent(data?.fillRate ?? null)],
                ['lapsed', data?.lapsedClaims],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} md={6}>
                <Card loading={dashboard.isPending}>
                  <Statistic
                    title={t(`marketplace.dashboard.${key}`)}
                    value={value ?? 0}
                    data-testid={`dashboard-${key}`}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title={t('marketplace.dashboard.leaderboard')} style={{ marginTop: 16 }}>
            <Table<Leader>
              rowKey="agencyId"
              size="small"
              loading={dashboard.isPending}
              dataSource={data?.leaderboard ?? []}
              pagination={false}
              columns={[
                {
                  key: 'name',
                  title: t('marketplace.agencies.name'),
                  render: (_, row) => (
                    <>
                      <ButtonLink to={`/agencies/${row.agencyId}`} type="link" size="small">
                        {row.agencyName}
                      </ButtonLink>
                      {row.alliance && <Tag color="gold">{row.alliance}</Tag>}
                    </>
                  ),
                },
                { key: 'claims', title: t('marketplace.dashboard.claimsCol'), dataIndex: 'claims' },
                {
                  key: 'submissions',
                  title: t('marketplace.dashboard.submissionsCol'),
                  dataIndex: 'submissions',
                },
                { key: 'placements', title: t('marketplace.agencies.placements'), dataIndex: 'placements' },
                {
                  key: 'retention',
                  title: t('marketplace.dashboard.retention90'),
                  render: (_, row) => percent(row.retention90Rate),
                },
                {
                  key: 'rating',
                  title: t('marketplace.agencies.rating'),
                  render: (_, row) =>
                    row.rating === null ? '—' : `${row.rating.toFixed(2)} (${row.reviewCount})`,
                },
              ]}
            />
          </Card>
          <Card title={t('marketplace.dashboard.recentLapses')} style={{ marginTop: 16 }}>
            <Table
              rowKey="claimId"
              size="small"
              dataSource={data?.recentLapses ?? []}
              pagination={false}
              columns={[
                { key: 'agency', title: t('marketplace.claims.agency'), dataIndex: 'agencyName' },
                {
                  key: 'order',
                  title: t('marketplace.claims.order'),
                  render: (_, row) => `${row.enterpriseName}「${row.jobOrderTitle}」`,
                },
                { key: 'places', title: t('marketplace.claims.places'), dataIndex: 'places' },
                { key: 'at', title: '', render: (_, row) => new Date(row.lapsedAt).toLocaleString() },
              ]}
            />
          </Card>
          <MarketplaceSettingsCard />
        </>
      )}
    </>
  );
}
