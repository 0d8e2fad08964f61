import { CHANNELS, EDUCATION_LEVELS, type Region, type Worker, workerCreateBody } from '@yonggong/shared';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRegisterWorker, useUpdateWorker } from '../../../api/workers.ts';
import { FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { OccupationPicker } from '../../../components/OccupationPicker.tsx';
import { RECORD_OCCUPATION_LEVELS } from '../../../components/occupation-options.ts';
import { RegionCascader } from '../../../components/RegionCascader.tsx';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { useServerProblems } from '../../../forms/use-server-problems.ts';
import { buildSchemaItemProps, findFieldError } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import {
  buildWorkerCreateBody,
  buildWorkerUpdateBody,
  toWorkerFormPath,
  WORKER_FORM_FIELDS,
  type WorkerFormValues,
} from '../worker-form-values.ts';
import { IdPreview } from './IdPreview.tsx';

/** Wanted occupations per worker, as `occupationCodes: z.array(…).max(5)` allows. */
const MAX_OCCUPATIONS = 5;

/** What the detail page shows after a registration that found the ID number already registered. */
export interface LinkedExistingState {
  readonly linkedExisting: string;
}

interface WorkerFormProps {
  /** The worker being edited; absent when registering. */
  readonly worker?: Worker;
  readonly initialValues: WorkerFormValues;
  /** The districts that may serve the worker. */
  readonly districts: readonly Region[];
  /** Reloads the record after a version conflict (edit only). */
  readonly onReload?: () => void;
}

type Field = keyof typeof workerCreateBody.shape & string;

/**
 * Registers or edits a worker. Validation comes from the shared schema: the ID number's message
 * names the wrong check digit, the impossible birth date or the Excel damage. Birth date, age and
 * sex are shown read-only once the ID is valid. One person is one worker: registering a known ID
 * number links the new channel to the existing worker, and the page says so and opens that worker.
 */
export function WorkerForm({ worker, initialValues, districts, onReload }: WorkerFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<WorkerFormValues>();
  const { problem, clearProblem, showServerError } = useServerProblems(form, WORKER_FORM_FIELDS, {
    toFormPath: toWorkerFormPath,
  });
  const register = useRegisterWorker();
  const update = useUpdateWorker(worker?.id ?? '');
  const isSaving = register.isPending || update.isPending;
  const idNumber: string | undefined = Form.useWatch('idNumber', form);
  useRevalidateOnLocaleChange(form);

  const itemProps = (field: Field) => buildSchemaItemProps(workerCreateBody, field, locale);
  const originRule: RuleObject = {
    validator: async (_rule, value: readonly string[] | undefined) => {
      const issue = findFieldError(workerCreateBody.shape.originRegionCode, value?.at(-1) ?? null, locale);
      if (issue !== null) throw new Error(issue);
    },
  };
  const phoneItemProps = worker
    ? {
        // Left empty, the stored number is kept; what is typed must be valid.
        rules: [
          {
            validator: async (_rule: RuleObject, value: string | undefined) => {
              const issue = value?.trim()
                ? findFieldError(workerCreateBody.shape.phone, value, locale)
                : null;
              if (issue !== null) throw new Error(issue);
            },
          },
        ],
      }
    : itemProps('phone');

  const districtOptions = districts.map((district) => ({ value: district.code, label: district.name }));
  if (worker?.districtCode && !districtOptions.some((option) => option.value === worker.districtCode))
    districtOptions.push({ value: worker.districtCode, label: worker.districtName ?? worker.districtCode });

  const submit = async (values: WorkerFormValues) => {
    if (isSaving) return;
    clearProblem();
    try {
      if (worker) {
        const saved = await update.mutateAsync(buildWorkerUpdateBody(values, worker));
        void message.success(t('worker.form.saved'));
        void navigate(`/workers/${saved.id}`, { replace: true });
        return;
      }
      const reply = await register.mutateAsync(buildWorkerCreateBody(values));
      if (reply.outcome === 'linked_existing') {
        const notice = reply.message ?? t('worker.form.linkedExisting', { name: reply.worker.name });
        void message.info(notice);
        const state: LinkedExistingState = { linkedExisting: notice };
        void navigate(`/workers/${reply.worker.id}`, { state });
      } else {
        void message.success(t('worker.form.created'));
        void navigate(`/workers/${reply.worker.id}`);
      }
    } catch (error) {
      showServerError(error);
    }
  };

  return (
    <Form<WorkerFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      scrollToFirstError={{ block: 'center' }}
      disabled={isSaving}
    >
      {problem && <FormProblemAlert problem={problem} onReload={onReload} />}
      <Flex vertical gap={16}>
        <Card title={t('worker.form.sectionIdentity')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('worker.fields.name')} {...itemProps('name')}>
                <Input maxLength={30} autoComplete="off" data-testid="wk-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {worker ? (
                <Form.Item label={t('worker.fields.idNumber')} extra={t('worker.form.idLocked')}>
                  <Input value={worker.idNumberMasked} disabled data-testid="wk-idNumber" />
                </Form.Item>
              ) : (
                <Form.Item
                  name="idNumber"
                  label={t('worker.fields.idNumber')}
                  extra={<IdPreview idNumber={idNumber} />}
                  validateDebounce={300}
                  {...itemProps('idNumber')}
                >
                  <Input
                    maxLength={30}
                    autoComplete="off"
                    data-testid="wk-idNumber"
                    style={{ fontFamily: 'monospace' }}
                  />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={t('worker.fields.phone')} {...phoneItemProps}>
                <Input
                  maxLength={20}
                  autoComplete="off"
                  data-testid="wk-phone"
                  placeholder={worker ? t('form.keepPhone', { masked: worker.phoneMasked }) : undefined}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="origin"
                label={t('worker.fields.originRegionCode')}
                rules={[originRule]}
                getValueProps={(value: readonly string[] | undefined) => ({ value: value ? [...value] : [] })}
              >
                <RegionCascader data-testid="wk-origin" placeholder={t('worker.form.originPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="currentAddress"
                label={t('worker.fields.currentAddress')}
                {...itemProps('currentAddress')}
              >
                <Input maxLength={200} data-testid="wk-currentAddress" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="education" label={t('worker.fields.education')} {...itemProps('education')}>
                <Select
                  data-testid="wk-education"
                  options={EDUCATION_LEVELS.map((level) => ({
                    value: level,
                    label: t(`education.${level}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('worker.form.sectionJob')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="occupationCodes"
                label={t('worker.fields.occupationCodes')}
                {...itemProps('occupationCodes')}
              >
                <OccupationPicker
                  isMultiple
                  maxCount={MAX_OCCUPATIONS}
                  levels={RECORD_OCCUPATION_LEVELS}
                  placeholder={t('worker.form.occupationsPlaceholder', { max: MAX_OCCUPATIONS })}
                  data-testid="wk-occupations"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="expectedWage"
                label={t('worker.fields.expectedWage')}
                {...itemProps('expectedWage')}
              >
                <InputNumber<number>
                  min={0}
                  step={500}
                  precision={0}
                  suffix={t('form.yuanPerMonth')}
                  style={{ width: '100%' }}
                  data-testid="wk-expectedWage"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="availableFrom"
                label={t('worker.fields.availableFrom')}
                {...isoDateItemProps}
                {...itemProps('availableFrom')}
              >
                <DatePicker style={{ width: '100%' }} data-testid="wk-availableFrom" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="skills" label={t('worker.fields.skills')} {...itemProps('skills')}>
                <Select
                  mode="tags"
                  open={false}
                  placeholder={t('form.tagsPlaceholder')}
                  data-testid="wk-skills"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="certificates"
                label={t('worker.fields.certificates')}
                {...itemProps('certificates')}
              >
                <Select
                  mode="tags"
                  open={false}
                  placeholder={t('form.tagsPlaceholder')}
                  data-testid="wk-certificates"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('worker.form.sectionOther')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="districtCode"
                label={t('worker.fields.districtCode')}
                {...itemProps('districtCode')}
              >
                <Select
                  allowClear
                  data-testid="wk-districtCode"
                  placeholder={t('worker.form.districtPlaceholder')}
                  options={districtOptions}
                />
              </Form.Item>
            </Col>
            {!worker && (
              <Col xs={24} md={12}>
                <Form.Item name="channel" label={t('worker.fields.channel')} {...itemProps('channel')}>
                  <Select
                    data-testid="wk-channel"
                    options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24}>
              <Form.Item name="notes" label={t('worker.fields.notes')} {...itemProps('notes')}>
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="wk-notes" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Flex gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            loading={isSaving}
            disabled={isSaving}
            data-testid="wk-submit"
          >
            {t(worker ? 'worker.form.submitEdit' : 'worker.form.submitCreate')}
          </Button>
          <Button onClick={() => void navigate(worker ? `/workers/${worker.id}` : '/workers')}>
            {t('common.cancel')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
