/**
 * Scoring weights: one object of integers, so every score is an integer and scores compare exactly
 * (ties are broken by index, never by floating-point noise).
 *
 * The defaults are the product's scoring model (docs/matching.md has the table and the reasons).
 * Callers override any subset; `resolveMatchWeights` checks the overrides against the few
 * constraints the exact top-k search relies on — each is a statement the pruning bounds use:
 *
 * - occupation points do not decrease with more shared segments
 *   (0 <= major <= medium <= small <= detail), so a deeper code can only score higher;
 * - the wage term is monotone in the offered wage: 0 <= wagePartlyBase and
 *   wagePartlyBase + wagePartlySpan <= wageMeets (a partial fit never beats a full one, a shortfall
 *   never beats a partial fit);
 * - penalties are stated as non-negative magnitudes (wageBelowCap, distanceCap), and the divisors
 *   (wageBelowFullShortfallPercent, distanceKmPerPoint, freshnessDaysPerPoint) are positive.
 *
 * The weights travel inside the index as an `Int32Array` in `MATCH_WEIGHT_KEYS` order, so a worker
 * thread scores with exactly the weights the index was built with.
 */

/** Integer scoring weights; see docs/matching.md for the table. */
export interface MatchWeights {
  /** Same detailed occupation (all four code segments equal). */
  readonly occupationDetail: number;
  /** Same small group (first three segments). */
  readonly occupationSmall: number;
  /** Same medium group (first two segments). */
  readonly occupationMedium: number;
  /** Same major group only ("related"). */
  readonly occupationMajor: number;
  /** Points per shared skill or certificate. */
  readonly skillPerMatch: number;
  /** Cap on the skills term. */
  readonly skillCap: number;
  /** The minimum offered wage meets the expectation. */
  readonly wageMeets: number;
  /** Base of a partial fit (the maximum offered meets the expectation, the minimum does not). */
  readonly wagePartlyBase: number;
  /** Extra points of a partial fit, scaled by how far into the offered range the expectation sits. */
  readonly wagePartlySpan: number;
  /** Largest penalty when even the maximum offered wage is below the expectation. */
  readonly wageBelowCap: number;
  /** Shortfall, in percent of the expectation, at which the penalty reaches its cap. */
  readonly wageBelowFullShortfallPercent: number;
  /** The worker needs a dormitory and the order offers one. */
  readonly dormitory: number;
  /** The worker needs a dormitory and the order has none (normally negative). */
  readonly noDormitory: number;
  /** Commute distance, km, that costs nothing. */
  readonly distanceFreeKm: number;
  /** Every started `distanceKmPerPoint` km beyond the free distance costs one point. */
  readonly distanceKmPerPoint: number;
  /** Largest distance penalty. */
  readonly distanceCap: number;
  /** Worker and enterprise share a channel (labour base, school). */
  readonly channelTie: number;
  /** District key enterprise (区级重点企业). */
  readonly keyDistrict: number;
  /** City key enterprise (市级重点企业). */
  readonly keyCity: number;
  /** Urgent order. */
  readonly urgent: number;
  /** Critical order. */
  readonly critical: number;
  /** Points of an order published today. */
  readonly freshnessMax: number;
  /** Freshness loses a point every this many days. */
  readonly freshnessDaysPerPoint: number;
}

/** The default scoring model. */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = Object.freeze({
  occupationDetail: 40,
  occupationSmall: 30,
  occupationMedium: 20,
  occupationMajor: 8,
  skillPerMatch: 5,
  skillCap: 15,
  wageMeets: 20,
  wagePartlyBase: 10,
  wagePartlySpan: 10,
  wageBelowCap: 20,
  wageBelowFullShortfallPercent: 30,
  dormitory: 10,
  noDormitory: -5,
  distanceFreeKm: 10,
  distanceKmPerPoint: 5,
  distanceCap: 15,
  channelTie: 10,
  keyDistrict: 3,
  keyCity: 6,
  urgent: 3,
  critical: 6,
  freshnessMax: 5,
  freshnessDaysPerPoint: 7,
});

/** The weight names in packing order (`MatchIndex.weights[i]` is the weight `MATCH_WEIGHT_KEYS[i]`). */
export const MATCH_WEIGHT_KEYS = [
  'occupationDetail',
  'occupationSmall',
  'occupationMedium',
  'occupationMajor',
  'skillPerMatch',
  'skillCap',
  'wageMeets',
  'wagePartlyBase',
  'wagePartlySpan',
  'wageBelowCap',
  'wageBelowFullShortfallPercent',
  'dormitory',
  'noDormitory',
  'distanceFreeKm',
  'distanceKmPerPoint',
  'distanceCap',
  'channelTie',
  'keyDistrict',
  'keyCity',
  'urgent',
  'critical',
  'freshnessMax',
  'freshnessDaysPerPoint',
] as const satisfies readonly (keyof MatchWeights)[];

/**
 * The defaults with `overrides` applied, checked.
 *
 * @throws RangeError when a weight is not a safe integer or breaks a constraint listed in this
 *   file's header (the exact search would otherwise prune wrongly).
 */
export function resolveMatchWeights(overrides: Partial<MatchWeights> = {}): MatchWeights {
  const weights: MatchWeights = { ...DEFAULT_MATCH_WEIGHTS, ...overrides };
  for (const key of MATCH_WEIGHT_KEYS) {
    if (!Number.isSafeInteger(weights[key])) {
      throw new RangeError(`weight ${key} must be an integer, got ${weights[key]}`);
    }
  }
  requireWeight(
    0 <= weights.occupationMajor &&
      weights.occupationMajor <= weights.occupationMedium &&
      weights.occupationMedium <= weights.occupationSmall &&
      weights.occupationSmall <= weights.occupationDetail,
    '0 <= occupationMajor <= occupationMedium <= occupationSmall <= occupationDetail',
  );
  requireWeight(weights.skillPerMatch >= 0 && weights.skillCap >= 0, 'skillPerMatch, skillCap >= 0');
  requireWeight(
    weights.wagePartlyBase >= 0 &&
      weights.wagePartlySpan >= 0 &&
      weights.wagePartlyBase + weights.wagePartlySpan <= weights.wageMeets,
    '0 <= wagePartlyBase, 0 <= wagePartlySpan, wagePartlyBase + wagePartlySpan <= wageMeets',
  );
  requireWeight(
    weights.wageBelowCap >= 0 && weights.wageBelowFullShortfallPercent >= 1,
    'wageBelowCap >= 0, wageBelowFullShortfallPercent >= 1',
  );
  requireWeight(
    weights.distanceFreeKm >= 0 && weights.distanceKmPerPoint >= 1 && weights.distanceCap >= 0,
    'distanceFreeKm >= 0, distanceKmPerPoint >= 1, distanceCap >= 0',
  );
  requireWeight(
    weights.freshnessMax >= 0 && weights.freshnessDaysPerPoint >= 1,
    'freshnessMax >= 0, freshnessDaysPerPoint >= 1',
  );
  return weights;
}

function requireWeight(holds: boolean, constraint: string): void {
  if (!holds) throw new RangeError(`match weights must satisfy ${constraint}`);
}

/** Packs weights into an `Int32Array` in `MATCH_WEIGHT_KEYS` order. */
export function packMatchWeights(weights: MatchWeights): Int32Array {
  return Int32Array.from(MATCH_WEIGHT_KEYS, (key) => weights[key]);
}

/** The inverse of `packMatchWeights`. */
export function unpackMatchWeights(packed: Int32Array): MatchWeights {
  const weights: Record<keyof MatchWeights, number> = { ...DEFAULT_MATCH_WEIGHTS };
  for (const [i, key] of MATCH_WEIGHT_KEYS.entries()) weights[key] = packed[i] ?? 0;
  return weights;
}
