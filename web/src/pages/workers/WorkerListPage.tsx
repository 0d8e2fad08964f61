import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Permission, type WorkerListQuery } from '@yonggong/shared';
import { Button, Card } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useWorkerPage } from '../../api/workers.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { WorkerFilters } from './components/WorkerFilters.tsx';
import { WorkerImportDialog } from './components/WorkerImportDialog.tsx';
import { WorkerTable } from './components/WorkerTable.tsx';
import {
  clearWorkerFilters,
  hasActiveWorkerFilters,
  parseWorkerSearchParams,
  updateWorkerQuery,
  writeWorkerSearchParams,
} from './list-query.ts';

/** Workers the user may see, filtered, sorted and paged on the server; state kept in the URL. */
export function WorkerListPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseWorkerSearchParams(searchParams), [searchParams]);
  const page = useWorkerPage(query);
  const canCreate = useCan(Permission.WorkerWrite);
  const canImport = useCan(Permission.WorkerImport);
  const [isImportOpen, setIsImportOpen] = useState(false);

  const applyQuery = (next: WorkerListQuery) => setSearchParams(writeWorkerSearchParams(next));
  const changeQuery = (changes: Partial<WorkerListQuery>) => applyQuery(updateWorkerQuery(query, changes));
  const clearFilters = () => applyQuery(clearWorkerFilters(query));

  const emptyState = hasActiveWorkerFilters(query) ? (
    <EmptyState
      title={t('worker.list.emptyFiltered')}
      text={t('worker.list.emptyFilteredText')}
      action={<Button onClick={clearFilters}>{t('worker.filters.clear')}</Button>}
    />
  ) : (
    <EmptyState
      title={t('worker.list.empty')}
      text={t('worker.list.emptyText')}
      action={
        canCreate && (
          <ButtonLink to="/workers/new" type="primary" icon={<PlusOutlined />}>
            {t('worker.new')}
          </ButtonLink>
        )
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('worker.listTitle')}
        subtitle={t('worker.listSubtitle')}
        extra={
          <>
            {canCreate && (
              <ButtonLink to="/workers/new" type="primary" icon={<PlusOutlined />} data-testid="worker-new">
                {t('worker.new')}
              </ButtonLink>
            )}
            {canImport && (
              <Button
                icon={<UploadOutlined />}
                data-testid="worker-import"
                onClick={() => setIsImportOpen(true)}
              >
                {t('worker.importButton')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <WorkerFilters query={query} onChange={changeQuery} onClear={clearFilters} />
        {page.isError ? (
          <ErrorState error={page.error} onRetry={() => void page.refetch()} />
        ) : (
          <WorkerTable
            query={query}
            page={page.data}
            isLoading={page.isFetching}
            emptyState={emptyState}
            onChange={changeQuery}
          />
        )}
      </Card>
      {canImport && <WorkerImportDialog isOpen={isImportOpen} onClose={() => setIsImportOpen(false)} />}
    </>
  );
}
