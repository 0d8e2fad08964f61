import type { CaseActionStatus, CaseCategory, CaseStatus, VisitKind } from '@yonggong/shared';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Readonly<Record<CaseStatus, string>> = {
  open: 'blue',
  in_progress: 'processing',
  resolved: 'success',
  cancelled: 'default',
};

const CATEGORY_COLOURS: Readonly<Record<CaseCategory, string>> = {
  shortage: 'volcano',
  retention: 'gold',
  policy: 'cyan',
  training: 'geekblue',
  other: 'default',
};

export function CaseStatusTag({ status }: { readonly status: CaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`cases.status.${status}`)}</Tag>;
}

export function CaseCategoryTag({ category }: { readonly category: CaseCategory }) {
  const { t } = useTranslation();
  return <Tag color={CATEGORY_COLOURS[category]}>{t(`cases.category.${category}`)}</Tag>;
}

export function ActionStatusTag({
  status,
  isOverdue,
}: {
  readonly status: CaseActionStatus;
  readonly isOverdue: boolean;
}) {
  const { t } = useTranslation();
  if (isOverdue)
    return (
      <Tag color="red" data-testid="action-overdue">
        {t('cases.detail.overdue')}
      </Tag>
    );
  return <Tag color={status === 'done' ? 'success' : 'default'}>{t(`cases.actionStatus.${status}`)}</Tag>;
}

export function VisitKindTag({ kind }: { readonly kind: VisitKind }) {
  const { t } = useTranslation();
  const colour = kind === 'visit' ? 'green' : kind === 'phone' ? 'blue' : 'purple';
  return <Tag color={colour}>{t(`cases.kind.${kind}`)}</Tag>;
}
