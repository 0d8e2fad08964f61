import { StarFilled } from '@ant-design/icons';
import { ALL_REVIEW_CRITERIA, type RatingSummary, type ReviewCriterion } from '@yonggong/shared';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** "★ 4.67 · 3 条评价", or "暂无评价". */
export function RatingBadge({ rating }: { readonly rating: RatingSummary }) {
  const { t } = useTranslation();
  if (rating.count === 0 || rating.average === null)
    return <Typography.Text type="secondary">{t('marketplace.review.none')}</Typography.Text>;
  return (
    <span data-testid="rating-badge">
      <StarFilled style={{ color: '#faad14' }} /> {rating.average.toFixed(2)}{' '}
      <Typography.Text type="secondary">
        {t('marketplace.review.count', { count: rating.count })}
      </Typography.Text>
    </span>
  );
}

/** The label of a review criterion (quality, wages …); unknown keys show as they are. */
export function useCriterionLabel(): (criterion: string) => string {
  const { t } = useTranslation();
  return (criterion) =>
    (ALL_REVIEW_CRITERIA as readonly string[]).includes(criterion)
      ? t(`marketplace.review.criteria.${criterion as ReviewCriterion}`)
      : criterion;
}
