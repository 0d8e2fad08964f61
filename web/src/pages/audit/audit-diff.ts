/**
 * Turns an audit event's `before` / `after` snapshots into a field-by-field list of what changed,
 * written for people: nested records (contacts, the liaison) become short text, ids are left out.
 */

export type AuditChange = 'added' | 'removed' | 'changed';

export interface AuditDiffRow {
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly change: AuditChange;
}

type Snapshot = Readonly<Record<string, unknown>> | null;

/** Bookkeeping fields that change on every write and say nothing to the reader. */
export const IGNORED_AUDIT_FIELDS: ReadonlySet<string> = new Set(['version', 'updatedAt', 'createdAt', 'id']);

/** Compares by content, independent of key order. */
function writeCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(writeCanonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${writeCanonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * A value as one line of text: '' for nothing, lists joined by '；', records as their non-id
 * values ("张三 经理 138****1234").
 */
export function formatAuditValue(value: unknown): string {
  if (isBlank(value)) return '';
  if (Array.isArray(value))
    return value
      .map(formatAuditValue)
      .filter((text) => text !== '')
      .join('；');
  if (typeof value === 'object' && value !== null)
    return Object.entries(value)
      .filter(([key]) => key !== 'id' && !key.endsWith('Id'))
      .map(([, inner]) => formatAuditValue(inner))
      .filter((text) => text !== '')
      .join(' ');
  return String(value);
}

/**
 * The fields that differ between `before` and `after`, in the order they appear (before's fields
 * first, then fields only `after` has). A creation has only `after`, a deletion only `before`.
 */
export function buildAuditDiff(
  before: Snapshot,
  after: Snapshot,
  ignored: ReadonlySet<string> = IGNORED_AUDIT_FIELDS,
): AuditDiffRow[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows: AuditDiffRow[] = [];
  for (const field of fields) {
    if (ignored.has(field)) continue;
    const old = before?.[field];
    const next = after?.[field];
    if (writeCanonical(old) === writeCanonical(next) || (isBlank(old) && isBlank(next))) continue;
    const change: AuditChange = isBlank(old) ? 'added' : isBlank(next) ? 'removed' : 'changed';
    rows.push({ field, before: formatAuditValue(old), after: formatAuditValue(next), change });
  }
  return rows;
}
