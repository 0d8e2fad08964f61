/**
 * A small seeded pseudo-random generator: mulberry32 (Tommy Ettinger, 2017).
 *
 * One 32-bit word of state. Each call adds the odd constant 0x6D2B79F5 to the state (a Weyl
 * sequence, so the period is exactly 2^32) and scrambles the sum with two xor-shift-multiply rounds;
 * the 32-bit result divided by 2^32 lies in [0, 1). It passes the usual statistical batteries for this
 * size, is fast without BigInt, and is *not* cryptographic: use it for tests and demo data only, never
 * for tokens or passwords.
 *
 * The same seed always gives the same sequence, in Node and in the browser, which is what makes the
 * property tests and the demo data reproducible.
 */

const WEYL_INCREMENT = 0x6d2b79f5;
const TWO_POW_32 = 4294967296;

/**
 * Creates a seeded generator returning numbers in [0, 1).
 *
 * @param seed any number; it is reduced to an unsigned 32-bit integer (`seed >>> 0`, so fractions are
 *   truncated and NaN becomes 0).
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + WEYL_INCREMENT) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
}

/**
 * Draws an integer in [0, maxExclusive) from `rand`. Clamps the edge case of a generator that returns
 * exactly 1, so a misbehaving `rand` cannot index past the end of an array.
 *
 * @throws RangeError when `maxExclusive` is not a positive safe integer.
 */
export function drawInteger(rand: () => number, maxExclusive: number): number {
  if (!Number.isSafeInteger(maxExclusive) || maxExclusive <= 0) {
    throw new RangeError(`maxExclusive must be a positive integer, got ${maxExclusive}`);
  }
  const drawn = Math.floor(rand() * maxExclusive);
  return Math.min(Math.max(drawn, 0), maxExclusive - 1);
}
