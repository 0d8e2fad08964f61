import { BASE_KINDS, type Base, baseCreateBody, isCityWideRole } from '@yonggong/shared';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateBase, useUpdateBase } from '../../../api/bases.ts';
import { useCity } from '../../../api/regions.ts';
import { useMe } from '../../../app/auth-context.tsx';
import { FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { RegionCascader } from '../../../components/RegionCascader.tsx';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { useServerProblems } from '../../../forms/use-server-problems.ts';
import { buildSchemaItemProps, findFieldError } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import { ContactFields } from '../../enterprises/components/ContactFields.tsx';
import { listSelectableDistricts } from '../../enterprises/district-scope.ts';
import {
  BASE_FORM_FIELDS,
  type BaseFormValues,
  buildBaseCreateBody,
  buildBaseUpdateBody,
  buildEmptyBaseValues,
  CITY_LEVEL,
  toBaseFormValues,
} from '../base-form-values.ts';

interface BaseFormProps {
  /** The base being edited; absent when registering a new one. */
  readonly base?: Base;
  /** Reloads the base after a version conflict (edit only). */
  readonly onReload?: () => void;
  readonly onDone: () => void;
}

/**
 * Registers or edits a labour base. Fields validate with the shared schema; the server's field
 * errors land on the fields; a stale edit shows the conflict alert with a reload. A new base is
 * sent with an `Idempotency-Key` made when the form opened, so a double click registers one base.
 */
export function BaseForm({ base, onReload, onDone }: BaseFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<BaseFormValues>();
  const { problem, clearProblem, showServerError } = useServerProblems(form, BASE_FORM_FIELDS);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const city = useCity();
  const create = useCreateBase();
  const update = useUpdateBase(base?.id ?? '');
  const isSaving = create.isPending || update.isPending;
  useRevalidateOnLocaleChange(form);

  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];
  const isCityWide = me.roles.some(isCityWideRole);
  const districtOptions = [
    ...(isCityWide || base?.managingDistrictCode === null
      ? [{ value: CITY_LEVEL, label: t('channels.bases.cityLevel') }]
      : []),
    ...districts.map((district) => ({ value: district.code, label: district.name })),
  ];
  if (base?.managingDistrictCode && !districtOptions.some((o) => o.value === base.managingDistrictCode))
    districtOptions.push({
      value: base.managingDistrictCode,
      label: base.managingDistrictName ?? base.managingDistrictCode,
    });
  // A district officer's new base is their district's (the city's for city-wide staff); the
  // preset must not wait for the district list, since initial values are read once.
  const initialValues = base
    ? toBaseFormValues(base)
    : buildEmptyBaseValues(isCityWide ? undefined : me.scope.districtCodes[0]);

  const itemProps = (field: Parameters<typeof buildSchemaItemProps<typeof baseCreateBody>>[1]) =>
    buildSchemaItemProps(baseCreateBody, field, locale);
  const originRule: RuleObject = {
    validator: async (_rule, value: readonly string[] | undefined) => {
      const code = value?.at(-1) ?? '';
      const issue = findFieldError(baseCreateBody.shape.originRegionCode, code, locale);
      if (issue !== null) throw new Error(issue);
      // A province or prefecture is not where a base is: pick the county (or township).
      if ((value?.length ?? 0) < 3 && /00$/.test(code)) throw new Error(t('channels.bases.originPickCounty'));
    },
  };

  const submit = async (values: BaseFormValues) => {
    if (isSaving) return;
    clearProblem();
    try {
      if (base) {
        await update.mutateAsync(buildBaseUpdateBody(values, base));
        void message.success(t('channels.bases.saved'));
        onDone();
      } else {
        const saved = await create.mutateAsync({ body: buildBaseCreateBody(values), idempotencyKey });
        void message.success(t('channels.bases.created', { name: saved.name }));
        // The new base's page replaces the list (and this dialog with it).
        void navigate(`/bases/${saved.id}`);
      }
    } catch (error) {
      showServerError(error);
    }
  };

  return (
    <Form<BaseFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      scrollToFirstError={{ block: 'center' }}
      disabled={isSaving}
      data-testid="base-form"
    >
      {problem && <FormProblemAlert problem={problem} onReload={onReload} />}
      <Flex vertical gap={16}>
        <Card size="small" title={t('channels.bases.sectionBasics')}>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="name" label={t('channels.bases.name')} {...itemProps('name')}>
                <Input maxLength={60} data-testid="base-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="kind" label={t('channels.bases.kind')} {...itemProps('kind')}>
                <Select
                  data-testid="base-kind"
                  options={BASE_KINDS.map((kind) => ({
                    value: kind,
                    label: t(`channels.bases.kinds.${kind}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="originRegionCode"
                label={t('channels.bases.origin')}
                required
                rules={[originRule]}
                extra={t('channels.bases.originHint')}
                getValueProps={(value: readonly string[] | undefined) => ({ value: value ? [...value] : [] })}
              >
                <RegionCascader
                  data-testid="base-origin"
                  placeholder={t('channels.bases.originPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                name="originTownshipName"
                label={t('channels.bases.township')}
                extra={t('channels.bases.townshipHint')}
                {...itemProps('originTownshipName')}
              >
                <Input maxLength={30} data-testid="base-township" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="partnerName" label={t('channels.bases.partner')} {...itemProps('partnerName')}>
                <Input
                  maxLength={60}
                  placeholder={t('channels.bases.partnerPlaceholder')}
                  data-testid="base-partner"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                name="managingDistrictCode"
                label={t('channels.bases.managing')}
                rules={[{ required: true, message: t('channels.bases.managingRequired') }]}
              >
                <Select data-testid="base-managing" loading={city.isPending} options={districtOptions} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="address" label={t('channels.bases.address')} {...itemProps('address')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('channels.bases.agreement')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="agreementNumber"
                label={t('channels.bases.agreementNumber')}
                {...itemProps('agreementNumber')}
              >
                <Input maxLength={60} data-testid="base-agreement-number" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="annualTarget"
                label={t('channels.bases.target')}
                extra={t('channels.bases.targetHint')}
                {...itemProps('annualTarget')}
              >
                <InputNumber
                  min={0}
                  max={1_000_000}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="base-target"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="agreementSignedOn"
                label={t('channels.bases.signedOn')}
                {...isoDateItemProps}
                {...itemProps('agreementSignedOn')}
              >
                <DatePicker style={{ width: '100%' }} data-testid="base-signed-on" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="agreementValidUntil"
                label={t('channels.bases.validUntil')}
                dependencies={['agreementSignedOn']}
                {...isoDateItemProps}
                rules={[
                  ...itemProps('agreementValidUntil').rules,
                  {
                    validator: async (_rule, value: string | undefined) => {
                      const signed: string | undefined = form.getFieldValue('agreementSignedOn');
                      if (value && signed && value < signed) throw new Error(t('channels.bases.datesOrder'));
                    },
                  },
                ]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="base-valid-until" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('channels.bases.contacts')}>
          <ContactFields />
        </Card>
        <Form.Item name="notes" label={t('channels.bases.notes')} {...itemProps('notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={isSaving} data-testid="base-submit">
            {t('channels.common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

/** The base form in a dialog; the form (and its idempotency key) is made anew each time it opens. */
export function BaseFormDialog({
  isOpen,
  onClose,
  base,
  onReload,
}: {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly base?: Base;
  readonly onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isOpen}
      title={base ? t('channels.bases.edit') : t('channels.bases.create')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={820}
    >
      {/* Keyed by version: after a conflict's reload the form starts again from the fresh record. */}
      <BaseForm
        key={base ? `${base.id}:${base.version}` : 'new'}
        base={base}
        onReload={onReload}
        onDone={onClose}
      />
    </Modal>
  );
}
