import type { CaseActionListQuery, CaseListQuery, VisitListQuery, VisitStatsQuery } from '@yonggong/shared';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import { countRows, sortedPage, takePage, textSearch } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type {
  CaseActionRow,
  CaseActionsTable,
  ServiceCaseRow,
  ServiceCasesTable,
  ServiceVisitsTable,
} from '../../db/schema-cases.ts';

/**
 * The only SQL of the cases module: service cases with their computed figures, plan actions,
 * linked orders, visits and the visit counts. Every read joins the enterprise as `e` and takes the
 * scope from cases.policy.ts.
 */
type EnterpriseAlias = { e: Database['enterprises'] };
export type CaseScope = (
  eb: ExpressionBuilder<Database & EnterpriseAlias & { c: Database['service_cases'] }, 'c' | 'e'>,
) => Expression<SqlBool>;
export type VisitScope = (
  eb: ExpressionBuilder<Database & EnterpriseAlias & { v: Database['service_visits'] }, 'v' | 'e'>,
) => Expression<SqlBool>;

/**
 * Headcount resolved by the case aliased `c` (DEFINITION — docs/api.md repeats it): placements at
 * the case's enterprise hired on or after the day it opened and on or before the day it closed
 * (today while open), restricted to its linked job orders when it has any, not counting people who
 * had already left (`ended_on`) by that closing day (today while open).
 */
export function headcountResolvedSql(today: string, jobOrderRef?: RawBuilder<unknown>): RawBuilder<number> {
  const orderFilter = jobOrderRef
    ? sql`p.job_order_id = ${jobOrderRef}`
    : sql`(NOT EXISTS (SELECT 1 FROM case_job_orders l WHERE l.case_id = c.id)
        OR p.job_order_id IN (SELECT l.job_order_id FROM case_job_orders l WHERE l.case_id = c.id))`;
  return sql<number>`(SELECT count(*)::int FROM placements p
    WHERE p.enterprise_id = c.enterprise_id
      AND p.hired_on >= c.opened_on
      AND p.hired_on <= coalesce(c.closed_on, ${today}::date)
      AND (p.ended_on IS NULL OR p.ended_on > coalesce(c.closed_on, ${today}::date))
      AND ${orderFilter})`;
}

function overdueCountSql(today: string): RawBuilder<number> {
  return sql<number>`(SELECT count(*)::int FROM case_actions a
    WHERE a.case_id = c.id AND a.status = 'todo' AND a.due_on < ${today}::date)`;
}

export interface CaseWithFigures extends ServiceCaseRow {
  readonly enterprise_name: string;
  readonly enterprise_district_code: string;
  readonly enterprise_liaison_user_id: string | null;
  readonly owner_name: string | null;
  readonly headcount_resolved: number;
  readonly linked_orders: number;
  readonly actions_total: number;
  readonly actions_done: number;
  readonly actions_overdue: number;
  readonly next_due_on: string | null;
}

function caseBase(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('service_cases as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .leftJoin('users as o', 'o.id', 'c.owner_user_id')
    .selectAll('c')
    .select([
      'e.name as enterprise_name',
      'e.district_code as enterprise_district_code',
      'e.liaison_user_id as enterprise_liaison_user_id',
      'o.display_name as owner_name',
      headcountResolvedSql(today).as('headcount_resolved'),
      sql<number>`(SELECT count(*)::int FROM case_job_orders l WHERE l.case_id = c.id)`.as('linked_orders'),
      sql<number>`(SELECT count(*)::int FROM case_actions a WHERE a.case_id = c.id AND a.status <> 'dropped')`.as(
        'actions_total',
      ),
      sql<number>`(SELECT count(*)::int FROM case_actions a WHERE a.case_id = c.id AND a.status = 'done')`.as(
        'actions_done',
      ),
      overdueCountSql(today).as('actions_overdue'),
      sql<
        string | null
      >`(SELECT min(a.due_on)::text FROM case_actions a WHERE a.case_id = c.id AND a.status = 'todo')`.as(
        'next_due_on',
      ),
    ]);
}

export async function listCases(
  db: Kysely<Database>,
  scope: CaseScope,
  query: CaseListQuery,
  options: { actorId: string; today: string; isCounted?: boolean },
): Promise<{ rows: CaseWithFigures[]; total: number }> {
  let q = caseBase(db, options.today).where(scope);
  if (query.status === 'active') q = q.where('c.status', 'in', ['open', 'in_progress']);
  else if (query.status === 'closed') q = q.where('c.status', 'in', ['resolved', 'cancelled']);
  else if (query.status !== 'all') q = q.where('c.status', '=', query.status);
  if (query.enterpriseId) q = q.where('c.enterprise_id', '=', query.enterpriseId);
  if (query.category) q = q.where('c.category', '=', query.category);
  if (query.districtCode) q = q.where('e.district_code', '=', query.districtCode);
  if (query.owner === 'me') q = q.where('c.owner_user_id', '=', options.actorId);
  if (query.overdue) q = q.where(sql<boolean>`${overdueCountSql(options.today)} > 0`);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => textSearch(eb, text, { text: ['c.title', 'e.name'] }));
  }
  // Exports page through without a total (`isCounted: false`).
  const total = options.isCounted === false ? -1 : await countRows(q);
  const rows = await sortedPage(
    q,
    query,
    {
      '-openedAt': (q) => q.orderBy('c.opened_at', 'desc'),
      openedAt: (q) => q.orderBy('c.opened_at', 'asc'),
      '-overdue': (q) => q.orderBy(overdueCountSql(options.today), 'desc').orderBy('c.opened_at', 'desc'),
      '-resolved': (q) =>
        q.orderBy(headcountResolvedSql(options.today), 'desc').orderBy('c.opened_at', 'desc'),
      enterprise: (q) => q.orderBy('e.name_pinyin', 'asc').orderBy('c.opened_at', 'desc'),
    },
    'c.id',
  ).execute();
  return { rows, total };
}

export async function findCase(
  db: Kysely<Database>,
  scope: CaseScope,
  id: string,
  today: string,
): Promise<CaseWithFigures | undefined> {
  return caseBase(db, today).where('c.id', '=', id).where(scope).executeTakeFirst();
}

/** Locks the case row for a change (inside a transaction). */
export async function lockCase(db: Kysely<Database>, id: string): Promise<ServiceCaseRow | undefined> {
  return db.selectFrom('service_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertCase(
  db: Kysely<Database>,
  row: Insertable<ServiceCasesTable>,
): Promise<ServiceCaseRow> {
  return db.insertInto('service_cases').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates a case only if `version` still matches; returns the new row or undefined on a conflict. */
export async function updateCaseVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: Updateable<ServiceCasesTable>,
): Promise<ServiceCaseRow | undefined> {
  return db
    .updateTable('service_cases')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The active automatically opened shortage case of an enterprise (at most one: unique index). */
export async function findActiveAutoCase(
  db: Kysely<Database>,
  enterpriseId: string,
): Promise<ServiceCaseRow | undefined> {
  return db
    .selectFrom('service_cases')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('is_auto_opened', '=', true)
    .where('status', 'in', ['open', 'in_progress'])
    .executeTakeFirst();
}

// ── Actions ──────────────────────────────────────────────────────────────────────────────────

export interface ActionWithOwner extends CaseActionRow {
  readonly owner_name: string | null;
  readonly is_overdue: boolean;
}

function actionBase(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('case_actions as a')
    .leftJoin('users as ao', 'ao.id', 'a.owner_user_id')
    .selectAll('a')
    .select([
      'ao.display_name as owner_name',
      sql<boolean>`(a.status = 'todo' AND a.due_on < ${today}::date)`.as('is_overdue'),
    ]);
}

export async function listActionsOfCase(
  db: Kysely<Database>,
  caseId: string,
  today: string,
): Promise<ActionWithOwner[]> {
  return actionBase(db, today)
    .where('a.case_id', '=', caseId)
    .orderBy(sql`CASE a.status WHEN 'todo' THEN 0 WHEN 'done' THEN 1 ELSE 2 END`)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .execute();
}

export async function findAction(
  db: Kysely<Database>,
  caseId: string,
  actionId: string,
): Promise<CaseActionRow | undefined> {
  return db
    .selectFrom('case_actions')
    .selectAll()
    .where('id', '=', actionId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export async function insertActions(
  db: Kysely<Database>,
  rows: readonly Insertable<CaseActionsTable>[],
): Promise<CaseActionRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto('case_actions').values(rows).returningAll().execute();
}

export async function updateActionVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: Updateable<CaseActionsTable>,
): Promise<CaseActionRow | undefined> {
  return db
    .updateTable('case_actions')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface ActionAcrossCases extends ActionWithOwner {
  readonly case_title: string;
  readonly enterprise_id: string;
  readonly enterprise_name: string;
}

/** Actions of the cases in scope (open cases only), most overdue first. */
export async function listActionsAcross(
  db: Kysely<Database>,
  scope: CaseScope,
  query: CaseActionListQuery,
  options: { actorId: string; today: string },
): Promise<{ rows: ActionAcrossCases[]; total: number }> {
  let q = actionBase(db, options.today)
    .innerJoin('service_cases as c', 'c.id', 'a.case_id')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .select(['c.title as case_title', 'c.enterprise_id as enterprise_id', 'e.name as enterprise_name'])
    .where(scope)
    .where('c.status', 'in', ['open', 'in_progress']);
  if (query.owner === 'me') {
    const me = options.actorId;
    q = q.where((eb) =>
      eb.or([
        eb('a.owner_user_id', '=', me),
        eb.and([eb('a.owner_user_id', 'is', null), eb('c.owner_user_id', '=', me)]),
      ]),
    );
  }
  if (query.status) q = q.where('a.status', '=', query.status);
  if (query.overdue) q = q.where('a.status', '=', 'todo').where('a.due_on', '<', options.today);
  const total = await countRows(q);
  const rows = await takePage(q.orderBy('a.due_on').orderBy('a.id'), query).execute();
  return { rows, total };
}

// ── Linked job orders ────────────────────────────────────────────────────────────────────────

export interface LinkedOrderRow {
  readonly id: string;
  readonly title: string;
  readonly occupation_code: string;
  readonly headcount: number;
  readonly filled: number;
  readonly status: 'draft' | 'open' | 'filled' | 'closed' | 'expired';
  readonly deadline: string;
  readonly resolved: number;
}

export async function listLinkedOrders(
  db: Kysely<Database>,
  caseId: string,
  today: string,
): Promise<LinkedOrderRow[]> {
  return db
    .selectFrom('case_job_orders as l')
    .innerJoin('service_cases as c', 'c.id', 'l.case_id')
    .innerJoin('job_orders as jo', 'jo.id', 'l.job_order_id')
    .select([
      'jo.id',
      'jo.title',
      'jo.occupation_code',
      'jo.headcount',
      'jo.filled',
      'jo.status',
      'jo.deadline',
      headcountResolvedSql(today, sql`jo.id`).as('resolved'),
    ])
    .where('l.case_id', '=', caseId)
    .orderBy('l.added_at')
    .execute();
}

/** Orders among `ids` that belong to `enterpriseId` (id, status). */
export async function findOrdersOfEnterprise(
  db: Kysely<Database>,
  enterpriseId: string,
  ids: readonly string[],
): Promise<{ id: string; title: string; status: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('job_orders')
    .select(['id', 'title', 'status'])
    .where('enterprise_id', '=', enterpriseId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Links orders to a case; already linked ones are left as they are. Returns the newly linked ids. */
export async function linkOrders(
  db: Kysely<Database>,
  caseId: string,
  orderIds: readonly string[],
  addedBy: string | null,
): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .insertInto('case_job_orders')
    .values(orderIds.map((jobOrderId) => ({ case_id: caseId, job_order_id: jobOrderId, added_by: addedBy })))
    .onConflict((oc) => oc.columns(['case_id', 'job_order_id']).doNothing())
    .returning('job_order_id')
    .execute();
  return rows.map((row) => row.job_order_id);
}

export async function unlinkOrder(db: Kysely<Database>, caseId: string, orderId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('case_job_orders')
    .where('case_id', '=', caseId)
    .where('job_order_id', '=', orderId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** An active account holding one of `roles` (a candidate owner of a case or action). */
export async function findEligibleOwner(
  db: Kysely<Database>,
  userId: string,
  roles: readonly string[],
): Promise<{ id: string; display_name: string; roles: string[]; district_codes: string[] } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'roles', 'district_codes'])
    .where('id', '=', userId)
    .where('is_disabled', '=', false)
    .where(sql<boolean>`roles && ${sql.val([...roles])}::text[]`)
    .executeTakeFirst();
}

// ── Visits ───────────────────────────────────────────────────────────────────────────────────

export interface VisitWithNames {
  readonly id: string;
  readonly group_id: string;
  readonly kind: 'visit' | 'phone' | 'meeting';
  readonly visited_on: string;
  readonly enterprise_id: string;
  readonly enterprise_name: string;
  readonly district_code: string;
  readonly case_id: string | null;
  readonly case_title: string | null;
  readonly participants: string;
  readonly notes: string;
  readonly issues: string;
  readonly liaison_user_id: string;
  readonly liaison_name: string;
  readonly group_size: number;
  readonly created_at: Date;
}

function visitBase(db: Kysely<Database>) {
  return db
    .selectFrom('service_visits as v')
    .innerJoin('enterprises as e', 'e.id', 'v.enterprise_id')
    .innerJoin('users as lu', 'lu.id', 'v.liaison_user_id')
    .leftJoin('service_cases as vc', 'vc.id', 'v.case_id')
    .select([
      'v.id',
      'v.group_id',
      'v.kind',
      'v.visited_on',
      'v.enterprise_id',
      'e.name as enterprise_name',
      'e.district_code as district_code',
      'v.case_id',
      'vc.title as case_title',
      'v.participants',
      'v.notes',
      'v.issues',
      'v.liaison_user_id',
      'lu.display_name as liaison_name',
      sql<number>`(SELECT count(*)::int FROM service_visits g WHERE g.group_id = v.group_id)`.as(
        'group_size',
      ),
      'v.created_at',
    ]);
}

export async function listVisits(
  db: Kysely<Database>,
  scope: VisitScope,
  query: VisitListQuery,
  options: { actorId: string; isCounted?: boolean },
): Promise<{ rows: VisitWithNames[]; total: number }> {
  let q = visitBase(db).where(scope);
  if (query.enterpriseId) q = q.where('v.enterprise_id', '=', query.enterpriseId);
  if (query.liaison)
    q = q.where('v.liaison_user_id', '=', query.liaison === 'me' ? options.actorId : query.liaison);
  if (query.caseId) q = q.where('v.case_id', '=', query.caseId);
  if (query.districtCode) q = q.where('e.district_code', '=', query.districtCode);
  if (query.kind) q = q.where('v.kind', '=', query.kind);
  if (query.from) q = q.where('v.visited_on', '>=', query.from);
  if (query.to) q = q.where('v.visited_on', '<=', query.to);
  const total = options.isCounted === false ? -1 : await countRows(q);
  const rows = await takePage(
    q.orderBy('v.visited_on', 'desc').orderBy('v.created_at', 'desc').orderBy('v.id'),
    query,
  ).execute();
  return { rows, total };
}

/** The latest visits to an enterprise (for a case page), in scope. */
export async function listRecentVisitsOf(
  db: Kysely<Database>,
  scope: VisitScope,
  enterpriseId: string,
  limit: number,
): Promise<VisitWithNames[]> {
  return visitBase(db)
    .where(scope)
    .where('v.enterprise_id', '=', enterpriseId)
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function listVisitGroup(db: Kysely<Database>, groupId: string): Promise<VisitWithNames[]> {
  return visitBase(db).where('v.group_id', '=', groupId).orderBy('e.name_pinyin').execute();
}

export async function insertVisits(
  db: Kysely<Database>,
  rows: readonly Insertable<ServiceVisitsTable>[],
): Promise<void> {
  await db.insertInto('service_visits').values(rows).execute();
}

export interface VisitCountRow {
  readonly key: string;
  readonly name: string;
  readonly visits: number;
  readonly on_site: number;
  readonly phone: number;
  readonly meeting: number;
  readonly enterprises_served: number;
}

/** Visit counts per liaison or per district, in scope, with the distinct enterprises served. */
export async function countVisits(
  db: Kysely<Database>,
  scope: VisitScope,
  query: VisitStatsQuery,
): Promise<{ rows: VisitCountRow[]; totals: Omit<VisitCountRow, 'key' | 'name'> }> {
  let q = db
    .selectFrom('service_visits as v')
    .innerJoin('enterprises as e', 'e.id', 'v.enterprise_id')
    .innerJoin('users as lu', 'lu.id', 'v.liaison_user_id')
    .where(scope);
  if (query.from) q = q.where('v.visited_on', '>=', query.from);
  if (query.to) q = q.where('v.visited_on', '<=', query.to);
  const figures = [
    sql<number>`count(*)::int`.as('visits'),
    sql<number>`(count(*) FILTER (WHERE v.kind = 'visit'))::int`.as('on_site'),
    sql<number>`(count(*) FILTER (WHERE v.kind = 'phone'))::int`.as('phone'),
    sql<number>`(count(*) FILTER (WHERE v.kind = 'meeting'))::int`.as('meeting'),
    sql<number>`count(DISTINCT v.enterprise_id)::int`.as('enterprises_served'),
  ] as const;
  const grouped =
    query.by === 'liaison'
      ? q
          .select([
            sql<string>`v.liaison_user_id::text`.as('key'),
            sql<string>`min(lu.display_name)`.as('name'),
          ])
          .groupBy('v.liaison_user_id')
      : q
          .select([sql<string>`e.district_code`.as('key'), sql<string>`e.district_code`.as('name')])
          .groupBy('e.district_code');
  const rows = await grouped
    .select([...figures])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('key')
    .execute();
  const totals = await q.select([...figures]).executeTakeFirstOrThrow();
  return { rows, totals };
}

/** The enterprises among `ids` the enterprise scope lets the caller see, with what the write rules need. */
export async function findEnterprisesInScope(
  db: Kysely<Database>,
  scope: (eb: ExpressionBuilder<Database, 'enterprises'>) => Expression<SqlBool>,
  ids: readonly string[],
): Promise<
  { id: string; name: string; district_code: string; liaison_user_id: string | null; status: string }[]
> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('enterprises')
    .select(['id', 'name', 'district_code', 'liaison_user_id', 'status'])
    .where('id', 'in', [...ids])
    .where(scope)
    .execute();
}
