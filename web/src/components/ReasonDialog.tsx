import { Alert, App, Form, Input, Modal } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { applyServerFieldErrors } from '../forms/server-errors.ts';
import { useLocale } from '../i18n/index.ts';
import { describeError } from './error-text.ts';

interface ReasonDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  /** Someone else changed the record meanwhile: the page reloads it. */
  readonly onConflict: () => void;
  readonly title: string;
  readonly okText: string;
  readonly label: string;
  readonly placeholder: string;
  readonly successText: string;
  readonly rules: Rule[];
  /** Test ids `<prefix>-reason` and `<prefix>-submit`. */
  readonly testIdPrefix: string;
  /** Performs the action with the trimmed reason; rejects with the API error. */
  readonly onSubmit: (reason: string) => Promise<unknown>;
}

const SHOWN_FIELDS: ReadonlySet<string> = new Set(['reason']);

/**
 * Asks why, then performs a state change that needs a reason (deactivate an enterprise, close an
 * order). Field errors from the server land on the field; a version conflict reloads the record.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const { isOpen, onClose, onConflict, onSubmit } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [isPending, setIsPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async () => {
    // A rejected validation is already shown on the field; there is nothing else to do.
    const values = await form.validateFields().catch(() => null);
    if (!values || isPending) return;
    setIsPending(true);
    setFailure(null);
    try {
      await onSubmit(values.reason.trim());
      void message.success(props.successText);
      form.resetFields();
      onClose();
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        onClose();
        onConflict();
      } else if (isApiError(error, 'validation_failed')) {
        applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
      } else {
        setFailure(error);
      }
    } finally {
      setIsPending(false);
    }
  };

  return (
    <Modal
      open={isOpen}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: true, loading: isPending, 'data-testid': `${props.testIdPrefix}-submit` }}
      cancelButtonProps={{ disabled: isPending }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={props.label} required rules={props.rules}>
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={props.placeholder}
            data-testid={`${props.testIdPrefix}-reason`}
          />
        </Form.Item>
      </Form>
      {failure !== null && <Alert type="error" showIcon title={describeError(failure, t, locale)} />}
    </Modal>
  );
}
