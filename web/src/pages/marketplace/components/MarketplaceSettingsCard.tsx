import { type MarketplaceSettings, Permission } from '@yonggong/shared';
import { App, Button, Card, Descriptions, Form, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useMarketplaceSettings, useUpdateMarketplaceSettings } from '../../../api/marketplace.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { describeError } from '../../../components/error-text.ts';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { useLocale } from '../../../i18n/index.ts';

const NUMBER_FIELDS = [
  ['tierDelayMinutes', 0, 10_080, 1],
  ['tier1MinRating', 1, 5, 0.1],
  ['tier1MinReviews', 1, 1000, 1],
  ['claimLapseHours', 1, 720, 1],
  ['ownershipWindowDays', 1, 730, 1],
] as const;
const SHOWN_FIELDS: ReadonlySet<string> = new Set([
  ...NUMBER_FIELDS.map(([name]) => name),
  'settlementRetentionDays',
]);

/**
 * The marketplace's rules (who sees a listing first and when, claim lapse, candidate ownership,
 * when fees fall due): read by every officer, changed by administrators (audited server-side).
 */
export function MarketplaceSettingsCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const { permissions } = useAuth();
  const settings = useMarketplaceSettings();
  const update = useUpdateMarketplaceSettings();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<MarketplaceSettings>();
  const canEdit = permissions.has(Permission.MarketplaceSettings);

  const save = async (values: MarketplaceSettings) => {
    try {
      await update.mutateAsync(values);
      message.success(t('marketplace.settings.saved'));
      setEditing(false);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
        for (const text of others) message.error(text);
      } else message.error(describeError(error, t, locale));
    }
  };

  return (
    <Card
      title={t('marketplace.settings.title')}
      style={{ marginTop: 16 }}
      loading={settings.isPending}
      extra={
        canEdit &&
        settings.data &&
        !editing && (
          <Button
            data-testid="marketplace-settings-edit"
            onClick={() => {
              form.setFieldsValue(settings.data);
              setEditing(true);
            }}
          >
            {t('marketplace.settings.edit')}
          </Button>
        )
      }
    >
      {settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : editing ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          style={{ maxWidth: 480 }}
        >
          {NUMBER_FIELDS.map(([name, min, max, step]) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`marketplace.settings.${name}`)}
              extra={t(`marketplace.settings.${name}Help`)}
              rules={[{ required: true, message: t('marketplace.settings.required') }]}
            >
              <InputNumber min={min} max={max} step={step} style={{ width: 200 }} />
            </Form.Item>
          ))}
          <Form.Item name="settlementRetentionDays" label={t('marketplace.settings.settlementRetentionDays')}>
            <Radio.Group options={[30, 90].map((days) => ({ value: days, label: `${days}` }))} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={update.isPending}
            data-testid="marketplace-settings-save"
          >
            {t('marketplace.settings.save')}
          </Button>
          <Button style={{ marginLeft: 8 }} onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </Form>
      ) : (
        settings.data && (
          <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="marketplace-settings">
            {NUMBER_FIELDS.map(([name]) => (
              <Descriptions.Item key={name} label={t(`marketplace.settings.${name}`)}>
                {settings.data[name]}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('marketplace.settings.settlementRetentionDays')}>
              {settings.data.settlementRetentionDays}
            </Descriptions.Item>
          </Descriptions>
        )
      )}
    </Card>
  );
}
