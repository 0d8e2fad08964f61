import type { JobOrder } from '@yonggong/shared';
import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Filled of headcount as "3/5 人" with a small bar; the bar turns green when the order is full. */
export function HeadcountProgress({
  order,
}: {
  readonly order: Pick<JobOrder, 'headcount' | 'filled' | 'remaining'>;
}) {
  const { t } = useTranslation();
  const percent = order.headcount > 0 ? Math.round((order.filled / order.headcount) * 100) : 0;
  return (
    <Flex vertical gap={0} style={{ minWidth: 120 }}>
      <Typography.Text>
        {t('jobOrder.list.headcount', { filled: order.filled, headcount: order.headcount })}
        {order.remaining > 0 && (
          <Typography.Text type="danger" style={{ marginInlineStart: 6 }}>
            {t('jobOrder.list.remaining', { count: order.remaining })}
          </Typography.Text>
        )}
      </Typography.Text>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        status={order.remaining === 0 ? 'success' : 'normal'}
        aria-label={t('jobOrder.fields.progress')}
      />
    </Flex>
  );
}
