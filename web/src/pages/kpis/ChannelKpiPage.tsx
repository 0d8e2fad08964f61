import {
  CHANNELS,
  type ChannelKpiQuery,
  type ChannelKpiRow,
  type ChannelMetric,
  type ChannelRecord,
  channelKpiQuery,
} from '@yonggong/shared';
import { Button, Card, DatePicker, Drawer, Flex, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { buildQueryString } from '../../api/client.ts';
import { useChannelRecords, useChannelReport } from '../../api/kpis.ts';
import { useCity } from '../../api/regions.ts';
import { readSearchParams, writeSearchParams } from '../../app/search-params.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatRate, recordStatusKey } from './channel-kpi-format.ts';

const DATE_FORMAT = 'YYYY-MM-DD';
const DEFAULT_QUERY: ChannelKpiQuery = channelKpiQuery.parse({});

/** The figure a click opened: which channel row and which metric. */
interface Opened {
  readonly row: ChannelKpiRow;
  readonly metric: ChannelMetric;
}

/** 渠道成效: every channel record's supply, applications, hires and retention; every number opens its records. */
export function ChannelKpiPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => readSearchParams(channelKpiQuery, searchParams), [searchParams]);
  const report = useChannelReport(query);
  const city = useCity();
  const [opened, setOpened] = useState<Opened | null>(null);
  const changeQuery = (changes: Partial<ChannelKpiQuery>) =>
    setSearchParams(writeSearchParams({ ...query, ...changes }, DEFAULT_QUERY));

  const nameOf = (row: ChannelKpiRow) =>
    row.name ??
    (row.ref === null
      ? t(`channel.${row.channel}`)
      : t('kpis.channels.unnamed', { channel: t(`channel.${row.channel}`) }));

  /** A figure as a link to its records (zero opens nothing). */
  const figure = (row: ChannelKpiRow, metric: ChannelMetric, value: number, label?: string) =>
    value === 0 && metric !== 'retained30' && metric !== 'retained90' ? (
      <span>0</span>
    ) : (
      <Button
        type="link"
        size="small"
        data-testid={`kpi-${metric}-${row.channel}-${row.ref ?? 'none'}`}
        onClick={() => setOpened({ row, metric })}
      >
        {label ?? value}
      </Button>
    );

  const retentionCell = (row: ChannelKpiRow, metric: 'retained30' | 'retained90') => {
    const r = metric === 'retained30' ? row.retention30 : row.retention90;
    if (r.retained + r.lost + r.pending === 0) return '—';
    return (
      <Flex vertical gap={0}>
        {figure(row, metric, r.retained + r.lost + r.pending, formatRate(r.rate))}
        {r.pending > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('kpis.channels.pending', { count: r.pending })}
          </Typography.Text>
        )}
      </Flex>
    );
  };

  const data = report.data;
  return (
    <>
      <PageHeader
        title={t('kpis.channels.title')}
        subtitle={t('kpis.channels.subtitle')}
        extra={
          <Button
            href={`/api/kpis/channels/export${buildQueryString({ ...query })}`}
            data-testid="kpi-export"
          >
            {t('kpis.channels.export')}
          </Button>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            aria-label={t('kpis.channels.period')}
            allowEmpty={[true, true]}
            value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
            onChange={(range) =>
              changeQuery({ from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) })
            }
          />
          <Select
            aria-label={t('kpis.channels.district')}
            placeholder={t('kpis.channels.allDistricts')}
            allowClear
            value={query.districtCode}
            options={(city.data?.districts ?? []).map((d) => ({ value: d.code, label: d.name }))}
            onChange={(districtCode?: string) => changeQuery({ districtCode })}
            style={{ width: 160 }}
          />
          <Select
            aria-label={t('kpis.channels.channel')}
            placeholder={t('kpis.channels.allChannels')}
            allowClear
            value={query.channel}
            options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
            onChange={(channel?: ChannelKpiQuery['channel']) => changeQuery({ channel })}
            style={{ width: 180 }}
          />
          {data && (
            <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
              {data.from} ~ {data.to}
            </Typography.Text>
          )}
        </Flex>
        {report.isError ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <Table<ChannelKpiRow>
            rowKey={(row) => `${row.channel}:${row.ref ?? 'none'}`}
            size="small"
            loading={report.isFetching}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('kpis.channels.empty')} /> }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              {
                key: 'name',
                title: t('kpis.channels.name'),
                render: (_, row) => (
                  <Flex vertical gap={0}>
                    <span>{nameOf(row)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`channel.${row.channel}`)}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                key: 'supplied',
                title: t('kpis.channels.supplied'),
                sorter: (a, b) => a.supplied - b.supplied,
                render: (_, row) => figure(row, 'supplied', row.supplied),
              },
              {
                key: 'applications',
                title: t('kpis.channels.applications'),
                sorter: (a, b) => a.applications - b.applications,
                render: (_, row) => figure(row, 'applications', row.applications),
              },
              {
                key: 'hires',
                title: t('kpis.channels.hires'),
                sorter: (a, b) => a.hires - b.hires,
                defaultSortOrder: 'descend',
                render: (_, row) => figure(row, 'hires', row.hires),
              },
              {
                key: 'hireRate',
                title: t('kpis.channels.hireRate'),
                sorter: (a, b) => (a.hireRate ?? -1) - (b.hireRate ?? -1),
                render: (_, row) => formatRate(row.hireRate),
              },
              {
                key: 'retention30',
                title: t('kpis.channels.retention30'),
                sorter: (a, b) => (a.retention30.rate ?? -1) - (b.retention30.rate ?? -1),
                render: (_, row) => retentionCell(row, 'retained30'),
              },
              {
                key: 'retention90',
                title: t('kpis.channels.retention90'),
                sorter: (a, b) => (a.retention90.rate ?? -1) - (b.retention90.rate ?? -1),
                render: (_, row) => retentionCell(row, 'retained90'),
              },
            ]}
            summary={() =>
              data ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong title={t('kpis.channels.totalsNote')}>
                      {t('kpis.channels.totals')}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{data.totals.supplied}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{data.totals.applications}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>{data.totals.hires}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4}>{formatRate(data.totals.hireRate)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5}>
                    {formatRate(data.totals.retention30.rate)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6}>
                    {formatRate(data.totals.retention90.rate)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        )}
      </Card>
      <ChannelRecordsDrawer
        query={query}
        opened={opened}
        title={opened ? nameOf(opened.row) : ''}
        onClose={() => setOpened(null)}
      />
    </>
  );
}

/** The records behind one figure, in a drawer, paged. */
function ChannelRecordsDrawer(props: {
  query: ChannelKpiQuery;
  opened: Opened | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { opened } = props;
  const records = useChannelRecords(
    opened
      ? {
          ...props.query,
          channel: opened.row.channel,
          ref: opened.row.ref ?? 'none',
          metric: opened.metric,
          page,
          pageSize: 20,
        }
      : null,
  );
  const metricLabel = opened
    ? t(
        `kpis.channels.${opened.metric === 'retained30' ? 'retention30' : opened.metric === 'retained90' ? 'retention90' : opened.metric}`,
      )
    : '';
  return (
    <Drawer
      open={opened !== null}
      onClose={() => {
        setPage(1);
        props.onClose();
      }}
      width={760}
      title={t('kpis.channels.records', { name: props.title, metric: metricLabel })}
    >
      {records.isError ? (
        <ErrorState error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <Table<ChannelRecord>
          rowKey={(row) => `${row.workerId}:${row.applicationId ?? ''}`}
          size="small"
          loading={records.isFetching}
          dataSource={records.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: records.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            {
              key: 'worker',
              title: t('kpis.channels.worker'),
              render: (_, row) => (
                <ButtonLink to={`/workers/${row.workerId}`} type="link" size="small">
                  {row.workerName}
                </ButtonLink>
              ),
            },
            { key: 'id', title: t('kpis.channels.idNumber'), dataIndex: 'idNumberMasked' },
            { key: 'date', title: t('kpis.channels.date'), dataIndex: 'date' },
            {
              key: 'enterprise',
              title: t('kpis.channels.enterprise'),
              render: (_, row) =>
                row.enterpriseId ? (
                  <ButtonLink to={`/enterprises/${row.enterpriseId}`} type="link" size="small">
                    {row.enterpriseName}
                  </ButtonLink>
                ) : (
                  '—'
                ),
            },
            { key: 'order', title: t('kpis.channels.order'), render: (_, row) => row.jobOrderTitle ?? '—' },
            {
              key: 'status',
              title: t('kpis.channels.status'),
              render: (_, row) => {
                const key = recordStatusKey(opened?.metric ?? 'supplied', row.status);
                return key ? t(key) : (row.status ?? '—');
              },
            },
          ]}
        />
      )}
    </Drawer>
  );
}
