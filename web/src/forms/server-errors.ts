import type { FieldIssue } from '@yonggong/shared';
import type { FormInstance } from 'antd';

/** One field's errors in the shape `form.setFields` takes. */
export interface FormFieldErrors {
  readonly name: (string | number)[];
  readonly errors: string[];
}

/** The server's dotted path (`contacts.0.phone`) as an antd name path (`['contacts', 0, 'phone']`). */
export function toNamePath(path: string): (string | number)[] {
  return path
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Splits a 400 reply's field issues into errors for fields the form shows and messages for
 * anything else (an issue on the whole body, on `version`, on a field this form does not render),
 * which the page lists above the form so that no problem goes unreported.
 */
export function splitFieldIssues(
  issues: readonly FieldIssue[],
  shownFields: ReadonlySet<string>,
): { fields: FormFieldErrors[]; others: string[] } {
  const byPath = new Map<string, string[]>();
  const others: string[] = [];
  for (const issue of issues) {
    const [top] = toNamePath(issue.path);
    if (typeof top !== 'string' || !shownFields.has(top)) {
      others.push(issue.message);
      continue;
    }
    const messages = byPath.get(issue.path) ?? [];
    messages.push(issue.message);
    byPath.set(issue.path, messages);
  }
  const fields = [...byPath].map(([path, errors]) => ({ name: toNamePath(path), errors }));
  return { fields, others };
}

/**
 * Shows a 400 reply's field issues on `form` and returns the messages that belong to no shown
 * field. The form is taken untyped on purpose: the paths come from the server at run time.
 */
export function applyServerFieldErrors(
  form: FormInstance,
  issues: readonly FieldIssue[],
  shownFields: ReadonlySet<string>,
): { firstField: (string | number)[] | undefined; others: string[] } {
  const { fields, others } = splitFieldIssues(issues, shownFields);
  form.setFields(fields);
  return { firstField: fields[0]?.name, others };
}
