import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditPage } from '../../../api/audit.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { AuditEventTable } from './AuditEventTable.tsx';

const PAGE_SIZE = 10;

/** "变更记录": the audit events of one enterprise, for users with `audit.read`. */
export function EnterpriseAuditPanel({ enterpriseId }: { readonly enterpriseId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const events = useAuditPage({
    entityType: 'enterprise',
    entityId: enterpriseId,
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <Card title={t('enterprise.detail.changeLog')} data-testid="enterprise-change-log">
      {events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <AuditEventTable
          events={events.data?.items ?? []}
          isLoading={events.isFetching}
          isEntityShown={false}
          emptyText={<EmptyState title={t('audit.noEvents')} />}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: events.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
          }}
          onPageChange={(next) => setPage(next)}
        />
      )}
    </Card>
  );
}
