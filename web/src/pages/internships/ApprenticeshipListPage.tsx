import { PlusOutlined } from '@ant-design/icons';
import {
  type Apprenticeship,
  type ApprenticeshipListQuery,
  Permission,
  PROGRAMME_STATUSES,
} from '@yonggong/shared';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApprenticeships } from '../../api/internships.ts';
import { useCan } from '../../app/use-can.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ApprenticeshipFormDialog } from './components/ApprenticeshipForm.tsx';

export const DEFAULT_APPRENTICESHIP_QUERY: Partial<ApprenticeshipListQuery> = {
  page: 1,
  pageSize: 20,
  sort: '-startDate',
};

/** New-style apprenticeships (新型学徒制), scoped. */
export function ApprenticeshipListPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Partial<ApprenticeshipListQuery>>(DEFAULT_APPRENTICESHIP_QUERY);
  const list = useApprenticeships(query);
  const canCreate = useCan(Permission.SchoolWrite);
  // 'new', the id of the programme being edited (read from the list so a reload brings its new version), or null.
  const [editing, setEditing] = useState<string | null>(null);
  const edited = list.data?.items.find((item) => item.id === editing);
  return (
    <>
      <PageHeader
        title={t('schools.apprenticeships.title')}
        subtitle={t('schools.apprenticeships.subtitle')}
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="apprenticeship-create"
            >
              {t('schools.apprenticeshipForm.createTitle')}
            </Button>
          )
        }
      />
      <ApprenticeshipFormDialog
        isOpen={editing === 'new' || edited !== undefined}
        apprenticeship={edited}
        onReload={() => void list.refetch()}
        onClose={() => setEditing(null)}
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search allowClear onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })} />
          <Select
            allowClear
            style={{ width: 120 }}
            value={query.status}
            placeholder={t('schools.apprenticeships.status')}
            onChange={(status) => setQuery({ ...query, status, page: 1 })}
            options={PROGRAMME_STATUSES.map((status) => ({
              value: status,
              label: t(`schools.internships.statuses.${status}`),
            }))}
          />
        </Space>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Apprenticeship>
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('schools.apprenticeships.empty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            columns={[
              { key: 'title', title: t('schools.apprenticeships.programme'), dataIndex: 'title' },
              {
                key: 'enterprise',
                title: t('schools.apprenticeships.enterprise'),
                dataIndex: 'enterpriseName',
              },
              {
                key: 'provider',
                title: t('schools.apprenticeships.provider'),
                render: (_, row) => row.schoolName ?? row.providerName,
              },
              {
                key: 'occupation',
                title: t('schools.apprenticeships.occupation'),
                dataIndex: 'occupationCode',
              },
              {
                key: 'period',
                title: t('schools.apprenticeships.period'),
                render: (_, row) => `${row.startDate} — ${row.endDate}`,
              },
              {
                key: 'apprentices',
                title: t('schools.apprenticeships.apprentices'),
                render: (_, row) => row.apprentices.length,
              },
              {
                key: 'status',
                title: t('schools.apprenticeships.status'),
                render: (_, row) => t(`schools.internships.statuses.${row.status}`),
              },
              {
                key: 'actions',
                title: '',
                render: (_, row) =>
                  row.can.update && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setEditing(row.id)}
                      data-testid="apprenticeship-edit"
                    >
                      {t('schools.form.edit')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
