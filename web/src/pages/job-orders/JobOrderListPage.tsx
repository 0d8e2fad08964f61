import { PlusOutlined } from '@ant-design/icons';
import { type JobOrderListQuery, Permission } from '@yonggong/shared';
import { Button, Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useJobOrderPage } from '../../api/job-orders.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { JobOrderFilters } from './components/JobOrderFilters.tsx';
import { JobOrderTable } from './components/JobOrderTable.tsx';
import {
  clearJobOrderFilters,
  hasActiveJobOrderFilters,
  parseJobOrderSearchParams,
  updateJobOrderQuery,
  writeJobOrderSearchParams,
} from './list-query.ts';

/** Job orders (用工需求) the user may see, filtered, sorted and paged on the server; state in the URL. */
export function JobOrderListPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseJobOrderSearchParams(searchParams), [searchParams]);
  const page = useJobOrderPage(query);
  const canCreate = useCan(Permission.JobOrderWrite);

  const applyQuery = (next: JobOrderListQuery) => setSearchParams(writeJobOrderSearchParams(next));
  const changeQuery = (changes: Partial<JobOrderListQuery>) =>
    applyQuery(updateJobOrderQuery(query, changes));
  const clearFilters = () => applyQuery(clearJobOrderFilters(query));

  const emptyState = hasActiveJobOrderFilters(query) ? (
    <EmptyState
      title={t('jobOrder.list.emptyFiltered')}
      text={t('jobOrder.list.emptyFilteredText')}
      action={<Button onClick={clearFilters}>{t('jobOrder.filters.clear')}</Button>}
    />
  ) : (
    <EmptyState
      title={t('jobOrder.list.empty')}
      text={t('jobOrder.list.emptyText')}
      action={
        canCreate && (
          <ButtonLink to="/job-orders/new" type="primary" icon={<PlusOutlined />}>
            {t('jobOrder.new')}
          </ButtonLink>
        )
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('jobOrder.listTitle')}
        subtitle={t('jobOrder.listSubtitle')}
        extra={
          canCreate && (
            <ButtonLink
              to="/job-orders/new"
              type="primary"
              icon={<PlusOutlined />}
              data-testid="job-order-new"
            >
              {t('jobOrder.new')}
            </ButtonLink>
          )
        }
      />
      <Card>
        <JobOrderFilters query={query} onChange={changeQuery} onClear={clearFilters} />
        {page.isError ? (
          <ErrorState error={page.error} onRetry={() => void page.refetch()} />
        ) : (
          <JobOrderTable
            query={query}
            page={page.data}
            isLoading={page.isFetching}
            emptyState={emptyState}
            onChange={changeQuery}
          />
        )}
      </Card>
    </>
  );
}
