import { REVIEW_CRITERIA, type ReviewDirection } from '@yonggong/shared';
import { Alert, App, Form, Input, Modal, Rate } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateReview } from '../../../api/marketplace.ts';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';

interface ReviewDialogProps {
  readonly claimId: string | null;
  readonly direction: ReviewDirection;
  readonly onClose: () => void;
}

/** 互评: three 1–5 criteria of the caller's side and a comment. */
export function ReviewDialog({ claimId, direction, onClose }: ReviewDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const create = useCreateReview();
  const [form] = Form.useForm<Record<string, number | string>>();
  const [failure, setFailure] = useState<unknown>(null);
  const criteria = REVIEW_CRITERIA[direction];

  const submit = async () => {
    const values = await form.validateFields();
    if (!claimId) return;
    try {
      await create.mutateAsync({
        claimId,
        scores: Object.fromEntries(criteria.map((criterion) => [criterion, Number(values[criterion])])),
        comment: String(values.comment ?? ''),
      });
      void message.success(t('marketplace.claim.reviewed'));
      form.resetFields();
      setFailure(null);
      onClose();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Modal
      open={claimId !== null}
      title={t('marketplace.review.title')}
      okText={t('marketplace.review.ok')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'review-submit' }}
      destroyOnHidden
    >
      {failure !== null && <Alert type="error" showIcon title={describeError(failure, t, locale)} />}
      <Form form={form} layout="vertical" initialValues={Object.fromEntries(criteria.map((c) => [c, 5]))}>
        {criteria.map((criterion) => (
          <Form.Item
            key={criterion}
            name={criterion}
            label={t(`marketplace.review.criteria.${criterion}`)}
            rules={[{ required: true }]}
          >
            <Rate data-testid={`review-${criterion}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('marketplace.review.comment')}>
          <Input.TextArea maxLength={500} rows={3} data-testid="review-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
