import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { previewIdNumber } from '../id-preview.ts';

/**
 * Under the ID number field: the birth date, age and sex the number encodes, read-only, once it is
 * valid; before that a hint that they need not be entered.
 */
export function IdPreview({ idNumber }: { readonly idNumber: string | undefined }) {
  const { t } = useTranslation();
  const preview = previewIdNumber(idNumber);
  if (!preview) return <span>{t('worker.form.idHint')}</span>;
  return (
    <Flex vertical gap={2} data-testid="wk-id-preview">
      <Flex gap={6} wrap align="center">
        <Typography.Text type="secondary">{t('worker.form.derived')}</Typography.Text>
        <Tag data-testid="wk-birthDate">
          {t('worker.fields.birthDate')} {preview.birthDate}
        </Tag>
        <Tag data-testid="wk-age">
          {t('worker.fields.age')} {preview.age}
        </Tag>
        <Tag data-testid="wk-sex">
          {t('worker.fields.sex')} {t(`sex.${preview.sex}`)}
        </Tag>
      </Flex>
      {preview.convertedFrom15 && (
        <Typography.Text type="warning">
          {t('worker.form.converted', { idNumber: preview.idNumber })}
        </Typography.Text>
      )}
    </Flex>
  );
}
