import {
  ORDER_CLASS_KINDS,
  type OrderClass,
  type OrderClassCreateInput,
  type OrderClassKind,
  orderClassCreateBody,
  Permission,
} from '@yonggong/shared';
import {
  App,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateOrderClass, useUpdateOrderClass } from '../../../api/order-classes.ts';
import { useAgreements, useSchool } from '../../../api/schools.ts';
import { useCan } from '../../../app/use-can.ts';
import { FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { useServerProblems } from '../../../forms/use-server-problems.ts';
import { buildSchemaItemProps } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import {
  EnterprisePicker,
  type KnownRecord,
  SchoolPicker,
} from '../../schools/components/cooperation-pickers.tsx';

/** The class form's values: the API's fields, all optional while the user types. */
export interface OrderClassFormValues {
  readonly schoolId?: string | undefined;
  readonly enterpriseId?: string | undefined;
  readonly agreementId?: string | null | undefined;
  readonly kind?: OrderClassKind | undefined;
  readonly name?: string | undefined;
  readonly majorName?: string | undefined;
  readonly classSize?: number | null | undefined;
  readonly startDate?: string | undefined;
  readonly graduationDate?: string | undefined;
}

export const ORDER_CLASS_FORM_FIELDS: ReadonlySet<string> = new Set([
  'schoolId',
  'enterpriseId',
  'agreementId',
  'kind',
  'name',
  'majorName',
  'classSize',
  'startDate',
  'graduationDate',
]);

/** The `POST /api/order-classes` body. */
export function buildOrderClassCreateBody(values: OrderClassFormValues): OrderClassCreateInput {
  return {
    schoolId: values.schoolId ?? '',
    enterpriseId: values.enterpriseId ?? '',
    agreementId: values.agreementId ?? null,
    kind: values.kind ?? 'order',
    name: (values.name ?? '').trim(),
    majorName: (values.majorName ?? '').trim(),
    classSize: values.classSize ?? 0,
    startDate: values.startDate ?? '',
    graduationDate: values.graduationDate ?? '',
  };
}

interface OrderClassFormProps {
  /** The class being edited (school and enterprise then stay); absent when opening a new one. */
  readonly orderClass?: OrderClass;
  /** A new class's preset school (opened from the school's page). */
  readonly school?: KnownRecord;
  readonly onReload?: () => void;
  readonly onDone: () => void;
}

/**
 * Opens or edits an order / named class: school, partner enterprise (picked by search; school
 * staff choose among their school's partners), the agreement it runs under, kind, major, planned
 * size and dates. A new class is sent with an `Idempotency-Key` made when the form opened.
 */
export function OrderClassForm({ orderClass, school, onReload, onDone }: OrderClassFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderClassFormValues>();
  const { problem, clearProblem, showServerError } = useServerProblems(form, ORDER_CLASS_FORM_FIELDS, {
    fieldErrorCodes: ['validation_failed', 'duplicate'],
  });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateOrderClass();
  const update = useUpdateOrderClass(orderClass?.id ?? '');
  const isSaving = create.isPending || update.isPending;
  // School staff choose among their school's partners; say so, as they cannot search the register.
  const canSearchEnterprises = useCan(Permission.EnterpriseRead);
  useRevalidateOnLocaleChange(form);
  const initialValues: OrderClassFormValues = orderClass
    ? {
        schoolId: orderClass.schoolId,
        enterpriseId: orderClass.enterpriseId,
        agreementId: orderClass.agreementId,
        kind: orderClass.kind,
        name: orderClass.name,
        majorName: orderClass.majorName,
        classSize: orderClass.classSize,
        startDate: orderClass.startDate,
        graduationDate: orderClass.graduationDate,
      }
    : { schoolId: school?.id, kind: 'order', agreementId: null };

  // `useWatch` reads undefined until the form has mounted: start from the initial values.
  const schoolId = Form.useWatch('schoolId', form) ?? initialValues.schoolId;
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? initialValues.enterpriseId;
  const chosenSchool = useSchool(schoolId ?? '', Boolean(schoolId));
  const agreements = useAgreements(
    { schoolId: schoolId ?? '', enterpriseId: enterpriseId ?? '', page: 1, pageSize: 50, sort: '-signedOn' },
    Boolean(schoolId && enterpriseId),
  );
  const itemProps = (field: keyof OrderClassCreateInput & string) =>
    buildSchemaItemProps(orderClassCreateBody, field, locale);

  const submit = async (values: OrderClassFormValues) => {
    if (isSaving) return;
    clearProblem();
    try {
      if (orderClass) {
        const { schoolId: _s, enterpriseId: _e, ...fields } = buildOrderClassCreateBody(values);
        await update.mutateAsync({
          ...fields,
          agreementId: fields.agreementId ?? null,
          version: orderClass.version,
        });
        void message.success(t('schools.classForm.saved'));
        onDone();
      } else {
        const saved = await create.mutateAsync({ body: buildOrderClassCreateBody(values), idempotencyKey });
        void message.success(t('schools.classForm.created', { name: saved.name }));
        onDone();
        void navigate(`/order-classes/${saved.id}`);
      }
    } catch (error) {
      showServerError(error);
    }
  };

  const majors = chosenSchool.data?.majors ?? [];
  return (
    <Form<OrderClassFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      onValuesChange={(changed: OrderClassFormValues) => {
        if ('schoolId' in changed || 'enterpriseId' in changed) form.setFieldValue('agreementId', null);
        if ('schoolId' in changed && !orderClass) form.setFieldValue('enterpriseId', undefined);
      }}
      scrollToFirstError={{ block: 'center' }}
      disabled={isSaving}
      data-testid="class-form"
    >
      {problem && <FormProblemAlert problem={problem} onReload={onReload} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="schoolId" label={t('schools.classes.school')} {...itemProps('schoolId')}>
            <SchoolPicker
              isDisabled={Boolean(orderClass)}
              known={
                orderClass
                  ? [{ id: orderClass.schoolId, label: orderClass.schoolName }]
                  : school
                    ? [school]
                    : []
              }
              data-testid="class-school"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="enterpriseId"
            label={t('schools.classes.enterprise')}
            extra={orderClass || canSearchEnterprises ? undefined : t('schools.pickers.enterpriseHint')}
            {...itemProps('enterpriseId')}
          >
            <EnterprisePicker
              schoolId={schoolId}
              isDisabled={Boolean(orderClass)}
              known={orderClass ? [{ id: orderClass.enterpriseId, label: orderClass.enterpriseName }] : []}
              data-testid="class-enterprise"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="agreementId" label={t('schools.classForm.agreement')}>
            <Select
              allowClear
              loading={agreements.isFetching}
              placeholder={t('schools.classForm.noAgreement')}
              data-testid="class-agreement"
              options={(agreements.data?.items ?? []).map((agreement) => ({
                value: agreement.id,
                label: `${agreement.title || t('schools.classForm.agreementUntitled')} · ${agreement.signedOn} — ${agreement.validUntil}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('schools.classForm.kind')} {...itemProps('kind')}>
            <Select
              data-testid="class-kind"
              options={ORDER_CLASS_KINDS.map((kind) => ({
                value: kind,
                label: t(`schools.classes.kinds.${kind}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('schools.classes.name')} {...itemProps('name')}>
            <Input
              maxLength={60}
              placeholder={t('schools.classForm.namePlaceholder')}
              data-testid="class-name"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="majorName" label={t('schools.classes.major')} {...itemProps('majorName')}>
            <AutoComplete
              maxLength={40}
              data-testid="class-major"
              options={majors.map((major) => ({ value: major.name }))}
              filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="classSize" label={t('schools.classForm.classSize')} {...itemProps('classSize')}>
            <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} data-testid="class-size" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="startDate"
            label={t('schools.classForm.startDate')}
            {...isoDateItemProps}
            {...itemProps('startDate')}
          >
            <DatePicker style={{ width: '100%' }} data-testid="class-start" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="graduationDate"
            label={t('schools.classes.graduation')}
            dependencies={['startDate']}
            {...isoDateItemProps}
            required
            rules={[
              ...itemProps('graduationDate').rules,
              {
                validator: async (_rule, value: string | undefined) => {
                  const start: string | undefined = form.getFieldValue('startDate');
                  if (value && start && value < start) throw new Error(t('schools.form.datesOrder'));
                },
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="class-graduation" />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="class-submit">
          {t(orderClass ? 'schools.classForm.submitEdit' : 'schools.classForm.submitCreate')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The class form in a dialog, made anew (with a new idempotency key) each time it opens. */
export function OrderClassFormDialog({
  isOpen,
  onClose,
  orderClass,
  school,
  onReload,
}: {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly orderClass?: OrderClass;
  readonly school?: KnownRecord;
  readonly onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isOpen}
      title={orderClass ? t('schools.classForm.editTitle') : t('schools.classForm.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={820}
    >
      <OrderClassForm
        key={orderClass ? `${orderClass.id}:${orderClass.version}` : 'new'}
        orderClass={orderClass}
        school={school}
        onReload={onReload}
        onDone={onClose}
      />
    </Modal>
  );
}
