import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  INTERNSHIP_KINDS,
  type Internship,
  type InternshipListQuery,
  Permission,
  PROGRAMME_STATUSES,
} from '@yonggong/shared';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildInternshipExportUrl, useInternships } from '../../api/internships.ts';
import { useCan } from '../../app/use-can.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { InternshipFormDialog } from './components/InternshipForm.tsx';

export const DEFAULT_INTERNSHIP_QUERY: Partial<InternshipListQuery> = {
  page: 1,
  pageSize: 20,
  sort: '-startDate',
};

/** Internships and traineeships (scoped) with the traineeship-subsidy verdict. */
export function InternshipListPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Partial<InternshipListQuery>>(DEFAULT_INTERNSHIP_QUERY);
  const internships = useInternships(query);
  const canCreate = useCan(Permission.SchoolWrite);
  // 'new', the id of the record being edited (read from the list so a reload brings its new version), or null.
  const [editing, setEditing] = useState<string | null>(null);
  const edited = internships.data?.items.find((item) => item.id === editing);
  return (
    <>
      <PageHeader
        title={t('schools.internships.title')}
        subtitle={t('schools.internships.subtitle')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={buildInternshipExportUrl(query)}>
              {t('schools.internships.export')}
            </Button>
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing('new')}
                data-testid="internship-create"
              >
                {t('schools.internshipForm.createTitle')}
              </Button>
            )}
          </Space>
        }
      />
      <InternshipFormDialog
        isOpen={editing === 'new' || edited !== undefined}
        internship={edited}
        onReload={() => void internships.refetch()}
        onClose={() => setEditing(null)}
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search allowClear onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })} />
          <Select
            allowClear
            style={{ width: 140 }}
            value={query.kind}
            placeholder={t('schools.internships.title')}
            onChange={(kind) => setQuery({ ...query, kind, page: 1 })}
            options={INTERNSHIP_KINDS.map((kind) => ({
              value: kind,
              label: t(`schools.internships.kinds.${kind}`),
            }))}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            value={query.status}
            placeholder={t('schools.internships.status')}
            onChange={(status) => setQuery({ ...query, status, page: 1 })}
            options={PROGRAMME_STATUSES.map((status) => ({
              value: status,
              label: t(`schools.internships.statuses.${status}`),
            }))}
          />
          <Checkbox
            checked={query.subsidyEligible === true}
            onChange={(event) =>
              setQuery({ ...query, subsidyEligible: event.target.checked ? true : undefined, page: 1 })
            }
          >
            {t('schools.internships.onlyEligible')}
          </Checkbox>
        </Space>
        {internships.isError ? (
          <ErrorState error={internships.error} onRetry={() => void internships.refetch()} />
        ) : (
          <Table<Internship>
            rowKey="id"
            loading={internships.isPending}
            dataSource={internships.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('schools.internships.empty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: internships.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            columns={[
              {
                key: 'kind',
                title: '',
                render: (_, row) => <Tag>{t(`schools.internships.kinds.${row.kind}`)}</Tag>,
              },
              {
                key: 'student',
                title: t('schools.internships.student'),
                render: (_, row) => `${row.workerName} ${row.workerIdNumberMasked}`,
              },
              {
                key: 'school',
                title: t('schools.internships.school'),
                render: (_, row) => row.schoolName ?? '—',
              },
              { key: 'enterprise', title: t('schools.internships.enterprise'), dataIndex: 'enterpriseName' },
              { key: 'position', title: t('schools.internships.position'), dataIndex: 'position' },
              {
                key: 'period',
                title: t('schools.internships.period'),
                render: (_, row) => `${row.startDate} — ${row.endDate}`,
              },
              {
                key: 'stipend',
                title: t('schools.internships.stipend'),
                render: (_, row) => (row.monthlyStipend / 100).toFixed(0),
              },
              {
                key: 'supervisor',
                title: t('schools.internships.supervisor'),
                render: (_, row) => `${row.supervisorName} ${row.supervisorPhoneMasked ?? ''}`,
              },
              {
                key: 'status',
                title: t('schools.internships.status'),
                render: (_, row) => t(`schools.internships.statuses.${row.status}`),
              },
              {
                key: 'subsidy',
                title: t('schools.internships.subsidy'),
                render: (_, row) => (
                  <Tooltip title={t(`schools.internships.reasons.${row.subsidyReason}`)}>
                    <Tag color={row.subsidyEligible ? 'green' : 'default'}>
                      {row.subsidyEligible
                        ? t('schools.internships.eligible')
                        : t('schools.internships.notEligible')}
                    </Tag>
                  </Tooltip>
                ),
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
                      data-testid="internship-edit"
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
