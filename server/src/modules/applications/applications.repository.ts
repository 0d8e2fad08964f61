import { type ApplicationStatus, OPEN_APPLICATION_STATUSES } from '@yonggong/shared';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { countRows } from '../../db/paging.ts';
import type { ApplicationRow, Database, PlacementRow } from '../../db/schema.ts';

/** The only SQL of the applications module (applications, their events, placements). */
export type ApplicationScope = (
  eb: ExpressionBuilder<Database & { e: Database['enterprises'] }, 'applications' | 'e'>,
) => Expression<SqlBool>;

export interface ApplicationView extends ApplicationRow {
  readonly worker_name: string;
  readonly worker_birth_date: string;
  readonly worker_sex: string;
  readonly worker_phone_masked: string;
  readonly job_order_title: string;
  readonly enterprise_name: string;
  readonly enterprise_district_code: string;
  readonly enterprise_liaison_user_id: string | null;
  readonly created_by_name: string | null;
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('applications')
    .innerJoin('enterprises as e', 'e.id', 'applications.enterprise_id')
    .innerJoin('workers as w', 'w.id', 'applications.worker_id')
    .innerJoin('job_orders as o', 'o.id', 'applications.job_order_id')
    .leftJoin('users as creator', 'creator.id', 'applications.created_by')
    .selectAll('applications')
    .select([
      'w.name as worker_name',
      'w.birth_date as worker_birth_date',
      'w.sex as worker_sex',
      'w.phone_masked as worker_phone_masked',
      'o.title as job_order_title',
      'e.name as enterprise_name',
      'e.district_code as enterprise_district_code',
      'e.liaison_user_id as enterprise_liaison_user_id',
      'creator.display_name as created_by_name',
    ]);
}

export interface ApplicationFilter {
  readonly jobOrderId?: string;
  readonly workerId?: string;
  readonly enterpriseId?: string;
  readonly status?: ApplicationStatus | 'open';
  readonly channel?: string;
}

export async function listApplications(
  db: Kysely<Database>,
  scope: ApplicationScope,
  filter: ApplicationFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: ApplicationView[]; total: number }> {
  let q = base(db).where(scope);
  if (filter.jobOrderId) q = q.where('applications.job_order_id', '=', filter.jobOrderId);
  if (filter.workerId) q = q.where('applications.worker_id', '=', filter.workerId);
  if (filter.enterpriseId) q = q.where('applications.enterprise_id', '=', filter.enterpriseId);
  if (filter.status === 'open') q = q.where('applications.status', 'in', [...OPEN_APPLICATION_STATUSES]);
  else if (filter.status) q = q.where('applications.status', '=', filter.status);
  if (filter.channel) q = q.where('applications.channel', '=', filter.channel as ApplicationRow['channel']);
  const total = await countRows(q);
  const rows = await q
    .orderBy('applications.updated_at', 'desc')
    .orderBy('applications.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total };
}

export async function findApplication(
  db: Kysely<Database>,
  scope: ApplicationScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApplicationView | undefined> {
  let q = base(db).where('applications.id', '=', id).where(scope);
  if (options.forUpdate) q = q.forUpdate('applications');
  return q.executeTakeFirst();
}

export async function insertApplication(
  db: Kysely<Database>,
  row: Pick<
    ApplicationRow,
    'worker_id' | 'job_order_id' | 'enterprise_id' | 'status' | 'channel' | 'note' | 'created_by'
  > & { readonly channel_ref?: string | null },
): Promise<ApplicationRow> {
  return db.insertInto('applications').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateApplicationStatus(
  db: Kysely<Database>,
  id: string,
  version: number | null,
  patch: { status: ApplicationStatus; hired_on?: string | null },
): Promise<ApplicationRow | undefined> {
  let q = db
    .updateTable('applications')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()`, last_action_at: sql`now()` })
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  return q.returningAll().executeTakeFirst();
}

export async function insertEvents(
  db: Kysely<Database>,
  events: readonly {
    application_id: string;
    from_status: ApplicationStatus | null;
    to_status: ApplicationStatus;
    actor_id: string | null;
    reason: string;
  }[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('application_events')
    .values([...events])
    .execute();
}

export async function listEvents(db: Kysely<Database>, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('application_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select([
      'ev.application_id',
      'ev.from_status',
      'ev.to_status',
      'ev.at',
      'ev.reason',
      'u.display_name as actor_name',
    ])
    .where('ev.application_id', 'in', [...applicationIds])
    .orderBy('ev.at')
    .orderBy('ev.id')
    .execute();
}

/** The worker's other open applications become obsolete (they were hired elsewhere). */
export async function obsoleteOtherOpenApplications(
  db: Kysely<Database>,
  workerId: string,
  exceptId: string,
): Promise<{ id: string; status: ApplicationStatus }[]> {
  const others = await db
    .selectFrom('applications')
    .select(['id', 'status'])
    .where('worker_id', '=', workerId)
    .where('id', '!=', exceptId)
    .where('status', 'in', [...OPEN_APPLICATION_STATUSES])
    .forUpdate()
    .execute();
  if (others.length > 0)
    await db
      .updateTable('applications')
      .set({
        status: 'obsolete',
        version: sql`version + 1`,
        updated_at: sql`now()`,
        last_action_at: sql`now()`,
      })
      .where(
        'id',
        'in',
        others.map((other) => other.id),
      )
      .execute();
  return others;
}

/** Open applications without action since `before` become expired; returns them. */
export async function expireStaleApplications(db: Kysely<Database>, before: Date) {
  return db
    .updateTable('applications')
    .set({ status: 'expired', version: sql`version + 1`, updated_at: sql`now()` })
    .where('status', 'in', [...OPEN_APPLICATION_STATUSES])
    .where('last_action_at', '<', before)
    .returning(['id', 'status'])
    .execute();
}

export async function findWorkerForApplication(db: Kysely<Database>, workerId: string) {
  return db
    .selectFrom('workers')
    .select(['id', 'name', 'status', 'source_channel', 'source_ref'])
    .where('id', '=', workerId)
    .executeTakeFirst();
}

export async function setWorkerStatus(
  db: Kysely<Database>,
  workerId: string,
  status: 'available' | 'employed',
): Promise<void> {
  await db
    .updateTable('workers')
    .set({ status, updated_at: sql`now()` })
    .where('id', '=', workerId)
    .execute();
}

export async function insertPlacement(
  db: Kysely<Database>,
  row: Pick<
    PlacementRow,
    'application_id' | 'worker_id' | 'job_order_id' | 'enterprise_id' | 'channel' | 'channel_ref' | 'hired_on'
  >,
): Promise<PlacementRow> {
  return db.insertInto('placements').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deletePlacementOf(db: Kysely<Database>, applicationId: string): Promise<void> {
  await db.deleteFrom('placements').where('application_id', '=', applicationId).execute();
}

export async function findPlacementApplicationId(
  db: Kysely<Database>,
  placementId: string,
): Promise<{ applicationId: string; endedOn: string | null } | null> {
  const row = await db
    .selectFrom('placements')
    .select(['application_id', 'ended_on'])
    .where('id', '=', placementId)
    .executeTakeFirst();
  return row ? { applicationId: row.application_id, endedOn: row.ended_on } : null;
}

export async function endPlacement(
  db: Kysely<Database>,
  applicationId: string,
  endedOn: string,
): Promise<boolean> {
  const result = await db
    .updateTable('placements')
    .set({ ended_on: endedOn })
    .where('application_id', '=', applicationId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function confirmRetention(
  db: Kysely<Database>,
  applicationId: string,
  checkpoint: 30 | 90,
  retained: boolean,
  actorId: string,
): Promise<void> {
  const value = retained ? 'yes' : 'no';
  const q =
    checkpoint === 30
      ? db
          .updateTable('placements')
          .set({ retained_30: value, retained_30_by: actorId, retained_30_at: sql`now()` })
      : db
          .updateTable('placements')
          .set({ retained_90: value, retained_90_by: actorId, retained_90_at: sql`now()` });
  await q.where('application_id', '=', applicationId).execute();
}

/** Placements whose application the caller may see (the applications scope decides). */
export async function listPlacements(
  db: Kysely<Database>,
  scope: ApplicationScope,
  filter: {
    enterpriseId?: string;
    jobOrderId?: string;
    workerId?: string;
    channel?: string;
    hiredFrom?: string;
    hiredTo?: string;
  },
  page: { page: number; pageSize: number },
) {
  let q = db
    .selectFrom('placements')
    .innerJoin('enterprises as e', 'e.id', 'placements.enterprise_id')
    .innerJoin('workers as w', 'w.id', 'placements.worker_id')
    .innerJoin('job_orders as o', 'o.id', 'placements.job_order_id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('applications')
          .innerJoin('enterprises as e', 'e.id', 'applications.enterprise_id')
          .select('applications.id')
          .whereRef('applications.id', '=', 'placements.application_id')
          .where(scope),
      ),
    );
  if (filter.enterpriseId) q = q.where('placements.enterprise_id', '=', filter.enterpriseId);
  if (filter.jobOrderId) q = q.where('placements.job_order_id', '=', filter.jobOrderId);
  if (filter.workerId) q = q.where('placements.worker_id', '=', filter.workerId);
  if (filter.channel) q = q.where('placements.channel', '=', filter.channel as PlacementRow['channel']);
  if (filter.hiredFrom) q = q.where('placements.hired_on', '>=', filter.hiredFrom);
  if (filter.hiredTo) q = q.where('placements.hired_on', '<=', filter.hiredTo);
  const total = await countRows(q);
  const rows = await q
    .selectAll('placements')
    .select(['w.name as worker_name', 'o.title as job_order_title', 'e.name as enterprise_name'])
    .orderBy('placements.hired_on', 'desc')
    .orderBy('placements.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total };
}

export type WorkerScope = (eb: ExpressionBuilder<Database, 'workers'>) => Expression<SqlBool>;

/** A worker the caller may see (through the workers module's scope), with what a new application needs. */
export async function findVisibleWorker(db: Kysely<Database>, scope: WorkerScope, workerId: string) {
  return db
    .selectFrom('workers')
    .select(['id', 'name', 'status', 'source_channel', 'source_ref'])
    .where('id', '=', workerId)
    .where(scope)
    .executeTakeFirst();
}
