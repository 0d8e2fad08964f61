import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { addMonths } from '@yonggong/engine';
import { type MonitoringReport, reportCreateBody, SHORTAGE_REASONS } from '@yonggong/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import {
  type ReconciliationConflict,
  readReconciliationConflict,
  useEnterpriseHistory,
  useMonitoringReport,
  useMonitoringReports,
  useMonitoringSettings,
  useSubmitMonitoringReport,
} from '../../api/monitoring.ts';
import { useMe } from '../../app/auth-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { type FormProblem, FormProblemAlert } from '../../components/FormProblemAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { OccupationPicker } from '../../components/OccupationPicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerFieldErrors } from '../../forms/server-errors.ts';
import { buildSchemaItemProps } from '../../forms/zod-rules.ts';
import { useLocale } from '../../i18n/index.ts';
import { EnterpriseSelect } from '../job-orders/components/EnterpriseSelect.tsx';
import { findWindowPhase } from './report-helpers.ts';

interface FormValues {
  enterpriseId?: string;
  month?: string;
  plannedHeadcount?: number;
  actualHeadcount?: number;
  hires?: number;
  separations?: number;
  shortage?: number;
  shortageByOccupation: { occupationCode?: string; shortage?: number }[];
  reasons: string[];
  reasonText: string;
  expectedHires?: number;
}

const SHOWN_FIELDS: ReadonlySet<string> = new Set([
  'enterpriseId',
  'month',
  'plannedHeadcount',
  'actualHeadcount',
  'hires',
  'separations',
  'shortage',
  'shortageByOccupation',
  'reasons',
  'reasonText',
  'expectedHires',
]);

const monthItemProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(`${value}-01`) : null,
  }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM') : undefined),
};

/**
 * A monthly headcount report: new (`/monitoring/reports/new?enterpriseId=&month=`) or a
 * correction (`/monitoring/reports/:id/edit`). Enterprise HR reports for its own enterprise; an
 * officer or liaison picks one. A reconciliation mismatch comes back as 409 with its figures: the
 * page shows them and, once the reporter confirms, sends the report again with the confirmation.
 */
export function MonitoringReportFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useMonitoringReport(id ?? '', id !== undefined);
  if (id === undefined) return <ReportForm report={null} />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  if (!existing.data) return <FullPageSpin />;
  if (!existing.data.can.update)
    return <EmptyState title={t('errors.forbiddenTitle')} text={t('errors.forbiddenText')} />;
  return (
    <ReportForm
      key={`${existing.data.id}:${existing.data.version}`}
      report={existing.data}
      onReload={() => void existing.refetch()}
    />
  );
}

function initialValuesOf(report: MonitoringReport | null, params: URLSearchParams): FormValues {
  if (!report)
    return {
      ...(params.get('enterpriseId') ? { enterpriseId: params.get('enterpriseId') ?? '' } : {}),
      month: params.get('month') ?? dayjs().format('YYYY-MM'),
      shortageByOccupation: [],
      reasons: [],
      reasonText: '',
      expectedHires: 0,
    };
  return {
    enterpriseId: report.enterpriseId,
    month: report.month,
    plannedHeadcount: report.plannedHeadcount,
    actualHeadcount: report.actualHeadcount,
    hires: report.hires,
    separations: report.separations,
    shortage: report.shortage,
    shortageByOccupation: report.shortageByOccupation.map((line) => ({
      occupationCode: line.occupationCode,
      shortage: line.shortage,
    })),
    reasons: report.reasons,
    reasonText: report.reasonText,
    expectedHires: report.expectedHires,
  };
}

function ReportForm({
  report,
  onReload,
}: {
  readonly report: MonitoringReport | null;
  readonly onReload?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const [initialValues] = useState(() => initialValuesOf(report, params));
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [conflict, setConflict] = useState<{ figures: ReconciliationConflict; values: FormValues } | null>(
    null,
  );
  const [isShortageTouched, setIsShortageTouched] = useState(report !== null);
  const submitReport = useSubmitMonitoringReport();
  const settings = useMonitoringSettings();
  const ownEnterpriseId = me.roles.includes('enterprise') ? me.scope.enterpriseId : null;
  const own = useEnterpriseHistory(ownEnterpriseId ?? '', ownEnterpriseId !== null && report === null);
  const pickedEnterpriseId: string | undefined = Form.useWatch('enterpriseId', form);
  const enterpriseId = report?.enterpriseId ?? ownEnterpriseId ?? pickedEnterpriseId;
  const month: string | undefined = Form.useWatch('month', form) ?? initialValues.month;
  const hires: number | undefined = Form.useWatch('hires', form);
  const separations: number | undefined = Form.useWatch('separations', form);
  const actual: number | undefined = Form.useWatch('actualHeadcount', form);
  const previous = useMonitoringReports(
    { enterpriseId: enterpriseId ?? '', month: month ? addMonths(month, -1) : '', page: 1, pageSize: 1 },
    enterpriseId !== undefined && month !== undefined && /^\d{4}-\d{2}$/.test(month),
  );
  const previousActual = previous.data ? (previous.data.items[0]?.actualHeadcount ?? null) : undefined;
  const span =
    settings.data && month && /^\d{4}-\d{2}$/.test(month)
      ? findWindowPhase(dayjs().format('YYYY-MM-DD'), month, settings.data.window)
      : null;
  const item = (
    name:
      | 'plannedHeadcount'
      | 'actualHeadcount'
      | 'hires'
      | 'separations'
      | 'shortage'
      | 'expectedHires'
      | 'reasonText',
  ) => buildSchemaItemProps(reportCreateBody, name, locale);

  const send = async (values: FormValues, confirmReconciliation: boolean) => {
    setProblem(null);
    const fields = {
      plannedHeadcount: values.plannedHeadcount ?? 0,
      actualHeadcount: values.actualHeadcount ?? 0,
      hires: values.hires ?? 0,
      separations: values.separations ?? 0,
      shortage: values.shortage ?? 0,
      shortageByOccupation: (values.shortageByOccupation ?? []).map((line) => ({
        occupationCode: line.occupationCode ?? '',
        shortage: line.shortage ?? 0,
      })),
      reasons: (values.reasons ?? []).filter((r): r is (typeof SHORTAGE_REASONS)[number] =>
        SHORTAGE_REASONS.some((known) => known === r),
      ),
      reasonText: values.reasonText ?? '',
      expectedHires: values.expectedHires ?? 0,
      confirmReconciliation,
    };
    try {
      const saved = await submitReport.mutateAsync(
        report
          ? { kind: 'update', id: report.id, body: { ...fields, version: report.version }, idempotencyKey }
          : {
              kind: 'create',
              body: { ...fields, enterpriseId: enterpriseId ?? '', month: values.month ?? '' },
              idempotencyKey,
            },
      );
      setIdempotencyKey(crypto.randomUUID());
      void message.success(t('monitoring.form.saved'));
      void navigate(
        ownEnterpriseId ? '/monitoring/reports' : `/monitoring/reports?enterpriseId=${saved.enterpriseId}`,
      );
    } catch (error) {
      // The server answered: the key now stands for that answer. A changed or confirmed
      // resubmission is a new request with a new key; only a lost connection reuses it.
      if (!isApiError(error, 'network_error')) setIdempotencyKey(crypto.randomUUID());
      const figures = isApiError(error) ? readReconciliationConflict(error) : null;
      if (figures) setConflict({ figures, values });
      else if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
        if (others.length > 0) setProblem({ kind: 'unplaced', messages: others });
      } else if (isApiError(error, 'version_conflict')) setProblem({ kind: 'conflict' });
      else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <>
      <PageHeader
        title={
          report
            ? t('monitoring.form.editTitle', { name: report.enterpriseName, month: report.month })
            : t('monitoring.form.createTitle')
        }
        backTo="/monitoring/reports"
      />
      <Card style={{ maxWidth: 960 }}>
        {problem && <FormProblemAlert problem={problem} {...(onReload ? { onReload } : {})} />}
        {span && (
          <Alert
            type={span.phase === 'closed' && !report ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="report-window"
            title={t('monitoring.form.window', { from: span.from, to: span.to })}
            description={!report && span.phase !== 'open' ? t(`monitoring.status.${span.phase}`) : undefined}
          />
        )}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => void send(values, false)}
          onValuesChange={(changed: Partial<FormValues>, all) => {
            if ('shortage' in changed) setIsShortageTouched(true);
            else if (
              !isShortageTouched &&
              ('plannedHeadcount' in changed || 'actualHeadcount' in changed) &&
              all.plannedHeadcount !== undefined &&
              all.actualHeadcount !== undefined
            )
              form.setFieldValue('shortage', Math.max(0, all.plannedHeadcount - all.actualHeadcount));
          }}
          data-testid="report-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={16}>
              {report || ownEnterpriseId ? (
                <Form.Item label={t('monitoring.form.enterprise')}>
                  <Typography.Text strong data-testid="report-enterprise-name">
                    {report?.enterpriseName ?? own.data?.enterprise.name ?? ''}
                  </Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item
                  name="enterpriseId"
                  label={t('monitoring.form.enterprise')}
                  rules={[{ required: true, message: t('monitoring.form.enterprisePlaceholder') }]}
                >
                  <EnterpriseSelect
                    placeholder={t('monitoring.form.enterprisePlaceholder')}
                    data-testid="report-enterprise"
                  />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={8}>
              {report ? (
                <Form.Item label={t('monitoring.form.month')}>
                  <Typography.Text strong>{report.month}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item
                  name="month"
                  label={t('monitoring.form.month')}
                  rules={[{ required: true }]}
                  {...monthItemProps}
                >
                  <DatePicker
                    picker="month"
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isAfter(dayjs(), 'month')}
                    data-testid="report-month"
                  />
                </Form.Item>
              )}
            </Col>
          </Row>
          <Row gutter={16}>
            {(
              [
                ['plannedHeadcount', 'planned'],
                ['actualHeadcount', 'actual'],
                ['hires', 'hires'],
                ['separations', 'separations'],
              ] as const
            ).map(([name, label]) => (
              <Col xs={12} md={6} key={name}>
                <Form.Item name={name} label={t(`monitoring.form.${label}`)} {...item(name)}>
                  <InputNumber
                    min={0}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid={`report-${name}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <ReconciliationPreview
            previousActual={previousActual}
            hires={hires}
            separations={separations}
            actual={actual}
          />
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item
                name="shortage"
                label={t('monitoring.form.shortage')}
                tooltip={t('monitoring.form.shortageHint')}
                {...item('shortage')}
              >
                <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="report-shortage" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="expectedHires"
                label={t('monitoring.form.expectedHires')}
                {...item('expectedHires')}
              >
                <InputNumber
                  min={0}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="report-expectedHires"
                />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('monitoring.form.lines')}</Typography.Title>
          <Form.List name="shortageByOccupation">
            {(fields, { add, remove }, meta) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={12} align="bottom" data-testid="report-line">
                    <Col xs={24} md={14}>
                      <Form.Item
                        name={[field.name, 'occupationCode']}
                        label={t('monitoring.form.occupation')}
                        rules={[{ required: true }]}
                      >
                        <OccupationPicker />
                      </Form.Item>
                    </Col>
                    <Col xs={16} md={6}>
                      <Form.Item
                        name={[field.name, 'shortage']}
                        label={t('monitoring.form.lineShortage')}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item>
                        <Button
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={t('monitoring.form.removeLine')}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={meta.errors} />
                <Form.Item>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 50}
                    onClick={() => add({ shortage: 1 })}
                    data-testid="report-add-line"
                  >
                    {t('monitoring.form.addLine')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Form.Item name="reasons" label={t('monitoring.form.reasons')}>
            <Checkbox.Group
              options={SHORTAGE_REASONS.map((reason) => ({
                value: reason,
                label: t(`monitoring.reason.${reason}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="reasonText" label={t('monitoring.form.reasonText')} {...item('reasonText')}>
            <Input.TextArea
              rows={3}
              maxLength={500}
              placeholder={t('monitoring.form.reasonTextPlaceholder')}
              data-testid="report-reasonText"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={submitReport.isPending}
            data-testid="report-submit"
          >
            {report ? t('monitoring.form.save') : t('monitoring.form.submit')}
          </Button>
        </Form>
      </Card>
      <Modal
        open={conflict !== null}
        title={t('monitoring.confirm.title')}
        onCancel={() => setConflict(null)}
        footer={[
          <Button key="back" onClick={() => setConflict(null)} data-testid="reconciliation-back">
            {t('monitoring.confirm.back')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            loading={submitReport.isPending}
            data-testid="reconciliation-confirm"
            onClick={() => {
              if (!conflict) return;
              const { values } = conflict;
              setConflict(null);
              void send(values, true);
            }}
          >
            {t('monitoring.confirm.ok')}
          </Button>,
        ]}
      >
        {conflict && (
          <div data-testid="reconciliation-figures">
            <Typography.Paragraph>{t('monitoring.confirm.text', conflict.figures)}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('monitoring.confirm.hint')}</Typography.Paragraph>
          </div>
        )}
      </Modal>
    </>
  );
}

/** The live check under the figures: previous actual + hires − separations against the actual. */
function ReconciliationPreview(props: {
  readonly previousActual: number | null | undefined;
  readonly hires: number | undefined;
  readonly separations: number | undefined;
  readonly actual: number | undefined;
}) {
  const { t } = useTranslation();
  const { previousActual, hires, separations, actual } = props;
  if (previousActual === undefined) return null;
  if (previousActual === null)
    return (
      <Typography.Paragraph type="secondary" data-testid="reconciliation-preview">
        {t('monitoring.form.noPrevious')}
      </Typography.Paragraph>
    );
  const isComplete =
    hires !== undefined && separations !== undefined && hires !== null && separations !== null;
  const expected = isComplete ? previousActual + hires - separations : null;
  const difference = expected !== null && actual !== undefined && actual !== null ? actual - expected : 0;
  return (
    <Typography.Paragraph
      type={difference !== 0 ? 'warning' : 'secondary'}
      data-testid="reconciliation-preview"
    >
      {t('monitoring.form.previous', { actual: previousActual })}
      {expected !== null &&
        `；${t('monitoring.form.check', { previous: previousActual, hires, separations, expected })}`}
      {difference !== 0 && `，${t('monitoring.form.checkMismatch', { actual, difference })}`}
    </Typography.Paragraph>
  );
}
