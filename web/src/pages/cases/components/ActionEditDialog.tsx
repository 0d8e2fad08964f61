import { type CaseAction, caseActionUpdateBody } from '@yonggong/shared';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateCaseAction } from '../../../api/cases.ts';
import { isApiError } from '../../../api/client.ts';
import { type FormProblem, FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { buildSchemaItemProps } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import { ColleagueSelect } from './ColleagueSelect.tsx';

interface ActionEditValues {
  readonly ownerUserId: string | null;
  readonly ownerText: string;
  readonly dueOn: string;
}

const SHOWN_FIELDS: ReadonlySet<string> = new Set(['ownerUserId', 'ownerText', 'dueOn']);

interface ActionEditDialogProps {
  readonly caseId: string;
  readonly districtCode: string;
  /** The action being edited; null: the dialog is closed. */
  readonly action: CaseAction | null;
  /** The day the case opened: no due date before it. */
  readonly openedOn: string;
  readonly onClose: () => void;
  /** Reload the case after a version conflict. */
  readonly onConflict: () => void;
}

/**
 * Reassign an action (to a colleague of the enterprise's district, or to a named party such as
 * 企业人事部) and move its due date. Sends only what changed, with the version it loaded.
 */
export function ActionEditDialog({
  caseId,
  districtCode,
  action,
  openedOn,
  onClose,
  onConflict,
}: ActionEditDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionEditValues>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const update = useUpdateCaseAction(caseId);
  const knownOwners = useMemo(
    (): Record<string, string> =>
      action?.ownerUserId && action.ownerName ? { [action.ownerUserId]: action.ownerName } : {},
    [action],
  );

  useEffect(() => {
    if (!action) return;
    setProblem(null);
    form.setFieldsValue({
      ownerUserId: action.ownerUserId,
      ownerText: action.ownerText,
      dueOn: action.dueOn,
    });
  }, [action, form]);

  const save = async () => {
    if (!action) return;
    const values = await form.validateFields();
    const ownerUserId = values.ownerUserId ?? null;
    const ownerText = values.ownerText ?? '';
    try {
      await update.mutateAsync({
        actionId: action.id,
        version: action.version,
        ...(ownerUserId !== action.ownerUserId ? { ownerUserId } : {}),
        ...(ownerText !== action.ownerText ? { ownerText } : {}),
        ...(values.dueOn !== action.dueOn ? { dueOn: values.dueOn } : {}),
      });
      void message.success(t('cases.detail.actionUpdated'));
      onClose();
    } catch (error) {
      if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, SHOWN_FIELDS);
        if (others.length > 0) setProblem({ kind: 'unplaced', messages: others });
      } else if (isApiError(error, 'version_conflict')) {
        setProblem({ kind: 'conflict' });
      } else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <Modal
      open={action !== null}
      title={t('cases.detail.editAction', { title: action?.title ?? '' })}
      okText={t('cases.detail.saveAction')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'action-edit-save' }}
    >
      {problem && (
        <FormProblemAlert
          problem={problem}
          onReload={() => {
            onConflict();
            onClose();
          }}
        />
      )}
      <Form<ActionEditValues> form={form} layout="vertical" data-testid="action-edit-form">
        <Form.Item
          name="ownerUserId"
          label={t('cases.detail.actionOwner')}
          extra={t('cases.detail.ownerHint')}
        >
          <ColleagueSelect
            districtCode={districtCode}
            knownNames={knownOwners}
            data-testid="action-edit-owner"
          />
        </Form.Item>
        <Form.Item
          name="ownerText"
          label={t('cases.detail.actionOwnerText')}
          {...buildSchemaItemProps(caseActionUpdateBody, 'ownerText', locale)}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('cases.detail.actionDue')}
          rules={[{ required: true }]}
          {...isoDateItemProps}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') < openedOn}
            data-testid="action-edit-due"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
