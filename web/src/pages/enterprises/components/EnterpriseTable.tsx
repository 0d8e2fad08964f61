import type { Enterprise, EnterpriseListQuery, EnterprisePage } from '@yonggong/shared';
import { LIMITS } from '@yonggong/shared';
import { Space, Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../i18n/index.ts';
import { formatIndustryName } from '../industry-options.ts';
import { readSortOrder, type SortOrder, toSortParam } from '../list-query.ts';
import { ContactPhone } from './ContactPhone.tsx';
import { KeyLevelTag, StatusTag } from './EnterpriseTags.tsx';

interface EnterpriseTableProps {
  readonly query: EnterpriseListQuery;
  readonly page: EnterprisePage | undefined;
  readonly isLoading: boolean;
  readonly emptyState: ReactNode;
  readonly onChange: (changes: Partial<EnterpriseListQuery>) => void;
}

function readSingleSorter(sorter: Parameters<NonNullable<TableProps<Enterprise>['onChange']>>[2]) {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  const order: SortOrder | null = single?.order ?? null;
  return { field: single?.columnKey, order };
}

/** The enterprise list: paging and sorting happen on the server and are kept in the URL. */
export function EnterpriseTable({ query, page, isLoading, emptyState, onChange }: EnterpriseTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();

  const columns: TableColumnsType<Enterprise> = [
    {
      key: 'name',
      title: t('enterprise.fields.name'),
      sorter: true,
      sortOrder: readSortOrder(query.sort, 'name'),
      fixed: 'start',
      render: (_, enterprise) => (
        <Space size={4} wrap>
          <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link>
          {enterprise.isMine && <Tag color="blue">{t('enterprise.list.mine')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'creditCode',
      dataIndex: 'creditCode',
      title: t('enterprise.fields.creditCode'),
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      key: 'districtCode',
      dataIndex: 'districtName',
      title: t('enterprise.fields.district'),
      sorter: true,
      sortOrder: readSortOrder(query.sort, 'districtCode'),
    },
    {
      key: 'industry',
      title: t('enterprise.fields.industry'),
      render: (_, enterprise) => formatIndustryName(enterprise.industryCode, locale, enterprise.industryName),
    },
    {
      key: 'size',
      title: t('enterprise.fields.size'),
      render: (_, enterprise) => t(`enterprise.size.${enterprise.size}`),
    },
    {
      key: 'employeeCount',
      dataIndex: 'employeeCount',
      title: t('enterprise.fields.employeeCount'),
      align: 'end',
      sorter: true,
      sortOrder: readSortOrder(query.sort, 'employeeCount'),
      render: (count: number | null) => (count === null ? t('common.empty') : count.toLocaleString(locale)),
    },
    {
      key: 'keyLevel',
      title: t('enterprise.fields.keyLevel'),
      render: (_, enterprise) => <KeyLevelTag level={enterprise.keyLevel} />,
    },
    {
      key: 'liaison',
      title: t('enterprise.fields.liaison'),
      render: (_, enterprise) => enterprise.liaison?.displayName ?? t('common.empty'),
    },
    {
      key: 'firstContact',
      title: t('enterprise.fields.firstContact'),
      render: (_, enterprise) => {
        const [contact] = enterprise.contacts;
        if (!contact) return t('common.empty');
        return (
          <Space size={4}>
            <span>{contact.name}</span>
            <ContactPhone
              enterpriseId={enterprise.id}
              contact={contact}
              canReveal={enterprise.can.revealContact}
            />
          </Space>
        );
      },
    },
    {
      key: 'status',
      title: t('enterprise.fields.status'),
      render: (_, enterprise) => <StatusTag status={enterprise.status} />,
    },
  ];

  return (
    <Table<Enterprise>
      data-testid="enterprise-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={isLoading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: isLoading ? ' ' : emptyState }}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100].filter((size) => size <= LIMITS.pageSizeMax),
        showTotal: (total) => t('enterprise.list.total', { total }),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') {
          const { field, order } = readSingleSorter(sorter);
          onChange({ sort: toSortParam(field, order) });
          return;
        }
        onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize });
      }}
    />
  );
}
