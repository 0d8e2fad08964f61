import { VISIT_KINDS, type VisitCreateInput, visitCreateBody } from '@yonggong/shared';
import { App, Button, Card, DatePicker, Form, Input, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useLogVisits } from '../../api/cases.ts';
import { isApiError } from '../../api/client.ts';
import { type FormProblem, FormProblemAlert } from '../../components/FormProblemAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { isoDateItemProps } from '../../forms/date-field.ts';
import { applyServerFieldErrors } from '../../forms/server-errors.ts';
import { buildSchemaItemProps } from '../../forms/zod-rules.ts';
import { useLocale } from '../../i18n/index.ts';
import { EnterpriseSelect } from './components/EnterpriseSelect.tsx';
import styles from './visit-form.module.css';

const SHOWN_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'visitedOn',
  'enterpriseIds',
  'participants',
  'notes',
  'issues',
]);

/** A new key per note: a double tap or a retry of the same note is logged once. */
function newKey(): string {
  return crypto.randomUUID();
}

/**
 * Log a visit, call or meeting on a phone: one column, large touch targets, and one note to many
 * enterprises at once (a 座谈 with several firms). `?enterpriseId=&caseId=` pre-fill from a case.
 */
export function VisitFormPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const caseId = params.get('caseId');
  const presetEnterprise = params.get('enterpriseId');
  const [form] = Form.useForm<VisitCreateInput>();
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const logVisits = useLogVisits();
  const item = (name: 'participants' | 'notes' | 'issues') =>
    buildSchemaItemProps(visitCreateBody, name, locale);

  const submit = async (values: VisitCreateInput) => {
    setProblem(null);
    try {
      const reply = await logVisits.mutateAsync({
        body: { ...values, caseId: caseId ?? null },
        idempotencyKey,
      });
      void message.success(t('cases.visit.saved', { count: reply.items.length }));
      setIdempotencyKey(newKey());
      if (caseId) {
        void navigate(`/cases/${caseId}`);
        return;
      }
      form.resetFields(['enterpriseIds', 'participants', 'notes', 'issues']);
    } catch (error) {
      if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
        if (others.length > 0) setProblem({ kind: 'unplaced', messages: others });
      } else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('cases.visit.title')}
        subtitle={t('cases.visit.subtitle')}
        backTo={caseId ? `/cases/${caseId}` : '/visits'}
      />
      <Card>
        {problem && <FormProblemAlert problem={problem} />}
        <Form<VisitCreateInput>
          form={form}
          layout="vertical"
          size="large"
          initialValues={{
            kind: 'visit',
            visitedOn: dayjs().format('YYYY-MM-DD'),
            enterpriseIds: presetEnterprise ? [presetEnterprise] : [],
          }}
          onFinish={(values) => void submit(values)}
          data-testid="visit-form"
        >
          <Form.Item name="kind" label={t('cases.visit.kind')}>
            <Segmented
              block
              size="large"
              options={VISIT_KINDS.map((kind) => ({ value: kind, label: t(`cases.kind.${kind}`) }))}
              data-testid="visit-kind"
            />
          </Form.Item>
          <Form.Item
            name="visitedOn"
            label={t('cases.visit.date')}
            {...isoDateItemProps}
            rules={[{ required: true }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item
            name="enterpriseIds"
            label={t('cases.visit.enterprises')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <EnterpriseSelect
              isMultiple
              placeholder={t('cases.visit.enterprisesPlaceholder')}
              data-testid="visit-enterprises"
            />
          </Form.Item>
          <Form.Item name="participants" label={t('cases.visit.participants')} {...item('participants')}>
            <Input />
          </Form.Item>
          <Form.Item name="notes" label={t('cases.visit.notes')} {...item('notes')}>
            <Input.TextArea rows={4} data-testid="visit-notes" />
          </Form.Item>
          <Form.Item name="issues" label={t('cases.visit.issues')} {...item('issues')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={logVisits.isPending}
            data-testid="visit-submit"
          >
            {t('cases.visit.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
