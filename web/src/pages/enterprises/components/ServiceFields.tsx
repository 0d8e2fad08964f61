import { type Enterprise, enterpriseCreateBody, KEY_LEVELS, Permission } from '@yonggong/shared';
import { Card, Col, Form, Row, Select } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../../api/users.ts';
import { useCan } from '../../../app/use-can.ts';
import { matchOptionLabel } from '../../../components/select-search.ts';
import { buildSchemaItemProps, buildZodRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';

interface ServiceFieldsProps {
  /** The liaison saved on the record, shown even if the directory no longer lists them. */
  readonly currentLiaison: Enterprise['liaison'];
  /** Key level and liaison are shown read-only (the user lacks `can.changeManagedFields`). */
  readonly isManagedReadOnly: boolean;
}

/**
 * Key-enterprise level and liaison officer. The liaison picker lists the liaison officers of the
 * chosen district; a key enterprise without one gets a warning (the field looks required) but may
 * still be saved, since the officer may be assigned later. Read-only, neither is validated nor is
 * the directory fetched.
 */
export function ServiceFields({ currentLiaison, isManagedReadOnly }: ServiceFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = Form.useFormInstance();
  const districtCode: string | undefined = Form.useWatch('districtCode', form);
  const keyLevel: string | undefined = Form.useWatch('keyLevel', form);
  const canReadDirectory = useCan(Permission.UserDirectoryRead);
  const canPickLiaison = canReadDirectory && Boolean(districtCode) && !isManagedReadOnly;
  const liaisons = useUserDirectory({ role: 'liaison', districtCode }, canPickLiaison);

  const options = (liaisons.data ?? []).map((user) => ({ value: user.id, label: user.displayName }));
  if (currentLiaison && !options.some((option) => option.value === currentLiaison.id))
    options.push({ value: currentLiaison.id, label: currentLiaison.displayName });

  const liaisonAdvice: RuleObject = {
    warningOnly: true,
    validator: async (_rule, value: string | null | undefined) => {
      if (form.getFieldValue('keyLevel') !== 'none' && !value)
        throw new Error(t('enterprise.form.liaisonRecommended'));
    },
  };

  const readOnlyHint = t('enterprise.form.managedByDistrict');
  // `undefined`, not `false`: an explicit `false` would override the form's own `disabled` while saving.
  const managedDisabled = isManagedReadOnly || undefined;

  return (
    <Card title={t('enterprise.form.sectionService')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="keyLevel"
            label={t('enterprise.fields.keyLevel')}
            {...(isManagedReadOnly
              ? { extra: readOnlyHint }
              : buildSchemaItemProps(enterpriseCreateBody, 'keyLevel', locale))}
          >
            <Select
              data-testid="ent-keyLevel"
              disabled={managedDisabled}
              options={KEY_LEVELS.map((level) => ({
                value: level,
                label: t(`enterprise.keyLevel.${level}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="liaisonUserId"
            label={t('enterprise.fields.liaisonUserId')}
            {...(isManagedReadOnly
              ? { extra: readOnlyHint }
              : {
                  required: keyLevel !== undefined && keyLevel !== 'none',
                  dependencies: ['keyLevel'],
                  rules: [buildZodRule(enterpriseCreateBody, 'liaisonUserId', locale), liaisonAdvice],
                })}
          >
            <Select
              data-testid="ent-liaisonUserId"
              allowClear
              showSearch={{ filterOption: matchOptionLabel }}
              loading={liaisons.isFetching}
              disabled={!canPickLiaison || undefined}
              placeholder={t(
                districtCode ? 'enterprise.form.liaisonPlaceholder' : 'enterprise.form.liaisonPickDistrict',
              )}
              options={options}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
