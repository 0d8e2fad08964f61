/**
 * The two small structures every search shares: the k best results so far (`TopK`) and the
 * best-first queue of tree nodes keyed by their integer bound (`BoundQueue`).
 *
 * Order of results everywhere: score descending, then item (order or worker index) ascending.
 * Scores are small integers, so the queue is a bucket queue — one stack per possible bound — and
 * taking the best entry is a pointer walk down from the highest non-empty bucket.
 */

/** The k best (score, item) pairs so far, best first. */
export class TopK {
  k = 0;
  count = 0;
  score = new Int32Array(64);
  item = new Int32Array(64);

  reset(k: number): void {
    if (k > this.score.length) {
      this.score = new Int32Array(k);
      this.item = new Int32Array(k);
    }
    this.k = k;
    this.count = 0;
  }

  /** Whether something scoring `bound` with item `minItem` would enter. */
  canEnter(bound: number, minItem: number): boolean {
    if (this.count < this.k) return true;
    const worst = this.score[this.k - 1] ?? 0;
    return bound > worst || (bound === worst && minItem < (this.item[this.k - 1] ?? 0));
  }

  offer(score: number, item: number): void {
    let slot: number;
    if (this.count < this.k) slot = this.count++;
    else if (this.canEnter(score, item)) slot = this.k - 1;
    else return;
    const scores = this.score;
    const items = this.item;
    while (slot > 0) {
      const aboveScore = scores[slot - 1] ?? 0;
      if (aboveScore > score || (aboveScore === score && (items[slot - 1] ?? 0) < item)) break;
      scores[slot] = aboveScore;
      items[slot] = items[slot - 1] ?? 0;
      slot--;
    }
    scores[slot] = score;
    items[slot] = item;
  }

  /** The held answer, best first, as new arrays. */
  take(): { items: Int32Array; scores: Int32Array } {
    return { items: this.item.slice(0, this.count), scores: this.score.slice(0, this.count) };
  }
}

/**
 * Max-queue of (node, position, base, occupation, list bound) entries keyed by an integer bound
 * in [lo, hi]: one stack per key, entries in a recycled pool. A key below `lo` is stored as `lo`
 * (raising a bound keeps it a bound); callers guarantee keys never exceed `hi`. The last two
 * fields carry what a leaf's reader would otherwise recompute.
 */
export class BoundQueue {
  private readonly head: Int32Array;
  private top = -1;
  private highest = -1;
  private node = new Int32Array(1024);
  private pos = new Int32Array(1024);
  private base = new Int32Array(1024);
  private occupation = new Int32Array(1024);
  private listBound = new Int32Array(1024);
  private next = new Int32Array(1024);
  private free = -1;
  private used = 0;
  poppedNode = 0;
  poppedPos = 0;
  poppedBase = 0;
  poppedOccupation = 0;
  poppedListBound = 0;

  constructor(
    private readonly lo: number,
    hi: number,
  ) {
    this.head = new Int32Array(Math.max(1, hi - lo + 1)).fill(-1);
  }

  clear(): void {
    this.head.fill(-1, 0, this.highest + 1);
    this.top = -1;
    this.highest = -1;
    this.free = -1;
    this.used = 0;
  }

  push(key: number, node: number, pos: number, base: number, occupation = 0, listBound = 0): void {
    const bucket = Math.min(Math.max(key - this.lo, 0), this.head.length - 1);
    let slot = this.free;
    if (slot >= 0) this.free = this.next[slot] ?? -1;
    else {
      if (this.used === this.node.length) this.grow();
      slot = this.used++;
    }
    this.node[slot] = node;
    this.pos[slot] = pos;
    this.base[slot] = base;
    this.occupation[slot] = occupation;
    this.listBound[slot] = listBound;
    this.next[slot] = this.head[bucket] ?? -1;
    this.head[bucket] = slot;
    if (bucket > this.top) this.top = bucket;
    if (bucket > this.highest) this.highest = bucket;
  }

  /** The best key waiting, or −Infinity when the queue is empty. */
  peekKey(): number {
    while (this.top >= 0 && (this.head[this.top] ?? -1) < 0) this.top--;
    return this.top < 0 ? Number.NEGATIVE_INFINITY : this.top + this.lo;
  }

  /** Removes the best entry (after `peekKey` returned a key) into `popped*`. */
  pop(): void {
    const slot = this.head[this.top] ?? -1;
    this.head[this.top] = this.next[slot] ?? -1;
    this.poppedNode = this.node[slot] ?? 0;
    this.poppedPos = this.pos[slot] ?? 0;
    this.poppedBase = this.base[slot] ?? 0;
    this.poppedOccupation = this.occupation[slot] ?? 0;
    this.poppedListBound = this.listBound[slot] ?? 0;
    this.next[slot] = this.free;
    this.free = slot;
  }

  private grow(): void {
    const size = this.node.length * 2;
    const grown = (from: Int32Array) => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.node = grown(this.node);
    this.pos = grown(this.pos);
    this.base = grown(this.base);
    this.occupation = grown(this.occupation);
    this.listBound = grown(this.listBound);
    this.next = grown(this.next);
  }
}
