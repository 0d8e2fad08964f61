import { SyncOutlined } from '@ant-design/icons';
import { type MatchRun, Permission } from '@yonggong/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Progress,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLatestMatchRun, useStartMatchRun } from '../../api/recommendations.ts';
import { useCan } from '../../app/use-can.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import {
  buildMetricRows,
  formatMetricValue,
  type MetricComparison,
  type MetricFigure,
  type MetricValue,
  readRunPercent,
} from './match-results.ts';

const STATUS_COLORS: Readonly<Record<MatchRun['status'], string>> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
};

const PROGRESS_STATUS: Readonly<Record<MatchRun['status'], 'active' | 'success' | 'exception'>> = {
  running: 'active',
  done: 'success',
  failed: 'exception',
};

/**
 * Metrics with a name in the UI (engine/src/matching/rebalance.ts `ExposureMetrics`, and the run's
 * settings); others show their key as the batch wrote it.
 */
const NAMED_METRICS = [
  'exposures',
  'ordersShown',
  'maxExposuresPerPlace',
  'shareBeyondCap',
  'ordersBeyondCap',
  'perPlace',
  'k',
] as const;
type NamedMetric = (typeof NAMED_METRICS)[number];

function isNamedMetric(key: string): key is NamedMetric {
  return NAMED_METRICS.some((name) => name === key);
}

/** A metric's name: its label when the UI knows it, else its key as the batch wrote it. */
function MetricName({ metricKey }: { readonly metricKey: string }) {
  const { t } = useTranslation();
  if (isNamedMetric(metricKey)) return t(`match.run.metricNames.${metricKey}`);
  return <Typography.Text code>{metricKey}</Typography.Text>;
}

function useFormatMetric(): (value: MetricValue | undefined) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = { yes: t('match.run.yes'), no: t('match.run.no'), empty: t('common.empty') };
  return (value) => formatMetricValue(value, locale, words);
}

function formatTime(value: string | null, empty: string): string {
  return value ? dayjs(value).format('ll LTS') : empty;
}

/** Status, progress, counts and times of one run. */
function RunCard({ run }: { readonly run: MatchRun }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const empty = t('common.empty');
  const count = (value: number) => value.toLocaleString(locale);
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('match.run.fields.status'),
      children: (
        <Tag color={STATUS_COLORS[run.status]} data-testid="match-run-status">
          {t(`match.run.status.${run.status}`)}
        </Tag>
      ),
    },
    {
      key: 'progress',
      label: t('match.run.fields.progress'),
      children: (
        <Progress
          percent={readRunPercent(run)}
          status={PROGRESS_STATUS[run.status]}
          size="small"
          style={{ minWidth: 200, margin: 0 }}
          data-testid="match-run-progress"
        />
      ),
    },
    { key: 'workers', label: t('match.run.fields.workers'), children: count(run.workers) },
    { key: 'orders', label: t('match.run.fields.orders'), children: count(run.orders) },
    { key: 'stored', label: t('match.run.fields.stored'), children: count(run.stored) },
    { key: 'startedAt', label: t('match.run.fields.startedAt'), children: formatTime(run.startedAt, empty) },
    {
      key: 'finishedAt',
      label: t('match.run.fields.finishedAt'),
      children: formatTime(run.finishedAt, empty),
    },
  ];
  return (
    <Card title={t('match.run.latest')} data-testid="match-run">
      <Flex vertical gap={12}>
        {run.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('match.run.failed')}
            description={run.failure ?? undefined}
            data-testid="match-run-failure"
          />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      </Flex>
    </Card>
  );
}

/** The run's metrics: before/after comparisons of the capacity re-ranking, then other figures. */
function MetricsCard({ run }: { readonly run: MatchRun }) {
  const { t } = useTranslation();
  const format = useFormatMetric();
  const { comparisons, figures } = buildMetricRows(run.metrics);
  const isEmpty = comparisons.length === 0 && figures.length === 0;
  return (
    <Card title={t('match.run.metrics')} data-testid="match-run-metrics">
      <Typography.Paragraph type="secondary">{t('match.run.metricsHint')}</Typography.Paragraph>
      {isEmpty && <Typography.Text type="secondary">{t('match.run.noMetrics')}</Typography.Text>}
      <Flex vertical gap={16}>
        {comparisons.length > 0 && (
          <Table<MetricComparison>
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={comparisons}
            data-testid="match-run-comparisons"
            columns={[
              {
                key: 'metric',
                title: t('match.run.metric'),
                render: (_, row) => <MetricName metricKey={row.key} />,
              },
              {
                key: 'before',
                title: t('match.run.before'),
                align: 'right',
                render: (_, row) => format(row.before),
              },
              {
                key: 'after',
                title: t('match.run.after'),
                align: 'right',
                render: (_, row) => format(row.after),
              },
            ]}
          />
        )}
        {figures.length > 0 && (
          <Table<MetricFigure>
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={figures}
            data-testid="match-run-figures"
            columns={[
              {
                key: 'metric',
                title: t('match.run.metric'),
                render: (_, row) => <MetricName metricKey={row.key} />,
              },
              {
                key: 'value',
                title: t('match.run.value'),
                align: 'right',
                render: (_, row) => format(row.value),
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}

/**
 * 智能推荐: what the batch does, its latest run (progress polled every second while it runs) and
 * that run's metrics, with "recompute" for holders of `match.run`. A refusal (a run is already going)
 * shows the server's sentence.
 */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const canRun = useCan(Permission.MatchRun);
  const latest = useLatestMatchRun();
  const start = useStartMatchRun();
  const run = latest.data?.run ?? null;
  const isRunning = run?.status === 'running';

  const recompute = () => {
    start.reset();
    start.mutate(undefined, { onSuccess: () => void message.success(t('match.run.started')) });
  };

  return (
    <>
      <PageHeader
        title={t('match.run.title')}
        subtitle={t('match.run.subtitle')}
        extra={
          canRun && (
            <Button
              type="primary"
              icon={<SyncOutlined spin={isRunning} />}
              loading={start.isPending}
              disabled={isRunning}
              onClick={recompute}
              data-testid="match-run-start"
            >
              {t('match.run.recompute')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ margin: 0, maxWidth: 900 }} data-testid="match-run-intro">
          {t('match.run.intro')}
        </Typography.Paragraph>
        {start.isError && (
          <Alert
            type="warning"
            showIcon
            closable={{ onClose: () => start.reset() }}
            role="alert"
            data-testid="match-run-error"
            title={describeError(start.error, t, locale)}
          />
        )}
        {latest.isPending ? (
          <Card loading title={t('match.run.latest')} />
        ) : latest.isError ? (
          <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
        ) : run === null ? (
          <Card title={t('match.run.latest')} data-testid="match-run-none">
            <EmptyState title={t('match.run.none')} text={canRun ? t('match.run.noneText') : undefined} />
          </Card>
        ) : (
          <>
            <RunCard run={run} />
            <MetricsCard run={run} />
          </>
        )}
      </Flex>
    </>
  );
}
