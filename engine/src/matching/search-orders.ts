/**
 * Orders for one worker: best-first branch and bound over the order forest (layout.ts, build.ts).
 *
 * The forest. Every matchable order is an entry of the main tree, and of one more tree per skill,
 * certificate and tie key it lists. For a worker the search queues the main tree and the trees of
 * the worker's own terms and tie keys. Each order is *owned* by exactly one of those: the tree of
 * the smallest tie key it shares with the worker, else of the smallest term it shares, else the
 * main tree; it is scored only there (`scoreListTerms`), so no "seen" set is needed. This lets the
 * main tree bound the skills and tie terms by 0 — exact for everything it owns — which is where
 * most of the pruning comes from: a shared skill is rare, but an order tree's OR of skills over
 * thousands of orders always contains the worker's.
 *
 * A node's bound for the loaded worker is the sum of per-term bounds:
 *
 *   occupation  bounds.ts — exact at and below a terminal;
 *   skills      main tree 0; term and tie trees perMatch × min(shared bloom bits, max terms),
 *               capped (bounds.ts);
 *   tie         the tie weight in tie trees, else 0;
 *   wage        computeWageTerm(expected, max wageMin below, max wageMax below): the term never
 *               falls when either end of the offered range rises, so the largest ends bound it;
 *   place       needs a dormitory: dormitory / no-dormitory points of what is below; a local
 *               worker with a known place: the best distance points over the location bits below
 *               (0 as soon as one costs nothing); otherwise 0;
 *   static      the node's max staticPoints;
 *
 * and a node whose loosest limits (education, age, deadline, certificate count) already exclude
 * the worker is not queued. A leaf's entries run in descending staticPoints, so entry e is bounded
 * by (leaf bound − leaf max static + static of e); the leaf is read while that can still enter
 * and is not far below the best bound waiting (REQUEUE_SLACK), then goes back into the queue at
 * its position. Each entry is first scored exactly on its own fields (filters, occupation,
 * static, wage, place); only if that plus the leaf's list bound can enter are its lists read.
 *
 * Exact stopping (ties broken by order index): with k results held, something can still enter
 * only if its bound beats the k-th score, or equals it with a smaller index (`TopK.canEnter`); the
 * search ends when the best bound waiting is below the k-th score. Every bound is an upper bound
 * on every pair its subtree owns, so nothing skipped could have entered. The property tests
 * compare the search with the brute force over score.ts on thousands of instances.
 */

import {
  boundChildOccupation,
  boundOccupation,
  boundSharedTerms,
  hasDistinctBits,
  measureSharedPrefixes,
} from './bounds.ts';
import type { MatchIndex, MatchOrderTree } from './build.ts';
import { bloomBitOf, NO_EXPECTED_WAGE, TERM_BLOOM_WORDS } from './build.ts';
import {
  ENTRY_AGE_MAX,
  ENTRY_AGE_MIN,
  ENTRY_CERTS_BIT,
  ENTRY_DEADLINE,
  ENTRY_DORMITORY_BIT,
  ENTRY_EDUCATION_MASK,
  ENTRY_FLAGS,
  ENTRY_ITEM,
  ENTRY_LOCATION,
  ENTRY_RECORD,
  ENTRY_STATIC,
  ENTRY_TIES_BIT,
  ENTRY_WAGE_MAX,
  ENTRY_WAGE_MIN,
  KIND_MAIN,
  KIND_TERM,
  KIND_TIE,
  NODE_CHILD_COUNT,
  NODE_CODE,
  NODE_DEPTH,
  NODE_END,
  NODE_FIRST_CHILD,
  NODE_FLAGS,
  NODE_KIND,
  NODE_LEVEL,
  NODE_LOCATIONS,
  NODE_MAX_AGE_MAX,
  NODE_MAX_DEADLINE,
  NODE_MAX_STATIC,
  NODE_MAX_TERMS,
  NODE_MAX_WAGE_MAX,
  NODE_MAX_WAGE_MIN,
  NODE_MIN_AGE_MIN,
  NODE_MIN_CERTS,
  NODE_MIN_EDUCATION,
  NODE_MIN_ITEM,
  NODE_START,
  NODE_TERM_BLOOM,
  NODE_TREE_KEY,
  ORDER_ENTRY_STRIDE,
  ORDER_NODE_STRIDE,
} from './layout.ts';
import type { ScoringModel } from './score.ts';
import { computeDistancePenalty, computeWageTerm, findDistanceKm } from './score.ts';
import type { SearchScratch } from './scratch.ts';

/** A bound or score meaning "cannot qualify". */
export const PRUNED = -0x80000000;

const TERM_WORDS = TERM_BLOOM_WORDS;
const NS = ORDER_NODE_STRIDE;
const ES = ORDER_ENTRY_STRIDE;
/** Locations 0..30 have their own bit in a node's location mask; the rest share bit 31. */
const OWN_LOCATION_BITS = 31;
/**
 * A leaf being read goes back into the queue only when its next entry's bound is more than this
 * many points below the best bound waiting: screening an entry costs less than a queue round
 * trip (measured: 63 → 52 µs a worker at 100,000 orders). Any value is exact.
 */
const REQUEUE_SLACK = 6;

/**
 * Per worker location: the distance points (<= 0) of each location bit and the mask of bits that
 * cost nothing (bit 31 — unknown or later locations — always counts as free: bounded by 0).
 */
export class PlaceTable {
  private readonly points: (Int32Array | undefined)[] = [];
  private readonly freeMasks: number[] = [];

  constructor(
    private readonly index: MatchIndex,
    private readonly model: ScoringModel,
  ) {}

  pointsOf(location: number): Int32Array {
    return this.points[location] ?? this.compute(location);
  }

  freeMaskOf(location: number): number {
    if (this.points[location] === undefined) this.compute(location);
    return this.freeMasks[location] ?? -1;
  }

  private compute(location: number): Int32Array {
    const points = new Int32Array(32);
    let freeMask = 1 << OWN_LOCATION_BITS;
    const count = Math.min(OWN_LOCATION_BITS, this.index.locations.count);
    for (let bit = 0; bit < count; bit++) {
      points[bit] = -computeDistancePenalty(this.model, findDistanceKm(this.index, location, bit));
      if (points[bit] === 0) freeMask |= 1 << bit;
    }
    this.points[location] = points;
    this.freeMasks[location] = freeMask;
    return points;
  }
}

/** The loaded worker: scalars, blooms, and marks of their strings. */
export class WorkerQuery {
  w = 0;
  age = 0;
  education = 0;
  expected = 0;
  available = 0;
  needsDormitory = false;
  location = -1;
  termCount = 0;
  readonly termBloom = new Int32Array(TERM_WORDS);
  hasDistinctTermBits = false;
  tieCount = 0;
  certCount = 0;
  intentionFrom = 0;
  intentionTo = 0;
  /** Per intention, the segments it shares with the node being expanded. */
  intentionShared = new Int32Array(8);
  /**
   * By tree kind (KIND_MAIN, KIND_TERM, KIND_TIE): the most the wage, place, skills and tie terms
   * can give this worker together, for a quick test before a node's exact bound.
   */
  readonly mostRest = new Int32Array(3);
  /** Location bits that cost nothing; −1 when distance does not apply (dormitory, unknown place). */
  placeFreeMask = -1;
  placePoints: Int32Array = new Int32Array(32);
  /** termMarks[id] === stamp: the worker lists id among skills ∪ certificates; same for the others. */
  readonly termMarks: Int32Array;
  /** Where a marked term id stands in the worker's ascending term list. */
  readonly termRank: Int32Array;
  /**
   * Per rank p: the bloom (TERM_WORDS words) of the worker's terms after p, and whether those
   * terms have distinct bits.
   */
  termsAfterBloom = new Int32Array(16 * TERM_WORDS);
  termsAfterDistinct = new Uint8Array(16);
  readonly certMarks: Int32Array;
  readonly tieMarks: Int32Array;
  stamp = 0;

  constructor(stringCount: number) {
    this.termMarks = new Int32Array(stringCount);
    this.termRank = new Int32Array(stringCount);
    this.certMarks = new Int32Array(stringCount);
    this.tieMarks = new Int32Array(stringCount);
  }

  /**
   * For each of the worker's terms (ascending ids from `terms[from]`), its rank and the bloom of
   * the terms after it: a term tree owns only orders whose smallest shared term is its own, so
   * only later terms can add to what such an order shares.
   */
  private loadTermsAfter(terms: Int32Array, from: number): void {
    const count = this.termCount;
    if (this.termsAfterDistinct.length < count) {
      this.termsAfterDistinct = new Uint8Array(count * 2);
      this.termsAfterBloom = new Int32Array(count * 2 * TERM_WORDS);
    }
    const bloom = this.termsAfterBloom;
    let distinct = true;
    for (let rank = count - 1; rank >= 0; rank--) {
      const at = rank * TERM_WORDS;
      if (rank === count - 1) bloom.fill(0, at, at + TERM_WORDS);
      else {
        const id = terms[from + rank + 1] ?? 0;
        const bit = bloomBitOf(id, TERM_WORDS);
        for (let j = 0; j < TERM_WORDS; j++) bloom[at + j] = bloom[at + TERM_WORDS + j] ?? 0;
        const word = at + (bit >>> 5);
        if (((bloom[word] ?? 0) & (1 << (bit & 31))) !== 0) distinct = false;
        bloom[word] = (bloom[word] ?? 0) | (1 << (bit & 31));
      }
      this.termsAfterDistinct[rank] = distinct ? 1 : 0;
      this.termRank[terms[from + rank] ?? 0] = rank;
    }
  }

  load(index: MatchIndex, model: ScoringModel, places: PlaceTable, w: number): void {
    const workers = index.workers;
    this.w = w;
    this.age = workers.age[w] ?? 0;
    this.education = workers.education[w] ?? 0;
    this.expected = workers.expected[w] ?? NO_EXPECTED_WAGE;
    this.available = workers.available[w] ?? 0;
    this.needsDormitory = workers.needsDormitory[w] === 1;
    this.location = workers.location[w] ?? -1;
    this.intentionFrom = workers.intentionStart[w] ?? 0;
    this.intentionTo = workers.intentionStart[w + 1] ?? 0;
    if (this.intentionShared.length < this.intentionTo - this.intentionFrom) {
      this.intentionShared = new Int32Array(2 * (this.intentionTo - this.intentionFrom));
    }
    if (this.stamp === 0x7fffffff) {
      this.termMarks.fill(0);
      this.certMarks.fill(0);
      this.tieMarks.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    this.termCount = markList(this.termMarks, stamp, workers.terms, workers.termStart, w);
    this.certCount = markList(this.certMarks, stamp, workers.certs, workers.certStart, w);
    this.tieCount = markList(this.tieMarks, stamp, workers.ties, workers.tieStart, w);
    for (let j = 0; j < TERM_WORDS; j++) this.termBloom[j] = workers.termBloom[TERM_WORDS * w + j] ?? 0;
    this.hasDistinctTermBits = hasDistinctBits(workers.termBloom, TERM_WORDS * w, this.termCount);
    this.loadTermsAfter(workers.terms, workers.termStart[w] ?? 0);
    if (this.needsDormitory || this.location < 0) this.placeFreeMask = -1;
    else {
      this.placeFreeMask = places.freeMaskOf(this.location);
      this.placePoints = places.pointsOf(this.location);
    }
    const wage = this.expected === NO_EXPECTED_WAGE ? 0 : model.wageMeets;
    const place = this.needsDormitory ? Math.max(model.dormitory, model.noDormitory) : 0;
    const skills = Math.min(model.skillCap, this.termCount * model.skillPerMatch);
    this.mostRest[KIND_MAIN] = wage + place;
    this.mostRest[KIND_TERM] = wage + place + skills;
    this.mostRest[KIND_TIE] = wage + place + skills + Math.max(0, model.channelTie);
  }
}

/** Marks item `item`'s ids of a CSR list; returns how many there are. */
function markList(
  marks: Int32Array,
  stamp: number,
  values: Int32Array,
  start: Int32Array,
  item: number,
): number {
  const from = start[item] ?? 0;
  const to = start[item + 1] ?? 0;
  for (let i = from; i < to; i++) marks[values[i] ?? 0] = stamp;
  return to - from;
}

/** Upper bound on the distance points of the loaded local worker for the location bits `mask`. */
function boundPlace(query: WorkerQuery, mask: number): number {
  if ((mask & query.placeFreeMask) !== 0) return 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let bits = mask; bits !== 0; bits &= bits - 1) {
    const points = query.placePoints[31 - Math.clz32(bits & -bits)] ?? 0;
    if (points > best) best = points;
  }
  return best === Number.NEGATIVE_INFINITY ? 0 : best;
}

/** The occupation bound of the node record at `at` for the loaded worker. */
function boundNodeOccupation(
  index: MatchIndex,
  model: ScoringModel,
  query: WorkerQuery,
  nodes: Int32Array,
  at: number,
): number {
  return boundOccupation(
    nodes,
    at + NODE_CODE,
    nodes[at + NODE_LEVEL] ?? 0,
    nodes[at + NODE_DEPTH] ?? 0,
    index.workers.intentionCode,
    index.workers.intentionLength,
    query.intentionFrom,
    query.intentionTo,
    model.occupationPoints,
  );
}

/**
 * Upper bound on the skills and tie terms below the node record at `at`. The main tree holds
 * exactly the orders sharing no term and no tie with the worker (0); those sharing something are
 * reached, and bounded with these terms, through the worker's own term and tie trees.
 */
function boundListTerms(model: ScoringModel, nodes: Int32Array, at: number, query: WorkerQuery): number {
  const kind = nodes[at + NODE_KIND] ?? KIND_MAIN;
  if (kind === KIND_MAIN || query.termCount === 0)
    return kind === KIND_TIE ? Math.max(0, model.channelTie) : 0;
  const maxTerms = nodes[at + NODE_MAX_TERMS] ?? 0;
  let most: number;
  if (kind === KIND_TERM) {
    // The tree's own term, plus the worker's later terms that the node's bloom allows.
    const rank = query.termRank[nodes[at + NODE_TREE_KEY] ?? 0] ?? 0;
    const later = query.termCount - 1 - rank;
    const extra =
      later === 0
        ? 0
        : boundSharedTerms(
            nodes,
            at + NODE_TERM_BLOOM,
            query.termsAfterBloom,
            rank * TERM_WORDS,
            query.termsAfterDistinct[rank] === 1,
          );
    most = Math.min(1 + Math.min(extra, later), maxTerms);
  } else {
    const shared = boundSharedTerms(
      nodes,
      at + NODE_TERM_BLOOM,
      query.termBloom,
      0,
      query.hasDistinctTermBits,
    );
    most = Math.min(shared, query.termCount, maxTerms);
  }
  const skills = most > 0 ? Math.min(model.skillCap, most * model.skillPerMatch) : 0;
  return kind === KIND_TIE ? skills + Math.max(0, model.channelTie) : skills;
}

/** Upper bound on static + wage + place below the node record at `at` (see the header). */
function boundNodeFields(
  model: ScoringModel,
  nodes: Int32Array,
  at: number,
  query: WorkerQuery,
  flags: number,
): number {
  let bound = nodes[at + NODE_MAX_STATIC] ?? 0;
  if (query.expected !== NO_EXPECTED_WAGE) {
    bound += computeWageTerm(
      model,
      query.expected,
      nodes[at + NODE_MAX_WAGE_MIN] ?? 0,
      nodes[at + NODE_MAX_WAGE_MAX] ?? 0,
    );
  }
  if (query.needsDormitory) {
    if (flags === 1) bound += model.dormitory;
    else if (flags === 2) bound += model.noDormitory;
    else bound += Math.max(model.dormitory, model.noDormitory);
  } else if (query.placeFreeMask !== -1) bound += boundPlace(query, nodes[at + NODE_LOCATIONS] ?? 0);
  return bound;
}

/**
 * The entry's score without the list terms (skills, tie) — occupation + static + wage + place —
 * or PRUNED when an age, education or deadline limit fails.
 */
function scoreEntryFields(
  index: MatchIndex,
  model: ScoringModel,
  query: WorkerQuery,
  entries: Int32Array,
  at: number,
  occupation: number,
): number {
  const flags = entries[at + ENTRY_FLAGS] ?? 0;
  if (
    (entries[at + ENTRY_AGE_MIN] ?? 0) > query.age ||
    (entries[at + ENTRY_AGE_MAX] ?? 0) < query.age ||
    (flags & ENTRY_EDUCATION_MASK) > query.education ||
    (entries[at + ENTRY_DEADLINE] ?? 0) < query.available
  ) {
    return PRUNED;
  }
  let score = occupation + (entries[at + ENTRY_STATIC] ?? 0);
  if (query.expected !== NO_EXPECTED_WAGE) {
    score += computeWageTerm(
      model,
      query.expected,
      entries[at + ENTRY_WAGE_MIN] ?? 0,
      entries[at + ENTRY_WAGE_MAX] ?? 0,
    );
  }
  if (query.needsDormitory) {
    score += (flags & ENTRY_DORMITORY_BIT) !== 0 ? model.dormitory : model.noDormitory;
  } else if (query.location >= 0) {
    const location = entries[at + ENTRY_LOCATION] ?? -1;
    if (location >= 0) {
      score +=
        location < OWN_LOCATION_BITS
          ? (query.placePoints[location] ?? 0)
          : -computeDistancePenalty(model, findDistanceKm(index, query.location, location));
    }
  }
  return score;
}

/** Whether the loaded worker holds every certificate record `r` requires. */
function holdsCertificates(tree: MatchOrderTree, query: WorkerQuery, r: number): boolean {
  const to = tree.recordCertStart[r + 1] ?? 0;
  for (let i = tree.recordCertStart[r] ?? 0; i < to; i++) {
    if (query.certMarks[tree.recordCerts[i] ?? 0] !== query.stamp) return false;
  }
  return true;
}

/** scoreListTerms' answer when the order belongs to another tree of the forest (no score is this low). */
const NOT_HERE = PRUNED;

/**
 * The skills and tie points of record `r` for the loaded worker — or NOT_HERE unless this tree
 * (kind, key) owns the pair. Every order is in the main tree and in the tree of each of its terms
 * and tie keys; for one worker exactly one of those owns it: the tree of its smallest tie key
 * shared with the worker, else of its smallest shared term, else the main tree — the one tree
 * whose bound covers its list terms. So an order is scored once, without a "seen" set.
 */
function scoreListTerms(
  model: ScoringModel,
  tree: MatchOrderTree,
  query: WorkerQuery,
  entries: Int32Array,
  e: number,
  kind: number,
  key: number,
): number {
  const stamp = query.stamp;
  const flags = entries[e + ENTRY_FLAGS] ?? 0;
  const r = entries[e + ENTRY_RECORD] ?? 0;
  let owner = -1;
  let ownerKind = KIND_MAIN;
  let points = 0;
  if (query.tieCount > 0 && (flags & ENTRY_TIES_BIT) !== 0) {
    const to = tree.recordTieStart[r + 1] ?? 0;
    for (let i = tree.recordTieStart[r] ?? 0; i < to; i++) {
      const tie = tree.recordTies[i] ?? 0;
      if (query.tieMarks[tie] === stamp) {
        owner = tie;
        ownerKind = KIND_TIE;
        points = model.channelTie;
        break;
      }
    }
  }
  if (query.termCount > 0) {
    let shared = 0;
    const to = tree.recordTermStart[r + 1] ?? 0;
    for (let i = tree.recordTermStart[r] ?? 0; i < to; i++) {
      const term = tree.recordTerms[i] ?? 0;
      if (query.termMarks[term] !== stamp) continue;
      if (shared === 0 && ownerKind === KIND_MAIN) {
        owner = term;
        ownerKind = KIND_TERM;
      }
      shared++;
    }
    if (shared > 0) points += Math.min(model.skillCap, shared * model.skillPerMatch);
  }
  return ownerKind === kind && owner === key ? points : NOT_HERE;
}

/** Queues node `n` with its bound (nothing when pruned or unable to beat the k-th result). */
function pushNode(model: ScoringModel, scratch: SearchScratch, n: number, occupation: number): void {
  const nodes = scratch.nodes;
  const at = n * NS;
  const query = scratch.workerQuery;
  const top = scratch.top;
  // Cheap first: with the term bounds at their most for this worker, can the node still enter?
  const most =
    occupation + (nodes[at + NODE_MAX_STATIC] ?? 0) + (query.mostRest[nodes[at + NODE_KIND] ?? 0] ?? 0);
  if (top.count === top.k && most < (top.score[top.k - 1] ?? 0)) return;
  const flags = nodes[at + NODE_FLAGS] ?? 0;
  if (
    flags === 0 ||
    (nodes[at + NODE_MIN_EDUCATION] ?? 0) > query.education ||
    (nodes[at + NODE_MIN_AGE_MIN] ?? 0) > query.age ||
    (nodes[at + NODE_MAX_AGE_MAX] ?? 0) < query.age ||
    (nodes[at + NODE_MAX_DEADLINE] ?? 0) < query.available ||
    (nodes[at + NODE_MIN_CERTS] ?? 0) > query.certCount
  ) {
    return;
  }
  const listBound = boundListTerms(model, nodes, at, query);
  const bound = occupation + listBound + boundNodeFields(model, nodes, at, query, flags);
  if (!top.canEnter(bound, nodes[at + NODE_MIN_ITEM] ?? 0)) return;
  const base = bound - (nodes[at + NODE_MAX_STATIC] ?? 0);
  scratch.queue.push(bound, n, nodes[at + NODE_START] ?? 0, base, occupation, listBound);
}

/** Runs the order search for worker `w`; the answer is left in `scratch.top`. */
export function searchOrders(
  index: MatchIndex,
  model: ScoringModel,
  scratch: SearchScratch,
  w: number,
  k: number,
  mask: Uint8Array | null,
): void {
  const { top, queue } = scratch;
  top.reset(k);
  queue.clear();
  const tree = index.orderTree;
  if (k === 0 || tree.nodeCount === 0) return;
  const query = scratch.workerQuery;
  query.load(index, model, scratch.places, w);
  const { nodes, entries, treeRoots } = tree;
  scratch.nodes = nodes;
  // The main tree, and the trees of the worker's own terms and tie keys.
  const workers = index.workers;
  const stringCount = index.strings.count;
  const roots = scratch.roots;
  roots.length = 0;
  roots.push(treeRoots[0] ?? -1);
  for (let i = workers.termStart[w] ?? 0; i < (workers.termStart[w + 1] ?? 0); i++) {
    roots.push(treeRoots[1 + (workers.terms[i] ?? 0)] ?? -1);
  }
  for (let i = workers.tieStart[w] ?? 0; i < (workers.tieStart[w + 1] ?? 0); i++) {
    roots.push(treeRoots[1 + stringCount + (workers.ties[i] ?? 0)] ?? -1);
  }
  for (const root of roots) {
    if (root >= 0) pushNode(model, scratch, root, boundNodeOccupation(index, model, query, nodes, root * NS));
  }
  for (;;) {
    const key = queue.peekKey();
    if (key === Number.NEGATIVE_INFINITY) break;
    if (top.count === k && key < (top.score[k - 1] ?? 0)) break;
    queue.pop();
    const n = queue.poppedNode;
    const at = n * NS;
    scratch.nodesVisited++;
    if (!top.canEnter(key, nodes[at + NODE_MIN_ITEM] ?? 0)) continue;
    const children = nodes[at + NODE_CHILD_COUNT] ?? 0;
    if (children > 0) {
      const first = nodes[at + NODE_FIRST_CHILD] ?? 0;
      const level = nodes[at + NODE_LEVEL] ?? 0;
      if (nodes[at + NODE_DEPTH] === level) {
        // At or below a terminal every child has this node's code: the popped, exact occupation.
        for (let c = first; c < first + children; c++) pushNode(model, scratch, c, queue.poppedOccupation);
        continue;
      }
      const shared = query.intentionShared;
      const intentionCode = index.workers.intentionCode;
      const intentionLength = index.workers.intentionLength;
      const from = query.intentionFrom;
      const to = query.intentionTo;
      measureSharedPrefixes(nodes, at + NODE_CODE, level, intentionCode, intentionLength, from, to, shared);
      for (let c = first; c < first + children; c++) {
        const cat = c * NS;
        const occupation = boundChildOccupation(
          nodes,
          cat + NODE_CODE,
          nodes[cat + NODE_LEVEL] ?? 0,
          nodes[cat + NODE_DEPTH] ?? 0,
          level,
          intentionCode,
          intentionLength,
          from,
          to,
          shared,
          model.occupationPoints,
        );
        pushNode(model, scratch, c, occupation);
      }
      continue;
    }
    // A leaf: entries in descending staticPoints, each bounded by base + its staticPoints, then
    // exactly on everything but the list terms before the lists are read.
    const occupation = queue.poppedOccupation;
    const listBound = queue.poppedListBound;
    const kind = nodes[at + NODE_KIND] ?? KIND_MAIN;
    const treeKey = nodes[at + NODE_TREE_KEY] ?? -1;
    const base = queue.poppedBase;
    const nextKey = queue.peekKey();
    const to = nodes[at + NODE_END] ?? 0;
    for (let p = queue.poppedPos; p < to; p++) {
      const e = p * ES;
      const o = entries[e + ENTRY_ITEM] ?? 0;
      const bound = base + (entries[e + ENTRY_STATIC] ?? 0);
      if (top.count === k) {
        const worst = top.score[k - 1] ?? 0;
        if (bound < worst || (bound === worst && o > (top.item[k - 1] ?? 0))) break;
      }
      if (bound < nextKey - REQUEUE_SLACK) {
        queue.push(bound, n, p, base, occupation, listBound);
        break;
      }
      scratch.pairsChecked++;
      // Exact on all but the list terms, which this tree's list bound covers for the orders it
      // owns (the others are scored in their own tree).
      const fields = scoreEntryFields(index, model, query, entries, e, occupation);
      if (fields === PRUNED || !top.canEnter(fields + listBound, o)) continue;
      if (mask !== null && mask[o] === 0) continue;
      const listPoints = scoreListTerms(model, tree, query, entries, e, kind, treeKey);
      if (listPoints === NOT_HERE) continue;
      const flags = entries[e + ENTRY_FLAGS] ?? 0;
      if (
        (flags & ENTRY_CERTS_BIT) !== 0 &&
        !holdsCertificates(tree, query, entries[e + ENTRY_RECORD] ?? 0)
      ) {
        continue;
      }
      top.offer(fields + listPoints, o);
    }
  }
}
