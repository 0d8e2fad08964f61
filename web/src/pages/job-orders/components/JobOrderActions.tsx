import { EditOutlined, SendOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { JobOrder } from '@yonggong/shared';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { type JobOrderAction, useJobOrderAction } from '../../../api/job-orders.ts';
import { ButtonLink } from '../../../components/ButtonLink.tsx';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';
import { CloseOrderDialog } from './CloseOrderDialog.tsx';

interface JobOrderActionsProps {
  readonly order: JobOrder;
  /** Reloads the record after a version conflict. */
  readonly onReload: () => void;
}

/** Edit / publish / close / reopen, each shown when the record's `can` allows it. */
export function JobOrderActions({ order, onReload }: JobOrderActionsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [isCloseOpen, setIsCloseOpen] = useState(false);
  const act = useJobOrderAction(order.id);

  const reportConflict = () => {
    void message.warning(t('jobOrder.detail.conflict'));
    onReload();
  };

  const run = (action: Exclude<JobOrderAction, 'close'>) =>
    act.mutate(
      { action, version: order.version },
      {
        onSuccess: () =>
          void message.success(
            t(action === 'publish' ? 'jobOrder.detail.published' : 'jobOrder.detail.reopened'),
          ),
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) reportConflict();
          else void message.error(describeError(error, t, locale));
        },
      },
    );

  const canReopen = order.can.reopen;
  return (
    <>
      {order.can.update && (
        <ButtonLink to={`/job-orders/${order.id}/edit`} icon={<EditOutlined />} data-testid="job-order-edit">
          {t('jobOrder.detail.edit')}
        </ButtonLink>
      )}
      {order.can.publish && (
        <Popconfirm title={t('jobOrder.detail.publishConfirm')} onConfirm={() => run('publish')}>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={act.isPending && act.variables.action === 'publish'}
            data-testid="job-order-publish-action"
          >
            {t('jobOrder.detail.publish')}
          </Button>
        </Popconfirm>
      )}
      {order.can.close && (
        <Button
          danger
          icon={<StopOutlined />}
          data-testid="job-order-close"
          onClick={() => setIsCloseOpen(true)}
        >
          {t('jobOrder.detail.close')}
        </Button>
      )}
      {canReopen && (
        <Popconfirm title={t('jobOrder.detail.reopenConfirm')} onConfirm={() => run('reopen')}>
          <Button icon={<UndoOutlined />} loading={act.isPending} data-testid="job-order-reopen">
            {t('jobOrder.detail.reopen')}
          </Button>
        </Popconfirm>
      )}
      <CloseOrderDialog
        order={order}
        isOpen={isCloseOpen}
        onClose={() => setIsCloseOpen(false)}
        onConflict={reportConflict}
      />
    </>
  );
}
