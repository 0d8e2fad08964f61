import { OPEN_APPLICATION_STATUSES, type TrainingListQuery } from '@yonggong/shared';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SqlBool,
  sql,
} from 'kysely';
import { listPage, textSearch } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type {
  TrainingEnrolmentRow,
  TrainingProgrammeRow,
  TrainingProgrammesTable,
} from '../../db/schema-channels.ts';

/** The only SQL of the trainings module. */
export type TrainingScope = (eb: ExpressionBuilder<Database, 'training_programmes'>) => Expression<SqlBool>;
export type ProgrammePatch = Partial<
  Omit<TrainingProgrammeRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'taken'>
>;

export async function listProgrammes(
  db: Kysely<Database>,
  scope: TrainingScope,
  query: TrainingListQuery,
  today: string,
): Promise<{ rows: TrainingProgrammeRow[]; total: number }> {
  let q = db.selectFrom('training_programmes').selectAll('training_programmes').where(scope);
  if (query.jobOrderId) q = q.where('training_programmes.job_order_id', '=', query.jobOrderId);
  if (query.phase === 'upcoming') q = q.where('training_programmes.starts_on', '>', today);
  if (query.phase === 'running')
    q = q
      .where('training_programmes.starts_on', '<=', today)
      .where('training_programmes.ends_on', '>=', today);
  if (query.phase === 'finished') q = q.where('training_programmes.ends_on', '<', today);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      textSearch(eb, text, { text: ['training_programmes.name', 'training_programmes.provider'] }),
    );
  }
  return listPage(
    q,
    query,
    {
      name: (q) => q.orderBy('training_programmes.name'),
      startsOn: (q) => q.orderBy('training_programmes.starts_on', 'asc'),
      '-startsOn': (q) => q.orderBy('training_programmes.starts_on', 'desc'),
    },
    'training_programmes.id',
  );
}

export async function findProgramme(
  db: Kysely<Database>,
  scope: TrainingScope,
  id: string,
): Promise<TrainingProgrammeRow | undefined> {
  return db
    .selectFrom('training_programmes')
    .selectAll()
    .where('id', '=', id)
    .where(scope)
    .executeTakeFirst();
}

export async function insertProgramme(
  db: Kysely<Database>,
  row: Insertable<TrainingProgrammesTable>,
): Promise<TrainingProgrammeRow> {
  return db.insertInto('training_programmes').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateProgrammeVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: ProgrammePatch,
): Promise<TrainingProgrammeRow | undefined> {
  return db
    .updateTable('training_programmes')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The linked job orders of programmes, with their enterprises' names. */
export async function findLinkedOrders(db: Kysely<Database>, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('job_orders')
    .innerJoin('enterprises', 'enterprises.id', 'job_orders.enterprise_id')
    .select([
      'job_orders.id',
      'job_orders.title',
      'job_orders.status',
      'job_orders.headcount',
      'job_orders.filled',
      'job_orders.enterprise_id',
      'enterprises.name as enterprise_name',
    ])
    .where('job_orders.id', 'in', [...orderIds])
    .execute();
}

/** Enrolled, completed and dropped trainees per programme. */
export async function enrolmentCounts(db: Kysely<Database>, ids: readonly string[]) {
  const result = new Map<string, { enrolled: number; completed: number; dropped: number }>();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('training_enrolments')
    .select([
      'programme_id',
      sql<number>`(count(*) FILTER (WHERE status = 'enrolled'))::int`.as('enrolled'),
      sql<number>`(count(*) FILTER (WHERE status = 'completed'))::int`.as('completed'),
      sql<number>`(count(*) FILTER (WHERE status = 'dropped'))::int`.as('dropped'),
    ])
    .where('programme_id', 'in', [...ids])
    .groupBy('programme_id')
    .execute();
  for (const row of rows)
    result.set(row.programme_id, {
      enrolled: Number(row.enrolled),
      completed: Number(row.completed),
      dropped: Number(row.dropped),
    });
  return result;
}

export async function listEnrolments(db: Kysely<Database>, programmeId: string) {
  return db
    .selectFrom('training_enrolments as en')
    .innerJoin('workers as w', 'w.id', 'en.worker_id')
    .selectAll('en')
    .select(['w.name as worker_name', 'w.sex as worker_sex', 'w.birth_date as worker_birth_date'])
    .where('en.programme_id', '=', programmeId)
    .orderBy('en.enrolled_at')
    .orderBy('en.id')
    .execute();
}

/**
 * Takes a seat when one is free — the conditional update is the seat rule: of two enrolments for
 * the last seat, one updates the row and the other finds `taken = seats` and gets nothing.
 */
export async function takeSeat(db: Kysely<Database>, programmeId: string): Promise<boolean> {
  const row = await db
    .updateTable('training_programmes')
    .set({ taken: sql`taken + 1`, updated_at: sql`now()` })
    .where('id', '=', programmeId)
    .whereRef('taken', '<', 'seats')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function releaseSeat(db: Kysely<Database>, programmeId: string): Promise<void> {
  await db
    .updateTable('training_programmes')
    .set({ taken: sql`taken - 1`, updated_at: sql`now()` })
    .where('id', '=', programmeId)
    .where('taken', '>', 0)
    .execute();
}

export async function findEnrolmentOf(
  db: Kysely<Database>,
  programmeId: string,
  workerId: string,
): Promise<TrainingEnrolmentRow | undefined> {
  return db
    .selectFrom('training_enrolments')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('worker_id', '=', workerId)
    .executeTakeFirst();
}

export async function findEnrolment(
  db: Kysely<Database>,
  programmeId: string,
  enrolmentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TrainingEnrolmentRow | undefined> {
  let q = db
    .selectFrom('training_enrolments')
    .selectAll()
    .where('id', '=', enrolmentId)
    .where('programme_id', '=', programmeId);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertEnrolment(
  db: Kysely<Database>,
  row: { programme_id: string; worker_id: string; enrolled_by: string },
): Promise<TrainingEnrolmentRow> {
  return db.insertInto('training_enrolments').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function setEnrolment(
  db: Kysely<Database>,
  enrolmentId: string,
  patch: Partial<Pick<TrainingEnrolmentRow, 'status' | 'certificate' | 'completed_on' | 'application_id'>>,
): Promise<void> {
  await db
    .updateTable('training_enrolments')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', enrolmentId)
    .execute();
}

/** A trainee's worker row, locked for the certificate and skill update. */
export async function findWorkerForUpdate(db: Kysely<Database>, workerId: string) {
  return db
    .selectFrom('workers')
    .select(['id', 'name', 'status', 'skills', 'certificates', 'version'])
    .where('id', '=', workerId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setWorkerQualifications(
  db: Kysely<Database>,
  workerId: string,
  values: { skills: string[]; certificates: string[]; updated_by: string },
): Promise<void> {
  await db
    .updateTable('workers')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', workerId)
    .execute();
}

/** The worker's open application to the order, if any. */
export async function findOpenApplication(db: Kysely<Database>, workerId: string, orderId: string) {
  return db
    .selectFrom('applications')
    .select('id')
    .where('worker_id', '=', workerId)
    .where('job_order_id', '=', orderId)
    .where('status', 'in', [...OPEN_APPLICATION_STATUSES])
    .executeTakeFirst();
}
