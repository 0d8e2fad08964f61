import type { Agency, AgencyListQuery } from '@yonggong/shared';
import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../api/agencies.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RatingBadge } from '../marketplace/components/RatingBadge.tsx';

export const AGENCY_STATUS_COLOR = {
  pending: 'gold',
  approved: 'green',
  rejected: 'default',
  suspended: 'red',
} as const;

/** The register of HR agencies (officers: all; enterprises: approved; agency staff: their own). */
export function AgencyListPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Partial<AgencyListQuery>>({
    page: 1,
    pageSize: 20,
    status: 'all',
    sort: '-createdAt',
  });
  const agencies = useAgencies(query);
  return (
    <>
      <PageHeader title={t('marketplace.agencies.title')} subtitle={t('marketplace.agencies.subtitle')} />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            placeholder={t('marketplace.agencies.name')}
            onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })}
          />
          <Select
            style={{ width: 160 }}
            value={query.status}
            onChange={(status) => setQuery({ ...query, status, page: 1 })}
            options={(['all', 'pending', 'approved', 'suspended', 'rejected'] as const).map((status) => ({
              value: status,
              label: status === 'all' ? '—' : t(`marketplace.agencies.statuses.${status}`),
            }))}
          />
          <Select
            style={{ width: 160 }}
            value={query.sort}
            onChange={(sort) => setQuery({ ...query, sort, page: 1 })}
            options={[
              { value: '-createdAt', label: '↓ createdAt' },
              { value: '-rating', label: `↓ ${t('marketplace.agencies.rating')}` },
              { value: '-placements', label: `↓ ${t('marketplace.agencies.placements')}` },
              { value: 'name', label: t('marketplace.agencies.name') },
            ]}
          />
        </Space>
        {agencies.isError ? (
          <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />
        ) : (
          <Table<Agency>
            rowKey="id"
            loading={agencies.isPending}
            dataSource={agencies.data?.items ?? []}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: agencies.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            columns={[
              {
                key: 'name',
                title: t('marketplace.agencies.name'),
                render: (_, row) => (
                  <ButtonLink to={`/agencies/${row.id}`} type="link">
                    {row.name}
                  </ButtonLink>
                ),
              },
              { key: 'licence', title: t('marketplace.agencies.licence'), dataIndex: 'licenceNumber' },
              {
                key: 'regions',
                title: t('marketplace.agencies.serviceRegions'),
                render: (_, row) => row.serviceRegionNames.join('、'),
              },
              {
                key: 'alliance',
                title: t('marketplace.agencies.alliance'),
                render: (_, row) => (
                  <>
                    {row.alliance && <Tag color="gold">{row.alliance}</Tag>}
                    {row.isTier1 && <Tag color="blue">{t('marketplace.agencies.tier1')}</Tag>}
                  </>
                ),
              },
              {
                key: 'rating',
                title: t('marketplace.agencies.rating'),
                render: (_, row) => <RatingBadge rating={row.rating} />,
              },
              {
                key: 'placements',
                title: t('marketplace.agencies.placements'),
                render: (_, row) => row.stats.placements,
              },
              {
                key: 'status',
                title: t('marketplace.agencies.status'),
                render: (_, row) => (
                  <Tag color={AGENCY_STATUS_COLOR[row.status]}>
                    {t(`marketplace.agencies.statuses.${row.status}`)}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
