/**
 * A compact set of 64-bit keys with a row number each, for finding repeats in a file of millions of
 * rows without keeping millions of strings: open addressing with linear probing over typed arrays
 * (two Uint32 words per key, an Int32 value), grown ×2 at half load. 1,000,000 keys take 24 MB.
 *
 * Keys are the first 8 bytes of a keyed hash (HMAC-SHA256, uniformly distributed), so the low word
 * is used as the slot directly; two different values share 64 bits with probability ~n²/2⁶⁵
 * (3 × 10⁻⁸ for a million rows).
 */
export class SeenKeys {
  private keys: Uint32Array;
  private values: Int32Array;
  private used = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity <<= 1;
    this.keys = new Uint32Array(capacity * 2);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.used;
  }

  /**
   * Records `key` (8 bytes) with `value` unless already present; returns the value it was first
   * recorded with, or undefined when it is new.
   */
  addIfAbsent(key: Uint8Array, value: number): number | undefined {
    if (key.length < 8) throw new RangeError('SeenKeys keys are 8 bytes');
    const high = ((key[0] ?? 0) << 24) | ((key[1] ?? 0) << 16) | ((key[2] ?? 0) << 8) | (key[3] ?? 0);
    // 0/0 marks an empty slot: a key whose words are both 0 is stored as 0/1 (harmless aliasing).
    const low =
      (((key[4] ?? 0) << 24) | ((key[5] ?? 0) << 16) | ((key[6] ?? 0) << 8) | (key[7] ?? 0)) >>> 0 || 1;
    const hi = high >>> 0;
    const mask = this.values.length - 1;
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      const storedLow = this.keys[slot * 2 + 1] ?? 0;
      if (storedLow === 0) {
        this.keys[slot * 2] = hi;
        this.keys[slot * 2 + 1] = low;
        this.values[slot] = value;
        this.used += 1;
        if (this.used * 2 > this.values.length) this.grow();
        return undefined;
      }
      if (storedLow === low && this.keys[slot * 2] === hi) return this.values[slot];
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldValues.length * 2;
    this.keys = new Uint32Array(capacity * 2);
    this.values = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < oldValues.length; i++) {
      const low = oldKeys[i * 2 + 1] ?? 0;
      if (low === 0) continue;
      let slot = low & mask;
      while ((this.keys[slot * 2 + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.keys[slot * 2] = oldKeys[i * 2] ?? 0;
      this.keys[slot * 2 + 1] = low;
      this.values[slot] = oldValues[i] ?? 0;
    }
  }
}
