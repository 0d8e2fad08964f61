import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Permission, SCHOOL_TYPES, type School, type SchoolListQuery } from '@yonggong/shared';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildSchoolExportUrl, useSchools } from '../../api/schools.ts';
import { useMe } from '../../app/auth-context.tsx';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SchoolFormDialog } from './components/SchoolForm.tsx';

export const DEFAULT_SCHOOL_QUERY: Partial<SchoolListQuery> = { page: 1, pageSize: 20, sort: 'name' };

/** The register of partner schools (officers and enterprises: all; school staff: their own). */
export function SchoolListPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Partial<SchoolListQuery>>(DEFAULT_SCHOOL_QUERY);
  const schools = useSchools(query);
  const me = useMe();
  const canWrite = useCan(Permission.SchoolWrite);
  // The server lets the register's keepers create schools; an account bound to a school (its staff)
  // keeps only its own school's profile. The button only mirrors that; the server decides.
  const canRegister = canWrite && me.scope.schoolId === null;
  const [isCreating, setIsCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('schools.list.title')}
        subtitle={t('schools.list.subtitle')}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={buildSchoolExportUrl(query)}
              data-testid="school-export"
            >
              {t('schools.list.export')}
            </Button>
            {canRegister && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setIsCreating(true)}
                data-testid="school-create"
              >
                {t('schools.form.createTitle')}
              </Button>
            )}
          </Space>
        }
      />
      <SchoolFormDialog isOpen={isCreating} onClose={() => setIsCreating(false)} />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            placeholder={t('schools.list.search')}
            onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })}
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('schools.list.type')}
            value={query.type}
            onChange={(type) => setQuery({ ...query, type, page: 1 })}
            options={SCHOOL_TYPES.map((type) => ({ value: type, label: t(`schools.types.${type}`) }))}
          />
          <Checkbox
            checked={query.hasActiveAgreement === true}
            onChange={(event) =>
              setQuery({ ...query, hasActiveAgreement: event.target.checked ? true : undefined, page: 1 })
            }
          >
            {t('schools.list.activeOnly')}
          </Checkbox>
          <Select
            style={{ width: 160 }}
            value={query.sort}
            onChange={(sort) => setQuery({ ...query, sort, page: 1 })}
            options={[
              { value: 'name', label: t('schools.list.sortName') },
              { value: '-agreements', label: t('schools.list.sortAgreements') },
              { value: '-graduates', label: t('schools.list.sortGraduates') },
            ]}
          />
        </Space>
        {schools.isError ? (
          <ErrorState error={schools.error} onRetry={() => void schools.refetch()} />
        ) : (
          <Table<School>
            rowKey="id"
            loading={schools.isPending}
            dataSource={schools.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('schools.list.empty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: schools.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            columns={[
              {
                key: 'name',
                title: t('schools.list.name'),
                render: (_, row) => (
                  <ButtonLink to={`/schools/${row.id}`} type="link" data-testid="school-link">
                    {row.name}
                  </ButtonLink>
                ),
              },
              {
                key: 'type',
                title: t('schools.list.type'),
                render: (_, row) => <Tag>{t(`schools.types.${row.type}`)}</Tag>,
              },
              { key: 'region', title: t('schools.list.region'), dataIndex: 'regionName' },
              {
                key: 'majors',
                title: t('schools.list.majors'),
                render: (_, row) => row.majors.map((m) => m.name).join('、'),
              },
              {
                key: 'graduates',
                title: t('schools.list.graduates', { year: row0Year(schools.data?.items) }),
                render: (_, row) => row.stats.latestGraduates,
              },
              {
                key: 'agreements',
                title: t('schools.list.agreements'),
                render: (_, row) => row.stats.activeAgreements,
              },
              {
                key: 'classes',
                title: t('schools.list.classes'),
                render: (_, row) => row.stats.orderClasses,
              },
              { key: 'students', title: t('schools.list.students'), render: (_, row) => row.stats.students },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function row0Year(items: readonly School[] | undefined): string {
  const year = items?.find((item) => item.stats.latestGraduateYear !== null)?.stats.latestGraduateYear;
  return year ? String(year) : '';
}
