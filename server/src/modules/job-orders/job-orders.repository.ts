import type { JobOrderListQuery } from '@yonggong/shared';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { countRows } from '../../db/paging.ts';
import type { Database, JobOrderRow, NewJobOrder } from '../../db/schema.ts';
import { escapeLike } from '../../lib/pinyin.ts';

/** The only SQL of the job-orders module; every read joins the enterprise as `e` and takes the scope. */
export type JobOrderScope = (
  eb: ExpressionBuilder<Database & { e: Database['enterprises'] }, 'job_orders' | 'e'>,
) => Expression<SqlBool>;

export interface JobOrderWithEnterprise extends JobOrderRow {
  readonly enterprise_name: string;
  readonly enterprise_key_level: string;
  readonly enterprise_district_code: string;
  readonly enterprise_liaison_user_id: string | null;
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('job_orders')
    .innerJoin('enterprises as e', 'e.id', 'job_orders.enterprise_id')
    .selectAll('job_orders')
    .select([
      'e.name as enterprise_name',
      'e.key_level as enterprise_key_level',
      'e.district_code as enterprise_district_code',
      'e.liaison_user_id as enterprise_liaison_user_id',
    ]);
}

const URGENCY_RANK = sql<number>`CASE job_orders.urgency WHEN 'critical' THEN 3 WHEN 'urgent' THEN 2 ELSE 1 END`;

export async function listJobOrders(
  db: Kysely<Database>,
  scope: JobOrderScope,
  query: JobOrderListQuery,
): Promise<{ rows: JobOrderWithEnterprise[]; total: number }> {
  let q = base(db).where(scope);
  if (query.status === 'active') q = q.where('job_orders.status', 'in', ['draft', 'open']);
  else if (query.status !== 'all') q = q.where('job_orders.status', '=', query.status);
  if (query.districtCode) q = q.where('job_orders.district_code', '=', query.districtCode);
  if (query.enterpriseId) q = q.where('job_orders.enterprise_id', '=', query.enterpriseId);
  if (query.occupationCode) {
    const code = query.occupationCode;
    q = q.where((eb) =>
      eb.or([
        eb('job_orders.occupation_code', '=', code),
        eb('job_orders.occupation_code', 'like', `${escapeLike(code)}-%`),
      ]),
    );
  }
  if (query.keyOnly) q = q.where('e.key_level', '!=', 'none');
  if (query.urgency) q = q.where('job_orders.urgency', '=', query.urgency);
  if (query.wageAtLeast !== undefined) q = q.where('job_orders.wage_max', '>=', query.wageAtLeast);
  if (query.dormitory !== undefined) q = q.where('job_orders.dormitory', '=', query.dormitory);
  if (query.q) {
    const text = `%${escapeLike(query.q)}%`;
    q = q.where((eb) => eb.or([eb('job_orders.title', 'ilike', text), eb('e.name', 'ilike', text)]));
  }
  const total = await countRows(q);
  let ordered = q;
  switch (query.sort) {
    case 'createdAt':
      ordered = ordered.orderBy('job_orders.created_at', 'asc');
      break;
    case 'deadline':
      ordered = ordered.orderBy('job_orders.deadline', 'asc');
      break;
    case '-deadline':
      ordered = ordered.orderBy('job_orders.deadline', 'desc');
      break;
    case '-wageMax':
      ordered = ordered.orderBy('job_orders.wage_max', 'desc');
      break;
    case 'wageMin':
      ordered = ordered.orderBy('job_orders.wage_min', 'asc');
      break;
    case '-urgency':
      ordered = ordered.orderBy(URGENCY_RANK, 'desc').orderBy('job_orders.deadline', 'asc');
      break;
    case '-remaining':
      ordered = ordered.orderBy(sql`job_orders.headcount - job_orders.filled`, 'desc');
      break;
    case '-createdAt':
      ordered = ordered.orderBy('job_orders.created_at', 'desc');
      break;
    default: {
      const exhaustive: never = query.sort;
      return exhaustive;
    }
  }
  const rows = await ordered
    .orderBy('job_orders.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total };
}

export async function findJobOrder(
  db: Kysely<Database>,
  scope: JobOrderScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<JobOrderWithEnterprise | undefined> {
  let q = base(db).where('job_orders.id', '=', id).where(scope);
  if (options.forUpdate) q = q.forUpdate('job_orders');
  return q.executeTakeFirst();
}

export async function insertJobOrder(db: Kysely<Database>, row: NewJobOrder): Promise<JobOrderRow> {
  return db.insertInto('job_orders').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateJobOrderVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: Partial<Omit<JobOrderRow, 'id' | 'version' | 'created_at'>>,
): Promise<JobOrderRow | undefined> {
  return db
    .updateTable('job_orders')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Takes one place of an open order, atomically: the conditional UPDATE is the race guard (two
 * hires for the last place: the second finds `filled < headcount` false and gets no row). The
 * order becomes `filled` with its last place.
 */
export async function takePlace(db: Kysely<Database>, id: string): Promise<JobOrderRow | undefined> {
  return db
    .updateTable('job_orders')
    .set({
      filled: sql`filled + 1`,
      status: sql`CASE WHEN filled + 1 >= headcount THEN 'filled' ELSE status END`,
      status_reason: sql`CASE WHEN filled + 1 >= headcount THEN '招满' ELSE status_reason END`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where(sql<boolean>`filled < headcount`)
    .returningAll()
    .executeTakeFirst();
}

/** Gives a place back (a hire that did not show up); a filled order reopens. */
export async function releasePlace(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('job_orders')
    .set({
      filled: sql`greatest(filled - 1, 0)`,
      status: sql`CASE WHEN status = 'filled' THEN 'open' ELSE status END`,
      status_reason: sql`CASE WHEN status = 'filled' THEN NULL ELSE status_reason END`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Applications per status for each order: the pipeline summary on lists and pages. */
export async function countPipeline(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  if (orderIds.length === 0) return result;
  const rows = await db
    .selectFrom('applications')
    .select(['job_order_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('job_order_id', 'in', [...orderIds])
    .groupBy(['job_order_id', 'status'])
    .execute();
  for (const row of rows) {
    const counts = result.get(row.job_order_id) ?? {};
    counts[row.status] = row.n;
    result.set(row.job_order_id, counts);
  }
  return result;
}

/** Open orders whose deadline has passed become `expired`; returns their ids. */
export async function expireOverdueOrders(
  db: Kysely<Database>,
  today: string,
): Promise<{ id: string; title: string }[]> {
  return db
    .updateTable('job_orders')
    .set({
      status: 'expired',
      status_reason: '已过截止日期',
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('status', 'in', ['open', 'draft'])
    .where('deadline', '<', today)
    .returning(['id', 'title'])
    .execute();
}

/** The enterprise an order is posted for (scoped by the enterprises module's rule at the caller). */
export async function findEnterpriseForOrder(
  db: Kysely<Database>,
  enterpriseId: string,
): Promise<
  | { id: string; name: string; district_code: string; liaison_user_id: string | null; status: string }
  | undefined
> {
  return db
    .selectFrom('enterprises')
    .select(['id', 'name', 'district_code', 'liaison_user_id', 'status'])
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
}
