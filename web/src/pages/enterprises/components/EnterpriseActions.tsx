import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { Enterprise } from '@yonggong/shared';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useReactivateEnterprise } from '../../../api/enterprises.ts';
import { ButtonLink } from '../../../components/ButtonLink.tsx';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';
import { DeactivateDialog } from './DeactivateDialog.tsx';

interface EnterpriseActionsProps {
  readonly enterprise: Enterprise;
  /** Reloads the record after a version conflict. */
  readonly onReload: () => void;
}

/** Edit / deactivate / reactivate, each shown only when the record's `can` allows it. */
export function EnterpriseActions({ enterprise, onReload }: EnterpriseActionsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [isDeactivateOpen, setIsDeactivateOpen] = useState(false);
  const reactivate = useReactivateEnterprise(enterprise.id);

  const reportConflict = () => {
    void message.warning(t('enterprise.detail.conflict'));
    onReload();
  };

  const reactivateNow = () =>
    reactivate.mutate(
      { version: enterprise.version },
      {
        onSuccess: () => void message.success(t('enterprise.detail.reactivated')),
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) reportConflict();
          else void message.error(describeError(error, t, locale));
        },
      },
    );

  const isActive = enterprise.status === 'active';
  return (
    <>
      {enterprise.can.update && (
        <ButtonLink
          to={`/enterprises/${enterprise.id}/edit`}
          type="primary"
          icon={<EditOutlined />}
          data-testid="enterprise-edit"
        >
          {t('enterprise.detail.edit')}
        </ButtonLink>
      )}
      {enterprise.can.deactivate && isActive && (
        <Button
          danger
          icon={<StopOutlined />}
          data-testid="enterprise-deactivate"
          onClick={() => setIsDeactivateOpen(true)}
        >
          {t('enterprise.detail.deactivate')}
        </Button>
      )}
      {enterprise.can.deactivate && !isActive && (
        <Popconfirm title={t('enterprise.detail.reactivateConfirm')} onConfirm={reactivateNow}>
          <Button icon={<UndoOutlined />} loading={reactivate.isPending} data-testid="enterprise-reactivate">
            {t('enterprise.detail.reactivate')}
          </Button>
        </Popconfirm>
      )}
      <DeactivateDialog
        enterprise={enterprise}
        isOpen={isDeactivateOpen}
        onClose={() => setIsDeactivateOpen(false)}
        onConflict={reportConflict}
      />
    </>
  );
}
