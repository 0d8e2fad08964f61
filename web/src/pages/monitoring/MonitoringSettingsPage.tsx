import { type MonitoringSettings, Permission } from '@yonggong/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.ts';
import {
  useChangeSample,
  useMonitoredEnterprises,
  useMonitoringSettings,
  useSaveMonitoringSettings,
} from '../../api/monitoring.ts';
import { useCity } from '../../api/regions.ts';
import { useMe } from '../../app/auth-context.tsx';
import { useCan } from '../../app/use-can.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { type FormProblem, FormProblemAlert } from '../../components/FormProblemAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import { applyServerFieldErrors } from '../../forms/server-errors.ts';
import { useLocale } from '../../i18n/index.ts';
import { listSelectableDistricts } from '../enterprises/district-scope.ts';
import { EnterpriseSelect } from '../job-orders/components/EnterpriseSelect.tsx';

/** The form's shape: rates as percentages (5 for 5 %). */
interface SettingsValues {
  window: MonitoringSettings['window'];
  thresholds: { yellowFrom: number; redAbove: number; risingToRed: boolean };
}

const toPercent = (rate: number) => Math.round(rate * 10_000) / 100;
const toRate = (percent: number) => Math.round(percent * 100) / 10_000;

/**
 * 用工监测设置: the reporting window, the colour thresholds and the rising-two-months rule
 * (editable with the settings permission, readable by every monitoring reader), and the monitored
 * set — every key enterprise plus the sample, where sampled enterprises are added and removed.
 */
export function MonitoringSettingsPage() {
  const { t } = useTranslation();
  const settings = useMonitoringSettings();
  if (settings.error) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return <FullPageSpin />;
  return (
    <>
      <PageHeader title={t('monitoring.settings.title')} subtitle={t('monitoring.settings.subtitle')} />
      <SettingsForm settings={settings.data} />
      <SampleCard />
    </>
  );
}

function SettingsForm({ settings }: { readonly settings: MonitoringSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCan(Permission.MonitoringSettings);
  const save = useSaveMonitoringSettings();
  const [form] = Form.useForm<SettingsValues>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const values = Form.useWatch([], form);
  const yellow = values?.thresholds?.yellowFrom ?? toPercent(settings.thresholds.yellowFrom);
  const red = values?.thresholds?.redAbove ?? toPercent(settings.thresholds.redAbove);
  const from = values?.window?.fromDay ?? settings.window.fromDay;
  const to = values?.window?.toDay ?? settings.window.toDay;

  const submit = async (next: SettingsValues) => {
    setProblem(null);
    try {
      await save.mutateAsync({
        window: next.window,
        thresholds: {
          yellowFrom: toRate(next.thresholds.yellowFrom),
          redAbove: toRate(next.thresholds.redAbove),
          risingToRed: next.thresholds.risingToRed,
        },
      });
      void message.success(t('monitoring.settings.saved'));
    } catch (error) {
      if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, new Set(['window', 'thresholds']));
        if (others.length > 0) setProblem({ kind: 'unplaced', messages: others });
      } else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <Card style={{ marginBottom: 16 }} data-testid="monitoring-settings">
      {!canEdit && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('monitoring.settings.readOnly')} />
      )}
      {problem && <FormProblemAlert problem={problem} />}
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={{
          window: settings.window,
          thresholds: {
            yellowFrom: toPercent(settings.thresholds.yellowFrom),
            redAbove: toPercent(settings.thresholds.redAbove),
            risingToRed: settings.thresholds.risingToRed,
          },
        }}
        onFinish={(next) => void submit(next)}
      >
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>{t('monitoring.settings.window')}</Typography.Title>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item
                  name={['window', 'fromDay']}
                  label={t('monitoring.settings.fromDay')}
                  rules={[{ required: true }]}
                >
                  <InputNumber
                    min={1}
                    max={31}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid="settings-fromDay"
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name={['window', 'toDay']}
                  label={t('monitoring.settings.toDay')}
                  rules={[{ required: true }]}
                >
                  <InputNumber
                    min={1}
                    max={31}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid="settings-toDay"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name={['window', 'monthOffset']} label={t('monitoring.settings.monthOffset')}>
              <Radio.Group>
                <Radio value={0}>{t('monitoring.settings.sameMonth')}</Radio>
                <Radio value={1}>{t('monitoring.settings.nextMonth')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Typography.Paragraph type="secondary">
              {t('monitoring.settings.windowHint', { from, to })}
            </Typography.Paragraph>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>{t('monitoring.settings.thresholds')}</Typography.Title>
            <Row gutter={12}>
              {(['yellowFrom', 'redAbove'] as const).map((bound) => (
                <Col span={12} key={bound}>
                  <Form.Item
                    name={['thresholds', bound]}
                    label={t(`monitoring.settings.${bound}`)}
                    rules={[{ required: true }]}
                  >
                    <InputNumber
                      min={0.01}
                      max={100}
                      step={0.5}
                      suffix="%"
                      style={{ width: '100%' }}
                      data-testid={`settings-${bound}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" data-testid="settings-threshold-hint">
              {t('monitoring.settings.thresholdHint', { yellow, red })}
            </Typography.Paragraph>
            <Form.Item name={['thresholds', 'risingToRed']} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Typography.Paragraph style={{ marginTop: -16 }}>
              {t('monitoring.settings.risingToRed')}
            </Typography.Paragraph>
          </Col>
        </Row>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t('monitoring.settings.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function SampleCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const me = useMe();
  const city = useCity();
  const canChange = useCan(Permission.MonitoringReport);
  const [page, setPage] = useState(1);
  const [districtCode, setDistrictCode] = useState<string | undefined>(undefined);
  const [isSampleOnly, setIsSampleOnly] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const [adding, setAdding] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const monitored = useMonitoredEnterprises({
    page,
    pageSize: 20,
    districtCode,
    q: q || undefined,
    sampleOnly: isSampleOnly || undefined,
  });
  const change = useChangeSample();
  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];
  const districtName = (code: string) => city.data?.districts.find((d) => d.code === code)?.name ?? code;

  const run = async (enterpriseId: string, isAdded: boolean) => {
    try {
      await change.mutateAsync({ enterpriseId, isAdded, note });
      void message.success(t(isAdded ? 'monitoring.settings.added' : 'monitoring.settings.removed'));
      if (isAdded) {
        setAdding(undefined);
        setNote('');
      }
    } catch (error) {
      void message.error(describeError(error, t, locale));
    }
  };

  return (
    <Card title={t('monitoring.settings.sample')} data-testid="monitoring-sample">
      <Typography.Paragraph type="secondary">{t('monitoring.settings.sampleHint')}</Typography.Paragraph>
      {canChange && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <EnterpriseSelect
            allowClear
            placeholder={t('monitoring.settings.addPlaceholder')}
            style={{ width: 280 }}
            value={adding ?? null}
            onChange={(id) => setAdding(id)}
            data-testid="sample-enterprise"
          />
          <Input
            placeholder={t('monitoring.settings.note')}
            style={{ width: 200 }}
            maxLength={200}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button
            type="primary"
            disabled={!adding}
            loading={change.isPending}
            onClick={() => adding && void run(adding, true)}
            data-testid="sample-add"
          >
            {t('monitoring.settings.add')}
          </Button>
        </Flex>
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('monitoring.settings.search')}
          style={{ width: 220 }}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
        {districts.length > 1 && (
          <Select
            allowClear
            placeholder={t('monitoring.reports.district')}
            style={{ width: 140 }}
            value={districtCode}
            options={districts.map((d) => ({ value: d.code, label: d.name }))}
            onChange={(value?: string) => {
              setDistrictCode(value);
              setPage(1);
            }}
          />
        )}
        <Switch
          checked={isSampleOnly}
          onChange={(checked) => {
            setIsSampleOnly(checked);
            setPage(1);
          }}
        />
        <Typography.Text>{t('monitoring.settings.sampleOnly')}</Typography.Text>
      </Flex>
      <Table
        rowKey="enterpriseId"
        size="small"
        loading={monitored.isFetching}
        dataSource={monitored.data?.items ?? []}
        locale={{ emptyText: t('monitoring.settings.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: monitored.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            key: 'name',
            title: t('monitoring.reports.enterprise'),
            render: (_, row) => <Link to={`/monitoring/enterprises/${row.enterpriseId}`}>{row.name}</Link>,
          },
          {
            key: 'district',
            title: t('monitoring.reports.district'),
            render: (_, row) => districtName(row.districtCode),
          },
          {
            key: 'kind',
            title: t('monitoring.settings.kind'),
            render: (_, row) => (
              <>
                {row.keyLevel !== 'none' && <Tag color="blue">{t('monitoring.settings.key')}</Tag>}
                {row.isSample && <Tag>{t('monitoring.settings.sampled')}</Tag>}
              </>
            ),
          },
          {
            key: 'liaison',
            title: t('monitoring.settings.liaison'),
            render: (_, row) => row.liaisonName ?? '—',
          },
          {
            key: 'actions',
            title: t('monitoring.reports.actions'),
            render: (_, row) =>
              canChange && row.isSample ? (
                <Popconfirm
                  title={t('monitoring.settings.removeConfirm', { name: row.name })}
                  onConfirm={() => void run(row.enterpriseId, false)}
                >
                  <Button size="small" danger data-testid={`sample-remove-${row.enterpriseId}`}>
                    {t('monitoring.settings.remove')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
