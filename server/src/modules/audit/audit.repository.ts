import { type Insertable, type Kysely, sql } from 'kysely';
import type { AuditEventsTable, Database } from '../../db/schema.ts';

/** The only SQL of the audit module. The table is append-only (a trigger refuses changes). */

const CHUNK = 500;

export async function insertAuditEvents(
  db: Kysely<Database>,
  rows: readonly Insertable<AuditEventsTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('audit_events')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export interface AuditFilter {
  readonly entityType?: string;
  readonly entityId?: string;
  readonly actorId?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
}

export async function listAuditEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { page: number; pageSize: number },
) {
  let query = db.selectFrom('audit_events as a').leftJoin('users as u', 'u.id', 'a.actor_id');
  if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('a.actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('a.action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.from) query = query.where('a.at', '>=', sql<Date>`${filter.from}::date`);
  if (filter.to) query = query.where('a.at', '<', sql<Date>`${filter.to}::date + 1`);
  const [rows, count] = await Promise.all([
    query
      .select([
        'a.id',
        'a.at',
        'a.actor_id',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.summary',
        'a.before',
        'a.after',
        'a.request_id',
        'a.ip',
        'u.username as actor_username',
        'u.display_name as actor_display_name',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export type AuditListRow = Awaited<ReturnType<typeof listAuditEvents>>['rows'][number];
