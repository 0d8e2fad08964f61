import { deactivateBody, type Enterprise } from '@yonggong/shared';
import { useTranslation } from 'react-i18next';
import { useDeactivateEnterprise } from '../../../api/enterprises.ts';
import { ReasonDialog } from '../../../components/ReasonDialog.tsx';
import { buildZodRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';

interface DeactivateDialogProps {
  readonly enterprise: Enterprise;
  readonly isOpen: boolean;
  readonly onClose: () => void;
  /** Someone else changed the record meanwhile: the page reloads it. */
  readonly onConflict: () => void;
}

/** Asks for the reason and deactivates the enterprise (it stays on record, marked inactive). */
export function DeactivateDialog({ enterprise, isOpen, onClose, onConflict }: DeactivateDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const deactivate = useDeactivateEnterprise(enterprise.id);
  return (
    <ReasonDialog
      isOpen={isOpen}
      onClose={onClose}
      onConflict={onConflict}
      title={t('enterprise.deactivate.title')}
      okText={t('enterprise.deactivate.submit')}
      label={t('enterprise.deactivate.reason')}
      placeholder={t('enterprise.deactivate.reasonPlaceholder')}
      successText={t('enterprise.detail.deactivated')}
      rules={[buildZodRule(deactivateBody, 'reason', locale)]}
      testIdPrefix="deactivate"
      onSubmit={(reason) => deactivate.mutateAsync({ reason, version: enterprise.version })}
    />
  );
}
