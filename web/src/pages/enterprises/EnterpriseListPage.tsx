import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type EnterpriseListQuery, Permission } from '@yonggong/shared';
import { Button, Card } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { buildEnterpriseExportUrl, useEnterprisePage } from '../../api/enterprises.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EnterpriseFilters } from './components/EnterpriseFilters.tsx';
import { EnterpriseTable } from './components/EnterpriseTable.tsx';
import { ImportDialog } from './components/ImportDialog.tsx';
import {
  clearListFilters,
  hasActiveFilters,
  parseListSearchParams,
  updateListQuery,
  writeListSearchParams,
} from './list-query.ts';

/** Enterprises the user may see, filtered, sorted and paged on the server; state kept in the URL. */
export function EnterpriseListPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseListSearchParams(searchParams), [searchParams]);
  const page = useEnterprisePage(query);
  const canCreate = useCan(Permission.EnterpriseCreate);
  const canImport = useCan(Permission.EnterpriseImport);
  const canExport = useCan(Permission.EnterpriseExport);
  const [isImportOpen, setIsImportOpen] = useState(false);

  const applyQuery = (next: EnterpriseListQuery) => setSearchParams(writeListSearchParams(next));
  const changeQuery = (changes: Partial<EnterpriseListQuery>) => applyQuery(updateListQuery(query, changes));
  const clearFilters = () => applyQuery(clearListFilters(query));

  const emptyState = hasActiveFilters(query) ? (
    <EmptyState
      title={t('enterprise.list.emptyFiltered')}
      text={t('enterprise.list.emptyFilteredText')}
      action={<Button onClick={clearFilters}>{t('enterprise.filters.clear')}</Button>}
    />
  ) : (
    <EmptyState
      title={t('enterprise.list.empty')}
      text={t('enterprise.list.emptyText')}
      action={
        canCreate && (
          <ButtonLink to="/enterprises/new" type="primary" icon={<PlusOutlined />}>
            {t('enterprise.new')}
          </ButtonLink>
        )
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('enterprise.listTitle')}
        subtitle={t('enterprise.listSubtitle')}
        extra={
          <>
            {canCreate && (
              <ButtonLink
                to="/enterprises/new"
                type="primary"
                icon={<PlusOutlined />}
                data-testid="enterprise-new"
              >
                {t('enterprise.new')}
              </ButtonLink>
            )}
            {canImport && (
              <Button
                icon={<UploadOutlined />}
                data-testid="enterprise-import"
                onClick={() => setIsImportOpen(true)}
              >
                {t('enterprise.importButton')}
              </Button>
            )}
            {canExport && (
              <Button
                icon={<DownloadOutlined />}
                href={buildEnterpriseExportUrl(query)}
                data-testid="enterprise-export"
              >
                {t('enterprise.exportButton')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <EnterpriseFilters query={query} onChange={changeQuery} onClear={clearFilters} />
        {page.isError ? (
          <ErrorState error={page.error} onRetry={() => void page.refetch()} />
        ) : (
          <EnterpriseTable
            query={query}
            page={page.data}
            isLoading={page.isFetching}
            emptyState={emptyState}
            onChange={changeQuery}
          />
        )}
      </Card>
      {canImport && <ImportDialog isOpen={isImportOpen} onClose={() => setIsImportOpen(false)} />}
    </>
  );
}
