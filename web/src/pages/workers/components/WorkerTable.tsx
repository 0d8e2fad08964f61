import type { Worker, WorkerListQuery } from '@yonggong/shared';
import { LIMITS } from '@yonggong/shared';
import { Space, Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SortOrder } from '../../../app/list-state.ts';
import { useLocale } from '../../../i18n/index.ts';
import { listWorkerSortDirections, readWorkerSortOrder, toWorkerSortParam } from '../list-query.ts';
import { ChannelTags, WorkerStatusTag } from './WorkerTags.tsx';

interface WorkerTableProps {
  readonly query: WorkerListQuery;
  readonly page: { readonly items: readonly Worker[]; readonly total: number } | undefined;
  readonly isLoading: boolean;
  readonly emptyState: ReactNode;
  readonly onChange: (changes: Partial<WorkerListQuery>) => void;
}

/** Skills shown in a row before "+n". */
const SHOWN_SKILLS = 3;

function readSingleSorter(sorter: Parameters<NonNullable<TableProps<Worker>['onChange']>>[2]) {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  const order: SortOrder | null = single?.order ?? null;
  return { column: single?.columnKey, order };
}

/** The worker list: ID numbers and phones masked; paging and sorting on the server, kept in the URL. */
export function WorkerTable({ query, page, isLoading, emptyState, onChange }: WorkerTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const empty = t('common.empty');
  const sortable = (column: string) => ({
    sorter: true,
    sortOrder: readWorkerSortOrder(query.sort, column),
    sortDirections: listWorkerSortDirections(column),
  });

  const columns: TableColumnsType<Worker> = [
    {
      key: 'name',
      title: t('worker.fields.name'),
      fixed: 'start',
      ...sortable('name'),
      render: (_, worker) => (
        <Space size={4} wrap>
          <Link to={`/workers/${worker.id}`}>{worker.name}</Link>
          {worker.possibleDuplicates.some((flag) => flag.status === 'open') && (
            <Tag color="orange">{t('worker.list.possibleDuplicate')}</Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'age',
      title: t('worker.fields.sexAge'),
      ...sortable('age'),
      render: (_, worker) => t('worker.list.sexAge', { sex: t(`sex.${worker.sex}`), age: worker.age }),
    },
    {
      key: 'idNumber',
      title: t('worker.fields.idNumber'),
      render: (_, worker) => <Typography.Text code>{worker.idNumberMasked}</Typography.Text>,
    },
    { key: 'phone', dataIndex: 'phoneMasked', title: t('worker.fields.phone') },
    {
      key: 'origin',
      title: t('worker.fields.origin'),
      render: (_, worker) => worker.originRegionName ?? empty,
    },
    {
      key: 'education',
      title: t('worker.fields.education'),
      render: (_, worker) => t(`education.${worker.education}`),
    },
    {
      key: 'skills',
      title: t('worker.fields.skills'),
      render: (_, worker) =>
        worker.skills.length === 0 ? (
          empty
        ) : (
          <Space size={[2, 2]} wrap style={{ maxWidth: 220 }}>
            {worker.skills.slice(0, SHOWN_SKILLS).map((skill) => (
              <Tag key={skill} style={{ marginInlineEnd: 0 }}>
                {skill}
              </Tag>
            ))}
            {worker.skills.length > SHOWN_SKILLS && (
              <Typography.Text type="secondary">
                {t('worker.list.more', { count: worker.skills.length - SHOWN_SKILLS })}
              </Typography.Text>
            )}
          </Space>
        ),
    },
    {
      key: 'expectedWage',
      title: t('worker.fields.expectedWage'),
      align: 'end',
      ...sortable('expectedWage'),
      render: (_, worker) =>
        worker.expectedWage === null
          ? empty
          : t('worker.list.wage', { amount: worker.expectedWage.toLocaleString(locale) }),
    },
    {
      key: 'status',
      title: t('worker.fields.status'),
      render: (_, worker) => <WorkerStatusTag status={worker.status} />,
    },
    {
      key: 'channels',
      title: t('worker.fields.channels'),
      render: (_, worker) => <ChannelTags channels={worker.channels} />,
    },
  ];

  return (
    <Table<Worker>
      data-testid="worker-table"
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
        showTotal: (total) => t('worker.list.total', { total }),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') {
          const { column, order } = readSingleSorter(sorter);
          onChange({ sort: toWorkerSortParam(column, order) });
          return;
        }
        onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
      }}
    />
  );
}
