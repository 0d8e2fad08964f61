import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { majorInput, SCHOOL_TYPES, type School, schoolCreateBody } from '@yonggong/shared';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateSchool, useUpdateSchool } from '../../../api/schools.ts';
import { FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { OccupationPicker } from '../../../components/OccupationPicker.tsx';
import { RegionCascader } from '../../../components/RegionCascader.tsx';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { useServerProblems } from '../../../forms/use-server-problems.ts';
import { buildFieldRule, buildSchemaItemProps, findFieldError } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import { ContactFields } from '../../enterprises/components/ContactFields.tsx';
import {
  buildEmptySchoolValues,
  buildSchoolCreateBody,
  buildSchoolUpdateBody,
  SCHOOL_FORM_FIELDS,
  type SchoolFormValues,
  toSchoolFormValues,
} from '../school-form-values.ts';

interface SchoolFormProps {
  /** The school being edited; absent when registering a new one. */
  readonly school?: School;
  /** Reloads the school after a version conflict (edit only). */
  readonly onReload?: () => void;
  readonly onDone: () => void;
}

const majorShape = majorInput.shape;
const graduateShape = majorShape.graduates.unwrap().element.shape;

/**
 * Registers or edits a school: type, name, region, majors with graduates by year, contacts,
 * address, notes. Officers keeping the register change everything; the school's own staff
 * (`can.update` false, `can.updateProfile` true) see name, type and region read-only. Fields
 * validate with the shared schema, the server's field errors land on the fields, a stale edit
 * shows the conflict alert, and a new school is sent with an `Idempotency-Key` made when the form
 * opened, so a double click registers one school.
 */
export function SchoolForm({ school, onReload, onDone }: SchoolFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<SchoolFormValues>();
  const { problem, clearProblem, showServerError } = useServerProblems(form, SCHOOL_FORM_FIELDS, {
    fieldErrorCodes: ['validation_failed', 'duplicate'],
  });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateSchool();
  const update = useUpdateSchool(school?.id ?? '');
  const isSaving = create.isPending || update.isPending;
  const isRegisterReadOnly = school ? !school.can.update : false;
  useRevalidateOnLocaleChange(form);

  const itemProps = (field: 'name' | 'type' | 'address' | 'notes') =>
    buildSchemaItemProps(schoolCreateBody, field, locale);
  const regionRule: RuleObject = {
    validator: async (_rule, value: readonly string[] | undefined) => {
      const code = value?.at(-1) ?? '';
      const issue = findFieldError(schoolCreateBody.shape.regionCode, code, locale);
      if (issue !== null) throw new Error(issue);
      // A province or prefecture is not where a school is: pick the county.
      if ((value?.length ?? 0) < 3 && /00$/.test(code)) throw new Error(t('schools.form.regionPickCounty'));
    },
  };

  const submit = async (values: SchoolFormValues) => {
    if (isSaving) return;
    clearProblem();
    try {
      if (school) {
        await update.mutateAsync(buildSchoolUpdateBody(values, school));
        void message.success(t('schools.form.saved'));
        onDone();
      } else {
        const saved = await create.mutateAsync({ body: buildSchoolCreateBody(values), idempotencyKey });
        void message.success(t('schools.form.created', { name: saved.name }));
        onDone();
        void navigate(`/schools/${saved.id}`);
      }
    } catch (error) {
      showServerError(error);
    }
  };

  return (
    <Form<SchoolFormValues>
      form={form}
      layout="vertical"
      initialValues={school ? toSchoolFormValues(school) : buildEmptySchoolValues()}
      onFinish={(values) => void submit(values)}
      scrollToFirstError={{ block: 'center' }}
      disabled={isSaving}
      data-testid="school-form"
    >
      {problem && <FormProblemAlert problem={problem} onReload={onReload} />}
      <Flex vertical gap={16}>
        <Card size="small" title={t('schools.form.sectionBasics')}>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item
                name="name"
                label={t('schools.list.name')}
                extra={isRegisterReadOnly ? t('schools.form.registerReadOnly') : undefined}
                {...itemProps('name')}
              >
                <Input maxLength={60} disabled={isRegisterReadOnly} data-testid="school-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="type" label={t('schools.list.type')} {...itemProps('type')}>
                <Select
                  disabled={isRegisterReadOnly}
                  data-testid="school-type"
                  options={SCHOOL_TYPES.map((type) => ({ value: type, label: t(`schools.types.${type}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="regionCode"
                label={t('schools.list.region')}
                required
                rules={[regionRule]}
                extra={t('schools.form.regionHint')}
                getValueProps={(value: readonly string[] | undefined) => ({ value: value ? [...value] : [] })}
              >
                <RegionCascader
                  isDisabled={isRegisterReadOnly}
                  data-testid="school-region"
                  placeholder={t('schools.form.regionPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="address" label={t('schools.form.address')} {...itemProps('address')}>
                <Input maxLength={200} data-testid="school-address" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('schools.detail.majors')}>
          <MajorFields />
        </Card>
        <Card size="small" title={t('schools.detail.contacts')}>
          <ContactFields />
        </Card>
        <Form.Item name="notes" label={t('schools.form.notes')} {...itemProps('notes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={isSaving} data-testid="school-submit">
            {t(school ? 'schools.form.submitEdit' : 'schools.form.submitCreate')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

/** Majors (专业), each with an occupation and its graduates by year of graduation (届). */
function MajorFields() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Form.List name="majors">
      {(majors, { add, remove }) => (
        <Flex vertical gap={8}>
          {majors.map((major) => (
            <Card
              key={major.key}
              size="small"
              type="inner"
              data-testid="major-row"
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('schools.form.removeMajor')}
                  onClick={() => remove(major.name)}
                />
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[major.name, 'name']}
                    label={t('schools.detail.major')}
                    required
                    rules={[buildFieldRule(majorShape.name, locale)]}
                  >
                    <Input maxLength={40} data-testid={`major-name-${major.name}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={14}>
                  <Form.Item name={[major.name, 'occupationCode']} label={t('schools.detail.occupation')}>
                    <OccupationPicker placeholder={t('schools.form.occupationPlaceholder')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.List name={[major.name, 'graduates']}>
                {(rows, graduates) => (
                  <>
                    {rows.map((row) => (
                      <Row key={row.key} gutter={12} align="top" data-testid="graduates-row">
                        <Col xs={10} md={8}>
                          <Form.Item
                            name={[row.name, 'year']}
                            label={t('schools.form.graduateYear')}
                            required
                            rules={[buildFieldRule(graduateShape.year, locale)]}
                          >
                            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col xs={10} md={8}>
                          <Form.Item
                            name={[row.name, 'graduates']}
                            label={t('schools.form.graduates')}
                            required
                            rules={[buildFieldRule(graduateShape.graduates, locale)]}
                          >
                            <InputNumber min={0} max={20_000} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col xs={4} md={2}>
                          <Form.Item label=" " colon={false}>
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('schools.form.removeGraduates')}
                              onClick={() => graduates.remove(row.name)}
                            />
                          </Form.Item>
                        </Col>
                      </Row>
                    ))}
                    <Button
                      size="small"
                      type="dashed"
                      icon={<PlusOutlined />}
                      disabled={rows.length >= 20}
                      onClick={() => graduates.add({ year: new Date().getFullYear(), graduates: 0 })}
                    >
                      {t('schools.form.addGraduates')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={majors.length >= 60}
            onClick={() => add({ name: '', occupationCode: null, graduates: [] })}
            data-testid="major-add"
          >
            {t('schools.form.addMajor')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** The school form in a dialog; the form (and its idempotency key) is made anew each time it opens. */
export function SchoolFormDialog({
  isOpen,
  onClose,
  school,
  onReload,
}: {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly school?: School;
  readonly onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isOpen}
      title={school ? t('schools.form.editTitle') : t('schools.form.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={860}
    >
      {/* Keyed by version: after a conflict's reload the form starts again from the fresh record. */}
      <SchoolForm
        key={school ? `${school.id}:${school.version}` : 'new'}
        school={school}
        onReload={onReload}
        onDone={onClose}
      />
    </Modal>
  );
}
