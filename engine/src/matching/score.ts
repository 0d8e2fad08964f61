/**
 * The pair score on typed arrays: hard filters, then the sum of integer terms (docs/matching.md).
 *
 *   score = occupation + skills + wage + place + channel tie + staticPoints
 *
 * where staticPoints (key enterprise + urgency + freshness) depends on the order alone and was
 * fixed by `buildMatchIndex`. Every function here is pure and reads only the index, so the brute
 * force, the pruned searches and `explainMatch` all score a pair identically. Divisions are done on
 * integers with exact floor/ceil helpers: no floating-point rounding can move a score.
 *
 * Lists (terms, certificates, ties) are ascending id arrays, so the set operations are merges.
 */

import type { MatchIndex } from './build.ts';
import { AGE_OPEN_MAX, AGE_OPEN_MIN, computeHaversineKm, NO_EXPECTED_WAGE } from './build.ts';
import { CODE_SEGMENTS } from './tree.ts';
import type { MatchWeights } from './weights.ts';
import { unpackMatchWeights } from './weights.ts';

/** The weights in the shape the hot loops read. */
export interface ScoringModel {
  readonly weights: MatchWeights;
  /** Occupation points by shared leading segments 0..4. */
  readonly occupationPoints: Int32Array;
  readonly skillPerMatch: number;
  readonly skillCap: number;
  readonly wageMeets: number;
  readonly wagePartlyBase: number;
  readonly wagePartlySpan: number;
  readonly wageBelowCap: number;
  readonly wageBelowFullShortfallPercent: number;
  readonly dormitory: number;
  readonly noDormitory: number;
  readonly distanceFreeKm: number;
  readonly distanceKmPerPoint: number;
  readonly distanceCap: number;
  readonly channelTie: number;
}

const models = new WeakMap<Int32Array, ScoringModel>();

/** The scoring model of `index` (cached per index). */
export function scoringModelOf(index: MatchIndex): ScoringModel {
  const cached = models.get(index.weights);
  if (cached) return cached;
  const weights = unpackMatchWeights(index.weights);
  const model: ScoringModel = {
    weights,
    occupationPoints: Int32Array.of(
      0,
      weights.occupationMajor,
      weights.occupationMedium,
      weights.occupationSmall,
      weights.occupationDetail,
    ),
    skillPerMatch: weights.skillPerMatch,
    skillCap: weights.skillCap,
    wageMeets: weights.wageMeets,
    wagePartlyBase: weights.wagePartlyBase,
    wagePartlySpan: weights.wagePartlySpan,
    wageBelowCap: weights.wageBelowCap,
    wageBelowFullShortfallPercent: weights.wageBelowFullShortfallPercent,
    dormitory: weights.dormitory,
    noDormitory: weights.noDormitory,
    distanceFreeKm: weights.distanceFreeKm,
    distanceKmPerPoint: weights.distanceKmPerPoint,
    distanceCap: weights.distanceCap,
    channelTie: weights.channelTie,
  };
  models.set(index.weights, model);
  return model;
}

/** ⌊a / b⌋ for integers, b > 0, exact for |a| < 2^53. */
export function floorDivide(a: number, b: number): number {
  const q = Math.floor(a / b);
  if (q * b > a) return q - 1;
  if ((q + 1) * b <= a) return q + 1;
  return q;
}

/** ⌈a / b⌉ for integers, b > 0, exact for |a| < 2^53. */
export function ceilDivide(a: number, b: number): number {
  return -floorDivide(-a, b);
}

/**
 * The wage term for an expectation (not `NO_EXPECTED_WAGE`) and an offered range. Non-decreasing
 * in `wageMin` and in `wageMax` (given the weight constraints), non-increasing in `expected`:
 *
 * - wageMin >= expected: wageMeets;
 * - wageMax >= expected > wageMin: wagePartlyBase + ⌊span·(wageMax − expected)/(wageMax − wageMin)⌋;
 * - wageMax < expected: −min(cap, ⌈cap·shortfall/expected / (percent/100)⌉).
 */
export function computeWageTerm(
  model: ScoringModel,
  expected: number,
  wageMin: number,
  wageMax: number,
): number {
  if (wageMin >= expected) return model.wageMeets;
  if (wageMax >= expected) {
    return model.wagePartlyBase + floorDivide(model.wagePartlySpan * (wageMax - expected), wageMax - wageMin);
  }
  const penalty = ceilDivide(
    model.wageBelowCap * (expected - wageMax) * 100,
    expected * model.wageBelowFullShortfallPercent,
  );
  return -Math.min(model.wageBelowCap, penalty);
}

/** Points lost for a commute of `km` whole kilometres (0 up to the free distance). */
export function computeDistancePenalty(model: ScoringModel, km: number): number {
  if (km <= model.distanceFreeKm) return 0;
  return Math.min(model.distanceCap, ceilDivide(km - model.distanceFreeKm, model.distanceKmPerPoint));
}

/** Rounded km between two known location ids (table lookup when the index has one). */
export function findDistanceKm(index: MatchIndex, a: number, b: number): number {
  const { km, count, lat, lng } = index.locations;
  if (km.length > 0) return km[a * count + b] ?? 0;
  return computeHaversineKm(lat[a] ?? 0, lng[a] ?? 0, lat[b] ?? 0, lng[b] ?? 0);
}

/** How many ids the ascending lists a[aFrom…aTo) and b[bFrom…bTo) share. */
export function countShared(
  a: Int32Array,
  aFrom: number,
  aTo: number,
  b: Int32Array,
  bFrom: number,
  bTo: number,
): number {
  let shared = 0;
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** True when every id of needles[nFrom…nTo) is in the ascending list hay[hFrom…hTo). */
export function containsAll(
  needles: Int32Array,
  nFrom: number,
  nTo: number,
  hay: Int32Array,
  hFrom: number,
  hTo: number,
): boolean {
  let j = hFrom;
  for (let i = nFrom; i < nTo; i++) {
    const needle = needles[i] ?? 0;
    while (j < hTo && (hay[j] ?? 0) < needle) j++;
    if (j === hTo || hay[j] !== needle) return false;
    j++;
  }
  return true;
}

/** Leading segments two codes share, counted up to the shorter code's length. */
export function countSharedSegments(
  codesA: Int32Array,
  offsetA: number,
  lengthA: number,
  codesB: Int32Array,
  offsetB: number,
  lengthB: number,
): number {
  const limit = Math.min(lengthA, lengthB);
  let shared = 0;
  while (shared < limit && codesA[offsetA + shared] === codesB[offsetB + shared]) shared++;
  return shared;
}

/** The most segments any intention of worker `w` shares with order `o`'s code (0 = none). */
export function findOccupationAffinity(index: MatchIndex, w: number, o: number): number {
  const { workers, orders } = index;
  const orderLength = orders.codeLength[o] ?? 0;
  let best = 0;
  for (let i = workers.intentionStart[w] ?? 0; i < (workers.intentionStart[w + 1] ?? 0); i++) {
    const shared = countSharedSegments(
      workers.intentionCode,
      CODE_SEGMENTS * i,
      workers.intentionLength[i] ?? 0,
      orders.code,
      CODE_SEGMENTS * o,
      orderLength,
    );
    if (shared > best) best = shared;
  }
  return best;
}

/** True when the pair passes every hard filter (places, age, education, certificates, availability). */
export function isPairEligible(index: MatchIndex, w: number, o: number): boolean {
  const { workers, orders } = index;
  if ((orders.remaining[o] ?? 0) <= 0) return false;
  const age = workers.age[w] ?? 0;
  if (age < (orders.ageMin[o] ?? AGE_OPEN_MIN) || age > (orders.ageMax[o] ?? AGE_OPEN_MAX)) return false;
  if ((workers.education[w] ?? 0) < (orders.educationMin[o] ?? 0)) return false;
  if ((workers.available[w] ?? 0) > (orders.deadline[o] ?? 0)) return false;
  const certFrom = orders.certStart[o] ?? 0;
  const certTo = orders.certStart[o + 1] ?? 0;
  return (
    certFrom === certTo ||
    containsAll(
      orders.certs,
      certFrom,
      certTo,
      workers.certs,
      workers.certStart[w] ?? 0,
      workers.certStart[w + 1] ?? 0,
    )
  );
}

/** Everything but the occupation term: skills + wage + place + tie + staticPoints. */
export function scoreWithoutOccupation(index: MatchIndex, model: ScoringModel, w: number, o: number): number {
  const { workers, orders } = index;
  let score = orders.staticPoints[o] ?? 0;
  const shared = countShared(
    workers.terms,
    workers.termStart[w] ?? 0,
    workers.termStart[w + 1] ?? 0,
    orders.terms,
    orders.termStart[o] ?? 0,
    orders.termStart[o + 1] ?? 0,
  );
  if (shared > 0) score += Math.min(model.skillCap, shared * model.skillPerMatch);
  const expected = workers.expected[w] ?? NO_EXPECTED_WAGE;
  if (expected !== NO_EXPECTED_WAGE) {
    score += computeWageTerm(model, expected, orders.wageMin[o] ?? 0, orders.wageMax[o] ?? 0);
  }
  if (workers.needsDormitory[w] === 1) {
    score += orders.dormitory[o] === 1 ? model.dormitory : model.noDormitory;
  } else {
    const from = workers.location[w] ?? -1;
    const to = orders.location[o] ?? -1;
    if (from >= 0 && to >= 0) score -= computeDistancePenalty(model, findDistanceKm(index, from, to));
  }
  const tieFrom = orders.tieStart[o] ?? 0;
  const tieTo = orders.tieStart[o + 1] ?? 0;
  if (
    tieFrom < tieTo &&
    countShared(
      workers.ties,
      workers.tieStart[w] ?? 0,
      workers.tieStart[w + 1] ?? 0,
      orders.ties,
      tieFrom,
      tieTo,
    ) > 0
  ) {
    score += model.channelTie;
  }
  return score;
}

/**
 * The score of worker `w` for order `o` (whether or not the pair is eligible). Equals what the
 * top-k searches report and what `explainMatch` sums.
 */
export function scoreMatchPair(index: MatchIndex, w: number, o: number): number {
  const model = scoringModelOf(index);
  const affinity = findOccupationAffinity(index, w, o);
  return (model.occupationPoints[affinity] ?? 0) + scoreWithoutOccupation(index, model, w, o);
}
