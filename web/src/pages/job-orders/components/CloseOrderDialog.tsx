import { formatMessage, type JobOrder, jobOrderActionBody } from '@yonggong/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useJobOrderAction } from '../../../api/job-orders.ts';
import { describeError } from '../../../components/error-text.ts';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { buildZodRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';

interface CloseOrderDialogProps {
  readonly order: JobOrder;
  readonly isOpen: boolean;
  readonly onClose: () => void;
  /** Someone else changed the order meanwhile: the page reloads it. */
  readonly onConflict: () => void;
}

const SHOWN_FIELDS: ReadonlySet<string> = new Set(['reason']);

/** Asks why and closes the order (it takes no new candidates; it can be reopened). */
export function CloseOrderDialog({ order, isOpen, onClose, onConflict }: CloseOrderDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const act = useJobOrderAction(order.id);

  const submit = async () => {
    // A rejected validation is already shown on the field.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    act.mutate(
      { action: 'close', reason: values.reason.trim(), version: order.version },
      {
        onSuccess: () => {
          void message.success(t('jobOrder.close.closed'));
          form.resetFields();
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) {
            onClose();
            onConflict();
          } else if (isApiError(error, 'validation_failed')) {
            applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
          }
        },
      },
    );
  };

  const isUnhandledError = act.isError && !isApiError(act.error, 'version_conflict', 'validation_failed');

  return (
    <Modal
      open={isOpen}
      title={t('jobOrder.close.title')}
      okText={t('jobOrder.close.submit')}
      okButtonProps={{ danger: true, loading: act.isPending, 'data-testid': 'job-order-close-submit' }}
      cancelButtonProps={{ disabled: act.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('jobOrder.close.reason')}
          required
          rules={[
            // The action body lets other actions omit the reason; closing requires one.
            { required: true, whitespace: true, message: formatMessage(locale, 'field.required') },
            buildZodRule(jobOrderActionBody, 'reason', locale),
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={t('jobOrder.close.reasonPlaceholder')}
            data-testid="job-order-close-reason"
          />
        </Form.Item>
      </Form>
      {isUnhandledError && <Alert type="error" showIcon title={describeError(act.error, t, locale)} />}
    </Modal>
  );
}
