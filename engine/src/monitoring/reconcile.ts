/**
 * Reconciliation of a monthly headcount report and the 求人倍率 (seeker ratio).
 *
 * A report says: actual headcount at the end of the month, hires and separations during it. With
 * the previous month's actual headcount the four figures must agree:
 *
 *   previous actual + hires − separations = actual
 *
 * A mismatch is common and often legitimate (transfers between sites, a corrected count), so it is
 * a warning the reporter confirms, never a block. Without a previous report nothing is checked.
 */

export interface ReconciliationInput {
  readonly previousActual: number | null;
  readonly hires: number;
  readonly separations: number;
  readonly actual: number;
}

export type Reconciliation =
  | { readonly status: 'no_previous' }
  | { readonly status: 'balanced'; readonly expected: number }
  | { readonly status: 'mismatch'; readonly expected: number; readonly difference: number };

/** Checks the report against the previous month; `difference` = actual − expected. */
export function reconcileHeadcount(input: ReconciliationInput): Reconciliation {
  for (const value of [input.hires, input.separations, input.actual])
    if (!Number.isInteger(value) || value < 0) throw new RangeError('counts must be whole numbers ≥ 0');
  if (input.previousActual === null) return { status: 'no_previous' };
  const expected = input.previousActual + input.hires - input.separations;
  return expected === input.actual
    ? { status: 'balanced', expected }
    : { status: 'mismatch', expected, difference: input.actual - expected };
}

/**
 * 求人倍率: open places ÷ job seekers (above 1: more places than seekers). Null when there are no
 * seekers, since the ratio is then undefined, not infinite.
 */
export function computeSeekerRatio(openPlaces: number, jobSeekers: number): number | null {
  if (openPlaces < 0 || jobSeekers < 0) throw new RangeError('counts must be ≥ 0');
  return jobSeekers > 0 ? openPlaces / jobSeekers : null;
}
