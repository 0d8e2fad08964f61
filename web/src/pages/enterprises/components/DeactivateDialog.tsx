import { deactivateBody, type Enterprise } from '@yonggong/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useDeactivateEnterprise } from '../../../api/enterprises.ts';
import { describeError } from '../../../components/error-text.ts';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { buildZodRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';

interface DeactivateDialogProps {
  readonly enterprise: Enterprise;
  readonly isOpen: boolean;
  readonly onClose: () => void;
  /** Someone else changed the record meanwhile: the page reloads it. */
  readonly onConflict: () => void;
}

const SHOWN_FIELDS: ReadonlySet<string> = new Set(['reason']);

/** Asks for the reason and deactivates the enterprise (it stays on record, marked inactive). */
export function DeactivateDialog({ enterprise, isOpen, onClose, onConflict }: DeactivateDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const deactivate = useDeactivateEnterprise(enterprise.id);

  const submit = async () => {
    // A rejected validation is already shown on the field; there is nothing else to do.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    deactivate.mutate(
      { reason, version: enterprise.version },
      {
        onSuccess: () => {
          void message.success(t('enterprise.detail.deactivated'));
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

  const isUnhandledError =
    deactivate.isError && !isApiError(deactivate.error, 'version_conflict', 'validation_failed');

  return (
    <Modal
      open={isOpen}
      title={t('enterprise.deactivate.title')}
      okText={t('enterprise.deactivate.submit')}
      okButtonProps={{ danger: true, loading: deactivate.isPending, 'data-testid': 'deactivate-submit' }}
      cancelButtonProps={{ disabled: deactivate.isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('enterprise.deactivate.reason')}
          required
          rules={[buildZodRule(deactivateBody, 'reason', locale)]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={t('enterprise.deactivate.reasonPlaceholder')}
            data-testid="deactivate-reason"
          />
        </Form.Item>
      </Form>
      {isUnhandledError && <Alert type="error" showIcon title={describeError(deactivate.error, t, locale)} />}
    </Modal>
  );
}
