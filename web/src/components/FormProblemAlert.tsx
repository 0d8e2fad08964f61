import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/index.ts';
import { describeError } from './error-text.ts';

/** What went wrong on submit that is not one field's error. */
export type FormProblem =
  | { readonly kind: 'conflict' }
  | { readonly kind: 'unplaced'; readonly messages: readonly string[] }
  | { readonly kind: 'failed'; readonly error: unknown };

interface FormProblemAlertProps {
  readonly problem: FormProblem;
  /** Reloads the record after a version conflict. */
  readonly onReload?: () => void;
}

/** The alert above a form for a version conflict, issues on fields the form does not show, or a failure. */
export function FormProblemAlert({ problem, onReload }: FormProblemAlertProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const common = { showIcon: true, role: 'alert', style: { marginBottom: 16 } } as const;
  switch (problem.kind) {
    case 'conflict':
      return (
        <Alert
          {...common}
          type="warning"
          data-testid="form-conflict"
          title={t('form.conflictTitle')}
          description={t('form.conflictText')}
          action={
            onReload && (
              <Button size="small" type="primary" onClick={onReload} data-testid="form-conflict-reload">
                {t('form.reload')}
              </Button>
            )
          }
        />
      );
    case 'unplaced':
      return (
        <Alert
          {...common}
          type="error"
          title={t('form.otherErrors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problem.messages.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
        />
      );
    case 'failed':
      return (
        <Alert
          {...common}
          type="error"
          data-testid="form-failed"
          title={describeError(problem.error, t, locale)}
        />
      );
    default: {
      const exhaustive: never = problem;
      return exhaustive;
    }
  }
}
