import {
  type Application,
  type ApplicationStatus,
  applicationMoveBody,
  formatMessage,
} from '@yonggong/shared';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { RuleObject } from 'antd/es/form';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../components/error-text.ts';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { buildZodRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import { findMoveRequirement } from '../pipeline-board.ts';

/** A move waiting for what the user must add: the ending to pick, a reason, the 到岗 date. */
export interface MoveRequest {
  /** One card, or the selection of a bulk action. */
  readonly applications: readonly Pick<Application, 'id' | 'worker'>[];
  /** The states to pick from; one means the target is already decided. */
  readonly options: readonly ApplicationStatus[];
  /** A bulk action on the selection (one request for all), not a single card's move. */
  readonly isBulk: boolean;
}

export interface MoveDetails {
  readonly to: ApplicationStatus;
  readonly reason: string;
  readonly date?: string | undefined;
}

interface MoveDialogProps {
  readonly request: MoveRequest | null;
  readonly onSubmit: (details: MoveDetails) => Promise<void>;
  readonly onClose: () => void;
}

interface MoveFormValues {
  readonly to?: ApplicationStatus;
  readonly reason?: string;
  readonly date?: string;
}

/**
 * Asks for what a move needs: the 到岗 date of a hire (today unless changed), the reason of a
 * rejection, withdrawal or no-show, and which of those when a card is dropped on the ended lane.
 * A refusal by the server is shown here with its own words.
 */
export function MoveDialog({ request, onSubmit, onClose }: MoveDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<MoveFormValues>();
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen: ApplicationStatus | undefined = Form.useWatch('to', form) ?? request?.options[0];
  const requirement = chosen ? findMoveRequirement(chosen) : 'none';

  const [first] = request?.applications ?? [];
  const count = request?.applications.length ?? 0;
  const toLabel = chosen ? t(`application.status.${chosen}`) : '';
  const title = request?.isBulk
    ? t('pipeline.dialog.bulkTitle', { to: toLabel, count })
    : t('pipeline.dialog.title', { to: toLabel, name: first?.worker.name ?? '' });

  const reasonRequired: RuleObject = {
    required: true,
    whitespace: true,
    message: formatMessage(locale, 'field.required'),
  };

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !chosen) return;
    setIsPending(true);
    setError(null);
    try {
      await onSubmit({
        to: chosen,
        reason: (values.reason ?? '').trim(),
        date: requirement === 'date' ? values.date : undefined,
      });
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsPending(false);
    }
  };

  return (
    <Modal
      open={request !== null}
      title={title}
      okText={t('pipeline.dialog.submit')}
      okButtonProps={{
        loading: isPending,
        danger: requirement === 'reason',
        'data-testid': 'move-dialog-submit',
      }}
      cancelButtonProps={{ disabled: isPending }}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form<MoveFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ to: request?.options[0], date: dayjs().format('YYYY-MM-DD') }}
      >
        {request && request.options.length > 1 && (
          <Form.Item name="to" label={t('pipeline.dialog.ending')}>
            <Radio.Group
              data-testid="move-dialog-to"
              options={request.options.map((status) => ({
                value: status,
                label: t(`application.status.${status}`),
              }))}
            />
          </Form.Item>
        )}
        {requirement === 'date' && (
          <Form.Item
            name="date"
            label={t('pipeline.dialog.hiredDate')}
            required
            {...isoDateItemProps}
            rules={[
              buildZodRule(applicationMoveBody, 'date', locale),
              { required: true, message: formatMessage(locale, 'field.required') },
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="move-dialog-date" />
          </Form.Item>
        )}
        {requirement === 'reason' && (
          <Form.Item
            name="reason"
            label={t('pipeline.dialog.reason')}
            required
            rules={[reasonRequired, buildZodRule(applicationMoveBody, 'reason', locale)]}
          >
            <Input.TextArea
              rows={3}
              maxLength={300}
              showCount
              placeholder={t('pipeline.dialog.reasonPlaceholder')}
              data-testid="move-dialog-reason"
            />
          </Form.Item>
        )}
      </Form>
      {error !== null && <Alert type="error" showIcon role="alert" title={describeError(error, t, locale)} />}
    </Modal>
  );
}
