import { auditQuery } from '@yonggong/shared';
import { Card, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditQuery, useAuditPage } from '../../api/audit.ts';
import { readSearchParams, writeSearchParams } from '../../app/search-params.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AUDIT_ENTITY_TYPES, describeEntityType } from './audit-labels.ts';
import { AuditEventTable } from './components/AuditEventTable.tsx';

const DEFAULT_AUDIT_QUERY: AuditQuery = auditQuery.parse({});
const DATE_FORMAT = 'YYYY-MM-DD';

/** The audit trail (admins): who did what to which record, filterable, each row expandable into its diff. */
export function AuditPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => readSearchParams(auditQuery, searchParams), [searchParams]);
  const events = useAuditPage(query);
  const [action, setAction] = useState(query.action ?? '');

  useEffect(() => setAction(query.action ?? ''), [query.action]);

  const changeQuery = (changes: Partial<AuditQuery>) => {
    const isPaging = Object.keys(changes).every((key) => key === 'page' || key === 'pageSize');
    const next = { ...query, ...changes, ...(isPaging ? {} : { page: 1 }) };
    setSearchParams(writeSearchParams(next, DEFAULT_AUDIT_QUERY));
  };

  const isFiltered = Boolean(
    query.entityType || query.entityId || query.action || query.from || query.to || query.actorId,
  );

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            data-testid="audit-filter-entity-type"
            aria-label={t('audit.entityType')}
            placeholder={t('audit.allEntityTypes')}
            allowClear
            value={query.entityType}
            options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: describeEntityType(type, t) }))}
            onChange={(entityType?: string) => changeQuery({ entityType, entityId: undefined })}
            style={{ width: 160 }}
          />
          <Input.Search
            data-testid="audit-filter-action"
            aria-label={t('audit.action')}
            placeholder={t('audit.actionPlaceholder')}
            allowClear
            value={action}
            onChange={(event) => setAction(event.target.value)}
            onSearch={(value) => changeQuery({ action: value.trim() || undefined })}
            style={{ width: 280 }}
          />
          <DatePicker.RangePicker
            data-testid="audit-filter-dates"
            aria-label={t('audit.dateRange')}
            placeholder={[t('audit.startDate'), t('audit.endDate')]}
            allowEmpty={[true, true]}
            value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
            onChange={(range) =>
              changeQuery({ from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) })
            }
          />
        </Flex>
        {events.isError ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <AuditEventTable
            events={events.data?.items ?? []}
            isLoading={events.isFetching}
            emptyText={<EmptyState title={t(isFiltered ? 'audit.noEventsFiltered' : 'audit.noEvents')} />}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: events.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            onPageChange={(page, pageSize) => changeQuery({ page, pageSize })}
          />
        )}
      </Card>
    </>
  );
}
