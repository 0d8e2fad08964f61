import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  EDUCATION_LEVELS,
  mobilePhoneSchema,
  type SurveyRecord,
  surveyRecordCreateBody,
  WILLINGNESS,
  type Willingness,
} from '@yonggong/shared';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useAddSurveyRecord, useEditSurveyRecord } from '../../../api/surveys.ts';
import { type FormProblem, FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { RegionCascader } from '../../../components/RegionCascader.tsx';
import { toRegionPath } from '../../../components/region-path.ts';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { buildSchemaItemProps, findFieldError } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';

type Education = (typeof EDUCATION_LEVELS)[number];

interface RecordFormValues {
  readonly village?: string;
  readonly name?: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly education?: Education;
  readonly willing?: Willingness;
  readonly skills?: string[];
  readonly destinations?: (readonly string[] | undefined)[];
  readonly earliestDate?: string;
  readonly householdNotes?: string;
}

const RECORD_FIELDS: ReadonlySet<string> = new Set([
  'village',
  'name',
  'idNumber',
  'phone',
  'education',
  'willing',
  'skills',
  'earliestDate',
  'householdNotes',
]);
const MAX_DESTINATIONS = 10;

const trim = (value: string | undefined) => (value ?? '').trim();

/** The destination cascaders' last codes, without gaps or repeats. */
function toDestinationCodes(destinations: RecordFormValues['destinations']): string[] {
  const codes = (destinations ?? [])
    .map((path) => path?.at(-1))
    .filter((code): code is string => Boolean(code));
  return [...new Set(codes)];
}

interface SurveyRecordFormProps {
  readonly campaignId: string;
  /** The record being corrected; absent when adding one. */
  readonly record?: SurveyRecord;
  readonly onDone: () => void;
}

/**
 * Adds one survey record by hand or corrects one. The ID number and phone are shown masked: on a
 * correction they stay as stored unless retyped. Destinations are picked region by region (up to
 * ten). Server field errors land on the fields; a record changed by someone else since it was
 * opened shows the conflict alert. A new record is sent with an `Idempotency-Key`.
 */
export function SurveyRecordForm({ campaignId, record, onDone }: SurveyRecordFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordFormValues>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const add = useAddSurveyRecord(campaignId);
  const edit = useEditSurveyRecord(campaignId);
  const isSaving = add.isPending || edit.isPending;
  useRevalidateOnLocaleChange(form);
  const itemProps = (
    field: 'village' | 'name' | 'education' | 'willing' | 'earliestDate' | 'householdNotes',
  ) => buildSchemaItemProps(surveyRecordCreateBody, field, locale);
  // On a correction an empty ID number or phone keeps the stored one; what is typed must be valid.
  const keptOrValid = (schema: 'idNumber' | 'phone'): RuleObject => ({
    validator: async (_rule, value: string | undefined) => {
      const text = trim(value);
      if (text === '' && record) return;
      const issue = findFieldError(
        schema === 'phone' ? mobilePhoneSchema : surveyRecordCreateBody.shape.idNumber,
        text === '' ? undefined : text,
        locale,
      );
      if (issue !== null) throw new Error(issue);
    },
  });
  const initialValues: RecordFormValues = record
    ? {
        village: record.village,
        name: record.name,
        education: record.education,
        willing: record.willing,
        skills: record.skills,
        destinations: record.preferredRegionCodes.map(toRegionPath),
        earliestDate: record.earliestDate ?? undefined,
        householdNotes: record.householdNotes,
      }
    : { education: 'junior', willing: 'yes', skills: [], destinations: [] };

  const submit = async (values: RecordFormValues) => {
    if (isSaving) return;
    setProblem(null);
    const common = {
      village: trim(values.village),
      name: trim(values.name),
      education: values.education ?? 'junior',
      willing: values.willing ?? 'yes',
      skills: (values.skills ?? []).map((skill) => skill.trim()).filter(Boolean),
      preferredRegionCodes: toDestinationCodes(values.destinations),
      earliestDate: values.earliestDate ?? null,
      householdNotes: trim(values.householdNotes),
    };
    const idNumber = trim(values.idNumber);
    const phone = trim(values.phone);
    try {
      if (record)
        await edit.mutateAsync({
          recordId: record.id,
          body: {
            ...common,
            ...(idNumber ? { idNumber } : {}),
            ...(phone ? { phone } : {}),
            version: record.version,
          },
        });
      else await add.mutateAsync({ body: { ...common, idNumber, phone }, idempotencyKey });
      void message.success(t('channels.surveys.recordSaved', { name: common.name }));
      onDone();
    } catch (error) {
      if (
        (isApiError(error, 'validation_failed') || isApiError(error, 'duplicate')) &&
        error.fieldErrors.length > 0
      ) {
        // Destination issues (`preferredRegionCodes.2`) have no single field: they are listed above.
        const { others: messages } = applyServerFieldErrors(form, error.fieldErrors, RECORD_FIELDS);
        setProblem(messages.length > 0 ? { kind: 'unplaced', messages } : null);
      } else if (isApiError(error, 'version_conflict')) setProblem({ kind: 'conflict' });
      else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <Form<RecordFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      disabled={isSaving}
      data-testid="survey-record-form"
    >
      {problem && <FormProblemAlert problem={problem} onReload={onDone} />}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="village" label={t('channels.surveys.village')} {...itemProps('village')}>
            <Input maxLength={40} data-testid="survey-record-village" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="name" label={t('channels.surveys.name2')} {...itemProps('name')}>
            <Input maxLength={30} data-testid="survey-record-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="education" label={t('channels.surveys.education')} {...itemProps('education')}>
            <Select
              options={EDUCATION_LEVELS.map((level) => ({ value: level, label: t(`education.${level}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="idNumber"
            label={t('channels.surveys.idNumber')}
            required={!record}
            rules={[keptOrValid('idNumber')]}
            extra={record?.conversion ? t('channels.surveys.convertedIdentity') : undefined}
          >
            <Input
              maxLength={18}
              autoComplete="off"
              disabled={record?.conversion ? true : undefined}
              placeholder={record ? t('form.keepPhone', { masked: record.idNumberMasked }) : undefined}
              data-testid="survey-record-id"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('channels.surveys.phone')}
            required={!record}
            rules={[keptOrValid('phone')]}
          >
            <Input
              inputMode="tel"
              maxLength={11}
              autoComplete="off"
              placeholder={record ? t('form.keepPhone', { masked: record.phoneMasked }) : undefined}
              data-testid="survey-record-phone"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="willing" label={t('channels.surveys.willingness')} {...itemProps('willing')}>
            <Select
              data-testid="survey-record-willing"
              options={WILLINGNESS.map((value) => ({
                value,
                label: t(`channels.surveys.willingValues.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="earliestDate"
            label={t('channels.surveys.earliest')}
            {...isoDateItemProps}
            {...itemProps('earliestDate')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="skills" label={t('channels.surveys.skills')}>
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              placeholder={t('form.tagsPlaceholder')}
              maxCount={30}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('channels.surveys.destinations')} data-testid="survey-record-destinations">
        <Form.List name="destinations">
          {(fields, { add: addDestination, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8}>
                  <Form.Item
                    name={field.name}
                    noStyle
                    getValueProps={(value: readonly string[] | undefined) => ({
                      value: value ? [...value] : [],
                    })}
                  >
                    <RegionCascader placeholder={t('channels.surveys.destinationPlaceholder')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('channels.surveys.removeDestination')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_DESTINATIONS}
                onClick={() => addDestination([])}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('channels.surveys.addDestination')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="householdNotes" label={t('channels.surveys.notes')} {...itemProps('householdNotes')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="survey-record-submit">
          {t('channels.common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The record form in a dialog, made anew (with a new idempotency key) each time it opens. */
export function SurveyRecordDialog({
  campaignId,
  record,
  isOpen,
  onClose,
}: {
  readonly campaignId: string;
  readonly record?: SurveyRecord;
  readonly isOpen: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isOpen}
      title={record ? t('channels.surveys.editRecord') : t('channels.surveys.addRecord')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={760}
    >
      <SurveyRecordForm
        key={record ? `${record.id}:${record.version}` : 'new'}
        campaignId={campaignId}
        record={record}
        onDone={onClose}
      />
    </Modal>
  );
}
