import { type MonitoringReport, Permission, RECONCILIATION_STATUSES } from '@yonggong/shared';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type MonitoringReportFilter,
  monitoringReportsExportUrl,
  useMonitoringReports,
} from '../../api/monitoring.ts';
import { useCity } from '../../api/regions.ts';
import { useMe } from '../../app/auth-context.tsx';
import { useCan } from '../../app/use-can.ts';
import { formatPercent } from '../../charts/monitoring-options.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { listSelectableDistricts } from '../enterprises/district-scope.ts';
import { EnterpriseSelect } from '../job-orders/components/EnterpriseSelect.tsx';
import { ReportImportDialog } from './components/ReportImportDialog.tsx';
import { ReportingStatusCard } from './components/ReportingStatusCard.tsx';
import { ColourTag } from './MonitoringMapPage.tsx';
import { reconciliationStatusOf } from './report-helpers.ts';

const COLOURS = ['red', 'yellow', 'green'] as const;
const SORTS = ['month', 'shortageRate', 'name'] as const;
const PAGE_SIZES = [20, 50, 100] as const;

/** The list's filters from the URL (so a filtered list can be bookmarked and shared). */
function readFilter(params: URLSearchParams): MonitoringReportFilter {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = params.get(name);
    return allowed.find((option) => option === value);
  };
  const month = params.get('month');
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  return {
    ...(month && /^\d{4}-\d{2}$/.test(month) ? { month } : {}),
    ...(params.get('districtCode') ? { districtCode: params.get('districtCode') ?? '' } : {}),
    ...(params.get('enterpriseId') ? { enterpriseId: params.get('enterpriseId') ?? '' } : {}),
    ...(pick('reconciliation', RECONCILIATION_STATUSES)
      ? { reconciliation: pick('reconciliation', RECONCILIATION_STATUSES) }
      : {}),
    ...(pick('colour', COLOURS) ? { colour: pick('colour', COLOURS) } : {}),
    sort: pick('sort', SORTS) ?? 'month',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.find((size) => size === pageSize) ?? 20,
  };
}

/**
 * 用工监测月报: every monthly headcount report the user may see, filtered by month, district,
 * enterprise, colour and reconciliation, sorted and paged on the server; Excel export of the
 * filtered list and import; a new report, and correction of a filed one. Enterprise HR sees its own
 * reports under the card of the month due now.
 */
export function MonitoringReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const reports = useMonitoringReports(filter);
  const city = useCity();
  const canReport = useCan(Permission.MonitoringReport);
  const [isImporting, setIsImporting] = useState(false);
  const ownEnterpriseId = me.roles.includes('enterprise') ? me.scope.enterpriseId : null;
  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];

  const change = (next: Record<string, string | undefined>, keepPage = false) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') merged.delete(key);
      else merged.set(key, value);
    }
    if (!keepPage) merged.delete('page');
    setParams(merged);
  };
  const { page: _page, pageSize: _pageSize, ...exportFilter } = filter;
  const hasFilters = ['month', 'districtCode', 'enterpriseId', 'reconciliation', 'colour'].some((key) =>
    params.has(key),
  );

  const sortOrderOf = (key: (typeof SORTS)[number]) =>
    filter.sort === key ? (filter.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  const columns: TableProps<MonitoringReport>['columns'] = [
    {
      key: 'name',
      title: t('monitoring.reports.enterprise'),
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_, report) => (
        <Flex vertical>
          <Link to={`/monitoring/enterprises/${report.enterpriseId}`}>{report.enterpriseName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {report.districtName ?? report.districtCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'month',
      dataIndex: 'month',
      title: t('monitoring.reports.month'),
      sorter: true,
      sortOrder: sortOrderOf('month'),
    },
    { key: 'planned', dataIndex: 'plannedHeadcount', title: t('monitoring.reports.planned'), align: 'right' },
    { key: 'actual', dataIndex: 'actualHeadcount', title: t('monitoring.reports.actual'), align: 'right' },
    { key: 'hires', dataIndex: 'hires', title: t('monitoring.reports.hires'), align: 'right' },
    {
      key: 'separations',
      dataIndex: 'separations',
      title: t('monitoring.reports.separations'),
      align: 'right',
    },
    { key: 'shortage', dataIndex: 'shortage', title: t('monitoring.reports.shortage'), align: 'right' },
    {
      key: 'shortageRate',
      title: t('monitoring.reports.rate'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('shortageRate'),
      render: (_, report) => (
        <Space size={4}>
          {formatPercent(report.shortageRate)}
          <ColourTag colour={report.colour} />
        </Space>
      ),
    },
    {
      key: 'reconciliation',
      title: t('monitoring.reports.reconciliation'),
      render: (_, report) => <ReconciliationTag report={report} />,
    },
    {
      key: 'submitted',
      title: t('monitoring.reports.submittedAt'),
      render: (_, report) => (
        <Tooltip title={report.submittedByName ?? undefined}>
          <Flex vertical>
            <span>
              {dayjs(report.submittedAt).format('YYYY-MM-DD HH:mm')}{' '}
              {report.isLate && <Tag color="orange">{t('monitoring.reports.late')}</Tag>}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`monitoring.source.${report.source}`)}
            </Typography.Text>
          </Flex>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('monitoring.reports.actions'),
      fixed: 'right',
      render: (_, report) =>
        report.can.update ? (
          <ButtonLink
            size="small"
            to={`/monitoring/reports/${report.id}/edit`}
            data-testid={`report-edit-${report.id}`}
          >
            {t('monitoring.reports.edit')}
          </ButtonLink>
        ) : null,
    },
  ];

  if (reports.error) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('monitoring.reports.title')}
        subtitle={t('monitoring.reports.subtitle')}
        extra={
          <Space wrap>
            <Button href={monitoringReportsExportUrl(exportFilter)} data-testid="reports-export">
              {t('monitoring.reports.export')}
            </Button>
            {canReport && (
              <Button onClick={() => setIsImporting(true)} data-testid="reports-import">
                {t('monitoring.reports.import')}
              </Button>
            )}
            {canReport && (
              <ButtonLink type="primary" to="/monitoring/reports/new" data-testid="reports-new">
                {t('monitoring.reports.create')}
              </ButtonLink>
            )}
          </Space>
        }
      />
      {ownEnterpriseId && <ReportingStatusCard enterpriseId={ownEnterpriseId} />}
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <DatePicker
            picker="month"
            aria-label={t('monitoring.reports.month')}
            placeholder={t('monitoring.reports.month')}
            value={filter.month ? dayjs(`${filter.month}-01`) : null}
            onChange={(value) => change({ month: value ? value.format('YYYY-MM') : undefined })}
            data-testid="reports-filter-month"
          />
          {districts.length > 1 && (
            <Select
              allowClear
              aria-label={t('monitoring.reports.district')}
              placeholder={t('monitoring.reports.district')}
              style={{ width: 140 }}
              value={filter.districtCode}
              options={districts.map((d) => ({ value: d.code, label: d.name }))}
              onChange={(value?: string) => change({ districtCode: value })}
            />
          )}
          {!ownEnterpriseId && (
            <EnterpriseSelect
              allowClear
              aria-label={t('monitoring.reports.enterprise')}
              placeholder={t('monitoring.reports.enterprise')}
              style={{ width: 240 }}
              value={filter.enterpriseId ?? null}
              onChange={(enterpriseId) => change({ enterpriseId })}
            />
          )}
          <Select
            allowClear
            aria-label={t('monitoring.reports.colour')}
            placeholder={t('monitoring.reports.colour')}
            style={{ width: 110 }}
            value={filter.colour}
            options={COLOURS.map((colour) => ({ value: colour, label: t(`monitoring.colour.${colour}`) }))}
            onChange={(value?: string) => change({ colour: value })}
          />
          <Select
            allowClear
            aria-label={t('monitoring.reports.reconciliation')}
            placeholder={t('monitoring.reports.reconciliation')}
            style={{ width: 150 }}
            value={filter.reconciliation}
            options={RECONCILIATION_STATUSES.map((status) => ({
              value: status,
              label: t(`monitoring.reconciliationStatus.${status}`),
            }))}
            onChange={(value?: string) => change({ reconciliation: value })}
            data-testid="reports-filter-reconciliation"
          />
          {hasFilters && (
            <Button
              type="link"
              onClick={() =>
                change({
                  month: undefined,
                  districtCode: undefined,
                  enterpriseId: undefined,
                  reconciliation: undefined,
                  colour: undefined,
                })
              }
            >
              {t('monitoring.reports.clear')}
            </Button>
          )}
        </Flex>
        <Table<MonitoringReport>
          rowKey="id"
          size="middle"
          data-testid="reports-table"
          loading={reports.isFetching}
          dataSource={reports.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: reports.isPending ? (
              ' '
            ) : (
              <EmptyState title={t('monitoring.reports.empty')} text={t('monitoring.reports.emptyHint')} />
            ),
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: reports.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: (total) => t('monitoring.reports.total', { total }),
          }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const one = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = SORTS.find((s) => s === one?.columnKey);
              change({
                sort: one?.order && key ? key : undefined,
                order: one?.order === 'ascend' ? 'asc' : undefined,
              });
              return;
            }
            change(
              {
                page: String(pagination.current ?? 1),
                pageSize: String(pagination.pageSize ?? filter.pageSize),
              },
              true,
            );
          }}
        />
      </Card>
      <ReportImportDialog isOpen={isImporting} onClose={() => setIsImporting(false)} />
    </>
  );
}

/** 一致 / 不一致（相差 n，已确认）/ 无上月数据. */
export function ReconciliationTag({ report }: { readonly report: Pick<MonitoringReport, 'reconciliation'> }) {
  const { t } = useTranslation();
  const status = reconciliationStatusOf(report);
  if (status === 'mismatch')
    return (
      <Tooltip
        title={t('monitoring.reconciliationStatus.confirmedDiff', {
          difference: report.reconciliation.difference ?? 0,
        })}
      >
        <Tag color="orange" data-testid="reconciliation-mismatch">
          {t('monitoring.reconciliationStatus.mismatch')}{' '}
          {(report.reconciliation.difference ?? 0) > 0 ? '+' : ''}
          {report.reconciliation.difference}
        </Tag>
      </Tooltip>
    );
  return (
    <Tag color={status === 'balanced' ? 'green' : 'default'}>
      {t(`monitoring.reconciliationStatus.${status}`)}
    </Tag>
  );
}
