import { type Apprenticeship, apprenticeshipCreateBody, PROGRAMME_STATUSES } from '@yonggong/shared';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Radio, Row, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApprenticeship, useUpdateApprenticeship } from '../../../api/internships.ts';
import { FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { OccupationPicker } from '../../../components/OccupationPicker.tsx';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { useServerProblems } from '../../../forms/use-server-problems.ts';
import { buildSchemaItemProps } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import {
  EnterprisePicker,
  SchoolPicker,
  WorkersPicker,
} from '../../schools/components/cooperation-pickers.tsx';
import {
  APPRENTICESHIP_FORM_FIELDS,
  type ApprenticeshipFormValues,
  buildApprenticeshipCreateBody,
} from '../internship-form-values.ts';

interface ApprenticeshipFormProps {
  /** The programme being edited (enterprise and provider then stay; apprentices can be added). */
  readonly apprenticeship?: Apprenticeship;
  readonly onReload?: () => void;
  readonly onDone: () => void;
}

function toFormValues(apprenticeship: Apprenticeship): ApprenticeshipFormValues {
  return {
    enterpriseId: apprenticeship.enterpriseId,
    providerKind: apprenticeship.schoolId ? 'school' : 'provider',
    schoolId: apprenticeship.schoolId ?? undefined,
    providerName: apprenticeship.providerName,
    occupationCode: apprenticeship.occupationCode,
    title: apprenticeship.title,
    startDate: apprenticeship.startDate,
    endDate: apprenticeship.endDate,
    status: apprenticeship.status,
    notes: apprenticeship.notes,
    workerIds: [],
  };
}

/**
 * Records or edits a new-style apprenticeship (新型学徒制): the enterprise, the school or training
 * provider it trains with, the occupation, the period and the apprentices (picked by search; an
 * edit adds apprentices, the ones listed stay). A new programme is sent with an `Idempotency-Key`.
 */
export function ApprenticeshipForm({ apprenticeship, onReload, onDone }: ApprenticeshipFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApprenticeshipFormValues>();
  const { problem, clearProblem, showServerError } = useServerProblems(form, APPRENTICESHIP_FORM_FIELDS, {
    fieldErrorCodes: ['validation_failed', 'duplicate'],
    // An edit's `addWorkerIds` issues belong to the same apprentices field.
    toFormPath: (path) => path.replace(/^addWorkerIds/, 'workerIds'),
  });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateApprenticeship();
  const update = useUpdateApprenticeship(apprenticeship?.id ?? '');
  const isSaving = create.isPending || update.isPending;
  const isEdit = Boolean(apprenticeship);
  useRevalidateOnLocaleChange(form);
  const initialValues: ApprenticeshipFormValues = apprenticeship
    ? toFormValues(apprenticeship)
    : { providerKind: 'school', status: 'planned', workerIds: [] };
  // `useWatch` reads undefined until the form has mounted: start from the initial choice.
  const providerKind = Form.useWatch('providerKind', form) ?? initialValues.providerKind;
  const schoolId = Form.useWatch('schoolId', form);
  const itemProps = (
    field: 'enterpriseId' | 'occupationCode' | 'title' | 'startDate' | 'endDate' | 'status',
  ) => buildSchemaItemProps(apprenticeshipCreateBody, field, locale);

  const submit = async (values: ApprenticeshipFormValues) => {
    if (isSaving) return;
    clearProblem();
    const body = buildApprenticeshipCreateBody(values);
    try {
      if (apprenticeship)
        await update.mutateAsync({
          title: body.title,
          occupationCode: body.occupationCode,
          startDate: body.startDate,
          endDate: body.endDate,
          status: body.status ?? 'planned',
          notes: body.notes ?? '',
          addWorkerIds: body.workerIds ?? [],
          version: apprenticeship.version,
        });
      else await create.mutateAsync({ body, idempotencyKey });
      void message.success(
        t(apprenticeship ? 'schools.apprenticeshipForm.saved' : 'schools.apprenticeshipForm.created'),
      );
      onDone();
    } catch (error) {
      showServerError(error);
    }
  };

  return (
    <Form<ApprenticeshipFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      scrollToFirstError={{ block: 'center' }}
      disabled={isSaving}
      data-testid="apprenticeship-form"
    >
      {problem && <FormProblemAlert problem={problem} onReload={onReload} />}
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item name="title" label={t('schools.apprenticeships.programme')} {...itemProps('title')}>
            <Input maxLength={60} data-testid="apprenticeship-title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="providerKind" label={t('schools.apprenticeshipForm.providerKind')}>
            <Radio.Group
              disabled={isEdit}
              options={[
                { value: 'school', label: t('schools.apprenticeshipForm.aSchool') },
                { value: 'provider', label: t('schools.apprenticeshipForm.aProvider') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {providerKind === 'school' ? (
            <Form.Item
              name="schoolId"
              label={t('schools.internships.school')}
              required
              rules={[{ required: true, message: t('schools.apprenticeshipForm.schoolRequired') }]}
            >
              <SchoolPicker
                isDisabled={isEdit}
                known={
                  apprenticeship?.schoolId
                    ? [{ id: apprenticeship.schoolId, label: apprenticeship.schoolName ?? '' }]
                    : []
                }
                data-testid="apprenticeship-school"
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="providerName"
              label={t('schools.apprenticeshipForm.providerName')}
              required
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('schools.apprenticeshipForm.providerRequired'),
                },
              ]}
            >
              <Input maxLength={60} disabled={isEdit} data-testid="apprenticeship-provider" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="enterpriseId"
            label={t('schools.apprenticeships.enterprise')}
            {...itemProps('enterpriseId')}
          >
            <EnterprisePicker
              schoolId={providerKind === 'school' ? schoolId : undefined}
              isDisabled={isEdit}
              known={
                apprenticeship
                  ? [{ id: apprenticeship.enterpriseId, label: apprenticeship.enterpriseName }]
                  : []
              }
              data-testid="apprenticeship-enterprise"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="occupationCode"
            label={t('schools.apprenticeships.occupation')}
            {...itemProps('occupationCode')}
          >
            <OccupationPicker data-testid="apprenticeship-occupation" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="startDate"
            label={t('schools.internshipForm.startDate')}
            {...isoDateItemProps}
            {...itemProps('startDate')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="endDate"
            label={t('schools.internshipForm.endDate')}
            dependencies={['startDate']}
            {...isoDateItemProps}
            required
            rules={[
              ...itemProps('endDate').rules,
              {
                validator: async (_rule, value: string | undefined) => {
                  const start: string | undefined = form.getFieldValue('startDate');
                  if (value && start && value < start) throw new Error(t('schools.form.datesOrder'));
                },
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('schools.apprenticeships.status')} {...itemProps('status')}>
            <Select
              options={PROGRAMME_STATUSES.map((value) => ({
                value,
                label: t(`schools.internships.statuses.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        {apprenticeship && apprenticeship.apprentices.length > 0 && (
          <Col xs={24}>
            <Form.Item label={t('schools.apprenticeshipForm.listed')}>
              <Flex wrap gap={4} data-testid="apprenticeship-listed">
                {apprenticeship.apprentices.map((apprentice) => (
                  <Tag key={apprentice.workerId}>{`${apprentice.name} · ${apprentice.idNumberMasked}`}</Tag>
                ))}
              </Flex>
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item
            name="workerIds"
            label={t(
              isEdit ? 'schools.apprenticeshipForm.addApprentices' : 'schools.apprenticeships.apprentices',
            )}
            extra={t('schools.pickers.workerHint')}
          >
            <WorkersPicker data-testid="apprenticeship-workers" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="notes" label={t('schools.form.notes')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="apprenticeship-submit">
          {t(apprenticeship ? 'schools.form.submitEdit' : 'schools.apprenticeshipForm.submitCreate')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The apprenticeship form in a dialog, made anew (with a new idempotency key) each time it opens. */
export function ApprenticeshipFormDialog({
  isOpen,
  onClose,
  apprenticeship,
  onReload,
}: {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly apprenticeship?: Apprenticeship;
  readonly onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isOpen}
      title={
        apprenticeship
          ? t('schools.apprenticeshipForm.editTitle')
          : t('schools.apprenticeshipForm.createTitle')
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={820}
    >
      <ApprenticeshipForm
        key={apprenticeship ? `${apprenticeship.id}:${apprenticeship.version}` : 'new'}
        apprenticeship={apprenticeship}
        onReload={onReload}
        onDone={onClose}
      />
    </Modal>
  );
}
