import { idParam } from '@yonggong/shared';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useEnterprise } from '../../api/enterprises.ts';
import { useCity } from '../../api/regions.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { EnterpriseForm } from './components/EnterpriseForm.tsx';

function CreateEnterprise() {
  const { t } = useTranslation();
  // The district choices (and a single-district officer's preset) must be known before the form mounts.
  const city = useCity();
  if (city.isPending) return <FullPageSpin />;
  if (city.isError) return <ErrorState error={city.error} onRetry={() => void city.refetch()} />;
  return (
    <>
      <PageHeader title={t('enterprise.form.createTitle')} backTo="/enterprises" />
      <EnterpriseForm />
    </>
  );
}

function EditEnterprise({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const enterprise = useEnterprise(id);
  if (enterprise.isPending) return <FullPageSpin />;
  if (enterprise.isError)
    return <ErrorState error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  const record = enterprise.data;
  return (
    <>
      <PageHeader
        title={t('enterprise.form.editTitle')}
        subtitle={record.name}
        backTo={`/enterprises/${record.id}`}
      />
      {record.can.update ? (
        // A reload after a version conflict brings a new version: the form starts over from it.
        <EnterpriseForm key={record.version} enterprise={record} onReload={() => void enterprise.refetch()} />
      ) : (
        <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('enterprise.form.cannotEdit')} />
      )}
    </>
  );
}

/** `/enterprises/new` and `/enterprises/:id/edit`. */
export function EnterpriseFormPage() {
  const { id } = useParams();
  if (id === undefined) return <CreateEnterprise />;
  return idParam.shape.id.safeParse(id).success ? <EditEnterprise id={id} /> : <NotFoundPage />;
}
