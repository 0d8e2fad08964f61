import { ENTERPRISE_SIZES, enterpriseCreateBody, type Region } from '@yonggong/shared';
import { Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { matchOptionLabel } from '../../../components/select-search.ts';
import { buildSchemaItemProps } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import type { ManagedField } from '../enterprise-form-values.ts';
import { listGroupedDivisionOptions } from '../industry-options.ts';

interface BasicFieldsProps {
  /** The districts this user may place an enterprise in. */
  readonly districts: readonly Region[];
  readonly isLoadingDistricts: boolean;
  /** The district saved on the record, shown even if it is not among `districts`. */
  readonly currentDistrict: { readonly code: string; readonly name: string } | null;
  /** Credit code, name and district are shown read-only (the user lacks `can.changeManagedFields`). */
  readonly isManagedReadOnly: boolean;
}

/**
 * Identity, industry, place and size of the enterprise form, validated by the shared schema. Fields
 * shown read-only are not validated: they are not sent, so the user could not fix them anyway.
 */
export function BasicFields({
  districts,
  isLoadingDistricts,
  currentDistrict,
  isManagedReadOnly,
}: BasicFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const itemProps = (field: keyof typeof enterpriseCreateBody.shape & string) =>
    buildSchemaItemProps(enterpriseCreateBody, field, locale);
  const managedItemProps = (field: ManagedField & keyof typeof enterpriseCreateBody.shape) =>
    isManagedReadOnly ? { extra: t('enterprise.form.managedByDistrict') } : itemProps(field);
  // `undefined`, not `false`: an explicit `false` would override the form's own `disabled` while saving.
  const managedDisabled = isManagedReadOnly || undefined;

  const districtOptions = districts.map((district) => ({ value: district.code, label: district.name }));
  if (currentDistrict && !districtOptions.some((option) => option.value === currentDistrict.code))
    districtOptions.push({ value: currentDistrict.code, label: currentDistrict.name });

  return (
    <Card title={t('enterprise.form.sectionBasics')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="creditCode"
            label={t('enterprise.fields.creditCode')}
            {...managedItemProps('creditCode')}
          >
            <Input
              disabled={managedDisabled}
              maxLength={18}
              autoComplete="off"
              data-testid="ent-creditCode"
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('enterprise.fields.name')} {...managedItemProps('name')}>
            <Input maxLength={100} disabled={managedDisabled} data-testid="ent-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="industryCode"
            label={t('enterprise.fields.industryCode')}
            {...itemProps('industryCode')}
          >
            <Select
              data-testid="ent-industryCode"
              placeholder={t('enterprise.form.industryPlaceholder')}
              showSearch={{ filterOption: matchOptionLabel }}
              options={listGroupedDivisionOptions(locale).map((group) => ({
                ...group,
                options: [...group.options],
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="districtCode"
            label={t('enterprise.fields.districtCode')}
            {...managedItemProps('districtCode')}
          >
            <Select
              data-testid="ent-districtCode"
              placeholder={t('enterprise.form.districtPlaceholder')}
              loading={isLoadingDistricts}
              disabled={managedDisabled}
              options={districtOptions}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={t('enterprise.fields.address')} {...itemProps('address')}>
            <Input maxLength={200} data-testid="ent-address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="size" label={t('enterprise.fields.size')} {...itemProps('size')}>
            <Select
              data-testid="ent-size"
              placeholder={t('enterprise.form.sizePlaceholder')}
              options={ENTERPRISE_SIZES.map((size) => ({ value: size, label: t(`enterprise.size.${size}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="employeeCount"
            label={t('enterprise.fields.employeeCount')}
            {...itemProps('employeeCount')}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="ent-employeeCount" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
