import { idParam } from '@yonggong/shared';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useEnterprise } from '../../api/enterprises.ts';
import { useJobOrder } from '../../api/job-orders.ts';
import { useCity } from '../../api/regions.ts';
import { useMe } from '../../app/auth-context.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { findOnlyDistrict, listSelectableDistricts } from '../enterprises/district-scope.ts';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { JobOrderForm } from './components/JobOrderForm.tsx';
import { buildEmptyJobOrderValues, toJobOrderFormValues } from './job-order-form-values.ts';

/** The enterprise an enterprise-HR account posts for (it cannot post for another), or null. */
function useOwnEnterpriseId(): string | null {
  const me = useMe();
  return me.roles.includes('enterprise') ? me.scope.enterpriseId : null;
}

function CreateJobOrder() {
  const { t } = useTranslation();
  const me = useMe();
  const city = useCity();
  const ownEnterpriseId = useOwnEnterpriseId();
  const ownEnterprise = useEnterprise(ownEnterpriseId ?? '', ownEnterpriseId !== null);
  // The district choices and the poster's own enterprise must be known before the form mounts.
  if (city.isPending || (ownEnterpriseId !== null && ownEnterprise.isPending)) return <FullPageSpin />;
  if (city.isError) return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;
  if (ownEnterprise.isError)
    return <ErrorState error={ownEnterprise.error} onRetry={() => void ownEnterprise.refetch()} />;
  const districts = listSelectableDistricts(city.data.districts, me);
  const initialValues = buildEmptyJobOrderValues({
    enterpriseId: ownEnterpriseId ?? undefined,
    districtCode: ownEnterprise.data?.districtCode ?? findOnlyDistrict(city.data.districts, me),
  });
  return (
    <>
      <PageHeader title={t('jobOrder.form.createTitle')} backTo="/job-orders" />
      <JobOrderForm
        initialValues={initialValues}
        fixedEnterpriseName={ownEnterprise.data?.name}
        districts={districts}
      />
    </>
  );
}

function EditJobOrder({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const city = useCity();
  const order = useJobOrder(id);
  if (order.isPending || city.isPending) return <FullPageSpin />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  if (city.isError) return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;
  const record = order.data;
  return (
    <>
      <PageHeader
        title={t('jobOrder.form.editTitle')}
        subtitle={`${record.enterprise.name} · ${record.title}`}
        backTo={`/job-orders/${record.id}`}
      />
      {record.can.update ? (
        // A reload after a version conflict brings a new version: the form starts over from it.
        <JobOrderForm
          key={record.version}
          order={record}
          initialValues={toJobOrderFormValues(record)}
          districts={listSelectableDistricts(city.data.districts, me)}
          onReload={() => void order.refetch()}
        />
      ) : (
        <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('jobOrder.form.cannotEdit')} />
      )}
    </>
  );
}

/** `/job-orders/new` and `/job-orders/:id/edit`. */
export function JobOrderFormPage() {
  const { id } = useParams();
  if (id === undefined) return <CreateJobOrder />;
  return idParam.shape.id.safeParse(id).success ? <EditJobOrder id={id} /> : <NotFoundPage />;
}
