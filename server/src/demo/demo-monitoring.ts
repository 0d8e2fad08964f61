import { addMonths, createRandom, DEFAULT_REPORTING_WINDOW, reportingWindowOf } from '@yonggong/engine';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  refreshAllPreviousRates,
  upsertMarketSnapshots,
} from '../modules/monitoring/monitoring.repository.ts';

/**
 * Demo monitoring: three years of monthly headcount reports for every key enterprise plus a small
 * sample of others (抽样), shaped like the seeds' world —
 * - a base shortage of 1–7 % per enterprise, a post-Spring-Festival peak in February and March
 *   (workers not returning: +4–12 points), a smaller peak before the autumn orders (September);
 * - headcounts that reconcile month to month (actual = previous + hires − separations), with a
 *   few confirmed mismatches;
 * - submissions inside the 20th–24th window, a few late, and some not yet in for the latest month
 *   (always the enterprises of the demo HR accounts when it is the current month: theirs to file);
 * - a handful of enterprises red in the latest month (returned for 一企一策 cases), some of them
 *   worsening two months running; and monthly open places / job seekers per district (求人倍率).
 * Deterministic for a seed and `today`.
 */
export interface DemoMonitoringReport {
  readonly reports: number;
  readonly redEnterpriseIds: string[];
}

const MONTHS = 36;
const RED_COUNT = 6;

export async function loadDemoMonitoring(
  trx: Kysely<Database>,
  options: { seed: number; today: Date },
): Promise<DemoMonitoringReport> {
  const rand = createRandom(options.seed ^ 0x3c010);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const todayText = new Date(options.today.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const currentMonth = todayText.slice(0, 7);
  // The latest month is the current one once its window has opened, else the one before.
  const latest =
    todayText >= reportingWindowOf(currentMonth, DEFAULT_REPORTING_WINDOW).from
      ? currentMonth
      : addMonths(currentMonth, -1);
  const first = addMonths(latest, -(MONTHS - 1));

  const enterprises = await trx
    .selectFrom('enterprises')
    .select(['id', 'key_level', 'employee_count', 'district_code', 'name_pinyin'])
    .where('status', '=', 'active')
    .orderBy('name_pinyin')
    .orderBy('id')
    .execute();
  const keyOnes = enterprises.filter((e) => e.key_level !== 'none');
  const sample = enterprises.filter((e, i) => e.key_level === 'none' && i % 9 === 0).slice(0, 24);
  if (sample.length > 0)
    await trx
      .insertInto('monitoring_samples')
      .values(sample.map((e) => ({ enterprise_id: e.id, note: '抽样监测企业', added_by: null })))
      .execute();
  const monitored = [...keyOnes, ...sample];
  // The demo enterprise HR accounts have this month's report still to file (their journey).
  const ownedByHr = new Set(
    (
      await trx
        .selectFrom('users')
        .select('enterprise_id')
        .where(sql<boolean>`'enterprise' = ANY(roles)`)
        .where('enterprise_id', 'is not', null)
        .execute()
    ).map((row) => row.enterprise_id),
  );
  // Red in the latest month: two in 吴江 (the demo logins' district), then one in each of four others.
  const redIds = new Set<string>(
    keyOnes
      .filter((e) => e.district_code === '320509' && !ownedByHr.has(e.id))
      .slice(0, 2)
      .map((e) => e.id),
  );
  const seenDistricts = new Set<string>(['320509']);
  for (const e of keyOnes) {
    if (redIds.size >= RED_COUNT) break;
    if (ownedByHr.has(e.id)) continue;
    if (seenDistricts.has(e.district_code)) continue;
    seenDistricts.add(e.district_code);
    redIds.add(e.id);
  }

  type Row = Parameters<typeof insertRows>[1][number];
  const rows: Row[] = [];
  const shortageByDistrictMonth = new Map<string, number>();
  for (const [index, e] of monitored.entries()) {
    const base = between(0.01, 0.07);
    const festival = between(0.04, 0.12);
    const planned0 = Math.max(40, Math.round((e.employee_count ?? 300) * between(1.02, 1.1)));
    let actual = Math.round(planned0 * (1 - base));
    const isRed = redIds.has(e.id);
    const isWorsening = isRed && index % 2 === 0;
    const missingLatest = (!isRed && rand() < 0.08) || (ownedByHr.has(e.id) && latest === currentMonth);
    for (let k = 0; k < MONTHS; k++) {
      const month = addMonths(first, k);
      if (month === latest && missingLatest) continue;
      const calendar = Number(month.slice(5, 7));
      const seasonal =
        calendar === 2 ? festival : calendar === 3 ? festival * 0.6 : calendar === 9 ? festival * 0.3 : 0;
      let rate = base + seasonal + between(-0.01, 0.01);
      const fromEnd = MONTHS - 1 - k;
      if (isRed && fromEnd <= 2)
        rate = isWorsening ? ([0.24, 0.14, 0.09][fromEnd] ?? rate) : fromEnd === 0 ? 0.21 : rate;
      rate = Math.min(0.45, Math.max(0, rate));
      const planned = Math.round(planned0 * (1 + 0.02 * Math.sin((k / 12) * 2 * Math.PI)));
      const target = Math.round(planned * (1 - rate));
      // Enough leavers to reach the month's shortage (workers not returning after the festival).
      const separations = Math.max(
        actual - target,
        Math.round(actual * between(0.02, calendar === 2 ? 0.09 : 0.04)),
      );
      const hires = Math.max(0, target - actual + separations);
      const expected = actual + hires - separations;
      const isMismatch = rand() < 0.02;
      const reported = isMismatch ? expected + Math.round(between(-6, 6)) || expected + 3 : expected;
      const previousActual = k === 0 ? null : actual;
      const shortage = Math.max(0, Math.min(planned, planned - reported));
      const window = reportingWindowOf(month, DEFAULT_REPORTING_WINDOW);
      // Red enterprises report on the first day of the window (their latest report is always in).
      const late = !isRed && rand() < 0.05;
      const day = late
        ? Number(window.to.slice(8, 10)) + 2 + Math.floor(rand() * 3)
        : isRed
          ? 20
          : 20 + Math.floor(rand() * 5);
      const submitted = new Date(
        `${month}-${String(day).padStart(2, '0')}T${String(1 + Math.floor(rand() * 8)).padStart(2, '0')}:30:00Z`,
      );
      if (submitted.getTime() > options.today.getTime()) continue;
      rows.push({
        enterprise_id: e.id,
        month: `${month}-01`,
        planned_headcount: planned,
        actual_headcount: reported,
        hires,
        separations,
        shortage,
        expected_hires: Math.round(shortage * between(0.4, 0.9)),
        reasons:
          shortage === 0
            ? []
            : calendar <= 3
              ? ['seasonal_return']
              : rate > 0.1
                ? ['orders_growth', 'wage_uncompetitive']
                : ['high_turnover'],
        reason_text: calendar <= 3 && shortage > 0 ? '节后返岗率不足，普工缺口较大' : '',
        previous_actual: previousActual,
        reconciliation_difference:
          previousActual !== null && reported !== expected ? reported - expected : null,
        reconciliation_confirmed: previousActual !== null && reported !== expected,
        source: index % 3 === 0 ? 'officer' : 'enterprise',
        submitted_at: submitted,
      });
      actual = reported;
      const key = `${e.district_code}|${month}`;
      shortageByDistrictMonth.set(key, (shortageByDistrictMonth.get(key) ?? 0) + shortage);
    }
  }
  await insertRows(trx, rows);
  await refreshAllPreviousRates(trx);

  // 求人倍率: open places track the reported shortage; seekers are fewest after the festival.
  const districts = [...new Set(monitored.map((e) => e.district_code))];
  for (let k = 0; k < MONTHS; k++) {
    const month = addMonths(first, k);
    const calendar = Number(month.slice(5, 7));
    const ratio =
      calendar === 2 ? between(1.8, 2.3) : calendar === 3 ? between(1.5, 1.9) : between(1.05, 1.4);
    await upsertMarketSnapshots(
      trx,
      `${month}-01`,
      districts.map((code) => {
        const openPlaces = Math.round(
          (shortageByDistrictMonth.get(`${code}|${month}`) ?? 0) * between(1.3, 1.8),
        );
        return { districtCode: code, openPlaces, jobSeekers: Math.max(1, Math.round(openPlaces / ratio)) };
      }),
    );
  }
  const latestDay = `${latest}-01`;
  const redInLatest = [...redIds].filter((id) =>
    rows.some((row) => row.enterprise_id === id && row.month === latestDay),
  );
  return { reports: rows.length, redEnterpriseIds: redInLatest };
}

async function insertRows(
  trx: Kysely<Database>,
  rows: readonly {
    enterprise_id: string;
    month: string;
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
    source: 'enterprise' | 'officer';
    submitted_at: Date;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto('monitoring_reports')
      .values(rows.slice(i, i + 1000))
      .execute();
}
