import { computeSeekerRatio, type MonitoringColour } from '@yonggong/engine';
import {
  findIndustryDivision,
  findOccupation,
  type Locale,
  type MapDistrictItem,
  type MonitoringReport,
  type Thresholds,
} from '@yonggong/shared';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { canReportFor } from './monitoring.policy.ts';
import type { AggregateRow, EnterprisePointRow, ReportWithNames } from './monitoring.repository.ts';

/** Rows → API shapes. Months leave as `YYYY-MM`. */
export const monthOf = (date: string): string => date.slice(0, 7);
export const firstDayOf = (month: string): string => `${month}-01`;

/** Whether a report was submitted after its window closed (Beijing time). */
export function isSubmittedLate(submittedAt: Date, windowTo: string): boolean {
  return new Date(submittedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) > windowTo;
}

export function presentReport(
  row: ReportWithNames,
  lines: readonly { occupation_code: string; shortage: number }[],
  extras: { actor: Actor; regions: RegionIndex; windowTo: string },
): MonitoringReport {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    districtCode: row.district_code,
    districtName: extras.regions.get(row.district_code)?.name ?? null,
    month: monthOf(row.month),
    plannedHeadcount: row.planned_headcount,
    actualHeadcount: row.actual_headcount,
    hires: row.hires,
    separations: row.separations,
    shortage: row.shortage,
    shortageRate: row.shortage_rate,
    colour: row.colour,
    expectedHires: row.expected_hires,
    shortageByOccupation: lines.map((line) => ({
      occupationCode: line.occupation_code,
      occupationName: occupationName(line.occupation_code, extras.actor.locale),
      shortage: line.shortage,
    })),
    reasons: row.reasons,
    reasonText: row.reason_text,
    reconciliation: {
      previousActual: row.previous_actual,
      difference: row.reconciliation_difference,
      confirmed: row.reconciliation_confirmed,
    },
    source: row.source,
    submittedAt: row.submitted_at.toISOString(),
    submittedByName: row.submitted_by_name,
    isLate: isSubmittedLate(row.submitted_at, extras.windowTo),
    version: row.version,
    can: {
      update: canReportFor(extras.actor, {
        id: row.enterprise_id,
        district_code: row.district_code,
        liaison_user_id: row.liaison_user_id,
      }),
    },
  };
}

/** The colour of an aggregate: its overall shortage rate against the thresholds. */
function aggregateColour(planned: number, shortage: number, t: Thresholds): MonitoringColour {
  if (planned <= 0) return 'none';
  // Integer comparison in basis points, as for enterprises (see engine/src/monitoring/colour.ts).
  const scaled = shortage * 10_000;
  if (scaled > planned * Math.round(t.redAbove * 10_000)) return 'red';
  if (scaled >= planned * Math.round(t.yellowFrom * 10_000)) return 'yellow';
  return 'green';
}

export function presentAggregate(row: AggregateRow | undefined, name: string, t: Thresholds) {
  const planned = row?.planned ?? 0;
  const shortage = row?.shortage ?? 0;
  const enterprises = row?.enterprises ?? 0;
  const green = row?.green ?? 0;
  const yellow = row?.yellow ?? 0;
  const red = row?.red ?? 0;
  return {
    name,
    enterprises,
    reported: row?.reported ?? 0,
    plannedHeadcount: planned,
    actualHeadcount: row?.actual ?? 0,
    shortage,
    shortageRate: planned > 0 ? shortage / planned : null,
    colour: aggregateColour(planned, shortage, t),
    counts: { green, yellow, red, none: enterprises - green - yellow - red },
  };
}

export function presentDistrict(
  code: string,
  row: AggregateRow | undefined,
  market: { openPlaces: number; jobSeekers: number } | undefined,
  regions: RegionIndex,
  t: Thresholds,
): MapDistrictItem {
  return {
    districtCode: code,
    ...presentAggregate(row, regions.get(code)?.name ?? code, t),
    openPlaces: market?.openPlaces ?? null,
    jobSeekers: market?.jobSeekers ?? null,
    seekerRatio: market ? computeSeekerRatio(market.openPlaces, market.jobSeekers) : null,
  };
}

export function presentPoint(row: EnterprisePointRow) {
  return {
    enterpriseId: row.id,
    name: row.name,
    districtCode: row.district_code,
    industryCode: row.industry_code,
    latitude: row.latitude,
    longitude: row.longitude,
    plannedHeadcount: row.planned_headcount,
    actualHeadcount: row.actual_headcount,
    shortage: row.shortage,
    shortageRate: row.shortage_rate,
    colour: row.colour,
    previousColour: row.previous_colour,
    liaisonUserId: row.liaison_user_id,
  };
}

function occupationName(code: string, locale: Locale): string | null {
  const occupation = findOccupation(code);
  if (!occupation) return null;
  return locale === 'en' ? occupation.nameEn : occupation.nameZh;
}

/** An industry division's name in the caller's language. */
export function industryName(code: string, locale: Locale): string {
  const division = findIndustryDivision(code);
  if (!division) return code;
  return locale === 'en' ? division.nameEn : division.nameZh;
}
