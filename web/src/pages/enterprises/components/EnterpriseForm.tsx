import type { Enterprise } from '@yonggong/shared';
import { App, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { useCreateEnterprise, useUpdateEnterprise } from '../../../api/enterprises.ts';
import { useCity } from '../../../api/regions.ts';
import { useMe } from '../../../app/auth-context.tsx';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { findOnlyDistrict, listSelectableDistricts } from '../district-scope.ts';
import {
  buildCreateBody,
  buildEmptyFormValues,
  buildUpdateBody,
  ENTERPRISE_FORM_FIELDS,
  type EnterpriseFormValues,
  toFormValues,
} from '../enterprise-form-values.ts';
import { BasicFields } from './BasicFields.tsx';
import { ContactFields } from './ContactFields.tsx';
import { FormProblem, type FormProblemState } from './FormProblem.tsx';
import { ServiceFields } from './ServiceFields.tsx';

interface EnterpriseFormProps {
  /** The record being edited; absent when registering a new one. */
  readonly enterprise?: Enterprise;
  /** Reloads the record after a version conflict (edit only). */
  readonly onReload?: () => void;
}

/** Creates or edits an enterprise; validation comes from the shared schema, server errors land on fields. */
export function EnterpriseForm({ enterprise, onReload }: EnterpriseFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [problem, setProblem] = useState<FormProblemState | null>(null);
  const city = useCity();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise(enterprise?.id ?? '');
  const isSaving = create.isPending || update.isPending;
  // Identity, district, key level and liaison are the district's decisions; others see them read-only.
  const isManagedReadOnly = enterprise ? !enterprise.can.changeManagedFields : false;
  useRevalidateOnLocaleChange(form);

  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];
  const initialValues = enterprise
    ? toFormValues(enterprise)
    : buildEmptyFormValues(city.data ? findOnlyDistrict(city.data.districts, me) : undefined);

  const showServerError = (error: unknown) => {
    if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
      const { firstField, others } = applyServerFieldErrors(form, error.fieldErrors, ENTERPRISE_FORM_FIELDS);
      if (firstField) form.scrollToField(firstField, { block: 'center' });
      setProblem(others.length > 0 ? { kind: 'unplaced', messages: others } : null);
    } else if (isApiError(error, 'duplicate')) {
      form.setFields([{ name: 'creditCode', errors: [error.detail] }]);
      setProblem({
        kind: 'duplicate',
        detail: error.detail,
        existingId: error.readExtraString('existingId'),
      });
    } else if (isApiError(error, 'version_conflict')) {
      setProblem({ kind: 'conflict' });
    } else {
      setProblem({ kind: 'failed', error });
    }
  };

  /**
   * `mutateAsync` rather than `mutate` callbacks: saving refreshes the cached record, which remounts
   * an edit form keyed by version, and per-call callbacks of an unmounted component never run.
   */
  const submit = async (values: EnterpriseFormValues) => {
    if (isSaving) return;
    setProblem(null);
    try {
      const saved = enterprise
        ? await update.mutateAsync(buildUpdateBody(values, enterprise))
        : await create.mutateAsync(buildCreateBody(values));
      void message.success(t(enterprise ? 'enterprise.form.saved' : 'enterprise.form.created'));
      void navigate(`/enterprises/${saved.id}`, { replace: Boolean(enterprise) });
    } catch (error) {
      showServerError(error);
    }
  };

  return (
    <Form<EnterpriseFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      onValuesChange={(changed: EnterpriseFormValues) => {
        if ('districtCode' in changed) form.setFieldValue('liaisonUserId', null);
      }}
      scrollToFirstError={{ block: 'center' }}
      disabled={isSaving}
    >
      {problem && <FormProblem problem={problem} onReload={() => onReload?.()} />}
      <Flex vertical gap={16}>
        <BasicFields
          districts={districts}
          isLoadingDistricts={city.isPending}
          currentDistrict={
            enterprise ? { code: enterprise.districtCode, name: enterprise.districtName } : null
          }
          isManagedReadOnly={isManagedReadOnly}
        />
        <ServiceFields currentLiaison={enterprise?.liaison ?? null} isManagedReadOnly={isManagedReadOnly} />
        <Card title={t('enterprise.form.sectionContacts')}>
          <ContactFields />
        </Card>
        <Flex gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            loading={isSaving}
            disabled={isSaving}
            data-testid="ent-submit"
          >
            {t(enterprise ? 'enterprise.form.submitEdit' : 'enterprise.form.submitCreate')}
          </Button>
          <Button
            onClick={() => void navigate(enterprise ? `/enterprises/${enterprise.id}` : '/enterprises')}
          >
            {t('common.cancel')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
