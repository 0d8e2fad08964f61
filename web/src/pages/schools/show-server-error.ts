import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import { applyServerFieldErrors } from '../../forms/server-errors.ts';

/**
 * A refused save of the schools pages' forms: field issues onto the form's fields, anything else
 * (a conflict, an issue of a field not on the form) as one message in the user's language.
 */
export function showServerError(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  notify: (text: string) => void,
): void {
  if (!(error instanceof ApiError)) {
    notify(String(error));
    return;
  }
  const { others } = applyServerFieldErrors(form, error.fieldErrors, new Set(fields));
  if (others.length > 0) notify(others.join('；'));
  else if (error.fieldErrors.length === 0) notify(error.detail || error.code);
}
