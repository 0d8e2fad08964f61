import { Permission, type Worker } from '@yonggong/shared';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderRecommendation } from '../../../api/recommendations.ts';
import { useCan } from '../../../app/use-can.ts';
import { useLocale } from '../../../i18n/index.ts';
import { UrgencyTag } from '../../job-orders/components/JobOrderTags.tsx';
import { formatWageRange } from '../../job-orders/job-order-format.ts';
import { MatchListCard } from '../../recommendations/components/MatchListCard.tsx';

/** How an order is named in messages: 吴江精工电子有限公司「电子装配工」. */
function nameOrder(row: OrderRecommendation): string {
  return `${row.jobOrder.enterpriseName}「${row.jobOrder.title}」`;
}

/** The order's link, its enterprise, and key-enterprise / urgent / dormitory tags. */
function OrderSummary({ row }: { readonly row: OrderRecommendation }) {
  const { t } = useTranslation();
  const order = row.jobOrder;
  return (
    <>
      <Space size={6} wrap>
        <Link to={`/job-orders/${order.id}`} data-testid={`recommended-order-${order.id}`}>
          <Typography.Text strong>{order.title}</Typography.Text>
        </Link>
        <Typography.Text type="secondary">{order.enterpriseName}</Typography.Text>
      </Space>
      {(order.keyLevel !== 'none' || order.urgency !== 'normal' || order.dormitory) && (
        <Space size={4} wrap>
          {order.keyLevel !== 'none' && (
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t(`enterprise.keyLevel.${order.keyLevel}`)}
            </Tag>
          )}
          {order.urgency !== 'normal' && <UrgencyTag urgency={order.urgency} />}
          {order.dormitory && (
            <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
              {t('jobOrder.dormitory.yes')}
            </Tag>
          )}
        </Space>
      )}
    </>
  );
}

/**
 * 推荐岗位 on a worker's page: the open orders the matching engine ranks best for them, with reasons,
 * 推介 per row or in bulk, and filters (district, occupation, key enterprises only). Rendered only
 * with `match.read`; 推介 needs `application.create` and the worker's `can.recommend`.
 */
export function RecommendedOrdersCard({ worker }: { readonly worker: Worker }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canRecommend = useCan(Permission.ApplicationCreate) && worker.can.recommend;
  return (
    <MatchListCard<OrderRecommendation>
      title={t('match.ordersTitle')}
      subject={{ workerId: worker.id }}
      pickRows={(reply) => reply.orders}
      nameOf={nameOrder}
      mainTitle={t('match.columns.order')}
      renderSubject={(row) => <OrderSummary row={row} />}
      columns={[
        {
          key: 'wage',
          title: t('match.columns.wage'),
          render: (_, row) => formatWageRange(row.jobOrder, locale, t('jobOrder.list.yuanPerMonth')),
        },
        {
          key: 'remaining',
          title: t('match.columns.remaining'),
          align: 'right',
          render: (_, row) => t('match.remaining', { count: row.jobOrder.remaining }),
        },
      ]}
      canRecommend={canRecommend}
      isKeyOnlyShown
      emptyTitle={t('match.emptyOrders')}
      emptyText={t('match.emptyOrdersText')}
      cardTestId="worker-recommendations"
      rowTestId="recommended-order"
    />
  );
}
