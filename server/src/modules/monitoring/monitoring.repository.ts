import type { ColourThresholds, MonitoringColour } from '@yonggong/engine';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MonitoringReportRow, MonitoringReportsTable } from '../../db/schema-monitoring.ts';

/**
 * The only SQL of the monitoring module. Every read joins `enterprises` and takes the caller's
 * scope clause (monitoring.policy.ts). Months are `date`s (the first day); callers pass `YYYY-MM-01`.
 *
 * The colour of a report row is computed here in SQL, by the same integer rule as the engine's
 * `classifyShortage` (engine/src/monitoring/colour.ts; a test asserts they agree at the
 * boundaries): red when shortage × 10000 > planned × redAboveBp, yellow when ≥ planned ×
 * yellowFromBp (raised to red by the rising rule), green below, none without a report or plan.
 */
export type Scope = (eb: ExpressionBuilder<Database, 'enterprises'>) => Expression<SqlBool>;
type Db = Kysely<Database>;

/** Whether an enterprise is monitored: a key enterprise, or in the sample set. */
// Raw fragments are always parenthesised: Kysely does not wrap raw SQL inside AND.
const isMonitored = sql<boolean>`(enterprises.key_level <> 'none' OR EXISTS (
  SELECT 1 FROM monitoring_samples s WHERE s.enterprise_id = enterprises.id))`;

/** The colour of report alias `r` (NULL row → 'none'). */
export function colourSql(r: string, t: ColourThresholds): RawBuilder<MonitoringColour> {
  const c = (column: string) => sql.ref(`${r}.${column}`);
  return sql<MonitoringColour>`CASE
    WHEN ${c('enterprise_id')} IS NULL OR ${c('planned_headcount')} <= 0 THEN 'none'
    WHEN ${c('shortage')}::bigint * 10000 > ${c('planned_headcount')}::bigint * ${sql.lit(t.redAboveBp)} THEN 'red'
    WHEN ${c('shortage')}::bigint * 10000 >= ${c('planned_headcount')}::bigint * ${sql.lit(t.yellowFromBp)} THEN
      CASE WHEN ${sql.lit(t.risingToRed)} AND ${c('shortage_rate')} > ${c('prev1_rate')} AND ${c('prev1_rate')} > ${c('prev2_rate')}
        THEN 'red' ELSE 'yellow' END
    ELSE 'green' END`;
}

// ————— settings —————

export async function readSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('app_settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }),
    )
    .execute();
}

// ————— enterprises and the monitored set —————

export interface MonitoredEnterprise {
  readonly id: string;
  readonly name: string;
  readonly district_code: string;
  readonly industry_code: string;
  readonly key_level: string;
  readonly liaison_user_id: string | null;
  readonly liaison_name: string | null;
  readonly is_monitored: boolean;
  readonly is_sample: boolean;
}

function enterpriseColumns(db: Db) {
  return db
    .selectFrom('enterprises')
    .leftJoin('users as liaison', 'liaison.id', 'enterprises.liaison_user_id')
    .select([
      'enterprises.id',
      'enterprises.name',
      'enterprises.district_code',
      'enterprises.industry_code',
      'enterprises.key_level',
      'enterprises.liaison_user_id',
      'liaison.display_name as liaison_name',
      isMonitored.as('is_monitored'),
      sql<boolean>`EXISTS (SELECT 1 FROM monitoring_samples s WHERE s.enterprise_id = enterprises.id)`.as(
        'is_sample',
      ),
    ]);
}

export async function findEnterprise(
  db: Db,
  scope: Scope,
  id: string,
): Promise<MonitoredEnterprise | undefined> {
  return enterpriseColumns(db).where(scope).where('enterprises.id', '=', id).executeTakeFirst();
}

export async function findEnterpriseByCreditCode(
  db: Db,
  scope: Scope,
  creditCode: string,
): Promise<MonitoredEnterprise | undefined> {
  return enterpriseColumns(db)
    .where(scope)
    .where('enterprises.credit_code', '=', creditCode)
    .executeTakeFirst();
}

export async function listMonitored(
  db: Db,
  scope: Scope,
  filter: { districtCode?: string; q?: string; sampleOnly?: boolean },
  page: { page: number; pageSize: number },
): Promise<{ rows: MonitoredEnterprise[]; total: number }> {
  let query = enterpriseColumns(db)
    .where(scope)
    .where('enterprises.status', '=', 'active')
    .where(isMonitored);
  if (filter.districtCode) query = query.where('enterprises.district_code', '=', filter.districtCode);
  if (filter.sampleOnly)
    query = query.where(
      sql<boolean>`EXISTS (SELECT 1 FROM monitoring_samples s WHERE s.enterprise_id = enterprises.id)`,
    );
  if (filter.q) query = query.where('enterprises.name', 'ilike', `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
  const rows = await query
    .select(sql<number>`count(*) OVER ()`.as('total'))
    .orderBy('enterprises.name_pinyin')
    .orderBy('enterprises.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function insertSample(db: Db, row: { enterprise_id: string; note: string; added_by: string }) {
  return db
    .insertInto('monitoring_samples')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('enterprise_id')
    .executeTakeFirst();
}

export async function deleteSample(db: Db, enterpriseId: string) {
  return db
    .deleteFrom('monitoring_samples')
    .where('enterprise_id', '=', enterpriseId)
    .returning('enterprise_id')
    .executeTakeFirst();
}

// ————— reports —————

export interface ReportWithNames extends MonitoringReportRow {
  readonly enterprise_name: string;
  readonly district_code: string;
  readonly submitted_by_name: string | null;
  readonly colour: MonitoringColour;
  readonly liaison_user_id: string | null;
}

function reportsQuery(db: Db, thresholds: ColourThresholds) {
  return db
    .selectFrom('monitoring_reports as r')
    .innerJoin('enterprises', 'enterprises.id', 'r.enterprise_id')
    .leftJoin('users as submitter', 'submitter.id', 'r.submitted_by')
    .selectAll('r')
    .select([
      'enterprises.name as enterprise_name',
      'enterprises.district_code',
      'enterprises.liaison_user_id',
      'submitter.display_name as submitted_by_name',
      colourSql('r', thresholds).as('colour'),
    ]);
}

export async function findReport(db: Db, scope: Scope, thresholds: ColourThresholds, id: string) {
  return reportsQuery(db, thresholds).where(scope).where('r.id', '=', id).executeTakeFirst() as Promise<
    ReportWithNames | undefined
  >;
}

export async function findReportOf(db: Db, enterpriseId: string, month: string) {
  return db
    .selectFrom('monitoring_reports')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export interface ReportFilter {
  readonly month?: string;
  readonly enterpriseId?: string;
  readonly districtCode?: string;
  readonly colour?: MonitoringColour;
  readonly reconciliation?: 'balanced' | 'mismatch' | 'no_previous';
  readonly sort: 'month' | 'shortageRate' | 'name';
  readonly order: 'asc' | 'desc';
}

export async function listReports(
  db: Db,
  scope: Scope,
  thresholds: ColourThresholds,
  filter: ReportFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: ReportWithNames[]; total: number }> {
  let query = reportsQuery(db, thresholds).where(scope);
  if (filter.month) query = query.where('r.month', '=', filter.month);
  if (filter.enterpriseId) query = query.where('r.enterprise_id', '=', filter.enterpriseId);
  if (filter.districtCode) query = query.where('enterprises.district_code', '=', filter.districtCode);
  if (filter.colour) query = query.where(colourSql('r', thresholds), '=', filter.colour);
  if (filter.reconciliation === 'mismatch')
    query = query.where('r.reconciliation_difference', 'is not', null);
  else if (filter.reconciliation === 'balanced')
    query = query.where('r.previous_actual', 'is not', null).where('r.reconciliation_difference', 'is', null);
  else if (filter.reconciliation === 'no_previous') query = query.where('r.previous_actual', 'is', null);
  const direction = filter.order;
  const sorted =
    filter.sort === 'shortageRate'
      ? query.orderBy(sql`r.shortage_rate ${sql.raw(direction)} NULLS LAST`)
      : filter.sort === 'name'
        ? query.orderBy('enterprises.name_pinyin', direction)
        : query.orderBy('r.month', direction).orderBy('enterprises.name_pinyin');
  const rows = await sorted
    .orderBy('r.id')
    .select(sql<number>`count(*) OVER ()`.as('total'))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows: rows as unknown as ReportWithNames[], total: Number(rows[0]?.total ?? 0) };
}

export async function listReportLines(db: Db, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('monitoring_report_lines')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .orderBy('report_id')
    .orderBy('shortage', 'desc')
    .execute();
}

export async function insertReport(db: Db, values: Insertable<MonitoringReportsTable>) {
  return db.insertInto('monitoring_reports').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateReportVersioned(
  db: Db,
  id: string,
  version: number,
  patch: {
    planned_headcount: number;
    actual_headcount: number;
    hires: number;
    separations: number;
    shortage: number;
    expected_hires: number;
    reasons: string[];
    reason_text: string;
    previous_actual: number | null;
    reconciliation_difference: number | null;
    reconciliation_confirmed: boolean;
    source: 'enterprise' | 'officer' | 'import';
    updated_by: string | null;
  },
) {
  return db
    .updateTable('monitoring_reports')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function replaceReportLines(
  db: Db,
  reportId: string,
  lines: readonly { occupationCode: string; shortage: number }[],
): Promise<void> {
  await db.deleteFrom('monitoring_report_lines').where('report_id', '=', reportId).execute();
  if (lines.length > 0)
    await db
      .insertInto('monitoring_report_lines')
      .values(
        lines.map((line) => ({
          report_id: reportId,
          occupation_code: line.occupationCode,
          shortage: line.shortage,
        })),
      )
      .execute();
}

/**
 * Refreshes `prev1_rate`/`prev2_rate` of an enterprise's reports from `month` to two months after
 * it: those are the rows whose "previous months" a write of `month` changes.
 */
export async function refreshPreviousRates(db: Db, enterpriseId: string, month: string): Promise<void> {
  await sql`
    UPDATE monitoring_reports r SET
      prev1_rate = (SELECT p.shortage_rate FROM monitoring_reports p
                    WHERE p.enterprise_id = r.enterprise_id AND p.month = (r.month - interval '1 month')::date),
      prev2_rate = (SELECT p.shortage_rate FROM monitoring_reports p
                    WHERE p.enterprise_id = r.enterprise_id AND p.month = (r.month - interval '2 months')::date)
    WHERE r.enterprise_id = ${enterpriseId}
      AND r.month BETWEEN ${month}::date AND (${month}::date + interval '2 months')::date`.execute(db);
}

/** Recomputes every row's previous rates in one set-based pass (after bulk loads). */
export async function refreshAllPreviousRates(db: Db): Promise<void> {
  await sql`
    UPDATE monitoring_reports r SET prev1_rate = w.p1, prev2_rate = w.p2
    FROM (
      SELECT id,
        CASE WHEN lag(month, 1) OVER e = (month - interval '1 month')::date THEN lag(shortage_rate, 1) OVER e END AS p1,
        CASE WHEN lag(month, 2) OVER e = (month - interval '2 months')::date THEN lag(shortage_rate, 2) OVER e END AS p2
      FROM monitoring_reports
      WINDOW e AS (PARTITION BY enterprise_id ORDER BY month)
    ) w
    WHERE r.id = w.id AND (r.prev1_rate IS DISTINCT FROM w.p1 OR r.prev2_rate IS DISTINCT FROM w.p2)`.execute(
    db,
  );
}

// ————— the map —————

export interface AggregateRow {
  readonly key: string;
  readonly enterprises: number;
  readonly reported: number;
  readonly planned: number;
  readonly actual: number;
  readonly shortage: number;
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
}

export interface MapFilter {
  readonly month: string;
  readonly districtCode?: string;
  readonly industryCode?: string;
}

/**
 * The district or industry aggregate of one month: monitored enterprises in scope (plus any that
 * reported), their sums and colour counts. One scan of the enterprises and one of the month's
 * reports (index on (month, enterprise_id) with the needed columns included).
 */
export async function aggregateMonth(
  db: Db,
  scope: Scope,
  thresholds: ColourThresholds,
  filter: MapFilter,
  groupBy: 'district' | 'industry',
): Promise<AggregateRow[]> {
  const key = groupBy === 'district' ? 'enterprises.district_code' : 'enterprises.industry_code';
  let inner = db
    .selectFrom('enterprises')
    .leftJoin('monitoring_reports as r', (join) =>
      join.onRef('r.enterprise_id', '=', 'enterprises.id').on('r.month', '=', filter.month),
    )
    .where(scope)
    .where((eb) =>
      eb.or([
        eb.and([eb('enterprises.status', '=', 'active'), isMonitored]),
        eb('r.enterprise_id', 'is not', null),
      ]),
    )
    .select([
      sql.ref<string>(key).as('key'),
      'r.enterprise_id as report_id',
      'r.planned_headcount',
      'r.actual_headcount',
      'r.shortage',
      colourSql('r', thresholds).as('colour'),
    ]);
  if (filter.districtCode) inner = inner.where('enterprises.district_code', '=', filter.districtCode);
  if (filter.industryCode) inner = inner.where('enterprises.industry_code', '=', filter.industryCode);
  const rows = await db
    .selectFrom(inner.as('x'))
    .select([
      'x.key',
      sql<number>`count(*)::int`.as('enterprises'),
      sql<number>`count(x.report_id)::int`.as('reported'),
      sql<number>`coalesce(sum(x.planned_headcount), 0)::int`.as('planned'),
      sql<number>`coalesce(sum(x.actual_headcount), 0)::int`.as('actual'),
      sql<number>`coalesce(sum(x.shortage), 0)::int`.as('shortage'),
      sql<number>`(count(*) FILTER (WHERE x.colour = 'green'))::int`.as('green'),
      sql<number>`(count(*) FILTER (WHERE x.colour = 'yellow'))::int`.as('yellow'),
      sql<number>`(count(*) FILTER (WHERE x.colour = 'red'))::int`.as('red'),
    ])
    .groupBy('x.key')
    .orderBy('x.key')
    .execute();
  return rows;
}

export interface EnterprisePointRow {
  readonly id: string;
  readonly name: string;
  readonly district_code: string;
  readonly industry_code: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly liaison_user_id: string | null;
  readonly planned_headcount: number | null;
  readonly actual_headcount: number | null;
  readonly shortage: number | null;
  readonly shortage_rate: number | null;
  readonly previous_rate: number | null;
  readonly colour: MonitoringColour;
  readonly previous_colour: MonitoringColour;
  readonly total: number;
  readonly total_reported: number;
  readonly total_planned: number;
  readonly total_actual: number;
  readonly total_shortage: number;
  readonly total_green: number;
  readonly total_yellow: number;
  readonly total_red: number;
}

/**
 * The enterprise level: one row per monitored enterprise in scope with this month's report and
 * last month's colour, most severe first (shortage rate descending, unreported last).
 */
export async function listEnterprisePoints(
  db: Db,
  scope: Scope,
  thresholds: ColourThresholds,
  filter: MapFilter & { readonly previousMonth: string; readonly colour?: MonitoringColour },
  page: { page: number; pageSize: number },
): Promise<EnterprisePointRow[]> {
  let query = db
    .selectFrom('enterprises')
    .leftJoin('monitoring_reports as r', (join) =>
      join.onRef('r.enterprise_id', '=', 'enterprises.id').on('r.month', '=', filter.month),
    )
    .leftJoin('monitoring_reports as p', (join) =>
      join.onRef('p.enterprise_id', '=', 'enterprises.id').on('p.month', '=', filter.previousMonth),
    )
    .where(scope)
    .where((eb) =>
      eb.or([
        eb.and([eb('enterprises.status', '=', 'active'), isMonitored]),
        eb('r.enterprise_id', 'is not', null),
      ]),
    );
  if (filter.districtCode) query = query.where('enterprises.district_code', '=', filter.districtCode);
  if (filter.industryCode) query = query.where('enterprises.industry_code', '=', filter.industryCode);
  if (filter.colour) query = query.where(colourSql('r', thresholds), '=', filter.colour);
  return query
    .select([
      'enterprises.id',
      'enterprises.name',
      'enterprises.district_code',
      'enterprises.industry_code',
      'enterprises.latitude',
      'enterprises.longitude',
      'enterprises.liaison_user_id',
      'r.planned_headcount',
      'r.actual_headcount',
      'r.shortage',
      'r.shortage_rate',
      'p.shortage_rate as previous_rate',
      colourSql('r', thresholds).as('colour'),
      colourSql('p', thresholds).as('previous_colour'),
      // The totals over every row (not just this page), in the same scan.
      sql<number>`count(*) OVER ()`.as('total'),
      sql<number>`count(r.enterprise_id) OVER ()`.as('total_reported'),
      sql<number>`coalesce(sum(r.planned_headcount) OVER (), 0)`.as('total_planned'),
      sql<number>`coalesce(sum(r.actual_headcount) OVER (), 0)`.as('total_actual'),
      sql<number>`coalesce(sum(r.shortage) OVER (), 0)`.as('total_shortage'),
      sql<number>`count(*) FILTER (WHERE (${colourSql('r', thresholds)}) = 'green') OVER ()`.as(
        'total_green',
      ),
      sql<number>`count(*) FILTER (WHERE (${colourSql('r', thresholds)}) = 'yellow') OVER ()`.as(
        'total_yellow',
      ),
      sql<number>`count(*) FILTER (WHERE (${colourSql('r', thresholds)}) = 'red') OVER ()`.as('total_red'),
    ])
    .orderBy(sql`r.shortage_rate DESC NULLS LAST`)
    .orderBy('enterprises.name_pinyin')
    .orderBy('enterprises.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute() as Promise<EnterprisePointRow[]>;
}

// ————— labour market (求人倍率) —————

export interface MarketRow {
  readonly district_code: string;
  readonly month: string;
  readonly open_places: number;
  readonly job_seekers: number;
}

export async function listMarketSnapshots(
  db: Db,
  districtCodes: readonly string[],
  from: string,
  to: string,
): Promise<MarketRow[]> {
  if (districtCodes.length === 0) return [];
  return db
    .selectFrom('monitoring_market_snapshots')
    .select(['district_code', 'month', 'open_places', 'job_seekers'])
    .where('district_code', 'in', [...districtCodes])
    .where('month', '>=', from)
    .where('month', '<=', to)
    .execute();
}

/**
 * The live market of districts: open places = headcount − filled of open job orders; job seekers =
 * available workers registered in the district.
 */
export async function liveMarket(
  db: Db,
  districtCodes: readonly string[],
): Promise<Map<string, { openPlaces: number; jobSeekers: number }>> {
  const result = new Map<string, { openPlaces: number; jobSeekers: number }>();
  if (districtCodes.length === 0) return result;
  const [places, seekers] = await Promise.all([
    db
      .selectFrom('job_orders')
      .select(['district_code', sql<number>`coalesce(sum(headcount - filled), 0)::int`.as('n')])
      .where('status', '=', 'open')
      .where('district_code', 'in', [...districtCodes])
      .groupBy('district_code')
      .execute(),
    db
      .selectFrom('workers')
      .select(['district_code', sql<number>`count(*)::int`.as('n')])
      .where('status', '=', 'available')
      .where('district_code', 'in', [...districtCodes])
      .groupBy('district_code')
      .execute(),
  ]);
  for (const code of districtCodes) result.set(code, { openPlaces: 0, jobSeekers: 0 });
  for (const row of places) {
    const entry = result.get(row.district_code);
    if (entry) entry.openPlaces = row.n;
  }
  for (const row of seekers) {
    const entry = row.district_code ? result.get(row.district_code) : undefined;
    if (entry) entry.jobSeekers = row.n;
  }
  return result;
}

/** Whether any district has a snapshot for `month`. */
export async function hasMarketSnapshot(db: Db, month: string): Promise<boolean> {
  const row = await db
    .selectFrom('monitoring_market_snapshots')
    .select('district_code')
    .where('month', '=', month)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts the month's snapshot rows that do not exist yet; returns how many were inserted. */
export async function insertMissingMarketSnapshots(
  db: Db,
  month: string,
  rows: readonly { districtCode: string; openPlaces: number; jobSeekers: number }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('monitoring_market_snapshots')
    .values(
      rows.map((row) => ({
        district_code: row.districtCode,
        month,
        open_places: row.openPlaces,
        job_seekers: row.jobSeekers,
      })),
    )
    .onConflict((oc) => oc.columns(['district_code', 'month']).doNothing())
    .returning('district_code')
    .execute();
  return inserted.length;
}

export async function upsertMarketSnapshots(
  db: Db,
  month: string,
  rows: readonly { districtCode: string; openPlaces: number; jobSeekers: number }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('monitoring_market_snapshots')
    .values(
      rows.map((row) => ({
        district_code: row.districtCode,
        month,
        open_places: row.openPlaces,
        job_seekers: row.jobSeekers,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['district_code', 'month']).doUpdateSet((eb) => ({
        open_places: eb.ref('excluded.open_places'),
        job_seekers: eb.ref('excluded.job_seekers'),
        captured_at: sql`now()`,
      })),
    )
    .execute();
}

// ————— late list, alerts, trends, history —————

export interface LateRow {
  readonly id: string;
  readonly name: string;
  readonly district_code: string;
  readonly liaison_user_id: string | null;
  readonly liaison_name: string | null;
  readonly submitted_at: Date | null;
  readonly submitted_day: string | null;
}

/**
 * Monitored enterprises in scope with their report of `month` (if any) and the day (Beijing time)
 * it was submitted: reported after `windowTo` (late), or none at all (missing / pending).
 */
export async function listReportingStatus(
  db: Db,
  scope: Scope,
  month: string,
  windowTo: string,
  districtCode?: string,
) {
  let query = db
    .selectFrom('enterprises')
    .leftJoin('monitoring_reports as r', (join) =>
      join.onRef('r.enterprise_id', '=', 'enterprises.id').on('r.month', '=', month),
    )
    .leftJoin('users as liaison', 'liaison.id', 'enterprises.liaison_user_id')
    .where(scope)
    .where('enterprises.status', '=', 'active')
    .where(isMonitored)
    .where((eb) =>
      eb.or([
        eb('r.id', 'is', null),
        eb(sql`(r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date`, '>', sql`${windowTo}::date`),
      ]),
    );
  if (districtCode) query = query.where('enterprises.district_code', '=', districtCode);
  return query
    .select([
      'enterprises.id',
      'enterprises.name',
      'enterprises.district_code',
      'enterprises.liaison_user_id',
      'liaison.display_name as liaison_name',
      'r.submitted_at',
    ])
    .orderBy('enterprises.district_code')
    .orderBy('enterprises.name_pinyin')
    .execute();
}

export interface AlertRow {
  readonly id: string;
  readonly name: string;
  readonly district_code: string;
  readonly liaison_user_id: string | null;
  readonly colour: MonitoringColour;
  readonly previous_colour: MonitoringColour;
  readonly rate: number | null;
  readonly previous_rate: number | null;
  readonly previous2_rate: number | null;
}

/** Enterprises whose report of `month` turned red or is at least yellow and rising two months. */
export async function listAlertCandidates(
  db: Db,
  scope: Scope,
  thresholds: ColourThresholds,
  month: string,
  previousMonth: string,
  districtCode?: string,
): Promise<AlertRow[]> {
  const colour = colourSql('r', thresholds);
  const previous = colourSql('p', thresholds);
  let query = db
    .selectFrom('monitoring_reports as r')
    .innerJoin('enterprises', 'enterprises.id', 'r.enterprise_id')
    .leftJoin('monitoring_reports as p', (join) =>
      join.onRef('p.enterprise_id', '=', 'r.enterprise_id').on('p.month', '=', previousMonth),
    )
    .where('r.month', '=', month)
    .where(scope)
    .where(
      sql<boolean>`(((${colour}) = 'red' AND (${previous}) <> 'red')
        OR ((${colour}) IN ('yellow', 'red') AND r.shortage_rate > r.prev1_rate AND r.prev1_rate > r.prev2_rate))`,
    );
  if (districtCode) query = query.where('enterprises.district_code', '=', districtCode);
  return query
    .select([
      'enterprises.id',
      'enterprises.name',
      'enterprises.district_code',
      'enterprises.liaison_user_id',
      colour.as('colour'),
      previous.as('previous_colour'),
      'r.shortage_rate as rate',
      'r.prev1_rate as previous_rate',
      'r.prev2_rate as previous2_rate',
    ])
    .orderBy(sql`r.shortage_rate DESC NULLS LAST`)
    .orderBy('enterprises.name_pinyin')
    .execute() as Promise<AlertRow[]>;
}

export interface TrendRow {
  readonly district_code: string;
  readonly month: string;
  readonly reported: number;
  readonly planned: number;
  readonly shortage: number;
  readonly red: number;
}

/** Monthly sums per district over a range (scoped through the enterprises). */
export async function trendByDistrict(
  db: Db,
  scope: Scope,
  thresholds: ColourThresholds,
  filter: { from: string; to: string; districtCode?: string; industryCode?: string },
): Promise<TrendRow[]> {
  let query = db
    .selectFrom('monitoring_reports as r')
    .innerJoin('enterprises', 'enterprises.id', 'r.enterprise_id')
    .where('r.month', '>=', filter.from)
    .where('r.month', '<=', filter.to)
    .where(scope);
  if (filter.districtCode) query = query.where('enterprises.district_code', '=', filter.districtCode);
  if (filter.industryCode) query = query.where('enterprises.industry_code', '=', filter.industryCode);
  return query
    .select([
      'enterprises.district_code',
      'r.month',
      sql<number>`count(*)::int`.as('reported'),
      sql<number>`sum(r.planned_headcount)::int`.as('planned'),
      sql<number>`sum(r.shortage)::int`.as('shortage'),
      sql<number>`(count(*) FILTER (WHERE (${colourSql('r', thresholds)}) = 'red'))::int`.as('red'),
    ])
    .groupBy(['enterprises.district_code', 'r.month'])
    .orderBy('r.month')
    .execute();
}

export async function listEnterpriseHistory(
  db: Db,
  thresholds: ColourThresholds,
  enterpriseId: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom('monitoring_reports as r')
    .select([
      'r.id',
      'r.month',
      'r.planned_headcount',
      'r.actual_headcount',
      'r.hires',
      'r.separations',
      'r.shortage',
      'r.shortage_rate',
      colourSql('r', thresholds).as('colour'),
    ])
    .where('r.enterprise_id', '=', enterpriseId)
    .where('r.month', '>=', from)
    .where('r.month', '<=', to)
    .orderBy('r.month')
    .execute();
}

/** The latest month with any report (for a default month). */
export async function latestReportedMonth(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('monitoring_reports')
    .select(sql<string | null>`max(month)`.as('m'))
    .executeTakeFirst();
  return row?.m ?? null;
}
