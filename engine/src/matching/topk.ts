/**
 * Exact top-k: the public entry points over the two searches (search-orders.ts,
 * search-workers.ts) and the brute-force oracles they are tested against.
 *
 * Answers are ordered by score descending, then by index ascending (input order), so they are
 * deterministic and comparable element by element with the oracle. The searches never scan all
 * pairs: they walk a code tree best-first and stop when no bound left can beat (or tie with a
 * smaller index) the k-th result — see docs/matching.md for the argument and the figures.
 */

import type { MatchIndex } from './build.ts';
import { TopK } from './queue.ts';
import { isPairEligible, scoreMatchPair, scoringModelOf } from './score.ts';
import { scratchFor } from './scratch.ts';
import { searchOrders } from './search-orders.ts';
import { searchWorkers } from './search-workers.ts';
import { CODE_SEGMENTS } from './tree.ts';
import type { TopOrders, TopWorkers } from './types.ts';

/** Options of `topOrdersForWorker` and `bruteForceTopOrders`. */
export interface TopOrdersOptions {
  /** 1 = the order may be returned, 0 = skip it; length = order count. */
  readonly orderMask?: Uint8Array;
}

/** Options of `topWorkersForOrder` and `bruteForceTopWorkers`. */
export interface TopWorkersOptions {
  /** 1 = the worker may be returned, 0 = skip them; length = worker count. */
  readonly workerMask?: Uint8Array;
}

/** Counters a batch search adds to (for benchmarks and tuning). */
export interface MatchSearchStats {
  /** Tree nodes taken from the queue. */
  nodesVisited: number;
  /** Pairs whose hard filters were checked. */
  pairsChecked: number;
}

/** Options of `topOrdersForWorkers`. */
export interface TopOrdersBatchOptions extends TopOrdersOptions {
  readonly stats?: MatchSearchStats;
  /**
   * Write the answer into these arrays (e.g. on a SharedArrayBuffer, from a worker thread)
   * instead of new ones: worker w's slots start at `(offset + w − fromWorker) · k`.
   */
  readonly output?: { readonly orders: Int32Array; readonly scores: Int32Array; readonly offset: number };
}

/** A batch answer: `k` slots per worker, best first, padded with order −1 and score 0. */
export interface TopOrdersBatch {
  /** Slots per worker (= k). */
  readonly width: number;
  readonly orders: Int32Array;
  readonly scores: Int32Array;
}

function requireIndexIn(value: number, count: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= count) {
    throw new RangeError(`${what} must be an index in [0, ${count}), got ${value}`);
  }
}

function requireK(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
}

function requireMask(mask: Uint8Array | undefined, count: number, what: string): Uint8Array | null {
  if (mask === undefined) return null;
  if (mask.length !== count) throw new RangeError(`${what} must have length ${count}, got ${mask.length}`);
  return mask;
}

/**
 * The exact top-k orders for worker `workerIdx` among matchable orders that pass every hard filter
 * (and the mask): score descending, then order index ascending. Fewer than k when fewer qualify.
 *
 * @throws RangeError when `workerIdx` is out of range, `k` is not a non-negative integer or the
 *   mask has the wrong length.
 */
export function topOrdersForWorker(
  index: MatchIndex,
  workerIdx: number,
  k: number,
  options: TopOrdersOptions = {},
): TopOrders {
  requireIndexIn(workerIdx, index.workers.count, 'workerIdx');
  requireK(k);
  const mask = requireMask(options.orderMask, index.orders.count, 'orderMask');
  const model = scoringModelOf(index);
  const scratch = scratchFor(index, model);
  searchOrders(index, model, scratch, workerIdx, k, mask);
  const { items, scores } = scratch.top.take();
  return { orders: items, scores };
}

/**
 * The exact top-k workers for order `orderIdx` (empty when it has no places left): score
 * descending, then worker index ascending.
 *
 * @throws RangeError as `topOrdersForWorker`.
 */
export function topWorkersForOrder(
  index: MatchIndex,
  orderIdx: number,
  k: number,
  options: TopWorkersOptions = {},
): TopWorkers {
  requireIndexIn(orderIdx, index.orders.count, 'orderIdx');
  requireK(k);
  const mask = requireMask(options.workerMask, index.workers.count, 'workerMask');
  const model = scoringModelOf(index);
  const scratch = scratchFor(index, model);
  searchWorkers(index, model, scratch, orderIdx, k, mask);
  const { items, scores } = scratch.top.take();
  return { workers: items, scores };
}

/**
 * The batch kernel: top-k orders for every worker in [fromWorker, toWorker). Slot
 * (w − fromWorker)·k + r holds the r-th best; unused slots hold order −1 and score 0. Workers are
 * independent, so threads can split a range and run this on a shared index.
 *
 * @throws RangeError when the range is not within [0, worker count] or k is invalid.
 */
export function topOrdersForWorkers(
  index: MatchIndex,
  fromWorker: number,
  toWorker: number,
  k: number,
  options: TopOrdersBatchOptions = {},
): TopOrdersBatch {
  const count = index.workers.count;
  if (!Number.isInteger(fromWorker) || !Number.isInteger(toWorker) || fromWorker < 0 || toWorker > count) {
    throw new RangeError(`worker range [${fromWorker}, ${toWorker}) is outside [0, ${count})`);
  }
  if (toWorker < fromWorker) throw new RangeError(`worker range [${fromWorker}, ${toWorker}) is reversed`);
  requireK(k);
  const mask = requireMask(options.orderMask, index.orders.count, 'orderMask');
  const model = scoringModelOf(index);
  const scratch = scratchFor(index, model);
  const slots = (toWorker - fromWorker) * k;
  const output = options.output;
  const base = output ? output.offset * k : 0;
  if (output && (base < 0 || base + slots > Math.min(output.orders.length, output.scores.length))) {
    throw new RangeError('output arrays are too short for the range');
  }
  const orders = output ? output.orders : new Int32Array(slots);
  const scores = output ? output.scores : new Int32Array(slots);
  const visitedBefore = scratch.nodesVisited;
  const checkedBefore = scratch.pairsChecked;
  for (const w of orderByLocality(index, fromWorker, toWorker)) {
    searchOrders(index, model, scratch, w, k, mask);
    const { top } = scratch;
    const offset = base + (w - fromWorker) * k;
    for (let r = 0; r < k; r++) {
      const isHeld = r < top.count;
      orders[offset + r] = isHeld ? (top.item[r] ?? -1) : -1;
      scores[offset + r] = isHeld ? (top.score[r] ?? 0) : 0;
    }
  }
  if (options.stats) {
    options.stats.nodesVisited += scratch.nodesVisited - visitedBefore;
    options.stats.pairsChecked += scratch.pairsChecked - checkedBefore;
  }
  return { width: k, orders, scores };
}

/**
 * The workers of [from, to) in the order that keeps the caches warm: grouped by their first
 * intention's code, then by needing a dormitory, so consecutive searches walk the same part of
 * the order tree (measured: most of a search's time is cache misses on nodes and entries).
 * Results do not depend on the order; a counting sort keeps it linear.
 */
function orderByLocality(index: MatchIndex, from: number, to: number): Int32Array {
  const workers = index.workers;
  const keyRange = 2 * (index.strings.count + 1);
  const keys = new Int32Array(to - from);
  for (let w = from; w < to; w++) {
    const first = workers.intentionStart[w] ?? 0;
    const length = first < (workers.intentionStart[w + 1] ?? 0) ? (workers.intentionLength[first] ?? 0) : 0;
    const code = length > 0 ? (workers.intentionCode[CODE_SEGMENTS * first + length - 1] ?? -1) : -1;
    keys[w - from] = 2 * (code + 1) + (workers.needsDormitory[w] ?? 0);
  }
  const starts = new Int32Array(keyRange + 1);
  for (const key of keys) starts[key + 1] = (starts[key + 1] ?? 0) + 1;
  for (let key = 0; key < keyRange; key++) starts[key + 1] = (starts[key + 1] ?? 0) + (starts[key] ?? 0);
  const sorted = new Int32Array(to - from);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? 0;
    const slot = starts[key] ?? 0;
    starts[key] = slot + 1;
    sorted[slot] = from + i;
  }
  return sorted;
}

/**
 * The oracle: scores every order for worker `workerIdx` and keeps the k best (same order and
 * tie-break as `topOrdersForWorker`). O(orders) per call.
 */
export function bruteForceTopOrders(
  index: MatchIndex,
  workerIdx: number,
  k: number,
  options: TopOrdersOptions = {},
): TopOrders {
  requireIndexIn(workerIdx, index.workers.count, 'workerIdx');
  requireK(k);
  const mask = requireMask(options.orderMask, index.orders.count, 'orderMask');
  const top = new TopK();
  top.reset(k);
  if (k > 0) {
    for (let o = 0; o < index.orders.count; o++) {
      if (mask !== null && mask[o] === 0) continue;
      if (isPairEligible(index, workerIdx, o)) top.offer(scoreMatchPair(index, workerIdx, o), o);
    }
  }
  const { items, scores } = top.take();
  return { orders: items, scores };
}

/** The oracle for `topWorkersForOrder`: scores every worker. O(workers) per call. */
export function bruteForceTopWorkers(
  index: MatchIndex,
  orderIdx: number,
  k: number,
  options: TopWorkersOptions = {},
): TopWorkers {
  requireIndexIn(orderIdx, index.orders.count, 'orderIdx');
  requireK(k);
  const mask = requireMask(options.workerMask, index.workers.count, 'workerMask');
  const top = new TopK();
  top.reset(k);
  if (k > 0) {
    for (let w = 0; w < index.workers.count; w++) {
      if (mask !== null && mask[w] === 0) continue;
      if (isPairEligible(index, w, orderIdx)) top.offer(scoreMatchPair(index, w, orderIdx), w);
    }
  }
  const { items, scores } = top.take();
  return { workers: items, scores };
}
