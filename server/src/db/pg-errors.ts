/**
 * Recognising PostgreSQL errors (both drivers — pg and PGlite — expose the SQLSTATE as `code` and
 * the constraint as `constraint`, PGlite sometimes only in the message).
 */

/** A unique violation (23505), optionally of the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== '23505')
    return false;
  if (constraint === undefined) return true;
  const named = 'constraint' in error && typeof error.constraint === 'string' ? error.constraint : '';
  const message = error instanceof Error ? error.message : '';
  return named === constraint || message.includes(constraint);
}
