import { describe, expect, it } from 'vitest';
import { createRandom, drawInteger } from './random.ts';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(20261122);
    const b = createRandom(20261122);
    for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
  });

  it('gives different sequences for different seeds', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    const same = Array.from({ length: 100 }, () => a() === b()).filter(Boolean).length;
    expect(same).toBe(0);
  });

  it('matches the reference C mulberry32, computed here with BigInt arithmetic', () => {
    const mask = 0xffffffffn;
    let state = 20261122n;
    const nextReference = (): number => {
      state = (state + 0x6d2b79f5n) & mask;
      let z = state;
      z = ((z ^ (z >> 15n)) * (z | 1n)) & mask;
      z = (z ^ (z + (((z ^ (z >> 7n)) * (z | 61n)) & mask))) & mask;
      return Number(z ^ (z >> 14n)) / 4294967296;
    };
    const rand = createRandom(20261122);
    for (let i = 0; i < 1000; i++) expect(rand()).toBe(nextReference());
  });

  it('stays in [0, 1) and spreads evenly over ten buckets', () => {
    const rand = createRandom(20261122);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const value = rand();
      expect(value >= 0 && value < 1).toBe(true);
      const bucket = Math.floor(value * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    // Chi-square with 9 degrees of freedom; 27.88 is the 0.1 % critical value.
    const chiSquare = buckets.reduce((sum, count) => sum + (count - draws / 10) ** 2 / (draws / 10), 0);
    expect(chiSquare).toBeLessThan(27.88);
  });

  it('reduces the seed to 32 bits', () => {
    expect(createRandom(2 ** 32 + 5)()).toBe(createRandom(5)());
    expect(createRandom(Number.NaN)()).toBe(createRandom(0)());
  });
});

describe('drawInteger', () => {
  it('draws every integer in [0, n) and nothing else', () => {
    const rand = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(drawInteger(rand, 6));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('clamps a generator that returns 1', () => {
    expect(drawInteger(() => 1, 10)).toBe(9);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws a RangeError for n = %s', (n) => {
    expect(() => drawInteger(() => 0.5, n)).toThrow(RangeError);
  });
});
