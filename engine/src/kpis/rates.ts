/**
 * KPI formulas shared by the server and the browser (channel effectiveness, later targets).
 *
 * A rate is a share of a denominator that is known: a rate over nothing is `null` ("no data"),
 * never 0 — a base that has placed nobody yet has no retention rate, not a bad one.
 */

/** The outcome counts of a retention checkpoint (30 or 90 days after a hire). */
export interface RetentionCounts {
  /** Checked and still employed. */
  readonly retained: number;
  /** Checked and gone (left before the checkpoint). */
  readonly lost: number;
  /** Hired long enough ago for the checkpoint to be due, but not yet checked. */
  readonly pending: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
}

/**
 * Retention rate at a checkpoint: retained ÷ (retained + lost). Pending checks are not counted
 * either way (an unchecked hire is unknown, not lost); they are reported beside the rate.
 */
export function computeRetentionRate(counts: RetentionCounts): number | null {
  assertCount('retained', counts.retained);
  assertCount('lost', counts.lost);
  assertCount('pending', counts.pending);
  const checked = counts.retained + counts.lost;
  return checked === 0 ? null : counts.retained / checked;
}

/** part ÷ whole for counts (e.g. hires per worker supplied); null when the whole is 0. */
export function computeShare(part: number, whole: number): number | null {
  assertCount('part', part);
  assertCount('whole', whole);
  return whole === 0 ? null : part / whole;
}
