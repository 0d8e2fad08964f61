import type { EnterpriseStatus, KeyLevel } from '@yonggong/shared';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const KEY_LEVEL_COLORS: Readonly<Record<KeyLevel, string | undefined>> = {
  city: 'volcano',
  district: 'gold',
  none: undefined,
};

/** 市级重点 / 区级重点 as a coloured tag; nothing for ordinary enterprises. */
export function KeyLevelTag({ level }: { readonly level: KeyLevel }) {
  const { t } = useTranslation();
  if (level === 'none') return <span>{t('enterprise.keyLevel.none')}</span>;
  return <Tag color={KEY_LEVEL_COLORS[level]}>{t(`enterprise.keyLevel.${level}`)}</Tag>;
}

/** 正常 / 已停用. */
export function StatusTag({ status }: { readonly status: EnterpriseStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`enterprise.status.${status}`)}</Tag>;
}
