import { DownloadOutlined } from '@ant-design/icons';
import { Permission, VISIT_KINDS, type Visit } from '@yonggong/shared';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildVisitExportUrl, useVisitStats, useVisits } from '../../api/cases.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { VisitKindTag } from './components/case-tags.tsx';

type Range = [Dayjs | null, Dayjs | null] | null;

/** Visits and consultations in scope, filterable by kind, author and dates, with counts for the KPIs. */
export function VisitListPage() {
  const { t } = useTranslation();
  const canLog = useCan(Permission.VisitWrite);
  const [kind, setKind] = useState<Visit['kind'] | undefined>(undefined);
  const [isMine, setIsMine] = useState(false);
  const [range, setRange] = useState<Range>(null);
  const [by, setBy] = useState<'liaison' | 'district'>('liaison');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const filter = { kind, liaison: isMine ? 'me' : undefined, from, to };
  const visits = useVisits({ ...page, ...filter });
  const stats = useVisitStats({ by, from, to });

  return (
    <>
      <PageHeader
        title={t('cases.visit.listTitle')}
        extra={
          <Space wrap>
            {canLog && (
              <ButtonLink to="/visits/new" type="primary" data-testid="visit-new">
                {t('cases.list.logVisit')}
              </ButtonLink>
            )}
            <Button icon={<DownloadOutlined />} href={buildVisitExportUrl(filter)} data-testid="visit-export">
              {t('cases.list.export')}
            </Button>
          </Space>
        }
      />
      <Card title={t('cases.visit.stats')} style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented<'liaison' | 'district'>
            value={by}
            onChange={(value) => setBy(value)}
            options={[
              { value: 'liaison', label: t('cases.visit.by') },
              { value: 'district', label: t('cases.list.colDistrict') },
            ]}
          />
        </Flex>
        <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('cases.visit.statsVisits')} value={stats.data?.totals.visits ?? 0} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('cases.visit.statsServed')}
              value={stats.data?.totals.enterprisesServed ?? 0}
            />
          </Col>
        </Row>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          loading={stats.isFetching}
          dataSource={stats.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: by === 'liaison' ? t('cases.visit.by') : t('cases.list.colDistrict'),
              dataIndex: 'name',
            },
            { title: t('cases.visit.statsVisits'), dataIndex: 'visits', align: 'right' },
            { title: t('cases.kind.visit'), dataIndex: 'onSite', align: 'right' },
            { title: t('cases.kind.phone'), dataIndex: 'phone', align: 'right' },
            { title: t('cases.kind.meeting'), dataIndex: 'meeting', align: 'right' },
            { title: t('cases.visit.statsServed'), dataIndex: 'enterprisesServed', align: 'right' },
          ]}
        />
      </Card>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('cases.visit.kind')}
            value={kind}
            onChange={(value) => {
              setKind(value);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 140 }}
            options={VISIT_KINDS.map((value) => ({ value, label: t(`cases.kind.${value}`) }))}
          />
          <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} />
          <Segmented
            value={isMine ? 'mine' : 'all'}
            onChange={(value) => setIsMine(value === 'mine')}
            options={[
              { value: 'all', label: t('cases.list.all') },
              { value: 'mine', label: t('cases.list.mine') },
            ]}
          />
        </Flex>
        {visits.isError ? (
          <ErrorState error={visits.error} onRetry={() => void visits.refetch()} />
        ) : (
          <Table<Visit>
            rowKey="id"
            size="middle"
            loading={visits.isFetching}
            dataSource={visits.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState title={t('cases.visit.listEmpty')} /> }}
            pagination={{
              ...page,
              current: page.page,
              total: visits.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (next, pageSize) => setPage({ page: next, pageSize }),
            }}
            columns={[
              { title: t('cases.visit.date'), dataIndex: 'visitedOn' },
              {
                title: t('cases.visit.kind'),
                dataIndex: 'kind',
                render: (_, row) => <VisitKindTag kind={row.kind} />,
              },
              {
                title: t('cases.list.colEnterprise'),
                dataIndex: 'enterpriseName',
                render: (_, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{row.enterpriseName}</Link>,
              },
              {
                title: t('cases.visit.notes'),
                dataIndex: 'notes',
                render: (_, row) => (
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 420, margin: 0 }}>
                    {row.notes}
                  </Typography.Paragraph>
                ),
              },
              {
                title: t('cases.visit.case'),
                dataIndex: 'caseTitle',
                render: (_, row) =>
                  row.caseId ? <Link to={`/cases/${row.caseId}`}>{row.caseTitle}</Link> : t('common.empty'),
              },
              { title: t('cases.visit.by'), dataIndex: 'liaisonName' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
