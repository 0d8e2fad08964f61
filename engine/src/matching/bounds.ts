/**
 * Upper-bound helpers shared by both searches (search-orders.ts, search-workers.ts).
 *
 * Occupation. A node fixes the first `level` segments of every code below it, and `depth` is the
 * longest code below. A query code (a worker intention, or the order's code) that already differs
 * from the prefix shares exactly the segments it shares with every code below. One that agrees
 * with the whole prefix may agree further, on at most min(its length, depth) segments. At and
 * below a terminal (depth == level) this is the exact term. Points never fall with more shared
 * segments (a weight constraint), so the points of the bound count bound the points.
 *
 * Skills. A bloom is a bit set of hashed string ids. Every term a query shares with an entry sets
 * a bit in both the query's bloom and the node's (the OR over its entries). When the query's own
 * terms fall on distinct bits, the shared bits therefore count at least the shared terms; when two
 * of its terms collide, only "none" (no shared bit) is proven.
 */

import { TERM_BLOOM_WORDS } from './build.ts';
import { CODE_SEGMENTS } from './tree.ts';

const SEGMENTS = CODE_SEGMENTS;
const TERM_WORDS = TERM_BLOOM_WORDS;

/**
 * Upper bound on the occupation points below a node whose prefix ids are
 * `nodeCode[nodeAt … nodeAt + level − 1]`, for the query codes `queryCode[4q …]`, q in [from, to).
 */
export function boundOccupation(
  nodeCode: Int32Array,
  nodeAt: number,
  level: number,
  depth: number,
  queryCode: Int32Array,
  queryLength: Uint8Array,
  from: number,
  to: number,
  points: Int32Array,
): number {
  let best = 0;
  for (let q = from; q < to; q++) {
    const length = queryLength[q] ?? 0;
    const limit = Math.min(length, level);
    const offset = SEGMENTS * q;
    let shared = 0;
    while (shared < limit && nodeCode[nodeAt + shared] === queryCode[offset + shared]) shared++;
    if (shared === level && length > level) shared = Math.min(length, depth);
    if (shared > best) best = shared;
  }
  return points[best] ?? 0;
}

/**
 * For each query code q in [from, to): how many leading segments it shares with the prefix of a
 * node at `level` (at most `level`), into `shared[q − from]`.
 */
export function measureSharedPrefixes(
  nodeCode: Int32Array,
  nodeAt: number,
  level: number,
  queryCode: Int32Array,
  queryLength: Uint8Array,
  from: number,
  to: number,
  shared: Int32Array,
): void {
  for (let q = from; q < to; q++) {
    const limit = Math.min(queryLength[q] ?? 0, level);
    const offset = SEGMENTS * q;
    let count = 0;
    while (count < limit && nodeCode[nodeAt + count] === queryCode[offset + count]) count++;
    shared[q - from] = count;
  }
}

/**
 * `boundOccupation` for a child of a node at `parentLevel`, from the parent's shared counts
 * (`measureSharedPrefixes`): a child extends the parent's prefix by at most one segment, so only
 * query codes that agree with the whole parent prefix need one more comparison.
 */
export function boundChildOccupation(
  nodeCode: Int32Array,
  childAt: number,
  childLevel: number,
  childDepth: number,
  parentLevel: number,
  queryCode: Int32Array,
  queryLength: Uint8Array,
  from: number,
  to: number,
  parentShared: Int32Array,
  points: Int32Array,
): number {
  let best = 0;
  for (let q = from; q < to; q++) {
    let count = parentShared[q - from] ?? 0;
    const length = queryLength[q] ?? 0;
    if (count === parentLevel && length > parentLevel) {
      if (childLevel > parentLevel) {
        // One more segment: equal, and maybe more below; or the codes part here.
        if (nodeCode[childAt + parentLevel] === queryCode[SEGMENTS * q + parentLevel]) {
          count = length > childLevel ? Math.min(length, childDepth) : childLevel;
        }
      } else count = Math.min(length, childDepth);
    }
    if (count > best) best = count;
  }
  return points[best] ?? 0;
}

/** Set bits of a 32-bit word. */
export function countBits(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Whether a list of `count` terms with this term bloom has one bit per term. */
export function hasDistinctBits(bloom: Int32Array, at: number, count: number): boolean {
  let bits = 0;
  for (let j = 0; j < TERM_WORDS; j++) bits += countBits(bloom[at + j] ?? 0);
  return bits === count;
}

/**
 * Upper bound on how many of the query's terms (bloom at `query[queryAt]`) any one entry below a
 * node shares, the node's term bloom starting at `nodeBloom[nodeAt]` (see the header);
 * 0x7fffffff means "unknown, but some".
 */
export function boundSharedTerms(
  nodeBloom: Int32Array,
  nodeAt: number,
  query: Int32Array,
  queryAt: number,
  isDistinct: boolean,
): number {
  let shared = 0;
  let any = 0;
  for (let j = 0; j < TERM_WORDS; j++) {
    const word = (nodeBloom[nodeAt + j] ?? 0) & (query[queryAt + j] ?? 0);
    any |= word;
    if (isDistinct && word !== 0) shared += countBits(word);
  }
  if (any === 0) return 0;
  return isDistinct ? shared : 0x7fffffff;
}

/** True when bloom a[x] has every bit of bloom b[y] (`words` words each). */
export function coversBloom(a: Int32Array, x: number, b: Int32Array, y: number, words: number): boolean {
  for (let j = 0; j < words; j++) {
    const need = b[words * y + j] ?? 0;
    if (((a[words * x + j] ?? 0) & need) !== need) return false;
  }
  return true;
}
