import type { Worker } from '@yonggong/shared';
import { Alert, App, Button, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type DuplicateResolution, useResolveDuplicateFlag } from '../../../api/workers.ts';
import { ButtonLink } from '../../../components/ButtonLink.tsx';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';

type Flag = Worker['possibleDuplicates'][number];

/**
 * Workers with the same name and phone but another ID number: flagged for a person to decide,
 * never merged automatically. Open flags can be dismissed (two people) or confirmed (one person).
 */
export function DuplicateFlags({ worker }: { readonly worker: Worker }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const resolve = useResolveDuplicateFlag();
  if (worker.possibleDuplicates.length === 0) return null;

  const decide = (flag: Flag, status: DuplicateResolution) =>
    resolve.mutate(
      { flagId: flag.flagId, status },
      {
        onSuccess: () => void message.success(t('worker.detail.duplicateResolved')),
        onError: (error) => void message.error(describeError(error, t, locale)),
      },
    );

  const hasOpen = worker.possibleDuplicates.some((flag) => flag.status === 'open');
  return (
    <Alert
      type={hasOpen ? 'warning' : 'info'}
      showIcon
      data-testid="worker-duplicates"
      title={t('worker.detail.duplicatesTitle')}
      description={
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('worker.detail.duplicatesHint')}</Typography.Text>
          <List
            size="small"
            dataSource={[...worker.possibleDuplicates]}
            renderItem={(flag) => (
              <List.Item
                data-testid={`duplicate-flag-${flag.flagId}`}
                actions={
                  flag.status === 'open' && worker.can.update
                    ? [
                        <Button
                          key="dismiss"
                          size="small"
                          loading={resolve.isPending && resolve.variables.flagId === flag.flagId}
                          data-testid={`duplicate-dismiss-${flag.flagId}`}
                          onClick={() => decide(flag, 'dismissed')}
                        >
                          {t('worker.detail.dismissDuplicate')}
                        </Button>,
                        <Popconfirm
                          key="confirm"
                          title={t('worker.detail.confirmDuplicateText')}
                          onConfirm={() => decide(flag, 'confirmed')}
                        >
                          <Button size="small" danger data-testid={`duplicate-confirm-${flag.flagId}`}>
                            {t('worker.detail.confirmDuplicate')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Space wrap>
                  <ButtonLink size="small" type="link" to={`/workers/${flag.workerId}`}>
                    {t('worker.detail.duplicateOpen', { name: flag.name })}
                  </ButtonLink>
                  <Typography.Text type="secondary">{flag.reason}</Typography.Text>
                  {flag.status === 'confirmed' && (
                    <Tag color="red">{t('worker.detail.duplicateConfirmed')}</Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Flex>
      }
    />
  );
}
