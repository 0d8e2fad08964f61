import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecommendOutcome } from '../match-results.ts';
import { useDescribeRefusal } from '../use-recommend-actions.ts';

interface BulkRecommendResultsProps {
  readonly outcomes: readonly RecommendOutcome[];
  readonly onClose: () => void;
  readonly testId: string;
}

/** The result of a bulk 推介, one line per pair: done, or the server's reason why not. */
export function BulkRecommendResults({ outcomes, onClose, testId }: BulkRecommendResultsProps) {
  const { t } = useTranslation();
  const describeRefusal = useDescribeRefusal();
  const okCount = outcomes.filter((outcome) => outcome.isOk).length;
  return (
    <Alert
      type={okCount === outcomes.length ? 'success' : 'warning'}
      showIcon
      data-testid={testId}
      style={{ marginBottom: 12 }}
      title={t('match.bulk.resultsTitle', { ok: okCount, failed: outcomes.length - okCount })}
      action={
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          onClick={onClose}
          aria-label={t('common.close')}
        />
      }
      description={
        <Flex vertical gap={4}>
          {outcomes.map((outcome) => (
            <Flex key={outcome.id} gap={8} align="center" wrap data-testid={`${testId}-${outcome.id}`}>
              <Tag color={outcome.isOk ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
                {outcome.name}
              </Tag>
              <Typography.Text type={outcome.isOk ? undefined : 'danger'}>
                {outcome.isOk ? t('match.bulk.ok') : describeRefusal(outcome.message)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
