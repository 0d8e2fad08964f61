import { Permission, type ShortageReport } from '@yonggong/shared';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShortageReports } from '../../api/cases.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ShortageThresholdCard } from './components/ShortageThresholdCard.tsx';

/**
 * Urgent shortage reports in scope, newest first, with the case each opened or joined; above
 * them the automatic-case threshold (administrators edit it there).
 */
export function ShortageReportListPage() {
  const { t } = useTranslation();
  const canReport = useCan(Permission.MonitoringReport);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const reports = useShortageReports(page);
  return (
    <>
      <PageHeader
        title={t('cases.shortage.recent')}
        subtitle={t('cases.shortage.subtitle')}
        extra={
          canReport && (
            <ButtonLink to="/shortage-reports/new" type="primary" data-testid="shortage-new">
              {t('cases.shortage.title')}
            </ButtonLink>
          )
        }
      />
      <ShortageThresholdCard />
      <Card>
        {reports.isError ? (
          <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
        ) : (
          <Table<ShortageReport>
            rowKey="id"
            loading={reports.isFetching}
            dataSource={reports.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('cases.shortage.recentEmpty')} /> }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: reports.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (next, pageSize) => setPage({ page: next, pageSize }),
            }}
            columns={[
              {
                title: t('cases.detail.opened'),
                dataIndex: 'createdAt',
                render: (v: string) => v.slice(0, 10),
              },
              { title: t('cases.shortage.enterprise'), dataIndex: 'enterpriseName' },
              {
                title: t('cases.shortage.lines'),
                dataIndex: 'lines',
                render: (_, row) => (
                  <Space orientation="vertical" size={0}>
                    {row.lines.map((line) => (
                      <span key={`${line.occupationCode}-${line.neededBy}`}>
                        {line.occupationName} × {line.headcount}（{line.neededBy}）
                      </span>
                    ))}
                    <Typography.Text type="secondary">
                      {t('cases.shortage.total', { count: row.totalShortage })}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('cases.shortage.reason'),
                dataIndex: 'reason',
                render: (v: string) => (
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 320, margin: 0 }}>
                    {v}
                  </Typography.Paragraph>
                ),
              },
              {
                title: t('cases.visit.case'),
                dataIndex: 'caseId',
                render: (_, row) =>
                  row.caseId ? (
                    <Space orientation="vertical" size={0}>
                      <Link to={`/cases/${row.caseId}`}>{row.caseTitle}</Link>
                      {row.hasOpenedCase && <Tag color="volcano">{t('cases.list.auto')}</Tag>}
                    </Space>
                  ) : (
                    t('common.empty')
                  ),
              },
              {
                title: t('cases.visit.by'),
                dataIndex: 'reportedByName',
                render: (v: string | null) => v ?? t('common.empty'),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
