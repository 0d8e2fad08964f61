import type { FieldIssue } from '@yonggong/shared';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { type ClientErrorCode, isApiError } from '../api/client.ts';
import type { FormProblem } from '../components/FormProblemAlert.tsx';
import { applyServerFieldErrors } from './server-errors.ts';

interface ServerProblemOptions {
  /** The error codes whose field issues land on the fields (default: `validation_failed`). */
  readonly fieldErrorCodes?: readonly ClientErrorCode[];
  /** The server's path of an issue as the form's (a body field the form shows under another name). */
  readonly toFormPath?: (path: string) => string;
}

/**
 * What a failed submit shows: the server's field issues on the fields (scrolling to the first),
 * the rest — issues on fields the form does not show, a version conflict, any other failure — as
 * the `problem` for `FormProblemAlert` above the form.
 */
export function useServerProblems(
  form: FormInstance,
  shownFields: ReadonlySet<string>,
  { fieldErrorCodes = ['validation_failed'], toFormPath }: ServerProblemOptions = {},
) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const showServerError = (error: unknown) => {
    if (isApiError(error, ...fieldErrorCodes) && error.fieldErrors.length > 0) {
      const issues: readonly FieldIssue[] = toFormPath
        ? error.fieldErrors.map((issue) => ({ ...issue, path: toFormPath(issue.path) }))
        : error.fieldErrors;
      const { firstField, others } = applyServerFieldErrors(form, issues, shownFields);
      if (firstField) form.scrollToField(firstField, { block: 'center' });
      setProblem(others.length > 0 ? { kind: 'unplaced', messages: others } : null);
    } else if (isApiError(error, 'version_conflict')) {
      setProblem({ kind: 'conflict' });
    } else {
      setProblem({ kind: 'failed', error });
    }
  };
  return { problem, clearProblem: () => setProblem(null), showServerError };
}
