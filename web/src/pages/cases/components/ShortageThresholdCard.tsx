import { caseSettingsUpdateBody, Permission } from '@yonggong/shared';
import { App, Button, Card, Descriptions, Flex, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseSettings, useSaveCaseSettings } from '../../../api/cases.ts';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../../app/use-can.ts';
import { describeError } from '../../../components/error-text.ts';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { buildSchemaItemProps } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';

interface ThresholdValues {
  readonly autoCaseMinPeople: number;
  readonly autoCaseMinPercent: number;
}

const SHOWN_FIELDS: ReadonlySet<string> = new Set(['autoCaseMinPeople', 'autoCaseMinPercent']);

/**
 * The rule that opens a 一企一策 case from an urgent shortage report: at least N people or N % of
 * the planned headcount (`GET/PUT /api/shortage-reports/settings`). Administrators
 * (`monitoring.settings`) edit it; everyone else reads it.
 */
export function ShortageThresholdCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const canEdit = useCan(Permission.MonitoringSettings);
  const settings = useCaseSettings();
  const save = useSaveCaseSettings();
  const [form] = Form.useForm<ThresholdValues>();
  const data = settings.data;

  useEffect(() => {
    if (data)
      form.setFieldsValue({
        autoCaseMinPeople: data.autoCaseMinPeople,
        autoCaseMinPercent: data.autoCaseMinPercent,
      });
  }, [data, form]);

  const submit = async (values: ThresholdValues) => {
    try {
      await save.mutateAsync(values);
      void message.success(t('cases.settings.saved'));
    } catch (error) {
      if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
        if (others.length > 0) void message.error(others.join('；'));
      } else void message.error(describeError(error, t, locale));
    }
  };

  return (
    <Card
      size="small"
      title={t('cases.settings.title')}
      style={{ marginBottom: 16 }}
      data-testid="shortage-threshold"
    >
      {settings.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : settings.isError || !data ? (
        <Typography.Text type="secondary">{describeError(settings.error, t, locale)}</Typography.Text>
      ) : canEdit ? (
        <Form<ThresholdValues>
          form={form}
          layout="inline"
          onFinish={(values) => void submit(values)}
          data-testid="shortage-threshold-form"
        >
          <Flex gap={8} wrap align="baseline">
            <Typography.Text>{t('cases.settings.rulePrefix')}</Typography.Text>
            <Form.Item
              name="autoCaseMinPeople"
              {...buildSchemaItemProps(caseSettingsUpdateBody, 'autoCaseMinPeople', locale)}
            >
              <InputNumber min={1} max={100_000} precision={0} suffix={t('cases.settings.people')} />
            </Form.Item>
            <Typography.Text>{t('cases.settings.or')}</Typography.Text>
            <Form.Item
              name="autoCaseMinPercent"
              {...buildSchemaItemProps(caseSettingsUpdateBody, 'autoCaseMinPercent', locale)}
            >
              <InputNumber min={1} max={100} precision={0} suffix="%" />
            </Form.Item>
            <Typography.Text>{t('cases.settings.ruleSuffix')}</Typography.Text>
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              data-testid="shortage-threshold-save"
            >
              {t('cases.settings.save')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('cases.settings.rule')}>
            {t('cases.settings.ruleText', {
              people: data.autoCaseMinPeople,
              percent: data.autoCaseMinPercent,
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {data && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('cases.settings.updatedAt', { date: data.updatedAt.slice(0, 10) })}
        </Typography.Text>
      )}
    </Card>
  );
}
