import { formatMessage, type JobOrder, jobOrderActionBody } from '@yonggong/shared';
import { useTranslation } from 'react-i18next';
import { useJobOrderAction } from '../../../api/job-orders.ts';
import { ReasonDialog } from '../../../components/ReasonDialog.tsx';
import { buildZodRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';

interface CloseOrderDialogProps {
  readonly order: JobOrder;
  readonly isOpen: boolean;
  readonly onClose: () => void;
  /** Someone else changed the order meanwhile: the page reloads it. */
  readonly onConflict: () => void;
}

/** Asks why and closes the order (it takes no new candidates; it can be reopened). */
export function CloseOrderDialog({ order, isOpen, onClose, onConflict }: CloseOrderDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const act = useJobOrderAction(order.id);
  return (
    <ReasonDialog
      isOpen={isOpen}
      onClose={onClose}
      onConflict={onConflict}
      title={t('jobOrder.close.title')}
      okText={t('jobOrder.close.submit')}
      label={t('jobOrder.close.reason')}
      placeholder={t('jobOrder.close.reasonPlaceholder')}
      successText={t('jobOrder.close.closed')}
      rules={[
        // The action body lets other actions omit the reason; closing requires one.
        { required: true, whitespace: true, message: formatMessage(locale, 'field.required') },
        buildZodRule(jobOrderActionBody, 'reason', locale),
      ]}
      testIdPrefix="job-order-close"
      onSubmit={(reason) => act.mutateAsync({ action: 'close', reason, version: order.version })}
    />
  );
}
