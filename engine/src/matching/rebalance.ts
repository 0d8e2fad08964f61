/**
 * Capacity-aware re-ranking: an order with 5 places must not be pushed to 10,000 workers at once.
 *
 * Each order o gets an exposure budget cap_o = remaining_o × R (R recommendations per place,
 * default 20). Input: every worker's exact candidate list (top k + m from `topOrdersForWorkers`,
 * e.g. 20 + 20). Recommendation slots are assigned greedily over all (worker, order, score) pairs
 * in descending score — ties by worker position, then by the worker's own rank (= order index) —
 * so the strongest pairs in the whole city claim an order's budget first:
 *
 *   a pair is kept   while its worker holds < k slots and its order has < cap_o exposures;
 *   refused          when the order's budget is spent (the worker had a free slot): set aside;
 *   dropped          when the worker already holds k slots.
 *
 * Finally every worker with free slots is topped up from their own refused pairs in their own rank
 * order, flagged `overCapacity`: an over-exposed order comes after the worker's within-budget
 * options and is never lost when it is all they have. So each worker gets min(k, their candidate
 * count) slots, and no order exceeds its budget among the slots not flagged.
 *
 * The pairs are ordered by a counting sort over the small integer score range (stable over the
 * worker-major input order), not a comparison sort of millions of pairs: O(pairs + score range).
 */

import type { MatchIndex } from './build.ts';

/** Default recommendations per remaining place (R). */
export const DEFAULT_RECOMMENDATIONS_PER_PLACE = 20;

/** Candidate lists: `width` slots per worker, best first, order −1 = empty (as `topOrdersForWorkers`). */
export interface MatchCandidateLists {
  readonly width: number;
  readonly orders: Int32Array;
  readonly scores: Int32Array;
}

/** Options of `rebalanceByCapacity`. */
export interface RebalanceOptions {
  /** Slots per worker in the result (<= the candidates' width). */
  readonly k: number;
  /** R: an order may be shown to remaining × R workers before it counts as over capacity. */
  readonly recommendationsPerPlace?: number;
}

/** The re-ranked lists. */
export interface RebalanceResult {
  readonly k: number;
  /** k slots per worker (same positions as the candidates), order −1 = empty. */
  readonly orders: Int32Array;
  readonly scores: Int32Array;
  /** 1 when the slot was topped up beyond the order's budget. */
  readonly overCapacity: Uint8Array;
  /** Exposures per order in the result (all slots, flagged ones included). */
  readonly exposures: Int32Array;
}

/** How recommendations spread over orders (see `measureExposure`). */
export interface ExposureMetrics {
  /** Slots that show an order. */
  readonly exposures: number;
  /** Orders shown at least once. */
  readonly ordersShown: number;
  /** max over orders of exposures / remaining places. */
  readonly maxExposuresPerPlace: number;
  /** Share of exposures beyond the orders' budgets: Σ max(0, e_o − cap_o) / Σ e_o. */
  readonly shareBeyondCap: number;
  /** Orders shown more often than their budget. */
  readonly ordersBeyondCap: number;
}

function requirePositiveInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${what} must be a positive integer`);
}

/** cap_o = max(0, remaining_o) × R. */
function computeCaps(index: MatchIndex, perPlace: number): Float64Array {
  const caps = new Float64Array(index.orders.count);
  for (let o = 0; o < caps.length; o++) caps[o] = Math.max(0, index.orders.remaining[o] ?? 0) * perPlace;
  return caps;
}

/**
 * Re-ranks candidate lists under per-order exposure budgets (see the header).
 *
 * @throws RangeError when k exceeds the candidates' width, the arrays do not fit the width, or
 *   the pairs exceed 2^31.
 */
export function rebalanceByCapacity(
  index: MatchIndex,
  candidates: MatchCandidateLists,
  options: RebalanceOptions,
): RebalanceResult {
  const { width, orders, scores } = candidates;
  const { k } = options;
  const perPlace = options.recommendationsPerPlace ?? DEFAULT_RECOMMENDATIONS_PER_PLACE;
  requirePositiveInteger(width, 'width');
  requirePositiveInteger(perPlace, 'recommendationsPerPlace');
  if (!Number.isInteger(k) || k < 0 || k > width) throw new RangeError(`k must be in [0, ${width}]`);
  if (orders.length !== scores.length || orders.length % width !== 0) {
    throw new RangeError('candidate orders and scores must hold `width` slots per worker');
  }
  if (orders.length >= 0x7fffffff) throw new RangeError('too many candidate pairs');
  const workerCount = orders.length / width;
  const caps = computeCaps(index, perPlace);

  const ranked = rankPairsByScore(orders, scores);
  // 1 = kept within budget, 2 = refused for capacity.
  const fate = new Uint8Array(orders.length);
  const held = new Int32Array(workerCount);
  const exposures = new Int32Array(index.orders.count);
  for (let r = 0; r < ranked.length; r++) {
    const pair = ranked[r] ?? 0;
    const worker = (pair / width) | 0;
    if ((held[worker] ?? 0) >= k) continue;
    const order = orders[pair] ?? 0;
    if ((exposures[order] ?? 0) < (caps[order] ?? 0)) {
      fate[pair] = 1;
      held[worker] = (held[worker] ?? 0) + 1;
      exposures[order] = (exposures[order] ?? 0) + 1;
    } else fate[pair] = 2;
  }

  const outOrders = new Int32Array(workerCount * k).fill(-1);
  const outScores = new Int32Array(workerCount * k);
  const overCapacity = new Uint8Array(workerCount * k);
  for (let worker = 0; worker < workerCount; worker++) {
    let slot = worker * k;
    const end = slot + k;
    const first = worker * width;
    for (let pair = first; pair < first + width && slot < end; pair++) {
      if (fate[pair] !== 1) continue;
      outOrders[slot] = orders[pair] ?? -1;
      outScores[slot] = scores[pair] ?? 0;
      slot++;
    }
    for (let pair = first; pair < first + width && slot < end; pair++) {
      if (fate[pair] !== 2) continue;
      const order = orders[pair] ?? 0;
      outOrders[slot] = order;
      outScores[slot] = scores[pair] ?? 0;
      overCapacity[slot] = 1;
      exposures[order] = (exposures[order] ?? 0) + 1;
      slot++;
    }
  }
  return { k, orders: outOrders, scores: outScores, overCapacity, exposures };
}

/**
 * Pair positions (worker · width + slot) of every non-empty slot, by score descending; equal
 * scores keep the input order (worker ascending, then the worker's rank). A stable counting sort.
 */
function rankPairsByScore(orders: Int32Array, scores: Int32Array): Int32Array {
  let low = 0x7fffffff;
  let high = -0x80000000;
  let pairCount = 0;
  for (let p = 0; p < orders.length; p++) {
    if ((orders[p] ?? -1) < 0) continue;
    const score = scores[p] ?? 0;
    if (score < low) low = score;
    if (score > high) high = score;
    pairCount++;
  }
  const ranked = new Int32Array(pairCount);
  if (pairCount === 0) return ranked;
  const starts = new Int32Array(high - low + 2);
  for (let p = 0; p < orders.length; p++) {
    if ((orders[p] ?? -1) < 0) continue;
    const bucket = high - (scores[p] ?? 0) + 1;
    starts[bucket] = (starts[bucket] ?? 0) + 1;
  }
  for (let b = 1; b < starts.length; b++) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
  for (let p = 0; p < orders.length; p++) {
    if ((orders[p] ?? -1) < 0) continue;
    const bucket = high - (scores[p] ?? 0);
    const slot = starts[bucket] ?? 0;
    starts[bucket] = slot + 1;
    ranked[slot] = p;
  }
  return ranked;
}

/** Options of `measureExposure`. */
export interface MeasureExposureOptions {
  /** Count only the first k slots of each row (default: the whole width). */
  readonly k?: number;
  readonly recommendationsPerPlace?: number;
}

/**
 * Exposure metrics of recommendation lists with `width` slots per worker (order −1 = empty):
 * the most exposures per remaining place of any order, and the share of exposures that go beyond
 * the orders' budgets (remaining × R). Compare plain top-k with the re-ranked lists.
 */
export function measureExposure(
  index: MatchIndex,
  orders: Int32Array,
  width: number,
  options: MeasureExposureOptions = {},
): ExposureMetrics {
  requirePositiveInteger(width, 'width');
  const k = Math.min(options.k ?? width, width);
  const caps = computeCaps(index, options.recommendationsPerPlace ?? DEFAULT_RECOMMENDATIONS_PER_PLACE);
  const counts = new Int32Array(index.orders.count);
  let exposures = 0;
  for (let row = 0; row < orders.length; row += width) {
    for (let slot = row; slot < row + k; slot++) {
      const order = orders[slot] ?? -1;
      if (order < 0) continue;
      counts[order] = (counts[order] ?? 0) + 1;
      exposures++;
    }
  }
  let ordersShown = 0;
  let maxPerPlace = 0;
  let beyond = 0;
  let ordersBeyondCap = 0;
  for (let o = 0; o < counts.length; o++) {
    const count = counts[o] ?? 0;
    if (count === 0) continue;
    ordersShown++;
    const places = Math.max(1, index.orders.remaining[o] ?? 0);
    maxPerPlace = Math.max(maxPerPlace, count / places);
    const over = count - (caps[o] ?? 0);
    if (over > 0) {
      beyond += over;
      ordersBeyondCap++;
    }
  }
  return {
    exposures,
    ordersShown,
    maxExposuresPerPlace: maxPerPlace,
    shareBeyondCap: exposures === 0 ? 0 : beyond / exposures,
    ordersBeyondCap,
  };
}
