import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { CASE_CATEGORIES, CASE_SORTS, type CaseListItem, Permission } from '@yonggong/shared';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { buildCaseExportUrl, type CaseListFilters, useCases } from '../../api/cases.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import { CaseCategoryTag, CaseStatusTag } from './components/case-tags.tsx';

const SORT_LABELS = {
  '-openedAt': 'cases.list.sortOpenedDesc',
  openedAt: 'cases.list.sortOpenedAsc',
  '-overdue': 'cases.list.sortOverdue',
  '-resolved': 'cases.list.sortResolved',
  enterprise: 'cases.list.sortEnterprise',
} as const satisfies Readonly<Record<(typeof CASE_SORTS)[number], string>>;

/** 一企一策 cases in the user's scope, filterable and sortable, overdue work highlighted. */
export function CaseListPage() {
  const { t } = useTranslation();
  const canLogVisit = useCan(Permission.VisitWrite);
  const canOpen = useCan(Permission.CaseWrite);
  const canReport = useCan(Permission.MonitoringReport);
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<CaseListFilters>(() => ({
    status: 'active',
    sort: '-openedAt',
    page: 1,
    pageSize: 20,
    owner: params.get('owner') === 'me' ? 'me' : undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
  }));
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const shown: CaseListFilters = { ...filters, q: q === '' ? undefined : q };
  const cases = useCases(shown);
  const update = (patch: CaseListFilters) => setFilters((current) => ({ ...current, page: 1, ...patch }));

  const columns: ColumnsType<CaseListItem> = [
    {
      title: t('cases.list.colTitle'),
      dataIndex: 'title',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/cases/${row.id}`} data-testid="case-link">
            {row.title}
          </Link>
          {row.isAutoOpened && <Typography.Text type="secondary">{t('cases.list.auto')}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('cases.list.colEnterprise'), dataIndex: 'enterpriseName' },
    { title: t('cases.list.colDistrict'), dataIndex: 'districtName', responsive: ['lg'] },
    {
      title: t('cases.list.colCategory'),
      dataIndex: 'category',
      render: (_, row) => <CaseCategoryTag category={row.category} />,
    },
    {
      title: t('cases.list.colStatus'),
      dataIndex: 'status',
      render: (_, row) => <CaseStatusTag status={row.status} />,
    },
    {
      title: t('cases.list.colOwner'),
      dataIndex: 'ownerName',
      responsive: ['md'],
      render: (_, row) =>
        row.ownerName ?? <Typography.Text type="secondary">{t('cases.list.unassigned')}</Typography.Text>,
    },
    { title: t('cases.list.colOpened'), dataIndex: 'openedOn', responsive: ['md'] },
    { title: t('cases.list.colResolved'), dataIndex: 'headcountResolved', align: 'right' },
    {
      title: t('cases.list.colProgress'),
      dataIndex: 'actionsDone',
      render: (_, row) => (
        <Space size={4} wrap>
          <span>
            {row.actionsDone}/{row.actionsTotal}
          </span>
          {row.actionsOverdue > 0 && (
            <Tag color="red">{t('cases.list.overdueCount', { count: row.actionsOverdue })}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('cases.list.colNextDue'),
      dataIndex: 'nextDueOn',
      responsive: ['lg'],
      render: (v) => v ?? t('common.empty'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('cases.list.title')}
        subtitle={t('cases.list.subtitle')}
        extra={
          <Space wrap>
            {canOpen && (
              <ButtonLink to="/cases/new" type="primary" icon={<PlusOutlined />} data-testid="case-new">
                {t('cases.list.newCase')}
              </ButtonLink>
            )}
            <Button icon={<DownloadOutlined />} href={buildCaseExportUrl(shown)} data-testid="case-export">
              {t('cases.list.export')}
            </Button>
            {canLogVisit && <ButtonLink to="/visits/new">{t('cases.list.logVisit')}</ButtonLink>}
            {canReport && (
              <ButtonLink to="/shortage-reports/new">{t('cases.list.reportShortage')}</ButtonLink>
            )}
          </Space>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('cases.list.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 260 }}
          />
          <Select
            aria-label={t('cases.list.statusFilter')}
            value={filters.status}
            onChange={(status) => update({ status })}
            style={{ width: 170 }}
            options={[
              { value: 'active', label: t('cases.list.active') },
              { value: 'closed', label: t('cases.list.closed') },
              { value: 'all', label: t('cases.list.all') },
            ]}
          />
          <Select
            aria-label={t('cases.list.categoryFilter')}
            placeholder={t('cases.list.categoryFilter')}
            allowClear
            value={filters.category}
            onChange={(category) => update({ category })}
            style={{ width: 150 }}
            options={CASE_CATEGORIES.map((value) => ({ value, label: t(`cases.category.${value}`) }))}
          />
          <Select
            aria-label={t('cases.list.sort')}
            value={filters.sort}
            onChange={(sort) => update({ sort })}
            style={{ width: 160 }}
            options={CASE_SORTS.map((value) => ({ value, label: t(SORT_LABELS[value]) }))}
          />
          <Checkbox
            checked={filters.owner === 'me'}
            onChange={(e) => update({ owner: e.target.checked ? 'me' : undefined })}
          >
            {t('cases.list.mine')}
          </Checkbox>
          <Checkbox
            checked={filters.overdue === true}
            onChange={(e) => update({ overdue: e.target.checked ? true : undefined })}
            data-testid="case-filter-overdue"
          >
            {t('cases.list.overdue')}
          </Checkbox>
        </Flex>
        {cases.isError ? (
          <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
        ) : (
          <Table<CaseListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={cases.data?.items ?? []}
            loading={cases.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('cases.list.empty')} /> }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: cases.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setFilters((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
    </>
  );
}
