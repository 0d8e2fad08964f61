import {
  EDUCATION_LEVELS,
  formatMessage,
  type JobOrder,
  jobOrderCreateBody,
  MEALS,
  type Region,
  SHIFTS,
  URGENCIES,
  VISIBILITIES,
} from '@yonggong/shared';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
} from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateJobOrder, useJobOrderAction, useUpdateJobOrder } from '../../../api/job-orders.ts';
import { FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { OccupationPicker } from '../../../components/OccupationPicker.tsx';
import { RECORD_OCCUPATION_LEVELS } from '../../../components/occupation-options.ts';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { useServerProblems } from '../../../forms/use-server-problems.ts';
import { buildSchemaItemProps, buildZodRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import {
  buildJobOrderCreateBody,
  buildJobOrderUpdateBody,
  JOB_ORDER_FORM_FIELDS,
  type JobOrderFormValues,
} from '../job-order-form-values.ts';
import { EnterpriseSelect } from './EnterpriseSelect.tsx';

type SubmitMode = 'draft' | 'publish' | 'save';

interface JobOrderFormProps {
  /** The order being edited; absent when posting a new one. */
  readonly order?: JobOrder;
  /** Starting values of a new order (the poster's enterprise and district when known). */
  readonly initialValues: JobOrderFormValues;
  /** The enterprise is fixed (enterprise HR posts for its own): shown by name, not picked. */
  readonly fixedEnterpriseName?: string | undefined;
  /** The districts the order may be placed in. */
  readonly districts: readonly Region[];
  /** Reloads the record after a version conflict (edit only). */
  readonly onReload?: () => void;
}

type Field = keyof typeof jobOrderCreateBody.shape & string;

/**
 * Posts or edits a job order. Every field is validated by the shared schema (the same messages as
 * the server's); "保存草稿" saves without publishing, "发布" publishes at once. Server field errors
 * land on their fields; a version conflict offers a reload.
 */
export function JobOrderForm({
  order,
  initialValues,
  fixedEnterpriseName,
  districts,
  onReload,
}: JobOrderFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<JobOrderFormValues>();
  const { problem, clearProblem, showServerError } = useServerProblems(form, JOB_ORDER_FORM_FIELDS);
  const [pending, setPending] = useState<SubmitMode | null>(null);
  const create = useCreateJobOrder();
  const update = useUpdateJobOrder(order?.id ?? '');
  const act = useJobOrderAction(order?.id ?? '');
  useRevalidateOnLocaleChange(form);

  const itemProps = (field: Field) => buildSchemaItemProps(jobOrderCreateBody, field, locale);
  const maxNotBelow = (minField: 'wageMin' | 'ageMin'): RuleObject => ({
    validator: async (_rule, value: unknown) => {
      const min: unknown = form.getFieldValue(minField);
      if (typeof value === 'number' && typeof min === 'number' && value < min)
        throw new Error(formatMessage(locale, 'range.max_below_min'));
    },
  });

  const districtOptions = districts.map((district) => ({ value: district.code, label: district.name }));
  if (order && !districtOptions.some((option) => option.value === order.districtCode))
    districtOptions.push({ value: order.districtCode, label: order.districtName });

  const submit = async (mode: SubmitMode) => {
    if (pending) return;
    const values = await form
      .validateFields()
      .catch((failure: { errorFields?: { name: (string | number)[] }[] }) => {
        const [first] = failure.errorFields ?? [];
        if (first) form.scrollToField(first.name, { block: 'center' });
        return null;
      });
    if (!values) return;
    clearProblem();
    setPending(mode);
    try {
      let saved: JobOrder;
      if (order) {
        saved = await update.mutateAsync(buildJobOrderUpdateBody(values, order));
        if (mode === 'publish') saved = await act.mutateAsync({ action: 'publish', version: saved.version });
      } else {
        saved = await create.mutateAsync(buildJobOrderCreateBody(values, mode === 'publish'));
      }
      const done = mode === 'publish' ? 'created' : order ? 'saved' : 'draftSaved';
      void message.success(t(`jobOrder.form.${done}`));
      void navigate(`/job-orders/${saved.id}`, { replace: Boolean(order) });
    } catch (error) {
      showServerError(error);
    } finally {
      setPending(null);
    }
  };

  const isDraft = !order || order.status === 'draft';
  const canPublish = !order || (order.status === 'draft' && order.can.publish);

  return (
    <Form<JobOrderFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      disabled={pending !== null}
    >
      {problem && <FormProblemAlert problem={problem} onReload={onReload} />}
      <Flex vertical gap={16}>
        <Card title={t('jobOrder.form.sectionPosition')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {order || fixedEnterpriseName !== undefined ? (
                <Form.Item label={t('jobOrder.fields.enterprise')}>
                  <Input
                    value={order?.enterprise.name ?? fixedEnterpriseName}
                    disabled
                    data-testid="jo-enterpriseId"
                  />
                </Form.Item>
              ) : (
                <Form.Item
                  name="enterpriseId"
                  label={t('jobOrder.fields.enterpriseId')}
                  extra={t('jobOrder.form.staffAssistedHint')}
                  {...itemProps('enterpriseId')}
                >
                  <EnterpriseSelect
                    data-testid="jo-enterpriseId"
                    placeholder={t('jobOrder.form.enterprisePlaceholder')}
                    onChange={(_id, picked) => {
                      if (picked && !form.getFieldValue('districtCode'))
                        form.setFieldValue('districtCode', picked.districtCode);
                    }}
                  />
                </Form.Item>
              )}
              {/* The fixed enterprise is still part of the values sent. */}
              {!order && fixedEnterpriseName !== undefined && (
                <Form.Item name="enterpriseId" hidden>
                  <Input />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('jobOrder.fields.title')} {...itemProps('title')}>
                <Input maxLength={60} data-testid="jo-title" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="occupationCode"
                label={t('jobOrder.fields.occupationCode')}
                {...itemProps('occupationCode')}
              >
                <OccupationPicker
                  data-testid="jo-occupation"
                  levels={RECORD_OCCUPATION_LEVELS}
                  placeholder={t('occupation.placeholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="headcount" label={t('jobOrder.fields.headcount')} {...itemProps('headcount')}>
                <InputNumber<number>
                  min={1}
                  precision={0}
                  suffix={t('form.persons')}
                  style={{ width: '100%' }}
                  data-testid="jo-headcount"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="wageMin" label={t('jobOrder.fields.wageMin')} {...itemProps('wageMin')}>
                <InputNumber<number>
                  min={0}
                  step={100}
                  precision={0}
                  suffix={t('form.yuanPerMonth')}
                  style={{ width: '100%' }}
                  data-testid="jo-wageMin"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="wageMax"
                label={t('jobOrder.fields.wageMax')}
                dependencies={['wageMin']}
                required
                rules={[buildZodRule(jobOrderCreateBody, 'wageMax', locale), maxNotBelow('wageMin')]}
              >
                <InputNumber<number>
                  min={0}
                  step={100}
                  precision={0}
                  suffix={t('form.yuanPerMonth')}
                  style={{ width: '100%' }}
                  data-testid="jo-wageMax"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="districtCode"
                label={t('jobOrder.fields.districtCode')}
                {...itemProps('districtCode')}
              >
                <Select
                  data-testid="jo-districtCode"
                  placeholder={t('jobOrder.form.districtPlaceholder')}
                  options={districtOptions}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="address" label={t('jobOrder.fields.address')} {...itemProps('address')}>
                <Input maxLength={200} data-testid="jo-address" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="deadline"
                label={t('jobOrder.fields.deadline')}
                {...isoDateItemProps}
                {...itemProps('deadline')}
              >
                <DatePicker style={{ width: '100%' }} data-testid="jo-deadline" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="startDate"
                label={t('jobOrder.fields.startDate')}
                {...isoDateItemProps}
                {...itemProps('startDate')}
              >
                <DatePicker style={{ width: '100%' }} data-testid="jo-startDate" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="urgency" label={t('jobOrder.fields.urgency')} {...itemProps('urgency')}>
                <Radio.Group
                  data-testid="jo-urgency"
                  optionType="button"
                  options={URGENCIES.map((urgency) => ({
                    value: urgency,
                    label: t(`jobOrder.urgency.${urgency}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('jobOrder.form.sectionRequirements')}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="ageMin" label={t('jobOrder.fields.ageMin')} {...itemProps('ageMin')}>
                <InputNumber<number>
                  min={16}
                  max={70}
                  precision={0}
                  suffix={t('form.years')}
                  style={{ width: '100%' }}
                  data-testid="jo-ageMin"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="ageMax"
                label={t('jobOrder.fields.ageMax')}
                dependencies={['ageMin']}
                rules={[buildZodRule(jobOrderCreateBody, 'ageMax', locale), maxNotBelow('ageMin')]}
              >
                <InputNumber<number>
                  min={16}
                  max={70}
                  precision={0}
                  suffix={t('form.years')}
                  style={{ width: '100%' }}
                  data-testid="jo-ageMax"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="educationMin"
                label={t('jobOrder.fields.educationMin')}
                {...itemProps('educationMin')}
              >
                <Select
                  data-testid="jo-educationMin"
                  options={EDUCATION_LEVELS.map((level) => ({
                    value: level,
                    label: t(`education.${level}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="skills" label={t('jobOrder.fields.skills')} {...itemProps('skills')}>
                <Select
                  mode="tags"
                  open={false}
                  placeholder={t('form.tagsPlaceholder')}
                  data-testid="jo-skills"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="certificates"
                label={t('jobOrder.fields.certificates')}
                {...itemProps('certificates')}
              >
                <Select
                  mode="tags"
                  open={false}
                  placeholder={t('form.tagsPlaceholder')}
                  data-testid="jo-certificates"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('jobOrder.form.sectionConditions')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="shifts" label={t('jobOrder.fields.shifts')} {...itemProps('shifts')}>
                <Select
                  data-testid="jo-shifts"
                  options={SHIFTS.map((shift) => ({ value: shift, label: t(`jobOrder.shifts.${shift}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="meals" label={t('jobOrder.fields.meals')} {...itemProps('meals')}>
                <Select
                  data-testid="jo-meals"
                  options={MEALS.map((meal) => ({ value: meal, label: t(`jobOrder.meals.${meal}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="dormitory"
                label={t('jobOrder.fields.dormitory')}
                valuePropName="checked"
                {...itemProps('dormitory')}
              >
                <Switch
                  data-testid="jo-dormitory"
                  checkedChildren={t('jobOrder.dormitory.yes')}
                  unCheckedChildren={t('jobOrder.dormitory.no')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('jobOrder.form.sectionPublish')}>
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item
                name="visibility"
                label={t('jobOrder.fields.visibility')}
                {...itemProps('visibility')}
              >
                <Checkbox.Group
                  data-testid="jo-visibility"
                  options={VISIBILITIES.map((visibility) => ({
                    value: visibility,
                    label: t(`jobOrder.visibility.${visibility}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="contactName"
                label={t('jobOrder.fields.contactName')}
                {...itemProps('contactName')}
              >
                <Input maxLength={30} data-testid="jo-contactName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="contactPhone"
                label={t('jobOrder.fields.contactPhone')}
                rules={[
                  buildZodRule(jobOrderCreateBody, 'contactPhone', locale, { isEmptyStringAbsent: true }),
                ]}
              >
                <Input
                  maxLength={20}
                  autoComplete="off"
                  data-testid="jo-contactPhone"
                  placeholder={
                    order?.contactPhoneMasked
                      ? t('form.keepPhone', { masked: order.contactPhoneMasked })
                      : undefined
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="description"
                label={t('jobOrder.fields.description')}
                {...itemProps('description')}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount data-testid="jo-description" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Flex gap={8} wrap>
          {isDraft ? (
            <Button
              loading={pending === 'draft'}
              disabled={pending !== null}
              data-testid="job-order-save-draft"
              onClick={() => void submit('draft')}
            >
              {t('jobOrder.form.saveDraft')}
            </Button>
          ) : (
            <Button
              type="primary"
              loading={pending === 'save'}
              disabled={pending !== null}
              data-testid="job-order-save"
              onClick={() => void submit('save')}
            >
              {t('jobOrder.form.save')}
            </Button>
          )}
          {isDraft && canPublish && (
            <Button
              type="primary"
              loading={pending === 'publish'}
              disabled={pending !== null}
              data-testid="job-order-publish"
              onClick={() => void submit('publish')}
            >
              {t(order ? 'jobOrder.form.saveAndPublish' : 'jobOrder.form.publish')}
            </Button>
          )}
          <Button onClick={() => void navigate(order ? `/job-orders/${order.id}` : '/job-orders')}>
            {t('common.cancel')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
