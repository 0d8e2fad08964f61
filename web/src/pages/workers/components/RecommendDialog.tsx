import { applicationCreateBody, formatMessage, type Worker } from '@yonggong/shared';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApplication } from '../../../api/applications.ts';
import { buildOpenOrderSearch, useJobOrderPage } from '../../../api/job-orders.ts';
import { describeError } from '../../../components/error-text.ts';
import { useDebouncedValue } from '../../../components/use-debounced-value.ts';
import { buildZodRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';

interface RecommendDialogProps {
  readonly worker: Worker;
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

interface RecommendValues {
  readonly jobOrderId?: string;
  readonly note?: string;
}

/**
 * 推介: picks an open job order (searched as the user types) and creates a `recommended`
 * application for the worker. A refusal (already in that order's pipeline, the order is full)
 * is shown with the server's words.
 */
export function RecommendDialog({ worker, isOpen, onClose }: RecommendDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecommendValues>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search);
  const orders = useJobOrderPage(buildOpenOrderSearch(q), isOpen);
  const create = useCreateApplication();

  const choices = (orders.data?.items ?? []).filter((order) => order.can.recommend);
  const options = choices.map((order) => ({
    value: order.id,
    label: `${order.enterprise.name}「${order.title}」 · ${t('worker.recommend.remaining', { count: order.remaining })}`,
  }));

  const close = () => {
    create.reset();
    setSearch('');
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values?.jobOrderId) return;
    create.mutate(
      {
        workerId: worker.id,
        jobOrderId: values.jobOrderId,
        kind: 'recommended',
        note: (values.note ?? '').trim(),
      },
      {
        onSuccess: (application) => {
          void message.success(
            t('worker.recommend.done', {
              enterprise: application.jobOrder.enterpriseName,
              title: application.jobOrder.title,
            }),
          );
          form.resetFields();
          close();
        },
      },
    );
  };

  return (
    <Modal
      open={isOpen}
      title={t('worker.recommend.title')}
      okText={t('worker.recommend.submit')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'recommend-submit' }}
      cancelButtonProps={{ disabled: create.isPending }}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form<RecommendValues> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="jobOrderId"
          label={t('worker.recommend.order')}
          required
          rules={[{ required: true, message: formatMessage(locale, 'field.required') }]}
        >
          <Select
            data-testid="recommend-order"
            placeholder={t('worker.recommend.orderPlaceholder')}
            showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
            loading={orders.isFetching}
            options={options}
            notFoundContent={orders.isFetching ? t('common.loading') : t('worker.recommend.noOrder')}
            onChange={() => setSearch('')}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('worker.recommend.note')}
          rules={[buildZodRule(applicationCreateBody, 'note', locale)]}
        >
          <Input.TextArea
            rows={3}
            maxLength={300}
            showCount
            placeholder={t('worker.recommend.notePlaceholder')}
            data-testid="recommend-note"
          />
        </Form.Item>
      </Form>
      {create.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="recommend-error"
          title={describeError(create.error, t, locale)}
        />
      )}
    </Modal>
  );
}
