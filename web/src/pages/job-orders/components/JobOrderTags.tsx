import type { JobOrderStatus, Urgency } from '@yonggong/shared';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Readonly<Record<JobOrderStatus, string>> = {
  draft: 'default',
  open: 'green',
  filled: 'blue',
  closed: 'default',
  expired: 'orange',
};

/** 草稿 / 招聘中 / 已招满 / 已关闭 / 已过期. */
export function JobOrderStatusTag({ status }: { readonly status: JobOrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`jobOrder.status.${status}`)}</Tag>;
}

const URGENCY_COLORS: Readonly<Record<Urgency, string | undefined>> = {
  normal: undefined,
  urgent: 'orange',
  critical: 'red',
};

/** 紧急 / 特急 as a coloured tag; ordinary orders get a plain one. */
export function UrgencyTag({ urgency }: { readonly urgency: Urgency }) {
  const { t } = useTranslation();
  return <Tag color={URGENCY_COLORS[urgency]}>{t(`jobOrder.urgency.${urgency}`)}</Tag>;
}
