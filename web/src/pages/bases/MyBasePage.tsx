import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseKeys, useBase } from '../../api/bases.ts';
import { useMe } from '../../app/auth-context.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { WorkerImportDialog } from '../workers/components/WorkerImportDialog.tsx';
import { BaseOverview } from './BaseDetailPage.tsx';

/**
 * A base account's workbench: its base (target against deliveries, agreement, 劳务对接), the
 * workers it brought, the way to import a list or register one person, and the orders open to bases.
 */
export function MyBasePage() {
  const { t } = useTranslation();
  const me = useMe();
  const baseId = me.scope.baseId;
  if (!baseId) return <Result status="warning" title={t('channels.myBase.noBase')} />;
  return <MyBase baseId={baseId} />;
}

function MyBase({ baseId }: { readonly baseId: string }) {
  const { t } = useTranslation();
  const base = useBase(baseId);
  const queryClient = useQueryClient();
  const [isImporting, setImporting] = useState(false);
  const closeImport = () => {
    setImporting(false);
    void queryClient.invalidateQueries({ queryKey: baseKeys.all });
  };
  if (base.isPending) return <FullPageSpin />;
  if (base.isError) return <ErrorState error={base.error} onRetry={() => void base.refetch()} />;
  return (
    <div data-testid="my-base">
      <BaseOverview
        base={base.data}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => setImporting(true)} data-testid="my-base-import">
              {t('channels.myBase.import')}
            </Button>
            <ButtonLink to="/workers/new">{t('channels.myBase.register')}</ButtonLink>
            <ButtonLink to="/job-orders">{t('channels.myBase.orders')}</ButtonLink>
          </Space>
        }
      />
      <WorkerImportDialog isOpen={isImporting} onClose={closeImport} />
    </div>
  );
}
