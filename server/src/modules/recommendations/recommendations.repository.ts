import type { ApplicationStatus } from '@yonggong/shared';
import { OPEN_APPLICATION_STATUSES } from '@yonggong/shared';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { WorkerScopeClause } from '../workers/workers.policy.ts';

/**
 * The SQL of matching: what the engine scores (open orders with places left, available workers),
 * what the API shows next to a result, and the stored lists of the batch (`recommendations`,
 * `match_runs`; migration 20261122_0400). Loads are set-based and column-lean: at city scale they
 * read a million workers.
 */

export interface MatchOrderRow {
  readonly id: string;
  readonly enterprise_id: string;
  readonly occupation_code: string;
  readonly remaining: number;
  readonly wage_min: number;
  readonly wage_max: number;
  readonly age_min: number | null;
  readonly age_max: number | null;
  readonly education_min: string;
  readonly certificates: string[];
  readonly skills: string[];
  readonly district_code: string;
  readonly dormitory: boolean;
  readonly deadline: string;
  readonly created_at: Date;
  readonly key_level: string;
  readonly urgency: string;
}

/**
 * Open orders with places left whose deadline has not passed (`today`: YYYY-MM-DD); or the given
 * orders whatever their state (a draft can be previewed).
 */
export async function loadMatchOrders(
  db: Kysely<Database>,
  today: string,
  ids?: readonly string[],
): Promise<MatchOrderRow[]> {
  let query = db
    .selectFrom('job_orders as o')
    .innerJoin('enterprises as e', 'e.id', 'o.enterprise_id')
    .select([
      'o.id',
      'o.enterprise_id',
      'o.occupation_code',
      sql<number>`o.headcount - o.filled`.as('remaining'),
      'o.wage_min',
      'o.wage_max',
      'o.age_min',
      'o.age_max',
      'o.education_min',
      'o.certificates',
      'o.skills',
      'o.district_code',
      'o.dormitory',
      'o.deadline',
      'o.created_at',
      'e.key_level',
      'o.urgency',
    ])
    .orderBy('o.created_at')
    .orderBy('o.id');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('o.id', 'in', [...ids]);
  } else
    query = query
      .where('o.status', '=', 'open')
      .where('o.deadline', '>=', today)
      .whereRef('o.filled', '<', 'o.headcount');
  return query.execute();
}

export interface MatchWorkerRow {
  readonly id: string;
  readonly birth_date: string;
  readonly education: string;
  readonly certificates: string[];
  readonly skills: string[];
  readonly occupation_codes: string[];
  readonly expected_wage: number | null;
  readonly available_from: string | null;
  readonly current_region_code: string | null;
  readonly origin_region_code: string | null;
  readonly district_code: string | null;
  /** Channels that can tie a worker to an enterprise: "base:<id>", "school:<id>". */
  readonly tie_keys: string[];
}

/** Available workers (not employed, not inactive), or the given ones whatever their status. */
export async function loadMatchWorkers(
  db: Kysely<Database>,
  ids?: readonly string[],
): Promise<MatchWorkerRow[]> {
  let query = db
    .selectFrom('workers as w')
    .select([
      'w.id',
      'w.birth_date',
      'w.education',
      'w.certificates',
      'w.skills',
      'w.occupation_codes',
      'w.expected_wage',
      'w.available_from',
      'w.current_region_code',
      'w.origin_region_code',
      'w.district_code',
      sql<string[]>`coalesce((
        SELECT array_agg(DISTINCT c.channel || ':' || c.source_ref)
        FROM worker_channels c
        WHERE c.worker_id = w.id AND c.channel IN ('base', 'school') AND c.source_ref IS NOT NULL
      ), '{}')`.as('tie_keys'),
    ])
    .orderBy('w.created_at')
    .orderBy('w.id');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('w.id', 'in', [...ids]);
  } else query = query.where('w.status', '=', 'available');
  return query.execute();
}

/** What a result shows of an order. */
export async function findOrderCards(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('job_orders as o')
    .innerJoin('enterprises as e', 'e.id', 'o.enterprise_id')
    .select([
      'o.id',
      'o.title',
      'o.enterprise_id',
      'e.name as enterprise_name',
      'e.key_level',
      'o.occupation_code',
      'o.district_code',
      'o.wage_min',
      'o.wage_max',
      sql<number>`o.headcount - o.filled`.as('remaining'),
      'o.dormitory',
      'o.urgency',
      'o.deadline',
    ])
    .where('o.id', 'in', [...ids])
    .execute();
}

/** What a result shows of a worker (masked phone only). */
export async function findWorkerCards(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('workers')
    .select([
      'id',
      'name',
      'birth_date',
      'sex',
      'education',
      'origin_region_code',
      'district_code',
      'phone_masked',
      'skills',
      'expected_wage',
    ])
    .where('id', 'in', [...ids])
    .execute();
}

/** Open applications between one worker and some orders, or one order and some workers. */
export async function findOpenApplications(
  db: Kysely<Database>,
  pairs:
    | { workerId: string; orderIds: readonly string[] }
    | { orderId: string; workerIds: readonly string[] },
): Promise<Map<string, ApplicationStatus>> {
  let query = db
    .selectFrom('applications')
    .select(['worker_id', 'job_order_id', 'status'])
    .where('status', 'in', [...OPEN_APPLICATION_STATUSES, 'hired']);
  if ('workerId' in pairs) {
    if (pairs.orderIds.length === 0) return new Map();
    query = query.where('worker_id', '=', pairs.workerId).where('job_order_id', 'in', [...pairs.orderIds]);
  } else {
    if (pairs.workerIds.length === 0) return new Map();
    query = query.where('job_order_id', '=', pairs.orderId).where('worker_id', 'in', [...pairs.workerIds]);
  }
  const rows = await query.execute();
  return new Map(
    rows.map((row) => [`${row.worker_id}/${row.job_order_id}`, row.status as ApplicationStatus]),
  );
}

/**
 * How many workers' stored lists show each order (its exposure), for the capacity flag of live
 * results between two runs.
 */
export async function countExposures(db: Kysely<Database>, orderIds: readonly string[]) {
  if (orderIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('recommendations')
    .select(['job_order_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('side', '=', 'worker')
    .where('over_capacity', '=', false)
    .where('job_order_id', 'in', [...orderIds])
    .groupBy('job_order_id')
    .execute();
  return new Map(rows.map((row) => [row.job_order_id, Number(row.n)]));
}

export interface StoredRecommendation {
  readonly side: 'worker' | 'order';
  readonly worker_id: string;
  readonly job_order_id: string;
  readonly rank: number;
  readonly score: number;
  readonly over_capacity: boolean;
}

/**
 * Replaces the stored lists of some workers (side 'worker') or orders (side 'order') with new
 * rows, in the caller's transaction: one DELETE and one INSERT per 5,000 rows
 * (`json_to_recordset`: one parameter, no limit on the row count).
 */
export async function replaceLists(
  db: Kysely<Database>,
  side: 'worker' | 'order',
  subjectIds: readonly string[] | 'all',
  rows: readonly StoredRecommendation[],
): Promise<void> {
  if (subjectIds === 'all') await db.deleteFrom('recommendations').where('side', '=', side).execute();
  else if (subjectIds.length > 0)
    await db
      .deleteFrom('recommendations')
      .where('side', '=', side)
      .where(side === 'worker' ? 'worker_id' : 'job_order_id', 'in', [...subjectIds])
      .execute();
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000));
    await sql`
      INSERT INTO recommendations (side, worker_id, job_order_id, rank, score, over_capacity)
      SELECT t.side, t.worker_id, t.job_order_id, t.rank, t.score, t.over_capacity
      FROM json_to_recordset(${chunk}::json)
        AS t(side text, worker_id uuid, job_order_id uuid, rank smallint, score int, over_capacity boolean)
      ON CONFLICT (side, worker_id, job_order_id) DO UPDATE
        SET rank = excluded.rank, score = excluded.score, over_capacity = excluded.over_capacity,
            computed_at = now()`.execute(db);
  }
}

/** Stored lists that mention a worker (orders' lists) or an order (workers' lists). */
export async function findListsMentioning(
  db: Kysely<Database>,
  mention: { workerIds: readonly string[] } | { orderIds: readonly string[] },
): Promise<string[]> {
  if ('workerIds' in mention) {
    if (mention.workerIds.length === 0) return [];
    const rows = await db
      .selectFrom('recommendations')
      .select('job_order_id as id')
      .distinct()
      .where('side', '=', 'order')
      .where('worker_id', 'in', [...mention.workerIds])
      .execute();
    return rows.map((row) => row.id);
  }
  if (mention.orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('recommendations')
    .select('worker_id as id')
    .distinct()
    .where('side', '=', 'worker')
    .where('job_order_id', 'in', [...mention.orderIds])
    .execute();
  return rows.map((row) => row.id);
}

export async function insertRun(db: Kysely<Database>, startedBy: string | null): Promise<string> {
  const row = await db
    .insertInto('match_runs')
    .values({ started_by: startedBy, metrics: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findRunningRun(db: Kysely<Database>) {
  return db.selectFrom('match_runs').selectAll().where('status', '=', 'running').executeTakeFirst();
}

export async function findLatestRun(db: Kysely<Database>) {
  return db.selectFrom('match_runs').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirst();
}

export async function updateRun(
  db: Kysely<Database>,
  id: string,
  values: {
    progress?: number;
    workers?: number;
    orders?: number;
    stored?: number;
    status?: 'done' | 'failed';
    metrics?: Record<string, unknown>;
    failure?: string | null;
  },
): Promise<void> {
  const { metrics, status, ...rest } = values;
  await db
    .updateTable('match_runs')
    .set({
      ...rest,
      ...(metrics ? { metrics: JSON.stringify(metrics) } : {}),
      ...(status ? { status, finished_at: sql`now()` } : {}),
      heartbeat_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/** Runs left 'running' by a dead process (no heartbeat for `staleSeconds`) end as failed. */
export async function sweepStaleRuns(db: Kysely<Database>, staleSeconds: number): Promise<number> {
  const result = await db
    .updateTable('match_runs')
    .set({ status: 'failed', failure: 'interrupted', finished_at: sql`now()` })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes stored rows older than a run's start: subjects the run found no longer matchable. */
export async function deleteListsBefore(db: Kysely<Database>, runId: string): Promise<void> {
  await sql`
    DELETE FROM recommendations
    WHERE computed_at < (SELECT started_at FROM match_runs WHERE id = ${runId}::uuid)`.execute(db);
}

/** The job-order scope where-clause (`jobOrderScope`; the query joins enterprises as `e`). */
type OrderScopeClause = (
  eb: ExpressionBuilder<Database & { e: Database['enterprises'] }, 'job_orders' | 'e'>,
) => Expression<SqlBool>;

export async function findVisibleWorkerId(
  db: Kysely<Database>,
  scope: WorkerScopeClause,
  id: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('workers')
    .select('id')
    .where('id', '=', id)
    .where(scope)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findVisibleOrderId(
  db: Kysely<Database>,
  scope: OrderScopeClause,
  id: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('job_orders')
    .innerJoin('enterprises as e', 'e.id', 'job_orders.enterprise_id')
    .select('job_orders.id')
    .where('job_orders.id', '=', id)
    .where(scope)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Open orders in `scope` passing the filters (district, occupation prefix, key enterprises). */
export async function listVisibleOpenOrderIds(
  db: Kysely<Database>,
  scope: OrderScopeClause,
  filter: { districtCode?: string | undefined; occupationCode?: string | undefined; keyOnly?: boolean },
): Promise<string[]> {
  let select = db
    .selectFrom('job_orders')
    .innerJoin('enterprises as e', 'e.id', 'job_orders.enterprise_id')
    .select('job_orders.id')
    .where('job_orders.status', '=', 'open')
    .where(scope);
  if (filter.districtCode) select = select.where('job_orders.district_code', '=', filter.districtCode);
  if (filter.occupationCode)
    select = select.where('job_orders.occupation_code', 'like', `${filter.occupationCode}%`);
  if (filter.keyOnly) select = select.where('e.key_level', '<>', 'none');
  return (await select.execute()).map((row) => row.id);
}

/** Available workers in `scope` passing the filters (serving district, an intention's prefix). */
export async function listVisibleAvailableWorkerIds(
  db: Kysely<Database>,
  scope: WorkerScopeClause,
  filter: { districtCode?: string | undefined; occupationCode?: string | undefined },
): Promise<string[]> {
  let select = db
    .selectFrom('workers')
    .select('workers.id')
    .where('workers.status', '=', 'available')
    .where(scope);
  if (filter.districtCode) select = select.where('workers.district_code', '=', filter.districtCode);
  if (filter.occupationCode) {
    const prefix = `${filter.occupationCode}%`;
    select = select.where(
      sql<boolean>`EXISTS (SELECT 1 FROM unnest(workers.occupation_codes) AS code WHERE code LIKE ${prefix})`,
    );
  }
  return (await select.execute()).map((row) => row.id);
}

/** When the last finished run finished; null when none has. */
export async function findLastFinishedAt(db: Kysely<Database>): Promise<Date | null> {
  const row = await db
    .selectFrom('match_runs')
    .select('finished_at')
    .where('status', '=', 'done')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.finished_at ? new Date(row.finished_at) : null;
}
