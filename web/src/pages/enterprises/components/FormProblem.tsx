import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ButtonLink.tsx';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';

/** What went wrong on submit that is not a single field's error. */
export type FormProblemState =
  | { readonly kind: 'duplicate'; readonly detail: string; readonly existingId: string | undefined }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'unplaced'; readonly messages: readonly string[] }
  | { readonly kind: 'failed'; readonly error: unknown };

interface FormProblemProps {
  readonly problem: FormProblemState;
  readonly onReload: () => void;
}

/** The alert above the enterprise form for a duplicate, a version conflict, or any other failure. */
export function FormProblem({ problem, onReload }: FormProblemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const common = { showIcon: true, role: 'alert', style: { marginBottom: 16 } } as const;
  switch (problem.kind) {
    case 'duplicate':
      return (
        <Alert
          {...common}
          type="error"
          data-testid="form-duplicate"
          title={t('enterprise.form.duplicateTitle')}
          description={problem.detail}
          action={
            problem.existingId && (
              <ButtonLink
                size="small"
                to={`/enterprises/${problem.existingId}`}
                data-testid="form-duplicate-open"
              >
                {t('enterprise.form.openExisting')}
              </ButtonLink>
            )
          }
        />
      );
    case 'conflict':
      return (
        <Alert
          {...common}
          type="warning"
          data-testid="form-conflict"
          title={t('enterprise.form.conflictTitle')}
          description={t('enterprise.form.conflictText')}
          action={
            <Button size="small" type="primary" onClick={onReload} data-testid="form-conflict-reload">
              {t('enterprise.form.reload')}
            </Button>
          }
        />
      );
    case 'unplaced':
      return (
        <Alert
          {...common}
          type="error"
          title={t('enterprise.form.otherErrors')}
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
      return <Alert {...common} type="error" title={describeError(problem.error, t, locale)} />;
    default: {
      const exhaustive: never = problem;
      return exhaustive;
    }
  }
}
