import { AGREEMENT_SCOPES, type AgreementCreateInput, agreementCreateBody } from '@yonggong/shared';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useCreateAgreement } from '../../../api/schools.ts';
import { type FormProblem, FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { buildSchemaItemProps } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import { EnterprisePicker } from './cooperation-pickers.tsx';

type AgreementFormValues = Partial<AgreementCreateInput>;

export const AGREEMENT_FORM_FIELDS: ReadonlySet<string> = new Set([
  'enterpriseId',
  'title',
  'signedOn',
  'validFrom',
  'validUntil',
  'scopes',
  'notes',
]);

/**
 * Records a cooperation agreement of `schoolId` with an enterprise picked by search. Sent with an
 * `Idempotency-Key` made when the form opened, so a double click records one agreement.
 */
export function AgreementForm({
  schoolId,
  onDone,
}: {
  readonly schoolId: string;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgreementFormValues>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateAgreement(schoolId);
  useRevalidateOnLocaleChange(form);
  const itemProps = (field: 'enterpriseId' | 'title' | 'signedOn' | 'validFrom' | 'validUntil' | 'scopes') =>
    buildSchemaItemProps(agreementCreateBody, field, locale);

  const submit = async (values: AgreementFormValues) => {
    if (create.isPending) return;
    setProblem(null);
    try {
      await create.mutateAsync({
        body: {
          enterpriseId: values.enterpriseId ?? '',
          title: (values.title ?? '').trim(),
          signedOn: values.signedOn ?? '',
          validFrom: values.validFrom ?? '',
          validUntil: values.validUntil ?? '',
          scopes: values.scopes ?? [],
          notes: (values.notes ?? '').trim(),
        },
        idempotencyKey,
      });
      void message.success(t('schools.agreement.saved'));
      onDone();
    } catch (error) {
      if (isApiError(error, 'validation_failed', 'duplicate') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, AGREEMENT_FORM_FIELDS);
        setProblem(others.length > 0 ? { kind: 'unplaced', messages: others } : null);
      } else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <Form<AgreementFormValues>
      form={form}
      layout="vertical"
      initialValues={{ scopes: ['order_class'] }}
      onFinish={(values) => void submit(values)}
      disabled={create.isPending}
      data-testid="agreement-form"
    >
      {problem && <FormProblemAlert problem={problem} />}
      <Form.Item name="enterpriseId" label={t('schools.agreement.enterprise')} {...itemProps('enterpriseId')}>
        <EnterprisePicker schoolId={schoolId} data-testid="agreement-enterprise" />
      </Form.Item>
      <Form.Item name="title" label={t('schools.agreement.title')} {...itemProps('title')}>
        <Input maxLength={100} placeholder={t('schools.agreement.titlePlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="signedOn"
            label={t('schools.agreement.signedOn')}
            {...isoDateItemProps}
            {...itemProps('signedOn')}
          >
            <DatePicker style={{ width: '100%' }} data-testid="agreement-signed-on" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="validFrom"
            label={t('schools.agreement.validFrom')}
            {...isoDateItemProps}
            {...itemProps('validFrom')}
          >
            <DatePicker style={{ width: '100%' }} data-testid="agreement-valid-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="validUntil"
            label={t('schools.agreement.validUntil')}
            dependencies={['validFrom']}
            {...isoDateItemProps}
            rules={[
              ...itemProps('validUntil').rules,
              {
                validator: async (_rule, value: string | undefined) => {
                  const from: string | undefined = form.getFieldValue('validFrom');
                  if (value && from && value < from) throw new Error(t('schools.form.datesOrder'));
                },
              },
            ]}
            required
          >
            <DatePicker style={{ width: '100%' }} data-testid="agreement-valid-until" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="scopes" label={t('schools.agreement.scopes')} {...itemProps('scopes')}>
        <Select
          mode="multiple"
          data-testid="agreement-scopes"
          options={AGREEMENT_SCOPES.map((scope) => ({ value: scope, label: t(`schools.scopes.${scope}`) }))}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('schools.form.notes')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="agreement-submit">
          {t('schools.agreement.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The agreement form in a dialog, made anew (with a new idempotency key) each time it opens. */
export function AgreementDialog({
  schoolId,
  isOpen,
  onClose,
}: {
  readonly schoolId: string;
  readonly isOpen: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isOpen}
      title={t('schools.detail.addAgreement')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={720}
    >
      <AgreementForm schoolId={schoolId} onDone={onClose} />
    </Modal>
  );
}
