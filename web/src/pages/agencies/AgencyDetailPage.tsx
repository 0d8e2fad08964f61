import type { AgencyAction, Review } from '@yonggong/shared';
import { App, Button, Card, Descriptions, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAgency, useAgencyAction } from '../../api/agencies.ts';
import { useReviews, useReviewVisibility } from '../../api/marketplace.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReasonDialog } from '../../components/ReasonDialog.tsx';
import { useLocale } from '../../i18n/index.ts';
import { RatingBadge, useCriterionLabel } from '../marketplace/components/RatingBadge.tsx';
import { AGENCY_STATUS_COLOR } from './AgencyListPage.tsx';

const ACTIONS: readonly AgencyAction[] = ['approve', 'reject', 'suspend', 'reinstate'];

/** An agency's profile: licence, service area, alliance, rating with its reviews, officer actions. */
export function AgencyDetailPage() {
  const { t } = useTranslation();
  const criterionLabel = useCriterionLabel();
  const locale = useLocale();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const agency = useAgency(id);
  const act = useAgencyAction(id);
  const reviews = useReviews({ agencyId: id, pageSize: 50 });
  const visibility = useReviewVisibility();
  const [asking, setAsking] = useState<AgencyAction | null>(null);
  const [hiding, setHiding] = useState<Review | null>(null);
  if (agency.isError) return <ErrorState error={agency.error} onRetry={() => void agency.refetch()} />;
  if (!agency.data) return <FullPageSpin />;
  const row = agency.data;
  const run = async (action: AgencyAction, reason = '') => {
    try {
      await act.mutateAsync({ action, reason, version: row.version });
    } catch (error) {
      void message.error(describeError(error, t, locale));
    }
  };
  return (
    <>
      <PageHeader
        title={row.name}
        subtitle={row.licenceNumber}
        backTo="/agencies"
        extra={ACTIONS.filter((action) => row.can[action]).map((action) => (
          <Button
            key={action}
            danger={action === 'suspend' || action === 'reject'}
            type={action === 'approve' ? 'primary' : 'default'}
            onClick={() =>
              action === 'suspend' || action === 'reject' ? setAsking(action) : void run(action)
            }
            data-testid={`agency-${action}`}
          >
            {t(`marketplace.agencies.actions.${action}`)}
          </Button>
        ))}
      />
      <Card>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('marketplace.agencies.status')}>
            <Tag color={AGENCY_STATUS_COLOR[row.status]}>
              {t(`marketplace.agencies.statuses.${row.status}`)}
            </Tag>
            {row.statusReason}
          </Descriptions.Item>
          <Descriptions.Item label={t('marketplace.agencies.region')}>{row.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('marketplace.agencies.serviceRegions')}>
            {row.serviceRegionNames.join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('marketplace.agencies.alliance')}>
            {row.alliance ?? '—'} {row.isTier1 && <Tag color="blue">{t('marketplace.agencies.tier1')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('marketplace.agencies.rating')}>
            <RatingBadge rating={row.rating} />
          </Descriptions.Item>
          {Object.entries(row.rating.criteria).map(([criterion, value]) => (
            <Descriptions.Item key={criterion} label={criterionLabel(criterion)}>
              {value === null ? '—' : value.toFixed(2)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('marketplace.agencies.placements')}>
            {row.stats.placements}
          </Descriptions.Item>
          <Descriptions.Item label={t('marketplace.agencies.retained90')}>
            {row.stats.retained90}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('marketplace.agencies.reviews')} style={{ marginTop: 16 }}>
        <List<Review>
          loading={reviews.isPending}
          dataSource={(reviews.data?.items ?? []).filter(
            (review) => review.direction === 'enterprise_to_agency',
          )}
          locale={{ emptyText: t('marketplace.review.none') }}
          renderItem={(review) => (
            <List.Item
              actions={[
                review.can.hide && (
                  <Button key="hide" size="small" onClick={() => setHiding(review)}>
                    {t('marketplace.review.hide')}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={`${review.enterprise.name} · ${review.average.toFixed(2)}`}
                description={
                  <>
                    {Object.entries(review.scores)
                      .map(([criterion, value]) => `${criterionLabel(criterion)} ${value}`)
                      .join(' · ')}
                    <br />
                    {review.hidden ? (
                      <Typography.Text type="secondary">
                        {t('marketplace.review.hidden', { reason: review.hiddenReason ?? '' })}
                      </Typography.Text>
                    ) : (
                      review.comment
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <ReasonDialog
        isOpen={asking !== null}
        onClose={() => setAsking(null)}
        onConflict={() => void agency.refetch()}
        title={asking ? t(`marketplace.agencies.actions.${asking}`) : ''}
        okText={asking ? t(`marketplace.agencies.actions.${asking}`) : ''}
        label={t('marketplace.agencies.reason')}
        placeholder=""
        successText={asking ? t(`marketplace.agencies.actions.${asking}`) : ''}
        rules={[{ required: true }]}
        testIdPrefix="agency-action"
        onSubmit={(reason) => act.mutateAsync({ action: asking ?? 'suspend', reason, version: row.version })}
      />
      <ReasonDialog
        isOpen={hiding !== null}
        onClose={() => setHiding(null)}
        onConflict={() => void reviews.refetch()}
        title={t('marketplace.review.hide')}
        okText={t('marketplace.review.hide')}
        label={t('marketplace.review.hideReason')}
        placeholder=""
        successText={t('marketplace.review.hide')}
        rules={[{ required: true, min: 2 }]}
        testIdPrefix="review-hide"
        onSubmit={(reason) => visibility.mutateAsync({ id: hiding?.id ?? '', hidden: true, reason })}
      />
    </>
  );
}
