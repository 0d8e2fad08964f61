import type { HallQuery, Listing } from '@yonggong/shared';
import { App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useClaimPlaces, useHall } from '../../api/marketplace.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { RatingBadge } from './components/RatingBadge.tsx';

const URGENCY_COLOR = { critical: 'red', urgent: 'orange', normal: 'default' } as const;

/** 抢单大厅: the listings the agency may claim now, most urgent and newest first. */
export function OrderHallPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<HallQuery>({ page: 1, pageSize: 20, sort: '-urgency' });
  const hall = useHall(query);
  const columns = [
    {
      key: 'order',
      title: t('marketplace.claims.order'),
      render: (_: unknown, row: Listing) => (
        <Space direction="vertical" size={0}>
          <Space>
            <Typography.Text strong>{row.title}</Typography.Text>
            <Tag color={URGENCY_COLOR[row.urgency]}>{t(`jobOrder.urgency.${row.urgency}`)}</Tag>
          </Space>
          <Typography.Text type="secondary">
            {row.enterprise.name} · {row.districtName} · {row.occupationName}
          </Typography.Text>
          <span>
            {t('marketplace.hall.enterpriseRating')}：<RatingBadge rating={row.enterprise.rating} />
          </span>
        </Space>
      ),
    },
    {
      key: 'terms',
      title: t('marketplace.hall.places'),
      render: (_: unknown, row: Listing) => (
        <Space direction="vertical" size={0}>
          <span data-testid={`hall-remaining-${row.jobOrderId}`}>
            {t('marketplace.hall.remaining', { remaining: row.remainingPlaces, offered: row.offeredPlaces })}
          </span>
          <Typography.Text type="secondary">
            {row.wageMin}–{row.wageMax} ·{' '}
            {row.feePerHireFen === null
              ? t('marketplace.hall.noFee')
              : t('marketplace.hall.fee', { amount: (row.feePerHireFen / 100).toFixed(0) })}
          </Typography.Text>
          {row.subsidyApplies && <Tag color="green">{t('marketplace.hall.subsidy')}</Tag>}
          <Typography.Text type="secondary">
            {t('marketplace.hall.deadline', { date: row.deadline })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'claim',
      title: t('marketplace.hall.claim'),
      render: (_: unknown, row: Listing) => <ClaimCell listing={row} />,
    },
  ];
  return (
    <>
      <PageHeader title={t('marketplace.hall.title')} subtitle={t('marketplace.hall.subtitle')} />
      <Card>
        {hall.isError ? (
          <ErrorState error={hall.error} onRetry={() => void hall.refetch()} />
        ) : (
          <Table<Listing>
            rowKey="id"
            loading={hall.isPending}
            dataSource={hall.data?.items ?? []}
            columns={columns}
            locale={{
              emptyText: (
                <EmptyState title={t('marketplace.hall.empty')} text={t('marketplace.hall.emptyText')} />
              ),
            }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: hall.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
          />
        )}
      </Card>
    </>
  );
}

function ClaimCell({ listing }: { readonly listing: Listing }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const claim = useClaimPlaces();
  const [places, setPlaces] = useState(1);
  const submit = async () => {
    try {
      const claimed = await claim.mutateAsync({ jobOrderId: listing.jobOrderId, places });
      void message.success(t('marketplace.hall.claimed', { places: claimed.places }));
      void navigate(`/marketplace/claims/${claimed.id}`);
    } catch (error) {
      void message.error(describeError(error, t, locale));
    }
  };
  return (
    <Space>
      <InputNumber
        min={1}
        max={Math.max(1, listing.remainingPlaces)}
        value={places}
        onChange={(value) => setPlaces(value ?? 1)}
        data-testid={`claim-places-${listing.jobOrderId}`}
      />
      <Button
        type="primary"
        disabled={!listing.can.claim}
        loading={claim.isPending}
        onClick={() => void submit()}
        data-testid={`claim-${listing.jobOrderId}`}
      >
        {t('marketplace.hall.claim')}
      </Button>
    </Space>
  );
}
