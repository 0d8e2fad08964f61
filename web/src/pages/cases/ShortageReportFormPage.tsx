import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ShortageReport,
  type ShortageReportCreateInput,
  shortageReportCreateBody,
} from '@yonggong/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseSettings, useReportShortage } from '../../api/cases.ts';
import { isApiError } from '../../api/client.ts';
import { useEnterprise } from '../../api/enterprises.ts';
import { useJobOrderPage } from '../../api/job-orders.ts';
import { useMe } from '../../app/auth-context.tsx';
import { type FormProblem, FormProblemAlert } from '../../components/FormProblemAlert.tsx';
import { OccupationPicker } from '../../components/OccupationPicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { isoDateItemProps } from '../../forms/date-field.ts';
import { applyServerFieldErrors } from '../../forms/server-errors.ts';
import { buildSchemaItemProps } from '../../forms/zod-rules.ts';
import { useLocale } from '../../i18n/index.ts';
import { EnterpriseSelect } from './components/EnterpriseSelect.tsx';

const SHOWN_FIELDS: ReadonlySet<string> = new Set([
  'enterpriseId',
  'lines',
  'reason',
  'contactName',
  'contactPhone',
  'orderMode',
  'jobOrderIds',
]);

/**
 * An urgent shortage report (缺工报告) by enterprise HR or an officer: occupation lines, reason,
 * contact; new job orders or links to existing ones; the reply says whether a case was opened.
 */
export function ShortageReportFormPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const me = useMe();
  const ownEnterpriseId = me.roles.includes('enterprise') ? me.scope.enterpriseId : null;
  const [form] = Form.useForm<ShortageReportCreateInput>();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [result, setResult] = useState<ShortageReport | null>(null);
  const report = useReportShortage();
  const settings = useCaseSettings();
  const ownEnterprise = useEnterprise(ownEnterpriseId ?? '', ownEnterpriseId !== null);
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? ownEnterpriseId ?? undefined;
  const orderMode = Form.useWatch('orderMode', form);
  const orders = useJobOrderPage(
    { enterpriseId, status: 'active', page: 1, pageSize: 100, sort: '-createdAt' },
    orderMode === 'link' && enterpriseId !== undefined,
  );
  const item = (name: 'reason' | 'contactName') =>
    buildSchemaItemProps(shortageReportCreateBody, name, locale);

  const submit = async (values: ShortageReportCreateInput) => {
    setProblem(null);
    try {
      const reply = await report.mutateAsync({
        body: {
          ...values,
          enterpriseId: ownEnterpriseId ?? values.enterpriseId,
          contactPhone: values.contactPhone || null,
        },
        idempotencyKey,
      });
      setResult(reply);
      setIdempotencyKey(crypto.randomUUID());
      form.resetFields();
      void message.success(t('cases.shortage.submitted'));
    } catch (error) {
      if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
        if (others.length > 0) setProblem({ kind: 'unplaced', messages: others });
      } else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <>
      <PageHeader
        title={t('cases.shortage.title')}
        subtitle={t('cases.shortage.subtitle')}
        backTo="/shortage-reports"
      />
      {result && <ResultAlert report={result} settings={settings.data} />}
      <Card style={{ maxWidth: 960 }}>
        {problem && <FormProblemAlert problem={problem} />}
        <Form<ShortageReportCreateInput>
          form={form}
          layout="vertical"
          size="large"
          initialValues={{
            orderMode: 'create',
            jobOrderIds: [],
            lines: [
              {
                headcount: 1,
                wageMin: 5000,
                wageMax: 7000,
                neededBy: dayjs().add(14, 'day').format('YYYY-MM-DD'),
              },
            ],
          }}
          onFinish={(values) => void submit(values)}
          data-testid="shortage-form"
        >
          {ownEnterpriseId ? (
            <Form.Item label={t('cases.shortage.enterprise')}>
              <Typography.Text strong>{ownEnterprise.data?.name ?? ''}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="enterpriseId"
              label={t('cases.shortage.enterprise')}
              rules={[{ required: true }]}
            >
              <EnterpriseSelect
                placeholder={t('cases.create.enterprisePlaceholder')}
                data-testid="shortage-enterprise"
              />
            </Form.Item>
          )}
          <Typography.Title level={5}>{t('cases.shortage.lines')}</Typography.Title>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={12} align="bottom" data-testid="shortage-line">
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'occupationCode']}
                        label={t('cases.shortage.occupation')}
                        rules={[{ required: true }]}
                      >
                        <OccupationPicker levels={['detail']} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={3}>
                      <Form.Item
                        name={[field.name, 'headcount']}
                        label={t('cases.shortage.headcount')}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={3}>
                      <Form.Item
                        name={[field.name, 'wageMin']}
                        label={t('cases.shortage.wageMin')}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={0} max={200_000} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={3}>
                      <Form.Item
                        name={[field.name, 'wageMax']}
                        label={t('cases.shortage.wageMax')}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={0} max={200_000} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item
                        name={[field.name, 'neededBy']}
                        label={t('cases.shortage.neededBy')}
                        rules={[{ required: true }]}
                        {...isoDateItemProps}
                      >
                        <DatePicker
                          style={{ width: '100%' }}
                          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={2}>
                      {fields.length > 1 && (
                        <Form.Item>
                          <Button
                            icon={<MinusCircleOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('cases.shortage.removeLine')}
                          />
                        </Form.Item>
                      )}
                    </Col>
                  </Row>
                ))}
                <Form.Item>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 20}
                    onClick={() =>
                      add({
                        headcount: 1,
                        wageMin: 5000,
                        wageMax: 7000,
                        neededBy: dayjs().add(14, 'day').format('YYYY-MM-DD'),
                      })
                    }
                  >
                    {t('cases.shortage.addLine')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Form.Item name="reason" label={t('cases.shortage.reason')} {...item('reason')}>
            <Input.TextArea rows={3} data-testid="shortage-reason" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={t('cases.shortage.contactName')} {...item('contactName')}>
                <Input data-testid="shortage-contact" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPhone" label={t('cases.shortage.contactPhone')}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="orderMode" label={t('cases.shortage.orderMode')}>
            <Radio.Group>
              <Space orientation="vertical">
                <Radio value="create">{t('cases.shortage.modeCreate')}</Radio>
                <Radio value="link">{t('cases.shortage.modeLink')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {orderMode === 'link' && (
            <Form.Item
              name="jobOrderIds"
              label={t('cases.shortage.linkOrders')}
              rules={[{ required: true, type: 'array', min: 1 }]}
            >
              <Select
                mode="multiple"
                loading={orders.isFetching}
                options={(orders.data?.items ?? []).map((order) => ({
                  value: order.id,
                  label: `${order.title}（${order.headcount}）`,
                }))}
              />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={report.isPending} data-testid="shortage-submit">
            {t('cases.shortage.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

function ResultAlert({
  report,
  settings,
}: {
  readonly report: ShortageReport;
  readonly settings: { autoCaseMinPeople: number; autoCaseMinPercent: number } | undefined;
}) {
  const { t } = useTranslation();
  if (report.caseId)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="shortage-result"
        title={
          <span>
            {t(report.hasOpenedCase ? 'cases.shortage.caseOpened' : 'cases.shortage.caseJoined')}{' '}
            <Link to={`/cases/${report.caseId}`}>{report.caseTitle}</Link>
          </span>
        }
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="shortage-result"
      title={t('cases.shortage.submitted')}
      description={
        settings
          ? t('cases.shortage.belowThreshold', {
              people: settings.autoCaseMinPeople,
              percent: settings.autoCaseMinPercent,
            })
          : undefined
      }
    />
  );
}
