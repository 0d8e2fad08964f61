/**
 * The three-colour classification of the monitoring map (用工监测三色图).
 *
 * Shortage rate = shortage ÷ planned headcount. The thresholds are configuration; the defaults
 * follow DESIGN §3 ("green < 5 %, yellow 5–15 %, red > 15 %") read literally at the boundaries:
 *
 *   rate <  yellowFrom            → green
 *   yellowFrom ≤ rate ≤ redAbove  → yellow   (exactly 5 % is yellow, exactly 15 % is yellow)
 *   rate >  redAbove              → red
 *
 * Boundaries are compared exactly in integers, never in floating point: thresholds are held in
 * basis points (1 bp = 0.01 %) and `shortage × 10 000` is compared with `planned × bp`, so 3 of
 * 20 (15 %) is yellow and 151 of 1 000 (15.1 %) is red with no rounding doubt. The SQL in
 * server/src/modules/monitoring/monitoring.repository.ts applies the same integer rule.
 *
 * Rules add to the thresholds: with `risingToRed`, an enterprise already at least yellow whose rate
 * rose two months in a row (rate(M) > rate(M−1) > rate(M−2)) is red. A month without a report, or
 * with no planned headcount, has no rate and breaks a run.
 */

export type MonitoringColour = 'green' | 'yellow' | 'red' | 'none';

export const MONITORING_COLOURS: readonly MonitoringColour[] = ['green', 'yellow', 'red', 'none'];

/** Colour thresholds in basis points of the shortage rate (500 = 5 %). */
export interface ColourThresholds {
  /** The lowest rate that is yellow (inclusive). Default 500 (5 %). */
  readonly yellowFromBp: number;
  /** The highest rate that is still yellow (inclusive); above it is red. Default 1 500 (15 %). */
  readonly redAboveBp: number;
  /** Red when at least yellow and rising two months in a row. Default true. */
  readonly risingToRed: boolean;
}

export const DEFAULT_COLOUR_THRESHOLDS: ColourThresholds = {
  yellowFromBp: 500,
  redAboveBp: 1500,
  risingToRed: true,
};

const BP = 10_000;

/**
 * Checks thresholds: integers, 0 < yellowFrom ≤ redAbove ≤ 10 000.
 * @throws RangeError on invalid thresholds.
 */
export function assertColourThresholds(thresholds: ColourThresholds): void {
  const { yellowFromBp, redAboveBp } = thresholds;
  if (!Number.isInteger(yellowFromBp) || !Number.isInteger(redAboveBp))
    throw new RangeError('thresholds must be whole basis points');
  if (yellowFromBp <= 0 || yellowFromBp > redAboveBp || redAboveBp > BP)
    throw new RangeError('thresholds must satisfy 0 < yellowFrom ≤ redAbove ≤ 10000 bp');
}

/** Shortage ÷ planned headcount, or null when nothing is planned (no rate, colour `none`). */
export function computeShortageRate(shortage: number, planned: number): number | null {
  if (!Number.isFinite(shortage) || !Number.isFinite(planned) || shortage < 0)
    throw new RangeError('shortage and planned must be finite, shortage ≥ 0');
  return planned > 0 ? shortage / planned : null;
}

/**
 * The colour from the thresholds alone (no rules), compared exactly in integers.
 * @throws RangeError when counts are negative or not integers.
 */
export function classifyByThresholds(
  shortage: number,
  planned: number,
  thresholds: Pick<ColourThresholds, 'yellowFromBp' | 'redAboveBp'> = DEFAULT_COLOUR_THRESHOLDS,
): MonitoringColour {
  if (!Number.isInteger(shortage) || !Number.isInteger(planned) || shortage < 0 || planned < 0)
    throw new RangeError('shortage and planned must be whole numbers ≥ 0');
  if (planned === 0) return 'none';
  const scaled = shortage * BP;
  if (scaled > planned * thresholds.redAboveBp) return 'red';
  if (scaled >= planned * thresholds.yellowFromBp) return 'yellow';
  return 'green';
}

/** Whether the rate rose two months in a row: current > previous > the one before (all known). */
export function isRisingTwoMonths(
  rate: number | null,
  previousRate: number | null,
  previous2Rate: number | null,
): boolean {
  return (
    rate !== null &&
    previousRate !== null &&
    previous2Rate !== null &&
    rate > previousRate &&
    previousRate > previous2Rate
  );
}

/** One month of an enterprise: its counts and the rates of the two months before (null: unknown). */
export interface ColourInput {
  readonly shortage: number;
  readonly planned: number;
  readonly previousRate: number | null;
  readonly previous2Rate: number | null;
}

/** The colour with the rules applied (thresholds first, then `risingToRed`). */
export function classifyShortage(
  input: ColourInput,
  thresholds: ColourThresholds = DEFAULT_COLOUR_THRESHOLDS,
): MonitoringColour {
  const base = classifyByThresholds(input.shortage, input.planned, thresholds);
  if (base !== 'yellow' || !thresholds.risingToRed) return base;
  const rate = computeShortageRate(input.shortage, input.planned);
  return isRisingTwoMonths(rate, input.previousRate, input.previous2Rate) ? 'red' : 'yellow';
}

const SEVERITY: Readonly<Record<MonitoringColour, number>> = { none: -1, green: 0, yellow: 1, red: 2 };

/** Orders colours by severity (none < green < yellow < red). */
export function compareColours(a: MonitoringColour, b: MonitoringColour): number {
  return SEVERITY[a] - SEVERITY[b];
}

export type MonitoringAlertKind = 'turned_red' | 'worsening';

/**
 * The alert a month raises, if any: `turned_red` when red now and not red the month before (a
 * first report that is red counts); otherwise `worsening` when at least yellow and the rate rose
 * two months running. Green enterprises raise nothing (a rise within green is noise).
 */
export function detectAlert(input: {
  readonly colour: MonitoringColour;
  readonly previousColour: MonitoringColour;
  readonly rate: number | null;
  readonly previousRate: number | null;
  readonly previous2Rate: number | null;
}): MonitoringAlertKind | null {
  if (input.colour === 'red' && input.previousColour !== 'red') return 'turned_red';
  if (
    (input.colour === 'yellow' || input.colour === 'red') &&
    isRisingTwoMonths(input.rate, input.previousRate, input.previous2Rate)
  )
    return 'worsening';
  return null;
}

/** Converts a rate (0.05) to whole basis points (500); rejects finer precision. */
export function rateToBasisPoints(rate: number): number {
  const bp = Math.round(rate * BP);
  if (Math.abs(bp - rate * BP) > 1e-6) throw new RangeError('rates are kept to 0.01 % (one basis point)');
  return bp;
}
