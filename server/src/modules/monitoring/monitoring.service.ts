import { addMonths, reconcileHeadcount, reportingWindowOf } from '@yonggong/engine';
import type {
  AlertsResponse,
  EnterpriseHistory,
  LateResponse,
  MapQuery,
  MapResponse,
  MonitoringReport,
  ReportCreateBody,
  ReportListQuery,
  ReportUpdateBody,
  TrendsQuery,
  TrendsResponse,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit, SYSTEM_AUDIT } from '../audit/audit.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import {
  canManageSample,
  canReportFor,
  listedDistrictCodes,
  monitoringScope,
  reportSourceOf,
} from './monitoring.policy.ts';
import {
  firstDayOf,
  industryName,
  monthOf,
  presentAggregate,
  presentDistrict,
  presentPoint,
  presentReport,
} from './monitoring.presenter.ts';
import {
  type AggregateRow,
  aggregateMonth,
  deleteSample,
  findEnterprise,
  findReport,
  findReportOf,
  hasMarketSnapshot,
  insertMissingMarketSnapshots,
  insertReport,
  insertSample,
  latestReportedMonth,
  listAlertCandidates,
  listEnterpriseHistory,
  listEnterprisePoints,
  listMarketSnapshots,
  listMonitored,
  listReportingStatus,
  listReportLines,
  listReports,
  liveMarket,
  type MonitoredEnterprise,
  refreshPreviousRates,
  replaceReportLines,
  trendByDistrict,
  updateReportVersioned,
  upsertMarketSnapshots,
} from './monitoring.repository.ts';
import { loadMonitoringSettings } from './monitoring.settings.ts';

/**
 * Monitoring: monthly headcount reports (with reconciliation), the three-colour map at district,
 * industry and enterprise level, the late list, alerts, trends and the monitored set. Reads are
 * scoped through `monitoringScope`; writes are audited in the transaction that makes them.
 */

const liaisonMe = (query: { liaison?: 'me' | undefined }) => ({ liaisonMe: query.liaison === 'me' });

// ————— reports —————

export async function listReportPage(deps: Deps, actor: Actor, query: ReportListQuery) {
  const { thresholds, window } = await loadMonitoringSettings(deps.db);
  const { rows, total } = await listReports(
    deps.db,
    monitoringScope(actor, liaisonMe(query)),
    thresholds,
    {
      ...(query.month ? { month: firstDayOf(query.month) } : {}),
      ...(query.enterpriseId ? { enterpriseId: query.enterpriseId } : {}),
      ...(query.districtCode ? { districtCode: query.districtCode } : {}),
      ...(query.colour ? { colour: query.colour } : {}),
      ...(query.reconciliation ? { reconciliation: query.reconciliation } : {}),
      sort: query.sort,
      order: query.order,
    },
    query,
  );
  const lines = await listReportLines(
    deps.db,
    rows.map((row) => row.id),
  );
  const items = rows.map((row) =>
    presentReport(
      row,
      lines.filter((line) => line.report_id === row.id),
      { actor, regions: deps.regions, windowTo: reportingWindowOf(monthOf(row.month), window).to },
    ),
  );
  return { items, page: query.page, pageSize: query.pageSize, total };
}

export async function getReport(deps: Deps, actor: Actor, id: string): Promise<MonitoringReport> {
  const { thresholds, window } = await loadMonitoringSettings(deps.db);
  const row = await findReport(deps.db, monitoringScope(actor), thresholds, id);
  if (!row) throw new AppError('not_found');
  const lines = await listReportLines(deps.db, [row.id]);
  return presentReport(row, lines, {
    actor,
    regions: deps.regions,
    windowTo: reportingWindowOf(monthOf(row.month), window).to,
  });
}

type ReportFields = Omit<ReportCreateBody, 'enterpriseId' | 'month'>;

/** Field rules beyond the schema: lines add up, shortage ≤ planned, no future month. */
function checkFields(body: ReportFields, month: string): void {
  const issues: FieldError[] = [];
  if (month > todayIn().slice(0, 7))
    issues.push({ path: 'month', key: 'monitoring.future_month', params: { month } });
  if (body.shortage > body.plannedHeadcount)
    issues.push({
      path: 'shortage',
      key: 'monitoring.shortage_above_planned',
      params: { shortage: body.shortage, planned: body.plannedHeadcount },
    });
  if (body.shortageByOccupation.length > 0) {
    const sum = body.shortageByOccupation.reduce((total, line) => total + line.shortage, 0);
    if (sum !== body.shortage)
      issues.push({
        path: 'shortageByOccupation',
        key: 'monitoring.shortage_lines_sum',
        params: { sum, shortage: body.shortage },
      });
    const codes = new Set(body.shortageByOccupation.map((line) => line.occupationCode));
    if (codes.size !== body.shortageByOccupation.length)
      issues.push({ path: 'shortageByOccupation', key: 'field.invalid' });
  }
  if (issues.length > 0) throw new AppError('validation_failed', { fields: issues });
}

/**
 * Checks previous actual + hires − separations = actual. A mismatch without the reporter's
 * confirmation is refused with 409 and the figures (the web shows them and asks to confirm).
 */
async function reconcile(
  db: Kysely<Database>,
  enterpriseId: string,
  month: string,
  body: ReportFields,
  options: { readonly confirmedByImport?: boolean } = {},
) {
  const previous = await findReportOf(db, enterpriseId, firstDayOf(addMonths(month, -1)));
  const previousActual = previous?.actual_headcount ?? null;
  const result = reconcileHeadcount({
    previousActual,
    hires: body.hires,
    separations: body.separations,
    actual: body.actualHeadcount,
  });
  if (result.status === 'mismatch' && !body.confirmReconciliation && !options.confirmedByImport) {
    const params = {
      previousActual,
      hires: body.hires,
      separations: body.separations,
      expected: result.expected,
      actual: body.actualHeadcount,
      difference: result.difference,
    };
    throw new AppError('conflict', {
      messageKey: 'monitoring.reconciliation_mismatch',
      params,
      extra: { reconciliation: params },
    });
  }
  return {
    previous_actual: previousActual,
    reconciliation_difference: result.status === 'mismatch' ? result.difference : null,
    reconciliation_confirmed: result.status === 'mismatch',
    mismatch: result.status === 'mismatch' ? result : null,
  };
}

async function reportableEnterprise(
  deps: Deps,
  actor: Actor,
  enterpriseId: string,
): Promise<MonitoredEnterprise> {
  const enterprise = await findEnterprise(deps.db, monitoringScope(actor), enterpriseId);
  if (!enterprise) throw new AppError('not_found');
  if (!canReportFor(actor, enterprise)) throw new AppError('forbidden');
  if (!enterprise.is_monitored)
    throw new AppError('validation_failed', {
      fields: [{ path: 'enterpriseId', key: 'monitoring.not_monitored' }],
    });
  return enterprise;
}

function snapshotReport(body: ReportFields & { month: string }) {
  return {
    month: body.month,
    plannedHeadcount: body.plannedHeadcount,
    actualHeadcount: body.actualHeadcount,
    hires: body.hires,
    separations: body.separations,
    shortage: body.shortage,
    expectedHires: body.expectedHires,
    shortageByOccupation: body.shortageByOccupation,
    reasons: body.reasons,
  };
}

/** Enters a month's report (HR, liaison or officer). One per enterprise and month. */
export async function createReport(
  deps: Deps,
  ctx: RequestContext,
  body: ReportCreateBody,
): Promise<MonitoringReport> {
  const id = await writeNewReport(deps, ctx, body, reportSourceOf(ctx.actor, body.enterpriseId));
  return getReport(deps, ctx.actor, id);
}

async function writeNewReport(
  deps: Deps,
  ctx: RequestContext,
  body: ReportCreateBody,
  source: 'enterprise' | 'officer' | 'import',
): Promise<string> {
  const enterprise = await reportableEnterprise(deps, ctx.actor, body.enterpriseId);
  checkFields(body, body.month);
  const month = firstDayOf(body.month);
  try {
    return await inTransaction(deps.db, async (trx) => {
      if (await findReportOf(trx, enterprise.id, month)) throw duplicateReport(enterprise.name, body.month);
      const recon = await reconcile(trx, enterprise.id, body.month, body, {
        confirmedByImport: source === 'import',
      });
      const row = await insertReport(trx, {
        enterprise_id: enterprise.id,
        month,
        planned_headcount: body.plannedHeadcount,
        actual_headcount: body.actualHeadcount,
        hires: body.hires,
        separations: body.separations,
        shortage: body.shortage,
        expected_hires: body.expectedHires,
        reasons: [...body.reasons],
        reason_text: body.reasonText,
        previous_actual: recon.previous_actual,
        reconciliation_difference: recon.reconciliation_difference,
        reconciliation_confirmed: recon.reconciliation_confirmed,
        source,
        submitted_by: ctx.actor.id,
        updated_by: ctx.actor.id,
      });
      await replaceReportLines(trx, row.id, body.shortageByOccupation);
      await refreshPreviousRates(trx, enterprise.id, month);
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'monitoring.report',
        entityType: 'monitoring_report',
        entityId: row.id,
        summary: `填报 ${enterprise.name} ${body.month} 用工监测：计划 ${body.plannedHeadcount}，实有 ${body.actualHeadcount}，缺工 ${body.shortage}${recon.mismatch ? `（人数核对相差 ${recon.mismatch.difference}，已确认）` : ''}`,
        after: snapshotReport(body),
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateReport(enterprise.name, body.month);
    throw error;
  }
}

/** Runs `fn` in a transaction, or in the caller's when `db` already is one (the import). */
function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

function duplicateReport(enterprise: string, month: string): AppError {
  return new AppError('duplicate', { messageKey: 'monitoring.report_exists', params: { enterprise, month } });
}

/** Corrects a report (optimistic version; reconciliation re-checked). */
export async function updateReport(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: ReportUpdateBody,
): Promise<MonitoringReport> {
  const { thresholds } = await loadMonitoringSettings(deps.db);
  const current = await findReport(deps.db, monitoringScope(ctx.actor), thresholds, id);
  if (!current) throw new AppError('not_found');
  await writeReportUpdate(deps, ctx, current, body, reportSourceOf(ctx.actor, current.enterprise_id));
  return getReport(deps, ctx.actor, id);
}

async function writeReportUpdate(
  deps: Deps,
  ctx: RequestContext,
  current: {
    id: string;
    enterprise_id: string;
    enterprise_name: string;
    district_code: string;
    liaison_user_id: string | null;
    month: string;
  },
  body: ReportUpdateBody,
  source: 'enterprise' | 'officer' | 'import',
): Promise<void> {
  if (
    !canReportFor(ctx.actor, {
      id: current.enterprise_id,
      district_code: current.district_code,
      liaison_user_id: current.liaison_user_id,
    })
  )
    throw new AppError('forbidden');
  const month = monthOf(current.month);
  checkFields(body, month);
  await inTransaction(deps.db, async (trx) => {
    const before = await findReportOf(trx, current.enterprise_id, current.month);
    const recon = await reconcile(trx, current.enterprise_id, month, body, {
      confirmedByImport: source === 'import',
    });
    const updated = await updateReportVersioned(trx, current.id, body.version, {
      planned_headcount: body.plannedHeadcount,
      actual_headcount: body.actualHeadcount,
      hires: body.hires,
      separations: body.separations,
      shortage: body.shortage,
      expected_hires: body.expectedHires,
      reasons: [...body.reasons],
      reason_text: body.reasonText,
      previous_actual: recon.previous_actual,
      reconciliation_difference: recon.reconciliation_difference,
      reconciliation_confirmed: recon.reconciliation_confirmed,
      source,
      updated_by: ctx.actor.id,
    });
    if (!updated) throw new AppError('version_conflict');
    await replaceReportLines(trx, current.id, body.shortageByOccupation);
    await refreshPreviousRates(trx, current.enterprise_id, current.month);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'monitoring.report_update',
      entityType: 'monitoring_report',
      entityId: current.id,
      summary: `修改 ${current.enterprise_name} ${month} 用工监测：计划 ${body.plannedHeadcount}，实有 ${body.actualHeadcount}，缺工 ${body.shortage}`,
      before: before
        ? {
            plannedHeadcount: before.planned_headcount,
            actualHeadcount: before.actual_headcount,
            hires: before.hires,
            separations: before.separations,
            shortage: before.shortage,
          }
        : null,
      after: snapshotReport({ ...body, month }),
    });
  });
}

/** Used by the import: create or update the month's report as the actor (confirmations by import). */
export async function upsertReportFromImport(
  deps: Deps,
  ctx: RequestContext,
  body: ReportCreateBody,
): Promise<'created' | 'updated'> {
  const { thresholds } = await loadMonitoringSettings(deps.db);
  const existing = await findReportOf(deps.db, body.enterpriseId, firstDayOf(body.month));
  if (!existing) {
    await writeNewReport(deps, ctx, body, 'import');
    return 'created';
  }
  const current = await findReport(deps.db, monitoringScope(ctx.actor), thresholds, existing.id);
  if (!current) throw new AppError('not_found');
  await writeReportUpdate(deps, ctx, current, { ...body, version: existing.version }, 'import');
  return 'updated';
}

// ————— the map —————

/** Default month: the latest with any report, else the current month. */
export async function defaultMonth(deps: Deps): Promise<string> {
  const latest = await latestReportedMonth(deps.db);
  return latest ? monthOf(latest) : todayIn().slice(0, 7);
}

export async function getMap(deps: Deps, actor: Actor, query: MapQuery): Promise<MapResponse> {
  const { settings, thresholds } = await loadMonitoringSettings(deps.db);
  const scope = monitoringScope(actor, liaisonMe(query));
  const month = firstDayOf(query.month);
  const filter = {
    month,
    ...(query.districtCode ? { districtCode: query.districtCode } : {}),
    ...(query.industryCode ? { industryCode: query.industryCode } : {}),
  };
  const envelope = { month: query.month, thresholds: settings.thresholds };
  if (query.level === 'enterprise') {
    const rows = await listEnterprisePoints(
      deps.db,
      scope,
      thresholds,
      {
        ...filter,
        previousMonth: firstDayOf(addMonths(query.month, -1)),
        ...(query.colour ? { colour: query.colour } : {}),
      },
      query,
    );
    const first = rows[0];
    const totals = first
      ? {
          key: '',
          enterprises: Number(first.total),
          reported: Number(first.total_reported),
          planned: Number(first.total_planned),
          actual: Number(first.total_actual),
          shortage: Number(first.total_shortage),
          green: Number(first.total_green),
          yellow: Number(first.total_yellow),
          red: Number(first.total_red),
        }
      : undefined;
    return {
      level: 'enterprise',
      ...envelope,
      totals: presentAggregate(totals, '', settings.thresholds),
      items: rows.map(presentPoint),
      page: query.page,
      pageSize: query.pageSize,
      total: Number(rows[0]?.total ?? 0),
    };
  }
  const rows = await aggregateMonth(deps.db, scope, thresholds, filter, query.level);
  const totals = presentAggregate(sumRows(rows), '', settings.thresholds);
  if (query.level === 'industry') {
    return {
      level: 'industry',
      ...envelope,
      totals,
      items: rows.map((row) => ({
        industryCode: row.key,
        ...presentAggregate(row, industryName(row.key, actor.locale), settings.thresholds),
      })),
    };
  }
  const byCode = new Map(rows.map((row) => [row.key, row]));
  const cityCodes = deps.regions.districtsOf(deps.config.cityCode).map((region) => region.code);
  const codes = query.districtCode
    ? [query.districtCode]
    : query.liaison === 'me' || query.industryCode
      ? [...byCode.keys()]
      : [...new Set([...listedDistrictCodes(actor, cityCodes), ...byCode.keys()])].sort();
  const market = await marketOf(deps, codes, query.month);
  return {
    level: 'district',
    ...envelope,
    totals,
    items: codes.map((code) =>
      presentDistrict(
        code,
        byCode.get(code),
        market.get(`${code}|${query.month}`),
        deps.regions,
        settings.thresholds,
      ),
    ),
  };
}

function sumRows(rows: readonly AggregateRow[]) {
  const total = {
    key: '',
    enterprises: 0,
    reported: 0,
    planned: 0,
    actual: 0,
    shortage: 0,
    green: 0,
    yellow: 0,
    red: 0,
  };
  for (const row of rows) {
    total.enterprises += row.enterprises;
    total.reported += row.reported;
    total.planned += row.planned;
    total.actual += row.actual;
    total.shortage += row.shortage;
    total.green += row.green;
    total.yellow += row.yellow;
    total.red += row.red;
  }
  return total;
}

/**
 * Open places and job seekers per district and month: the snapshot taken at the month's close, or
 * for the current month the live figures. Keys are `district|YYYY-MM`.
 */
async function marketOf(deps: Deps, codes: readonly string[], from: string, to: string = from) {
  const result = new Map<string, { openPlaces: number; jobSeekers: number }>();
  for (const row of await listMarketSnapshots(deps.db, codes, firstDayOf(from), firstDayOf(to)))
    result.set(`${row.district_code}|${monthOf(row.month)}`, {
      openPlaces: row.open_places,
      jobSeekers: row.job_seekers,
    });
  const current = todayIn().slice(0, 7);
  if (current >= from && current <= to) {
    const missing = codes.filter((code) => !result.has(`${code}|${current}`));
    for (const [code, figures] of await liveMarket(deps.db, missing))
      result.set(`${code}|${current}`, figures);
  }
  return result;
}

/** The live open places and job seekers of every district of the city. */
async function liveCityMarket(deps: Deps) {
  const codes = deps.regions.districtsOf(deps.config.cityCode).map((region) => region.code);
  const live = await liveMarket(deps.db, codes);
  return codes.map((code) => ({
    districtCode: code,
    ...(live.get(code) ?? { openPlaces: 0, jobSeekers: 0 }),
  }));
}

/** Records the live open places and seekers of every district as `month`'s snapshot (audited). */
export async function captureMarketSnapshot(deps: Deps, ctx: RequestContext, month: string) {
  const items = await liveCityMarket(deps);
  await deps.db.transaction().execute(async (trx) => {
    await upsertMarketSnapshots(trx, firstDayOf(month), items);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'monitoring.market_snapshot',
      entityType: 'monitoring_market',
      entityId: month,
      summary: `记录 ${month} 各区县岗位空缺与求职人数（求人倍率）`,
      after: { items },
    });
  });
  return { month, items };
}

/**
 * The scheduler's monthly snapshot: once a month has ended, records its open places and job
 * seekers (the live figures at its close) unless the month already has a snapshot — one taken by
 * an officer, the demo, or another server instance (the insert skips existing rows, so two
 * instances racing write one set and one audit entry). Returns the month recorded, or null.
 */
export async function recordClosedMonthSnapshot(
  deps: Deps,
  today: string = todayIn(),
): Promise<string | null> {
  const month = addMonths(today.slice(0, 7), -1);
  if (await hasMarketSnapshot(deps.db, firstDayOf(month))) return null;
  const items = await liveCityMarket(deps);
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await insertMissingMarketSnapshots(trx, firstDayOf(month), items);
    if (inserted === 0) return null;
    await recordAudit(trx, SYSTEM_AUDIT, {
      action: 'monitoring.market_snapshot',
      entityType: 'monitoring_market',
      entityId: month,
      summary: `月末自动记录 ${month} 各区县岗位空缺与求职人数（求人倍率）`,
      after: { items },
    });
    return month;
  });
}

// ————— late list, alerts, trends, history —————

export async function getLateList(
  deps: Deps,
  actor: Actor,
  query: {
    month: string;
    liaison?: 'me' | undefined;
    districtCode?: string | undefined;
    includePending?: boolean | undefined;
  },
): Promise<LateResponse> {
  const { window } = await loadMonitoringSettings(deps.db);
  const span = reportingWindowOf(query.month, window);
  const today = todayIn();
  const isClosed = today > span.to;
  const rows = await listReportingStatus(
    deps.db,
    monitoringScope(actor, liaisonMe(query)),
    firstDayOf(query.month),
    span.to,
    query.districtCode,
  );
  const items: LateResponse['items'] = [];
  let pending = 0;
  for (const row of rows) {
    const isPending = row.submitted_at === null && !isClosed;
    if (isPending) pending += 1;
    if (isPending && !query.includePending) continue;
    items.push({
      enterpriseId: row.id,
      enterpriseName: row.name,
      districtCode: row.district_code,
      liaisonUserId: row.liaison_user_id,
      liaisonName: row.liaison_name,
      status: isPending ? 'pending' : row.submitted_at ? 'late' : 'missing',
      submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    });
  }
  return { month: query.month, window: span, isClosed, pending, items };
}

export async function getAlerts(
  deps: Deps,
  actor: Actor,
  query: { month: string; liaison?: 'me' | undefined; districtCode?: string | undefined },
): Promise<AlertsResponse> {
  const { thresholds } = await loadMonitoringSettings(deps.db);
  const rows = await listAlertCandidates(
    deps.db,
    monitoringScope(actor, liaisonMe(query)),
    thresholds,
    firstDayOf(query.month),
    firstDayOf(addMonths(query.month, -1)),
    query.districtCode,
  );
  return {
    month: query.month,
    items: rows.map((row) => ({
      enterpriseId: row.id,
      enterpriseName: row.name,
      districtCode: row.district_code,
      liaisonUserId: row.liaison_user_id,
      kind: row.colour === 'red' && row.previous_colour !== 'red' ? 'turned_red' : 'worsening',
      colour: row.colour,
      previousColour: row.previous_colour,
      shortageRate: row.rate,
      previousShortageRate: row.previous_rate,
    })),
  };
}

const MAX_TREND_MONTHS = 60;

export async function getTrends(deps: Deps, actor: Actor, query: TrendsQuery): Promise<TrendsResponse> {
  if (query.to < query.from || monthsBetween(query.from, query.to) > MAX_TREND_MONTHS)
    throw new AppError('validation_failed', {
      fields: [{ path: 'to', key: 'monitoring.month_range', params: { max: MAX_TREND_MONTHS } }],
    });
  const { thresholds } = await loadMonitoringSettings(deps.db);
  const rows = await trendByDistrict(deps.db, monitoringScope(actor, liaisonMe(query)), thresholds, {
    from: firstDayOf(query.from),
    to: firstDayOf(query.to),
    ...(query.districtCode ? { districtCode: query.districtCode } : {}),
    ...(query.industryCode ? { industryCode: query.industryCode } : {}),
  });
  const months: string[] = [];
  for (let m = query.from; m <= query.to; m = addMonths(m, 1)) months.push(m);
  const codes = [...new Set(rows.map((row) => row.district_code))].sort();
  // The labour market is district-wide; with a liaison or industry filter it would not match the sums.
  const market =
    query.liaison === 'me' || query.industryCode
      ? new Map()
      : await marketOf(deps, codes, query.from, query.to);
  const byKey = new Map(rows.map((row) => [`${row.district_code}|${monthOf(row.month)}`, row]));
  const pointOf = (code: string | null, month: string) => {
    const parts =
      code === null
        ? rows.filter((row) => monthOf(row.month) === month)
        : [byKey.get(`${code}|${month}`)].filter((row) => row !== undefined);
    const planned = parts.reduce((sum, row) => sum + row.planned, 0);
    const shortage = parts.reduce((sum, row) => sum + row.shortage, 0);
    const markets = (code === null ? codes : [code])
      .map((c) => market.get(`${c}|${month}`))
      .filter((m) => m !== undefined);
    const openPlaces = markets.length > 0 ? markets.reduce((sum, m) => sum + m.openPlaces, 0) : null;
    const jobSeekers = markets.length > 0 ? markets.reduce((sum, m) => sum + m.jobSeekers, 0) : null;
    return {
      month,
      plannedHeadcount: planned,
      shortage,
      shortageRate: planned > 0 ? shortage / planned : null,
      reported: parts.reduce((sum, row) => sum + row.reported, 0),
      red: parts.reduce((sum, row) => sum + row.red, 0),
      openPlaces,
      jobSeekers,
      seekerRatio: openPlaces !== null && jobSeekers ? openPlaces / jobSeekers : null,
    };
  };
  const series = [
    { districtCode: null, name: '', points: months.map((month) => pointOf(null, month)) },
    ...codes.map((code) => ({
      districtCode: code,
      name: deps.regions.get(code)?.name ?? code,
      points: months.map((month) => pointOf(code, month)),
    })),
  ];
  return { from: query.from, to: query.to, series };
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export async function getEnterpriseHistory(
  deps: Deps,
  actor: Actor,
  enterpriseId: string,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<EnterpriseHistory> {
  const enterprise = await findEnterprise(deps.db, monitoringScope(actor), enterpriseId);
  if (!enterprise) throw new AppError('not_found');
  const { settings, thresholds } = await loadMonitoringSettings(deps.db);
  const to = query.to ?? todayIn().slice(0, 7);
  const from = query.from ?? addMonths(to, -35);
  const rows = await listEnterpriseHistory(
    deps.db,
    thresholds,
    enterpriseId,
    firstDayOf(from),
    firstDayOf(to),
  );
  return {
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      districtCode: enterprise.district_code,
      districtName: deps.regions.get(enterprise.district_code)?.name ?? null,
      industryCode: enterprise.industry_code,
      keyLevel: enterprise.key_level,
      isMonitored: enterprise.is_monitored,
      isSample: enterprise.is_sample,
      liaisonUserId: enterprise.liaison_user_id,
      liaisonName: enterprise.liaison_name,
    },
    thresholds: settings.thresholds,
    points: rows.map((row) => ({
      reportId: row.id,
      month: monthOf(row.month),
      plannedHeadcount: row.planned_headcount,
      actualHeadcount: row.actual_headcount,
      hires: row.hires,
      separations: row.separations,
      shortage: row.shortage,
      shortageRate: row.shortage_rate,
      colour: row.colour,
    })),
    can: {
      report: canReportFor(actor, enterprise) && enterprise.is_monitored,
      manageSample: canManageSample(actor, enterprise.district_code),
    },
  };
}

// ————— the monitored set —————

export async function listMonitoredPage(
  deps: Deps,
  actor: Actor,
  query: {
    page: number;
    pageSize: number;
    districtCode?: string | undefined;
    q?: string | undefined;
    liaison?: 'me' | undefined;
    sampleOnly?: boolean | undefined;
  },
) {
  const { rows, total } = await listMonitored(
    deps.db,
    monitoringScope(actor, liaisonMe(query)),
    {
      ...(query.districtCode ? { districtCode: query.districtCode } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.sampleOnly ? { sampleOnly: true } : {}),
    },
    query,
  );
  return {
    items: rows.map((row) => ({
      enterpriseId: row.id,
      name: row.name,
      districtCode: row.district_code,
      keyLevel: row.key_level,
      isSample: row.is_sample,
      liaisonUserId: row.liaison_user_id,
      liaisonName: row.liaison_name,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function setSample(
  deps: Deps,
  ctx: RequestContext,
  enterpriseId: string,
  note: string,
  isAdded: boolean,
) {
  const enterprise = await findEnterprise(deps.db, monitoringScope(ctx.actor), enterpriseId);
  if (!enterprise) throw new AppError('not_found');
  if (!canManageSample(ctx.actor, enterprise.district_code)) throw new AppError('forbidden');
  await deps.db.transaction().execute(async (trx) => {
    const changed = isAdded
      ? await insertSample(trx, { enterprise_id: enterpriseId, note, added_by: ctx.actor.id })
      : await deleteSample(trx, enterpriseId);
    if (!changed) return;
    await recordAudit(trx, auditContextOf(ctx), {
      action: isAdded ? 'monitoring.sample_add' : 'monitoring.sample_remove',
      entityType: 'enterprise',
      entityId: enterpriseId,
      summary: `${isAdded ? '将' : '将'} ${enterprise.name} ${isAdded ? '列入' : '移出'}用工监测抽样${note ? `（${note}）` : ''}`,
    });
  });
  return { ok: true as const };
}
