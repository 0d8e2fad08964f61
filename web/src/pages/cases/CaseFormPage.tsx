import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CASE_CATEGORIES,
  type CaseCreateInput,
  caseActionCreateBody,
  caseCreateBody,
} from '@yonggong/shared';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCreateCase } from '../../api/cases.ts';
import { isApiError } from '../../api/client.ts';
import { useEnterprise } from '../../api/enterprises.ts';
import { useJobOrderPage } from '../../api/job-orders.ts';
import { type FormProblem, FormProblemAlert } from '../../components/FormProblemAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { isoDateItemProps } from '../../forms/date-field.ts';
import { applyServerFieldErrors } from '../../forms/server-errors.ts';
import { buildSchemaItemProps } from '../../forms/zod-rules.ts';
import { useLocale } from '../../i18n/index.ts';
import { ColleagueSelect } from './components/ColleagueSelect.tsx';
import { EnterpriseSelect } from './components/EnterpriseSelect.tsx';

const SHOWN_FIELDS: ReadonlySet<string> = new Set([
  'enterpriseId',
  'category',
  'title',
  'problem',
  'ownerUserId',
  'jobOrderIds',
  'actions',
]);

/**
 * Open a 一企一策 case by hand (officers and liaisons with `case.write`): the enterprise (searched
 * as you type), the problem, the owner (a colleague of the enterprise's district; empty = the
 * enterprise's liaison), the job orders it concerns and the first actions of the plan.
 * `?enterpriseId=` pre-fills the enterprise. The `Idempotency-Key` is made when the form opens:
 * a double click or a retry opens one case.
 */
export function CaseFormPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<CaseCreateInput>();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useCreateCase();
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? params.get('enterpriseId') ?? undefined;
  const enterprise = useEnterprise(enterpriseId ?? '', enterpriseId !== undefined);
  const orders = useJobOrderPage(
    { enterpriseId, status: 'all', page: 1, pageSize: 100, sort: '-createdAt' },
    enterpriseId !== undefined,
  );
  const liaison = enterprise.data?.liaison ?? null;
  const knownOwners = useMemo(
    (): Record<string, string> => (liaison ? { [liaison.id]: liaison.displayName } : {}),
    [liaison],
  );
  const districtCode = enterprise.data?.districtCode;
  const item = (name: 'title' | 'problem') => buildSchemaItemProps(caseCreateBody, name, locale);
  const actionItem = (name: 'title' | 'ownerText') =>
    buildSchemaItemProps(caseActionCreateBody, name, locale);

  const submit = async (values: CaseCreateInput) => {
    setProblem(null);
    try {
      const created = await create.mutateAsync({
        body: {
          ...values,
          ownerUserId: values.ownerUserId ?? null,
          jobOrderIds: values.jobOrderIds ?? [],
          actions: (values.actions ?? []).map((action) => ({
            ...action,
            ownerUserId: action.ownerUserId ?? null,
            ownerText: action.ownerText ?? '',
          })),
        },
        idempotencyKey,
      });
      void message.success(t('cases.create.created'));
      void navigate(`/cases/${created.id}`);
    } catch (error) {
      if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
        if (others.length > 0) setProblem({ kind: 'unplaced', messages: others });
      } else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <>
      <PageHeader title={t('cases.create.title')} subtitle={t('cases.create.subtitle')} backTo="/cases" />
      <Card style={{ maxWidth: 960 }}>
        {problem && <FormProblemAlert problem={problem} />}
        <Form<CaseCreateInput>
          form={form}
          layout="vertical"
          initialValues={{
            enterpriseId: params.get('enterpriseId') ?? undefined,
            category: 'shortage',
            jobOrderIds: [],
            actions: [],
          }}
          onValuesChange={(changed: Partial<CaseCreateInput>) => {
            // Another enterprise: its orders and colleagues differ.
            if ('enterpriseId' in changed) form.setFieldsValue({ jobOrderIds: [], ownerUserId: null });
          }}
          onFinish={(values) => void submit(values)}
          data-testid="case-form"
        >
          <Form.Item
            name="enterpriseId"
            label={t('cases.create.enterprise')}
            rules={[{ required: true, message: t('cases.create.enterpriseRequired') }]}
          >
            <EnterpriseSelect
              placeholder={t('cases.create.enterprisePlaceholder')}
              data-testid="case-enterprise"
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item
              name="category"
              label={t('cases.create.category')}
              rules={[{ required: true }]}
              style={{ flex: '1 1 160px' }}
            >
              <Select
                size="large"
                data-testid="case-category"
                options={CASE_CATEGORIES.map((value) => ({ value, label: t(`cases.category.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('cases.create.caseTitle')}
              {...item('title')}
              style={{ flex: '3 1 320px' }}
            >
              <Input size="large" data-testid="case-title-input" />
            </Form.Item>
          </Flex>
          <Form.Item name="problem" label={t('cases.create.problem')} {...item('problem')}>
            <Input.TextArea rows={4} data-testid="case-problem" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item
              name="ownerUserId"
              label={t('cases.create.owner')}
              extra={
                liaison
                  ? t('cases.create.ownerDefault', { name: liaison.displayName })
                  : t('cases.create.ownerNoLiaison')
              }
              style={{ flex: '1 1 260px' }}
            >
              <ColleagueSelect
                districtCode={districtCode}
                knownNames={knownOwners}
                isDisabled={enterpriseId === undefined}
                placeholder={t('cases.create.ownerPlaceholder')}
                data-testid="case-owner"
              />
            </Form.Item>
            <Form.Item name="jobOrderIds" label={t('cases.create.jobOrders')} style={{ flex: '2 1 320px' }}>
              <Select
                mode="multiple"
                allowClear
                disabled={enterpriseId === undefined}
                loading={orders.isFetching}
                placeholder={t('cases.create.jobOrdersPlaceholder')}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="case-orders"
                options={(orders.data?.items ?? []).map((order) => ({
                  value: order.id,
                  label: `${order.title}（${order.headcount} ${t('cases.detail.resolvedUnit')} · ${t(`jobOrder.status.${order.status}`)}）`,
                }))}
              />
            </Form.Item>
          </Flex>
          <Typography.Title level={5}>{t('cases.create.actions')}</Typography.Title>
          <Form.List name="actions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={12} wrap align="flex-start" data-testid="case-form-action">
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('cases.detail.actionTitle')}
                      {...actionItem('title')}
                      style={{ flex: '2 1 240px' }}
                    >
                      <Input data-testid="case-form-action-title" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'dueOn']}
                      label={t('cases.detail.actionDue')}
                      rules={[{ required: true, message: t('cases.create.dueRequired') }]}
                      {...isoDateItemProps}
                      style={{ flex: '1 1 150px' }}
                    >
                      <DatePicker
                        style={{ width: '100%' }}
                        disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                        data-testid="case-form-action-due"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'ownerUserId']}
                      label={t('cases.detail.actionOwner')}
                      style={{ flex: '1 1 180px' }}
                    >
                      <ColleagueSelect districtCode={districtCode} knownNames={knownOwners} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'ownerText']}
                      label={t('cases.detail.actionOwnerText')}
                      {...actionItem('ownerText')}
                      style={{ flex: '1 1 180px' }}
                    >
                      <Input />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('cases.create.removeAction')}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', ownerText: '' })}
                  style={{ marginBottom: 16 }}
                  data-testid="case-form-add-action"
                >
                  {t('cases.detail.addAction')}
                </Button>
              </>
            )}
          </Form.List>
          <div>
            <Button
              type="primary"
              size="large"
              htmlType="submit"
              loading={create.isPending}
              data-testid="case-submit"
            >
              {t('cases.create.submit')}
            </Button>
          </div>
        </Form>
      </Card>
    </>
  );
}
