import type { JobOrder, JobOrderListQuery } from '@yonggong/shared';
import { LIMITS } from '@yonggong/shared';
import { Flex, Space, Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SortOrder } from '../../../app/list-state.ts';
import { formatOccupationName } from '../../../components/occupation-options.ts';
import { useLocale } from '../../../i18n/index.ts';
import { formatWageRange } from '../job-order-format.ts';
import { listJobOrderSortDirections, readJobOrderSortOrder, toJobOrderSortParam } from '../list-query.ts';
import { HeadcountProgress } from './HeadcountProgress.tsx';
import { JobOrderStatusTag, UrgencyTag } from './JobOrderTags.tsx';
import { PipelineSummary } from './PipelineSummary.tsx';

interface JobOrderTableProps {
  readonly query: JobOrderListQuery;
  readonly page: { readonly items: readonly JobOrder[]; readonly total: number } | undefined;
  readonly isLoading: boolean;
  readonly emptyState: ReactNode;
  readonly onChange: (changes: Partial<JobOrderListQuery>) => void;
}

function readSingleSorter(sorter: Parameters<NonNullable<TableProps<JobOrder>['onChange']>>[2]) {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  const order: SortOrder | null = single?.order ?? null;
  return { column: single?.columnKey, order };
}

/** The job-order list: paging and sorting happen on the server and are kept in the URL. */
export function JobOrderTable({ query, page, isLoading, emptyState, onChange }: JobOrderTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sortable = (column: string) => ({
    sorter: true,
    sortOrder: readJobOrderSortOrder(query.sort, column),
    sortDirections: listJobOrderSortDirections(column),
  });

  const columns: TableColumnsType<JobOrder> = [
    {
      key: 'title',
      title: t('jobOrder.fields.title'),
      fixed: 'start',
      render: (_, order) => (
        <Flex vertical gap={2}>
          <Link to={`/job-orders/${order.id}`}>{order.title}</Link>
          <Space size={4} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {order.enterprise.name}
            </Typography.Text>
            {order.enterprise.keyLevel !== 'none' && (
              <Tag color="volcano" style={{ fontSize: 11 }}>
                {t('jobOrder.list.key')}
              </Tag>
            )}
          </Space>
        </Flex>
      ),
    },
    {
      key: 'occupation',
      title: t('jobOrder.fields.occupation'),
      render: (_, order) => formatOccupationName(order.occupationCode, locale, order.occupationName),
    },
    {
      key: 'remaining',
      title: t('jobOrder.fields.progress'),
      ...sortable('remaining'),
      render: (_, order) => <HeadcountProgress order={order} />,
    },
    {
      key: 'wage',
      title: t('jobOrder.fields.wage'),
      ...sortable('wage'),
      render: (_, order) => formatWageRange(order, locale, t('jobOrder.list.yuanPerMonth')),
    },
    { key: 'district', dataIndex: 'districtName', title: t('jobOrder.fields.district') },
    {
      key: 'deadline',
      title: t('jobOrder.fields.deadline'),
      ...sortable('deadline'),
      render: (_, order) => (
        <Typography.Text type={order.deadline < dayjs().format('YYYY-MM-DD') ? 'secondary' : undefined}>
          {order.deadline}
        </Typography.Text>
      ),
    },
    {
      key: 'urgency',
      title: t('jobOrder.fields.urgency'),
      ...sortable('urgency'),
      render: (_, order) => <UrgencyTag urgency={order.urgency} />,
    },
    {
      key: 'status',
      title: t('jobOrder.fields.status'),
      render: (_, order) => <JobOrderStatusTag status={order.status} />,
    },
    {
      key: 'pipeline',
      title: t('jobOrder.fields.pipeline'),
      render: (_, order) => <PipelineSummary pipeline={order.pipeline} />,
    },
    {
      key: 'createdAt',
      title: t('jobOrder.fields.createdAt'),
      ...sortable('createdAt'),
      render: (_, order) => dayjs(order.createdAt).format('YYYY-MM-DD'),
    },
  ];

  return (
    <Table<JobOrder>
      data-testid="job-order-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ? [...page.items] : []}
      loading={isLoading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: isLoading ? ' ' : emptyState }}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100].filter((size) => size <= LIMITS.pageSizeMax),
        showTotal: (total) => t('jobOrder.list.total', { total }),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') {
          const { column, order } = readSingleSorter(sorter);
          onChange({ sort: toJobOrderSortParam(column, order) });
          return;
        }
        onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
      }}
    />
  );
}
