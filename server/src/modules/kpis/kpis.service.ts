import { computeRetentionRate, computeShare } from '@yonggong/engine';
import type {
  ChannelKpiQuery,
  ChannelKpiReport,
  ChannelKpiRow,
  ChannelRecord,
  ChannelRecordsQuery,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { canOpenKpiRecords, kpiDistricts } from './kpis.policy.ts';
import { type ChannelFigureRow, channelFigures, channelRecords, type KpiWindow } from './kpis.repository.ts';

/** The longest period one report may span (ten years of daily records stays a cheap scan). */
const MAX_PERIOD_DAYS = 3660;

/** Resolves the period (default: this calendar year to date) and the actor's districts. */
function windowOf(actor: Actor, query: { from?: string; to?: string; districtCode?: string }): KpiWindow {
  const today = todayIn();
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw fieldErrors([{ path: 'from', key: 'kpi.period_reversed' }]);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_PERIOD_DAYS)
    throw fieldErrors([{ path: 'from', key: 'kpi.period_too_long', params: { years: 10 } }]);
  const districts = kpiDistricts(actor, query.districtCode);
  if (districts === 'out_of_scope') throw new AppError('forbidden');
  return { from, to, today, districts };
}

function figuresOf(row: Omit<ChannelFigureRow, 'channel' | 'ref' | 'name'>) {
  const retention = (retained: number, lost: number, pending: number) => ({
    retained,
    lost,
    pending,
    rate: computeRetentionRate({ retained, lost, pending }),
  });
  return {
    supplied: row.supplied,
    applications: row.applications,
    hires: row.hires,
    hireRate: computeShare(Math.min(row.hires, row.supplied), row.supplied),
    retention30: retention(row.r30_yes, row.r30_no, row.r30_pending),
    retention90: retention(row.r90_yes, row.r90_no, row.r90_pending),
  };
}

/** Channel effectiveness over a period and district (`GET /api/kpis/channels`). */
export async function getChannelReport(
  deps: Deps,
  actor: Actor,
  query: ChannelKpiQuery,
): Promise<ChannelKpiReport> {
  const window = windowOf(actor, query);
  const rows = await channelFigures(deps.db, window, query.channel);
  const items: ChannelKpiRow[] = rows.map((row) => ({
    channel: row.channel,
    ref: row.ref,
    name: row.name,
    ...figuresOf(row),
  }));
  const sum = (key: keyof Omit<ChannelFigureRow, 'channel' | 'ref' | 'name'>) =>
    rows.reduce((total, row) => total + row[key], 0);
  // A worker who arrived through two channels is supplied by both; the total counts arrivals.
  const totals = figuresOf({
    supplied: sum('supplied'),
    applications: sum('applications'),
    hires: sum('hires'),
    r30_yes: sum('r30_yes'),
    r30_no: sum('r30_no'),
    r30_pending: sum('r30_pending'),
    r90_yes: sum('r90_yes'),
    r90_no: sum('r90_no'),
    r90_pending: sum('r90_pending'),
  });
  return {
    from: window.from,
    to: window.to,
    districtCode: query.districtCode ?? null,
    items,
    totals,
  };
}

/** The records one figure counts (`GET /api/kpis/channels/records`): the click behind a number. */
export async function listChannelRecords(deps: Deps, actor: Actor, query: ChannelRecordsQuery) {
  if (!canOpenKpiRecords(actor)) throw new AppError('forbidden');
  const window = windowOf(actor, query);
  const rows = await channelRecords(deps.db, {
    ...window,
    channel: query.channel,
    ref: query.ref === 'none' ? null : query.ref,
    metric: query.metric,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const items: ChannelRecord[] = rows.map((row) => ({
    workerId: row.worker_id,
    workerName: row.worker_name,
    idNumberMasked: row.id_number_masked,
    date: row.day,
    applicationId: row.application_id,
    placementId: row.placement_id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    jobOrderTitle: row.job_order_title,
    status: row.status,
  }));
  return { items, page: query.page, pageSize: query.pageSize, total: rows[0]?.total ?? 0 };
}
