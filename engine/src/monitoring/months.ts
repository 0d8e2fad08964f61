/**
 * Calendar months as `YYYY-MM` strings and the monthly reporting window.
 *
 * The window is configuration (default the 20th–24th). `monthOffset` 0 puts the window inside the
 * reported month (figures as at the report date, the seeds' practice); 1 puts it in the following
 * month (figures as at month end). Days beyond a month's length clamp to its last day.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a `YYYY-MM` month. */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** `YYYY-MM` plus `delta` months. @throws RangeError on a malformed month. */
export function addMonths(month: string, delta: number): string {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive (empty when to < from). */
export function monthRange(from: string, to: string): string[] {
  const result: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) result.push(m);
  return result;
}

export interface ReportingWindow {
  /** First day of the window (1–31). */
  readonly fromDay: number;
  /** Last day of the window (fromDay–31), inclusive. */
  readonly toDay: number;
  /** 0: the window is in the reported month; 1: in the month after. */
  readonly monthOffset: 0 | 1;
}

export const DEFAULT_REPORTING_WINDOW: ReportingWindow = { fromDay: 20, toDay: 24, monthOffset: 0 };

function daysIn(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The window's first and last calendar day (`YYYY-MM-DD`) for reports of `month`. */
export function reportingWindowOf(month: string, window: ReportingWindow): { from: string; to: string } {
  if (window.fromDay < 1 || window.toDay < window.fromDay || window.toDay > 31)
    throw new RangeError('window days must satisfy 1 ≤ fromDay ≤ toDay ≤ 31');
  const host = addMonths(month, window.monthOffset);
  const last = daysIn(host);
  const day = (d: number) => `${host}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return { from: day(window.fromDay), to: day(window.toDay) };
}
