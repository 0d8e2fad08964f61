import { LOCALES, type Locale } from '@yonggong/shared';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { useChangeLocale } from '../use-change-locale.ts';

/** 中文 | English. Each option is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const changeLocale = useChangeLocale();
  return (
    <Segmented<Locale>
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size="small"
      value={locale}
      options={LOCALES.map((value) => ({ value, label: t(`language.${value}`, { lng: value }) }))}
      onChange={(value) => void changeLocale(value)}
    />
  );
}
