import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRatingSummary } from '../../../api/marketplace.ts';
import { RatingBadge, useCriterionLabel } from './RatingBadge.tsx';

/** The agencies' ratings of an enterprise (互评), for its profile page. */
export function EnterpriseRatingCard({ enterpriseId }: { readonly enterpriseId: string }) {
  const { t } = useTranslation();
  const criterionLabel = useCriterionLabel();
  const summary = useRatingSummary({ enterpriseId });
  const rating = summary.data?.rating;
  return (
    <Card
      title={t('marketplace.review.enterpriseCard')}
      loading={summary.isPending}
      style={{ marginTop: 16 }}
    >
      {rating && (
        <Descriptions column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('marketplace.agencies.rating')}>
            <RatingBadge rating={rating} />
          </Descriptions.Item>
          {Object.entries(rating.criteria).map(([criterion, value]) => (
            <Descriptions.Item key={criterion} label={criterionLabel(criterion)}>
              {value === null ? '—' : value.toFixed(2)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}
