import { idParam } from '@yonggong/shared';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCity } from '../../api/regions.ts';
import { useWorker } from '../../api/workers.ts';
import { useMe } from '../../app/auth-context.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { findOnlyDistrict, listSelectableDistricts } from '../enterprises/district-scope.ts';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { WorkerForm } from './components/WorkerForm.tsx';
import { buildEmptyWorkerValues, toWorkerFormValues } from './worker-form-values.ts';

function RegisterWorker() {
  const { t } = useTranslation();
  const me = useMe();
  // The district choices (and a single-district officer's preset) must be known before the form mounts.
  const city = useCity();
  if (city.isPending) return <FullPageSpin />;
  if (city.isError) return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;
  return (
    <>
      <PageHeader title={t('worker.form.createTitle')} backTo="/workers" />
      <WorkerForm
        initialValues={buildEmptyWorkerValues(findOnlyDistrict(city.data.districts, me))}
        districts={listSelectableDistricts(city.data.districts, me)}
      />
    </>
  );
}

function EditWorker({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const city = useCity();
  const worker = useWorker(id);
  if (worker.isPending || city.isPending) return <FullPageSpin />;
  if (worker.isError) return <ErrorState error={worker.error} onRetry={() => void worker.refetch()} />;
  if (city.isError) return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;
  const record = worker.data;
  return (
    <>
      <PageHeader
        title={t('worker.form.editTitle')}
        subtitle={record.name}
        backTo={`/workers/${record.id}`}
      />
      {record.can.update ? (
        // A reload after a version conflict brings a new version: the form starts over from it.
        <WorkerForm
          key={record.version}
          worker={record}
          initialValues={toWorkerFormValues(record)}
          districts={listSelectableDistricts(city.data.districts, me)}
          onReload={() => void worker.refetch()}
        />
      ) : (
        <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('worker.form.cannotEdit')} />
      )}
    </>
  );
}

/** `/workers/new` and `/workers/:id/edit`. */
export function WorkerFormPage() {
  const { id } = useParams();
  if (id === undefined) return <RegisterWorker />;
  return idParam.shape.id.safeParse(id).success ? <EditWorker id={id} /> : <NotFoundPage />;
}
