import {
  INTERNSHIP_KINDS,
  type Internship,
  internshipCreateBody,
  mobilePhoneSchema,
  PROGRAMME_STATUSES,
} from '@yonggong/shared';
import { App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateInternship, useUpdateInternship } from '../../../api/internships.ts';
import { FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { useServerProblems } from '../../../forms/use-server-problems.ts';
import { buildSchemaItemProps, findFieldError } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import {
  EnterprisePicker,
  SchoolPicker,
  WorkerPicker,
} from '../../schools/components/cooperation-pickers.tsx';
import {
  buildInternshipCreateBody,
  buildInternshipUpdateBody,
  INTERNSHIP_FORM_FIELDS,
  type InternshipFormValues,
  toInternshipFormPath,
  toInternshipFormValues,
} from '../internship-form-values.ts';

interface InternshipFormProps {
  /** The internship being edited (student, school and enterprise then stay); absent for a new one. */
  readonly internship?: Internship;
  readonly onReload?: () => void;
  readonly onDone: () => void;
}

/**
 * Records or edits an internship (顶岗实习) or traineeship (就业见习): the student or jobseeker and
 * the enterprise picked by search, position, period, monthly stipend in yuan (sent in fen),
 * supervisor and status. The subsidy verdict is computed by the server, never typed in. A new
 * record is sent with an `Idempotency-Key` made when the form opened.
 */
export function InternshipForm({ internship, onReload, onDone }: InternshipFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<InternshipFormValues>();
  const { problem, clearProblem, showServerError } = useServerProblems(form, INTERNSHIP_FORM_FIELDS, {
    fieldErrorCodes: ['validation_failed', 'duplicate'],
    toFormPath: toInternshipFormPath,
  });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateInternship();
  const update = useUpdateInternship(internship?.id ?? '');
  const isSaving = create.isPending || update.isPending;
  const isEdit = Boolean(internship);
  useRevalidateOnLocaleChange(form);
  const schoolId = Form.useWatch('schoolId', form);
  const kind = Form.useWatch('kind', form);
  const itemProps = (
    field:
      | 'kind'
      | 'workerId'
      | 'enterpriseId'
      | 'position'
      | 'startDate'
      | 'endDate'
      | 'supervisorName'
      | 'status',
  ) => buildSchemaItemProps(internshipCreateBody, field, locale);

  const submit = async (values: InternshipFormValues) => {
    if (isSaving) return;
    clearProblem();
    try {
      if (internship) await update.mutateAsync(buildInternshipUpdateBody(values, internship));
      else await create.mutateAsync({ body: buildInternshipCreateBody(values), idempotencyKey });
      void message.success(t(internship ? 'schools.internshipForm.saved' : 'schools.internshipForm.created'));
      onDone();
    } catch (error) {
      showServerError(error);
    }
  };

  return (
    <Form<InternshipFormValues>
      form={form}
      layout="vertical"
      initialValues={
        internship
          ? toInternshipFormValues(internship)
          : { kind: 'placement', status: 'planned', stipendYuan: 0 }
      }
      onFinish={(values) => void submit(values)}
      onValuesChange={(changed: InternshipFormValues) => {
        if ('schoolId' in changed && !isEdit) form.setFieldValue('enterpriseId', undefined);
      }}
      scrollToFirstError={{ block: 'center' }}
      disabled={isSaving}
      data-testid="internship-form"
    >
      {problem && <FormProblemAlert problem={problem} onReload={onReload} />}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('schools.internshipForm.kind')} {...itemProps('kind')}>
            <Select
              disabled={isEdit}
              data-testid="internship-kind"
              options={INTERNSHIP_KINDS.map((value) => ({
                value,
                label: t(`schools.internships.kinds.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="workerId"
            label={t('schools.internships.student')}
            extra={isEdit ? undefined : t('schools.pickers.workerHint')}
            {...itemProps('workerId')}
          >
            <WorkerPicker
              isDisabled={isEdit}
              known={
                internship
                  ? [
                      {
                        id: internship.workerId,
                        label: `${internship.workerName} · ${internship.workerIdNumberMasked}`,
                      },
                    ]
                  : []
              }
              data-testid="internship-worker"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="schoolId" label={t('schools.internships.school')}>
            <SchoolPicker
              isDisabled={isEdit}
              known={
                internship?.schoolId ? [{ id: internship.schoolId, label: internship.schoolName ?? '' }] : []
              }
              data-testid="internship-school"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="enterpriseId"
            label={t('schools.internships.enterprise')}
            {...itemProps('enterpriseId')}
          >
            <EnterprisePicker
              schoolId={schoolId}
              isDisabled={isEdit}
              known={internship ? [{ id: internship.enterpriseId, label: internship.enterpriseName }] : []}
              data-testid="internship-enterprise"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="position" label={t('schools.internships.position')} {...itemProps('position')}>
            <Input maxLength={60} data-testid="internship-position" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="stipendYuan"
            label={t('schools.internships.stipend')}
            required
            rules={[{ required: true, message: t('schools.internshipForm.stipendRequired') }]}
          >
            <InputNumber
              min={0}
              max={100_000}
              precision={2}
              addonAfter={t('schools.internshipForm.yuanPerMonth')}
              style={{ width: '100%' }}
              data-testid="internship-stipend"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="startDate"
            label={t('schools.internshipForm.startDate')}
            {...isoDateItemProps}
            {...itemProps('startDate')}
          >
            <DatePicker style={{ width: '100%' }} data-testid="internship-start" />
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
            <DatePicker style={{ width: '100%' }} data-testid="internship-end" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="graduationDate"
            label={t('schools.internshipForm.graduationDate')}
            extra={kind === 'traineeship' ? t('schools.internshipForm.graduationHint') : undefined}
            {...isoDateItemProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="supervisorName"
            label={t('schools.internships.supervisor')}
            {...itemProps('supervisorName')}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="supervisorPhone"
            label={t('schools.internshipForm.supervisorPhone')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const text = (value ?? '').trim();
                  const issue = text === '' ? null : findFieldError(mobilePhoneSchema, text, locale);
                  if (issue !== null) throw new Error(issue);
                },
              },
            ]}
          >
            <Input
              inputMode="tel"
              maxLength={20}
              autoComplete="off"
              placeholder={
                internship?.supervisorPhoneMasked
                  ? t('schools.internshipForm.keepPhone', { masked: internship.supervisorPhoneMasked })
                  : undefined
              }
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('schools.internships.status')} {...itemProps('status')}>
            <Select
              data-testid="internship-status"
              options={PROGRAMME_STATUSES.map((value) => ({
                value,
                label: t(`schools.internships.statuses.${value}`),
              }))}
            />
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
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="internship-submit">
          {t(internship ? 'schools.form.submitEdit' : 'schools.internshipForm.submitCreate')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The internship form in a dialog, made anew (with a new idempotency key) each time it opens. */
export function InternshipFormDialog({
  isOpen,
  onClose,
  internship,
  onReload,
}: {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly internship?: Internship;
  readonly onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isOpen}
      title={internship ? t('schools.internshipForm.editTitle') : t('schools.internshipForm.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={820}
    >
      <InternshipForm
        key={internship ? `${internship.id}:${internship.version}` : 'new'}
        internship={internship}
        onReload={onReload}
        onDone={onClose}
      />
    </Modal>
  );
}
