/**
 * Per-index, per-thread working memory of the searches: the result buffer, the bound queue, the
 * loaded queries with their marks, and counters. Created once per index (per thread — a worker
 * thread that receives the index builds its own) and reused by every call, so a batch of a
 * million searches allocates nothing per worker.
 */

import type { MatchIndex } from './build.ts';
import { BoundQueue, TopK } from './queue.ts';
import type { ScoringModel } from './score.ts';
import { PlaceTable, WorkerQuery } from './search-orders.ts';
import { OrderQuery } from './search-workers.ts';

/** Working memory of the searches on one index. */
export class SearchScratch {
  readonly top = new TopK();
  readonly queue: BoundQueue;
  /** seen[w] === stamp: worker w was already scored in the current reverse search. */
  readonly seen: Int32Array;
  private stamp = 0;
  nodesVisited = 0;
  pairsChecked = 0;
  readonly workerQuery: WorkerQuery;
  readonly orderQuery = new OrderQuery();
  readonly places: PlaceTable;
  /** The order tree's node records (set by the order search). */
  nodes: Int32Array = new Int32Array(0);
  /** Tree roots of the current order search. */
  readonly roots: number[] = [];

  constructor(index: MatchIndex, model: ScoringModel) {
    this.places = new PlaceTable(index, model);
    this.workerQuery = new WorkerQuery(index.strings.count);
    let minStatic = 0;
    let maxStatic = 0;
    for (const points of index.orders.staticPoints) {
      minStatic = Math.min(minStatic, points);
      maxStatic = Math.max(maxStatic, points);
    }
    // Every bound is at most the sum of the largest points each term can give; keys below the
    // smallest sum share the lowest bucket.
    const hi =
      (model.occupationPoints[4] ?? 0) +
      model.skillCap +
      model.wageMeets +
      Math.max(0, model.dormitory, model.noDormitory) +
      Math.max(0, model.channelTie) +
      maxStatic;
    const lo =
      -model.wageBelowCap - model.distanceCap + Math.min(0, model.dormitory, model.noDormitory) + minStatic;
    this.queue = new BoundQueue(lo, hi);
    this.seen = new Int32Array(index.workers.count);
  }

  /** A fresh stamp for `seen`. */
  nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

const scratches = new WeakMap<MatchIndex, SearchScratch>();

/** The scratch of `index` on this thread. */
export function scratchFor(index: MatchIndex, model: ScoringModel): SearchScratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    scratch = new SearchScratch(index, model);
    scratches.set(index, scratch);
  }
  return scratch;
}
