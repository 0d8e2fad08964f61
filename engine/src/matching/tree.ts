/**
 * The code tree: the static shape both top-k searches walk (build.ts hangs the aggregates on it;
 * search-orders.ts and search-workers.ts walk it).
 *
 * Entries (one per order and tree of the order forest; one per worker intention) are grouped,
 * level by level, by
 *
 *   0. optionally a tree key: node 0 then has one child per key — the roots of a forest;
 *   1. a few small root keys (`rootSplits`: certificate required, dormitory …), each only where it
 *      divides the entries;
 *   2. the occupation code, segment by segment — major "6" → medium "6-18" → small "6-18-01" →
 *      detailed "6-18-01-01". Entries whose code ends at a level (an order coded just "6-18") get
 *      a *terminal* child of that level's node; a node whose entries all end there is itself
 *      terminal. Every entry below a terminal has exactly the terminal's code, so the occupation
 *      term is the same for all of them — the search knows it exactly, not just a bound;
 *   3. below each terminal, by feature keys (`splits`), only while a node holds more than
 *      `leafSize` entries and only where a key divides it;
 *   4. the entries of a leaf are ordered by `sortKey` descending, then by item ascending (the
 *      search's tie-break), so a leaf reads as a descending list of bounds.
 *
 * Layout, for `nodeCount` nodes in depth-first creation order (a node's children are consecutive
 * and have larger ids than the node, so aggregates fold bottom-up in one reverse pass):
 *
 *   level[n]        code segments fixed at n (0 … 4)
 *   code[4n + j]    prefix id of segment j+1 (the interned string "6-18" for j = 1), j < level
 *   firstChild[n], childCount[n]   children are firstChild … firstChild + childCount − 1
 *   start[n], end[n]   the node's entries are entries[start … end − 1] (every node, not only leaves)
 *   depth[n]        the longest code among the node's entries (>= level; == level below a terminal)
 *   minItem[n]      the smallest item among them (for the index tie-break when pruning)
 *
 * Sorting is a least-significant-key-first chain of stable counting sorts over small integer
 * keys, so building the tree over two million worker intentions costs a few linear passes; only
 * leaves are re-sorted at the end (a leaf too small to split still carries the split keys' order).
 */

/** The tree's shape; side-specific aggregates live next to it (build.ts). */
export interface CodeTreeShape {
  readonly nodeCount: number;
  readonly level: Uint8Array;
  readonly depth: Uint8Array;
  readonly code: Int32Array;
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly minItem: Int32Array;
  /** Item (order or worker index) of each entry, in tree order. */
  readonly entries: Int32Array;
  /** Entry index (into the input arrays) of each tree position. */
  readonly entryOrder: Int32Array;
  /** With a `treeKey`: the root node of each key's tree, −1 when the key has no entries. */
  readonly treeRoots: Int32Array;
}

/** A small integer key per entry, in [0, range). */
export interface EntryKey {
  readonly keys: Int32Array;
  readonly range: number;
}

/** What `buildCodeTree` groups. */
export interface CodeTreeInput {
  /** Item of each entry; entries are given in ascending item order. */
  readonly entryItem: Int32Array;
  /** Four prefix ids per entry (>= 0 below `entryCodeLength`). */
  readonly entryCode: Int32Array;
  readonly entryCodeLength: Uint8Array;
  /** Upper bound (exclusive) of the prefix ids. */
  readonly prefixIdRange: number;
  /**
   * Optional: which tree of a forest each entry belongs to. Node 0 then has one child per key
   * present — the roots of the trees (`treeRoots`) — and every other split happens inside them.
   */
  readonly treeKey: EntryKey | null;
  /** Feature keys applied above the code levels (at the root), outermost first. */
  readonly rootSplits: readonly EntryKey[];
  /** Feature keys applied below each terminal, outermost first. */
  readonly splits: readonly EntryKey[];
  /** A node with at most this many entries is not split further by `splits`. */
  readonly leafSize: number;
  /** Leaf order: descending by this key (then ascending item); null keeps item order. */
  readonly sortKey: EntryKey | null;
}

/** Code segments per occupation code. */
export const CODE_SEGMENTS = 4;

/** Groups entries into the code tree. */
export function buildCodeTree(input: CodeTreeInput): CodeTreeShape {
  const entryCount = input.entryItem.length;
  let order = new Int32Array(entryCount);
  for (let e = 0; e < entryCount; e++) order[e] = e;
  let scratch = new Int32Array(entryCount);
  const sortPass = (keyOf: (entry: number) => number, range: number) => {
    countingSortInto(order, scratch, keyOf, range);
    [order, scratch] = [scratch, order];
  };
  const { sortKey, splits, rootSplits, treeKey, entryCode, entryCodeLength } = input;
  if (sortKey !== null) {
    const top = sortKey.range - 1;
    sortPass((e) => top - (sortKey.keys[e] ?? 0), sortKey.range);
  }
  for (let s = splits.length - 1; s >= 0; s--) {
    const split = splits[s];
    if (split) sortPass((e) => split.keys[e] ?? 0, split.range);
  }
  // Key 0 is "the code ends before this segment" (terminal); prefix ids shift up by one.
  for (let j = CODE_SEGMENTS - 1; j >= 0; j--) {
    sortPass(
      (e) => ((entryCodeLength[e] ?? 0) > j ? (entryCode[CODE_SEGMENTS * e + j] ?? 0) + 1 : 0),
      input.prefixIdRange + 1,
    );
  }
  for (let s = rootSplits.length - 1; s >= 0; s--) {
    const split = rootSplits[s];
    if (split) sortPass((e) => split.keys[e] ?? 0, split.range);
  }
  if (treeKey !== null) sortPass((e) => treeKey.keys[e] ?? 0, treeKey.range);

  const draft = new TreeDraft(order, input);
  const root = draft.addNode(0, -1, -1, 0, entryCount);
  const treeRoots = new Int32Array(treeKey?.range ?? 0).fill(-1);
  if (treeKey === null) draft.expandRoot(root, 0);
  else draft.expandForest(root, treeKey, treeRoots);
  return draft.finish(input.entryItem, treeRoots);
}

/** Stable counting sort of `from` into `to` by `keyOf`, keys in [0, range). */
function countingSortInto(
  from: Int32Array,
  to: Int32Array,
  keyOf: (entry: number) => number,
  range: number,
): void {
  const counts = new Int32Array(range + 1);
  for (let p = 0; p < from.length; p++) {
    const bucket = keyOf(from[p] ?? 0) + 1;
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  for (let key = 0; key < range; key++) counts[key + 1] = (counts[key + 1] ?? 0) + (counts[key] ?? 0);
  for (let p = 0; p < from.length; p++) {
    const entry = from[p] ?? 0;
    const key = keyOf(entry);
    const slot = counts[key] ?? 0;
    counts[key] = slot + 1;
    to[slot] = entry;
  }
}

/** Nodes as growable lists while the shape is found. */
class TreeDraft {
  private readonly level: number[] = [];
  private readonly code: number[] = [];
  private readonly firstChild: number[] = [];
  private readonly childCount: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];

  constructor(
    private readonly order: Int32Array,
    private readonly input: CodeTreeInput,
  ) {}

  /** A node at `level`: `parent`'s code, plus `prefixId` as segment `level` when it is >= 0. */
  addNode(level: number, parent: number, prefixId: number, start: number, end: number): number {
    const node = this.level.length;
    this.level.push(level);
    for (let j = 0; j < CODE_SEGMENTS; j++) {
      this.code.push(parent >= 0 ? (this.code[CODE_SEGMENTS * parent + j] ?? -1) : -1);
    }
    if (prefixId >= 0 && level > 0) this.code[CODE_SEGMENTS * node + level - 1] = prefixId;
    this.firstChild.push(-1);
    this.childCount.push(0);
    this.start.push(start);
    this.end.push(end);
    return node;
  }

  /** Key of the entry at tree position `p` for code segment `level` (0 = the code ends here). */
  private codeKeyAt(p: number, level: number): number {
    const entry = this.order[p] ?? 0;
    if ((this.input.entryCodeLength[entry] ?? 0) <= level) return 0;
    return (this.input.entryCode[CODE_SEGMENTS * entry + level] ?? 0) + 1;
  }

  /** Splits `node` (whose entries share `level` segments) by segment `level` + 1. */
  expandCode(node: number, level: number): void {
    const from = this.start[node] ?? 0;
    const to = this.end[node] ?? 0;
    if (level === CODE_SEGMENTS || this.codeKeyAt(to - 1, level) === 0) {
      // Sorted with 0 first: the last entry ends here, so they all do: the node is terminal.
      this.expandSplits(node, 0);
      return;
    }
    const runs = this.findRuns(from, to, (p) => this.codeKeyAt(p, level));
    const children = this.adoptChildren(node, runs, (key) =>
      key === 0 ? { level, prefixId: -1 } : { level: level + 1, prefixId: key - 1 },
    );
    for (let i = 0; i < children.length; i++) {
      const child = children[i] ?? 0;
      if ((this.level[child] ?? 0) === level) this.expandSplits(child, 0);
      else this.expandCode(child, level + 1);
    }
  }

  /** One child of the root per tree key present (even a single one), each grown as a tree. */
  expandForest(root: number, treeKey: EntryKey, treeRoots: Int32Array): void {
    const runs = this.findRuns(
      this.start[root] ?? 0,
      this.end[root] ?? 0,
      (p) => treeKey.keys[this.order[p] ?? 0] ?? 0,
    );
    const children = this.adoptChildren(root, runs, () => ({ level: 0, prefixId: -1 }));
    for (let r = 0; r < children.length; r++) {
      const child = children[r] ?? 0;
      treeRoots[runs[2 * r + 1] ?? 0] = child;
      this.expandRoot(child, 0);
    }
  }

  /** Splits a node above the code levels by the root keys from `split` on, then by code. */
  expandRoot(node: number, split: number): void {
    const children = this.splitByKeys(node, this.input.rootSplits, split, 0);
    if (children === null) {
      this.expandCode(node, 0);
      return;
    }
    for (const [child, next] of children) this.expandRoot(child, next);
  }

  /** Splits a node below a terminal by the feature keys from `split` on. */
  private expandSplits(node: number, split: number): void {
    const children = this.splitByKeys(node, this.input.splits, split, this.input.leafSize);
    if (children === null) return; // a leaf
    for (const [child, next] of children) this.expandSplits(child, next);
  }

  /**
   * Children of `node` by the first of `splits[from …]` that divides it (and only when it has
   * more than `minSize` entries), each with the split to continue from; null when none divides.
   */
  private splitByKeys(
    node: number,
    splits: readonly EntryKey[],
    from: number,
    minSize: number,
  ): [child: number, next: number][] | null {
    const start = this.start[node] ?? 0;
    const to = this.end[node] ?? 0;
    if (to - start <= minSize) return null;
    for (let s = from; s < splits.length; s++) {
      const keys = splits[s]?.keys;
      if (!keys) continue;
      const runs = this.findRuns(start, to, (p) => keys[this.order[p] ?? 0] ?? 0);
      if (runs.length <= 2) continue; // one run: this split does not divide the node
      const level = this.level[node] ?? 0;
      const children = this.adoptChildren(node, runs, () => ({ level, prefixId: -1 }));
      return children.map((child) => [child, s + 1]);
    }
    return null;
  }

  /** Run boundaries of `keyAt` over [from, to): [start0, key0, start1, key1, …]. */
  private findRuns(from: number, to: number, keyAt: (p: number) => number): number[] {
    const runs: number[] = [];
    let previous = Number.NaN;
    for (let p = from; p < to; p++) {
      const key = keyAt(p);
      if (key !== previous) {
        runs.push(p, key);
        previous = key;
      }
    }
    return runs;
  }

  /** Creates one consecutive child per run. */
  private adoptChildren(
    node: number,
    runs: readonly number[],
    describe: (key: number) => { level: number; prefixId: number },
  ): number[] {
    const children: number[] = [];
    const to = this.end[node] ?? 0;
    for (let r = 0; r < runs.length; r += 2) {
      const runStart = runs[r] ?? 0;
      const runEnd = r + 2 < runs.length ? (runs[r + 2] ?? to) : to;
      const { level, prefixId } = describe(runs[r + 1] ?? 0);
      children.push(this.addNode(level, node, prefixId, runStart, runEnd));
    }
    this.firstChild[node] = children[0] ?? -1;
    this.childCount[node] = children.length;
    return children;
  }

  /**
   * Orders every leaf by the sort key descending, then by entry (= item) ascending. The global
   * sort also ordered by the split keys, and a leaf too small to split still carries that order.
   */
  private sortLeaves(): void {
    const sortKeys = this.input.sortKey?.keys ?? null;
    const compare = (a: number, b: number) =>
      sortKeys === null ? a - b : (sortKeys[b] ?? 0) - (sortKeys[a] ?? 0) || a - b;
    for (let node = 0; node < this.level.length; node++) {
      if ((this.childCount[node] ?? 0) > 0) continue;
      this.order.subarray(this.start[node] ?? 0, this.end[node] ?? 0).sort(compare);
    }
  }

  finish(entryItem: Int32Array, treeRoots: Int32Array): CodeTreeShape {
    this.sortLeaves();
    const nodeCount = this.level.length;
    const entries = new Int32Array(this.order.length);
    for (let p = 0; p < entries.length; p++) entries[p] = entryItem[this.order[p] ?? 0] ?? 0;
    const level = Uint8Array.from(this.level);
    const depth = new Uint8Array(nodeCount);
    const minItem = new Int32Array(nodeCount);
    const firstChild = Int32Array.from(this.firstChild);
    const childCount = Int32Array.from(this.childCount);
    const start = Int32Array.from(this.start);
    const end = Int32Array.from(this.end);
    for (let n = nodeCount - 1; n >= 0; n--) {
      const count = childCount[n] ?? 0;
      if (count === 0) {
        depth[n] = level[n] ?? 0;
        let smallest = 0x7fffffff;
        for (let p = start[n] ?? 0; p < (end[n] ?? 0); p++) smallest = Math.min(smallest, entries[p] ?? 0);
        minItem[n] = smallest;
        continue;
      }
      const first = firstChild[n] ?? 0;
      let deepest = level[n] ?? 0;
      let smallest = 0x7fffffff;
      for (let c = first; c < first + count; c++) {
        deepest = Math.max(deepest, depth[c] ?? 0);
        smallest = Math.min(smallest, minItem[c] ?? 0);
      }
      depth[n] = deepest;
      minItem[n] = smallest;
    }
    return {
      nodeCount,
      level,
      depth,
      code: Int32Array.from(this.code),
      firstChild,
      childCount,
      start,
      end,
      minItem,
      entries,
      entryOrder: this.order,
      treeRoots,
    };
  }
}
