/**
 * Workers for one order: the order search's mirror image over the worker tree (build.ts).
 *
 * The tree's entries are worker intentions (one entry with an empty code for a worker without
 * any), grouped by root splits (needs a dormitory, has a channel), then by code, then by
 * expected-wage band. Node bounds for the loaded order:
 *
 *   occupation  bounds.ts, against the order's single code;
 *   skills      shared bloom bits with the order's terms (bounds.ts);
 *   wage        the term falls as the expectation rises: computeWageTerm at the lowest expectation
 *               below, or 0 when someone below states none;
 *   place       a dormitory / no-dormitory points for those who need one, 0 for locals (distance
 *               only costs);
 *   tie, static the tie weight when the blooms meet; the order's own staticPoints;
 *
 * and nodes whose loosest worker facts (highest education, age range, earliest availability,
 * certificate bloom) already fail the order are dropped. A worker appears once per intention; they
 * are scored — with their best intention, over all their data — the first time any entry is
 * reached and skipped after (`seen` stamps). The entry of their best intention carries a bound at
 * least their score, so the stopping rule stays exact. A leaf's workers share one bound and come in
 * ascending index, so a full top-k stops reading a leaf at the first index past the k-th.
 */

import { boundOccupation, boundSharedTerms, coversBloom, hasDistinctBits } from './bounds.ts';
import type { MatchIndex, MatchWorkerTree } from './build.ts';
import { CERT_BLOOM_WORDS, TERM_BLOOM_WORDS } from './build.ts';
import type { ScoringModel } from './score.ts';
import { computeWageTerm, isPairEligible, scoreMatchPair } from './score.ts';
import type { SearchScratch } from './scratch.ts';
import { PRUNED } from './search-orders.ts';
import { CODE_SEGMENTS } from './tree.ts';

const SEGMENTS = CODE_SEGMENTS;
const TERM_WORDS = TERM_BLOOM_WORDS;
const CERT_WORDS = CERT_BLOOM_WORDS;

/** What an order query keeps at hand while bounding worker-tree nodes. */
export class OrderQuery {
  o = 0;
  termCount = 0;
  readonly termBloom = new Int32Array(TERM_WORDS);
  hasDistinctTermBits = false;

  load(index: MatchIndex, o: number): void {
    const orders = index.orders;
    this.o = o;
    this.termCount = (orders.termStart[o + 1] ?? 0) - (orders.termStart[o] ?? 0);
    for (let j = 0; j < TERM_WORDS; j++) this.termBloom[j] = orders.termBloom[TERM_WORDS * o + j] ?? 0;
    this.hasDistinctTermBits = hasDistinctBits(orders.termBloom, TERM_WORDS * o, this.termCount);
  }
}

/** Upper bound on the score of any worker below node `n` for the loaded order, or PRUNED. */
function boundWorkerNode(
  index: MatchIndex,
  model: ScoringModel,
  tree: MatchWorkerTree,
  query: OrderQuery,
  n: number,
): number {
  const orders = index.orders;
  const o = query.o;
  const flags = tree.flags[n] ?? 0;
  if (
    flags === 0 ||
    (tree.maxEducation[n] ?? 0) < (orders.educationMin[o] ?? 0) ||
    (tree.minAge[n] ?? 0) > (orders.ageMax[o] ?? 0) ||
    (tree.maxAge[n] ?? 0) < (orders.ageMin[o] ?? 0) ||
    (tree.minAvailable[n] ?? 0) > (orders.deadline[o] ?? 0) ||
    !coversBloom(tree.certBloom, n, orders.certBloom, o, CERT_WORDS)
  ) {
    return PRUNED;
  }
  const level = tree.level[n] ?? 0;
  let bound =
    boundOccupation(
      tree.code,
      SEGMENTS * n,
      level,
      tree.depth[n] ?? level,
      orders.code,
      orders.codeLength,
      o,
      o + 1,
      model.occupationPoints,
    ) + (orders.staticPoints[o] ?? 0);
  if (query.termCount > 0) {
    const shared = boundSharedTerms(
      tree.termBloom,
      TERM_WORDS * n,
      query.termBloom,
      0,
      query.hasDistinctTermBits,
    );
    if (shared > 0) {
      bound += Math.min(
        model.skillCap,
        Math.min(shared, query.termCount, tree.maxTerms[n] ?? 0) * model.skillPerMatch,
      );
    }
  }
  // The wage term falls as the expectation rises: the lowest expectation below bounds it.
  let wage = Number.NEGATIVE_INFINITY;
  if ((flags & 8) !== 0) {
    wage = computeWageTerm(model, tree.minExpected[n] ?? 0, orders.wageMin[o] ?? 0, orders.wageMax[o] ?? 0);
  }
  if ((flags & 4) !== 0) wage = Math.max(wage, 0);
  bound += wage;
  const dormitoryPoints = orders.dormitory[o] === 1 ? model.dormitory : model.noDormitory;
  if ((flags & 3) === 1) bound += dormitoryPoints;
  else if ((flags & 3) === 3) bound += Math.max(0, dormitoryPoints);
  const hasTies = (orders.tieStart[o + 1] ?? 0) > (orders.tieStart[o] ?? 0);
  if (hasTies && ((orders.tieBloom[o] ?? 0) & (tree.tieBloom[n] ?? 0)) !== 0)
    bound += Math.max(0, model.channelTie);
  return bound;
}

/** Runs the worker search for order `o`; the answer is left in `scratch.top`. */
export function searchWorkers(
  index: MatchIndex,
  model: ScoringModel,
  scratch: SearchScratch,
  o: number,
  k: number,
  mask: Uint8Array | null,
): void {
  const { top, queue } = scratch;
  top.reset(k);
  queue.clear();
  const tree = index.workerTree;
  if (k === 0 || tree.nodeCount === 0 || (index.orders.remaining[o] ?? 0) <= 0) return;
  const stamp = scratch.nextStamp();
  const seen = scratch.seen;
  const query = scratch.orderQuery;
  query.load(index, o);
  const { entries, minItem, childCount, firstChild, start, end } = tree;
  const rootBound = boundWorkerNode(index, model, tree, query, 0);
  if (rootBound === PRUNED) return;
  queue.push(rootBound, 0, start[0] ?? 0, rootBound);
  for (;;) {
    const key = queue.peekKey();
    if (key === Number.NEGATIVE_INFINITY) break;
    if (top.count === k && key < (top.score[k - 1] ?? 0)) break;
    queue.pop();
    const n = queue.poppedNode;
    scratch.nodesVisited++;
    if (!top.canEnter(key, minItem[n] ?? 0)) continue;
    const children = childCount[n] ?? 0;
    if (children > 0) {
      const first = firstChild[n] ?? 0;
      for (let c = first; c < first + children; c++) {
        const bound = boundWorkerNode(index, model, tree, query, c);
        if (bound === PRUNED || !top.canEnter(bound, minItem[c] ?? 0)) continue;
        queue.push(bound, c, start[c] ?? 0, bound);
      }
      continue;
    }
    // A leaf: one bound for all its workers, who come in ascending index.
    const bound = queue.poppedBase;
    const to = end[n] ?? 0;
    for (let p = queue.poppedPos; p < to; p++) {
      const w = entries[p] ?? 0;
      if (top.count === k) {
        const worst = top.score[k - 1] ?? 0;
        if (bound < worst || (bound === worst && w > (top.item[k - 1] ?? 0))) break;
      }
      if (seen[w] === stamp) continue;
      seen[w] = stamp;
      if (mask !== null && mask[w] === 0) continue;
      scratch.pairsChecked++;
      if (!isPairEligible(index, w, o)) continue;
      top.offer(scoreMatchPair(index, w, o), w);
    }
  }
}
