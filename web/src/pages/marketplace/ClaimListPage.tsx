import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClaims } from '../../api/marketplace.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ClaimTable } from './components/ClaimTable.tsx';
import { SettlementCard } from './components/SettlementCard.tsx';

/** The claims the user may see: an agency its own, an enterprise those on its orders. */
export function ClaimListPage() {
  const { t } = useTranslation();
  const claims = useClaims({ pageSize: 200 });
  return (
    <>
      <PageHeader title={t('marketplace.claims.title')} subtitle={t('marketplace.claims.subtitle')} />
      <Card>
        {claims.isError ? (
          <ErrorState error={claims.error} onRetry={() => void claims.refetch()} />
        ) : (
          <ClaimTable claims={claims.data?.items ?? []} isLoading={claims.isPending} />
        )}
      </Card>
      <SettlementCard />
    </>
  );
}
