import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../http/context.ts';
import { insertAuditEvents } from './audit.repository.ts';

/** Who acts, for the trail: a request's context, or the CLI/system with no actor. */
export interface AuditContext {
  readonly actorId: string | null;
  readonly requestId: string | null;
  readonly ip: string | null;
}

export const SYSTEM_AUDIT: AuditContext = { actorId: null, requestId: null, ip: null };

/** The audit context of a request. */
export function auditContextOf(ctx: RequestContext): AuditContext {
  return { actorId: ctx.actor.id, requestId: ctx.requestId, ip: ctx.ip };
}

export interface AuditEntry {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly summary: string;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
}

/**
 * Appends events to the audit trail. Call it with the transaction that makes the change, so the
 * change and its record commit together or not at all. Never put ID numbers or phones in
 * before/after: pass masked values.
 */
export async function recordAudit(
  db: Kysely<Database>,
  context: AuditContext,
  ...entries: readonly AuditEntry[]
): Promise<void> {
  await insertAuditEvents(
    db,
    entries.map((entry) => ({
      actor_id: context.actorId,
      request_id: context.requestId,
      ip: context.ip,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      summary: entry.summary,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
    })),
  );
}

/** The fields that differ between two snapshots, as the before/after pair the trail stores. */
export function diffSnapshots(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return Object.keys(changedAfter).length === 0 ? null : { before: changedBefore, after: changedAfter };
}
