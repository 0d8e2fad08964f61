import { addMonths, type ReportingWindow, reportingWindowOf } from '@yonggong/engine';
import type { LateResponse, MonitoringReport, ReconciliationStatus } from '@yonggong/shared';

/**
 * Pure helpers of the monitoring report pages: which month is due, where today stands in its
 * reporting window, a report's reconciliation status, and the late list grouped by liaison.
 */

/** The month an enterprise reports now: the current one, or the previous with a next-month window. */
export function findDueMonth(today: string, window: ReportingWindow): string {
  return addMonths(today.slice(0, 7), -window.monthOffset);
}

export type WindowPhase = 'before' | 'open' | 'closed';

/** Where `today` (`YYYY-MM-DD`) stands in `month`'s reporting window. */
export function findWindowPhase(
  today: string,
  month: string,
  window: ReportingWindow,
): { readonly phase: WindowPhase; readonly from: string; readonly to: string } {
  const span = reportingWindowOf(month, window);
  const phase = today < span.from ? 'before' : today > span.to ? 'closed' : 'open';
  return { phase, ...span };
}

/** The report's reconciliation against the month before, as the list filter names it. */
export function reconciliationStatusOf(
  report: Pick<MonitoringReport, 'reconciliation'>,
): ReconciliationStatus {
  if (report.reconciliation.previousActual === null) return 'no_previous';
  return report.reconciliation.difference === null ? 'balanced' : 'mismatch';
}

type LateItem = LateResponse['items'][number];

export interface LiaisonGroup {
  readonly liaisonUserId: string | null;
  readonly liaisonName: string | null;
  readonly late: number;
  readonly missing: number;
  readonly pending: number;
  readonly items: readonly LateItem[];
}

/**
 * The late list by liaison: the groups with the most missing, then late, then pending reports
 * first; enterprises without a liaison last. Within a group: missing, late, pending, by name.
 */
export function groupByLiaison(items: readonly LateItem[]): LiaisonGroup[] {
  const groups = new Map<string, LateItem[]>();
  for (const item of items) {
    const key = item.liaisonUserId ?? '';
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  const rank: Record<LateItem['status'], number> = { missing: 0, late: 1, pending: 2 };
  const result = [...groups.values()].map((list): LiaisonGroup => {
    const first = list[0];
    const count = (status: LateItem['status']) => list.filter((i) => i.status === status).length;
    return {
      liaisonUserId: first?.liaisonUserId ?? null,
      liaisonName: first?.liaisonName ?? null,
      late: count('late'),
      missing: count('missing'),
      pending: count('pending'),
      items: [...list].sort(
        (a, b) =>
          rank[a.status] - rank[b.status] || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
      ),
    };
  });
  return result.sort(
    (a, b) =>
      Number(a.liaisonUserId === null) - Number(b.liaisonUserId === null) ||
      b.missing - a.missing ||
      b.late - a.late ||
      b.pending - a.pending ||
      (a.liaisonName ?? '').localeCompare(b.liaisonName ?? '', 'zh-CN'),
  );
}
