import { workerListQuery } from '@yonggong/shared';
import { Alert, App, Form, Input, Modal, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useSubmitCandidate } from '../../../api/marketplace.ts';
import { useWorkerPage } from '../../../api/workers.ts';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';

interface Values {
  workerId?: string;
  name?: string;
  idNumber?: string;
  phone?: string;
  note?: string;
}

/**
 * Puts a candidate forward on a claim: a worker the agency registered, or a new registration
 * (validated, encrypted and deduplicated by the server exactly as every other registration).
 */
export function SubmitCandidateDialog(props: {
  readonly claimId: string;
  readonly isOpen: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const submit = useSubmitCandidate(props.claimId);
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [failure, setFailure] = useState<unknown>(null);
  const workers = useWorkerPage(workerListQuery.parse({ pageSize: 100, status: 'available' }));

  const ok = async () => {
    const values = await form.validateFields();
    try {
      const body =
        mode === 'existing'
          ? { workerId: values.workerId, note: values.note ?? '' }
          : {
              worker: { name: values.name ?? '', idNumber: values.idNumber ?? '', phone: values.phone ?? '' },
              note: values.note ?? '',
            };
      const submission = await submit.mutateAsync(body);
      void message.success(t('marketplace.submit.done', { name: submission.worker.name }));
      form.resetFields();
      setFailure(null);
      props.onClose();
    } catch (error) {
      setFailure(error);
      // Field problems of the new registration (`worker.idNumber` …) land on their inputs.
      if (isApiError(error))
        form.setFields(
          error.fieldErrors
            .filter((issue) => issue.path.startsWith('worker.') || issue.path === 'workerId')
            .map((issue) => ({
              name: issue.path.replace(/^worker\./, '') as keyof Values,
              errors: [issue.message],
            })),
        );
    }
  };

  return (
    <Modal
      open={props.isOpen}
      title={t('marketplace.submit.title')}
      okText={t('marketplace.submit.ok')}
      onOk={() => void ok()}
      onCancel={props.onClose}
      confirmLoading={submit.isPending}
      okButtonProps={{ 'data-testid': 'submission-submit' }}
      destroyOnHidden
    >
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          title={describeError(failure, t, locale)}
          data-testid="submission-error"
        />
      )}
      <Tabs
        activeKey={mode}
        onChange={(key) => setMode(key === 'existing' ? 'existing' : 'new')}
        items={[
          { key: 'new', label: t('marketplace.submit.new') },
          { key: 'existing', label: t('marketplace.submit.existing') },
        ]}
      />
      <Form form={form} layout="vertical">
        {mode === 'existing' ? (
          <Form.Item name="workerId" label={t('marketplace.submit.workerId')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="submission-worker"
              options={(workers.data?.items ?? []).map((worker) => ({
                value: worker.id,
                label: `${worker.name} ${worker.phoneMasked}`,
              }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={t('marketplace.submit.name')} rules={[{ required: true }]}>
              <Input data-testid="submission-name" />
            </Form.Item>
            <Form.Item name="idNumber" label={t('marketplace.submit.idNumber')} rules={[{ required: true }]}>
              <Input data-testid="submission-id-number" autoComplete="off" />
            </Form.Item>
            <Form.Item name="phone" label={t('marketplace.submit.phone')} rules={[{ required: true }]}>
              <Input data-testid="submission-phone" autoComplete="off" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('marketplace.submit.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
