import type { ShortageReportListQuery } from '@yonggong/shared';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SqlBool,
  sql,
} from 'kysely';
import { countRows } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type {
  ShortageReportLineRow,
  ShortageReportLinesTable,
  ShortageReportRow,
  ShortageReportsTable,
} from '../../db/schema-cases.ts';

/** The only SQL of the shortage-reports module; every read joins the enterprise as `e` and takes the scope. */
export type ShortageReportScope = (
  eb: ExpressionBuilder<
    Database & { e: Database['enterprises'] } & { r: Database['shortage_reports'] },
    'r' | 'e'
  >,
) => Expression<SqlBool>;

export interface ReportWithNames extends ShortageReportRow {
  readonly enterprise_name: string;
  readonly district_code: string;
  readonly case_title: string | null;
  readonly case_shortage_report_id: string | null;
  readonly reported_by_name: string | null;
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('shortage_reports as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .leftJoin('service_cases as rc', 'rc.id', 'r.case_id')
    .leftJoin('users as ru', 'ru.id', 'r.reported_by')
    .selectAll('r')
    .select([
      'e.name as enterprise_name',
      'e.district_code as district_code',
      'rc.title as case_title',
      'rc.shortage_report_id as case_shortage_report_id',
      'ru.display_name as reported_by_name',
    ]);
}

export async function listReports(
  db: Kysely<Database>,
  scope: ShortageReportScope,
  query: ShortageReportListQuery,
): Promise<{ rows: ReportWithNames[]; total: number }> {
  let q = base(db).where(scope);
  if (query.enterpriseId) q = q.where('r.enterprise_id', '=', query.enterpriseId);
  if (query.from) q = q.where(sql<boolean>`r.created_at >= ${query.from}::date`);
  if (query.to) q = q.where(sql<boolean>`r.created_at < ${query.to}::date + 1`);
  const total = await countRows(q);
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total };
}

export async function findReport(
  db: Kysely<Database>,
  scope: ShortageReportScope,
  id: string,
): Promise<ReportWithNames | undefined> {
  return base(db).where('r.id', '=', id).where(scope).executeTakeFirst();
}

export async function listLines(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<ShortageReportLineRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('shortage_report_lines')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .orderBy('report_id')
    .orderBy('position')
    .execute();
}

export async function listReportOrders(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<{ report_id: string; id: string; title: string; status: Database['job_orders']['status'] }[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('shortage_report_orders as ro')
    .innerJoin('job_orders as jo', 'jo.id', 'ro.job_order_id')
    .select(['ro.report_id', 'jo.id', 'jo.title', 'jo.status'])
    .where('ro.report_id', 'in', [...reportIds])
    .orderBy('jo.created_at')
    .execute();
}

/** Serialises reports of one enterprise (the one-active-auto-case rule). */
export async function lockEnterprise(db: Kysely<Database>, id: string): Promise<void> {
  await db.selectFrom('enterprises').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * The planned headcount the threshold compares with: the latest monthly headcount report's
 * planned headcount (monitoring_reports), else the enterprise's registered employee count.
 */
export async function findPlannedHeadcount(
  db: Kysely<Database>,
  enterpriseId: string,
): Promise<number | null> {
  const result = await sql<{ planned: number | null }>`SELECT coalesce(
      (SELECT m.planned_headcount FROM monitoring_reports m WHERE m.enterprise_id = e.id ORDER BY m.month DESC LIMIT 1),
      e.employee_count) AS planned
    FROM enterprises e WHERE e.id = ${enterpriseId}`.execute(db);
  return result.rows[0]?.planned ?? null;
}

export async function readCaseSettings(db: Kysely<Database>) {
  return db.selectFrom('case_settings').selectAll().executeTakeFirstOrThrow();
}

export async function updateCaseSettings(
  db: Kysely<Database>,
  values: { auto_case_min_people: number; auto_case_min_percent: number; updated_by: string },
) {
  return db
    .updateTable('case_settings')
    .set({ ...values, updated_at: sql`now()` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertReport(
  db: Kysely<Database>,
  row: Insertable<ShortageReportsTable>,
): Promise<ShortageReportRow> {
  return db.insertInto('shortage_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertLines(
  db: Kysely<Database>,
  rows: readonly Insertable<ShortageReportLinesTable>[],
): Promise<ShortageReportLineRow[]> {
  return db.insertInto('shortage_report_lines').values(rows).returningAll().execute();
}

export async function setLineOrder(db: Kysely<Database>, lineId: string, jobOrderId: string): Promise<void> {
  await db
    .updateTable('shortage_report_lines')
    .set({ job_order_id: jobOrderId })
    .where('id', '=', lineId)
    .execute();
}

export async function insertReportOrders(
  db: Kysely<Database>,
  reportId: string,
  orderIds: readonly string[],
): Promise<void> {
  if (orderIds.length === 0) return;
  await db
    .insertInto('shortage_report_orders')
    .values(orderIds.map((id) => ({ report_id: reportId, job_order_id: id })))
    .execute();
}

export async function setReportCase(db: Kysely<Database>, reportId: string, caseId: string): Promise<void> {
  await db.updateTable('shortage_reports').set({ case_id: caseId }).where('id', '=', reportId).execute();
}
