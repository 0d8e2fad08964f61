import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, drawInteger } from '../random.ts';
import type { MatchIndex } from './build.ts';
import { buildMatchIndex, matchIndexBuffers, matchIndexFromBuffers } from './build.ts';
import { explainMatch } from './explain.ts';
import type { InstanceOptions, MatchInstance } from './matching.test-support.ts';
import { cloneStructured, generateMatchInstance } from './matching.test-support.ts';
import { isPairEligible, scoreMatchPair } from './score.ts';
import {
  bruteForceTopOrders,
  bruteForceTopWorkers,
  topOrdersForWorker,
  topOrdersForWorkers,
  topWorkersForOrder,
} from './topk.ts';
import type { MatchWeights } from './weights.ts';

const SMALL: InstanceOptions = { orders: 40, workers: 25, vocabulary: 5, channels: 2, places: 4 };
const MEDIUM: InstanceOptions = { orders: 400, workers: 60, vocabulary: 12, channels: 4, places: 8 };

function indexOf(instance: MatchInstance, weights?: Partial<MatchWeights>, leafSize?: number): MatchIndex {
  return buildMatchIndex(instance.orders, instance.workers, {
    today: instance.today,
    ...(weights ? { weights } : {}),
    ...(leafSize ? { leafSize } : {}),
  });
}

/** A mask allowing each item with probability 3/4. */
function randomMask(seed: number, length: number): Uint8Array {
  const rand = createRandom(seed);
  return Uint8Array.from({ length }, () => (rand() < 0.75 ? 1 : 0));
}

function expectSameOrders(index: MatchIndex, k: number, orderMask?: Uint8Array): void {
  const options = orderMask ? { orderMask } : {};
  for (let w = 0; w < index.workers.count; w++) {
    const expected = bruteForceTopOrders(index, w, k, options);
    const actual = topOrdersForWorker(index, w, k, options);
    expect({ w, orders: Array.from(actual.orders), scores: Array.from(actual.scores) }).toEqual({
      w,
      orders: Array.from(expected.orders),
      scores: Array.from(expected.scores),
    });
  }
}

function expectSameWorkers(index: MatchIndex, k: number, workerMask?: Uint8Array): void {
  const options = workerMask ? { workerMask } : {};
  for (let o = 0; o < index.orders.count; o++) {
    const expected = bruteForceTopWorkers(index, o, k, options);
    const actual = topWorkersForOrder(index, o, k, options);
    expect({ o, workers: Array.from(actual.workers), scores: Array.from(actual.scores) }).toEqual({
      o,
      workers: Array.from(expected.workers),
      scores: Array.from(expected.scores),
    });
  }
}

/** Valid non-default weights (the constraints of resolveMatchWeights hold). */
const weightOverrides: fc.Arbitrary<Partial<MatchWeights>> = fc
  .record({
    occupationMajor: fc.integer({ min: 0, max: 10 }),
    step: fc.integer({ min: 0, max: 15 }),
    skillPerMatch: fc.integer({ min: 0, max: 8 }),
    skillCap: fc.integer({ min: 0, max: 30 }),
    wagePartlyBase: fc.integer({ min: 0, max: 10 }),
    wagePartlySpan: fc.integer({ min: 0, max: 10 }),
    extra: fc.integer({ min: 0, max: 5 }),
    wageBelowCap: fc.integer({ min: 0, max: 25 }),
    dormitory: fc.integer({ min: -10, max: 15 }),
    noDormitory: fc.integer({ min: -10, max: 10 }),
    distanceCap: fc.integer({ min: 0, max: 20 }),
    channelTie: fc.integer({ min: -5, max: 15 }),
    keyCity: fc.integer({ min: -3, max: 9 }),
    critical: fc.integer({ min: 0, max: 9 }),
  })
  .map((w) => ({
    occupationMajor: w.occupationMajor,
    occupationMedium: w.occupationMajor + w.step,
    occupationSmall: w.occupationMajor + 2 * w.step,
    occupationDetail: w.occupationMajor + 3 * w.step,
    skillPerMatch: w.skillPerMatch,
    skillCap: w.skillCap,
    wagePartlyBase: w.wagePartlyBase,
    wagePartlySpan: w.wagePartlySpan,
    wageMeets: w.wagePartlyBase + w.wagePartlySpan + w.extra,
    wageBelowCap: w.wageBelowCap,
    dormitory: w.dormitory,
    noDormitory: w.noDormitory,
    distanceCap: w.distanceCap,
    channelTie: w.channelTie,
    keyCity: w.keyCity,
    critical: w.critical,
  }));

describe('topOrdersForWorker', () => {
  it('equals the brute force on small instances (many ties), for k = 1, 3, 10 and all', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(1, 3, 10, 60), (seed, k) => {
        expectSameOrders(indexOf(generateMatchInstance(seed, SMALL)), k);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the brute force on medium instances, with small and large leaves', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(1, 5, 20),
        fc.constantFrom(2, 16, 512),
        (seed, k, leafSize) => {
          expectSameOrders(indexOf(generateMatchInstance(seed, MEDIUM), undefined, leafSize), k);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('equals the brute force with an order mask', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(1, 4, 15), (seed, k) => {
        const index = indexOf(generateMatchInstance(seed, SMALL));
        expectSameOrders(index, k, randomMask(seed, index.orders.count));
      }),
      { numRuns: 150 },
    );
  });

  it('equals the brute force under any valid weights', () => {
    fc.assert(
      fc.property(fc.integer(), weightOverrides, fc.constantFrom(1, 5, 12), (seed, weights, k) => {
        expectSameOrders(indexOf(generateMatchInstance(seed, SMALL), weights), k);
      }),
      { numRuns: 150 },
    );
  });

  it('never returns a pair that fails a hard filter, and reports the pair score', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const index = indexOf(generateMatchInstance(seed, SMALL));
        for (let w = 0; w < index.workers.count; w++) {
          const top = topOrdersForWorker(index, w, 10);
          top.orders.forEach((o, r) => {
            expect(isPairEligible(index, w, o)).toBe(true);
            expect(explainMatch(index, w, o).failures).toEqual([]);
            expect(top.scores[r]).toBe(scoreMatchPair(index, w, o));
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('returns the same answer for the same input, twice and from a fresh index', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const instance = generateMatchInstance(seed, SMALL);
        const first = indexOf(instance);
        const second = indexOf(generateMatchInstance(seed, SMALL));
        for (let w = 0; w < first.workers.count; w++) {
          const a = topOrdersForWorker(first, w, 7);
          expect(topOrdersForWorker(first, w, 7)).toEqual(a);
          expect(topOrdersForWorker(second, w, 7)).toEqual(a);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('breaks ties by order index', () => {
    const instance = generateMatchInstance(1, { orders: 0, workers: 1 });
    const order = generateMatchInstance(2, { orders: 1, workers: 0 }).orders[0];
    if (!order) throw new Error('no order');
    const same = { ...order, remaining: 3, certificates: [], ageMin: null, ageMax: null, educationMin: 0 };
    const worker = { ...instance.workers[0], availableDay: null } as (typeof instance.workers)[number];
    const index = buildMatchIndex([same, same, same, same], [worker], { today: instance.today });
    const top = topOrdersForWorker(index, 0, 3);
    expect(Array.from(top.orders)).toEqual([0, 1, 2]);
    expect(new Set(top.scores).size).toBe(1);
  });

  it('returns fewer than k when fewer orders qualify, and nothing for k = 0', () => {
    const index = indexOf(generateMatchInstance(7, SMALL));
    for (let w = 0; w < index.workers.count; w++) {
      const all = bruteForceTopOrders(index, w, 1000);
      expect(topOrdersForWorker(index, w, 1000).orders.length).toBe(all.orders.length);
      expect(topOrdersForWorker(index, w, 0).orders.length).toBe(0);
    }
  });

  it('rejects bad arguments', () => {
    const index = indexOf(generateMatchInstance(7, SMALL));
    expect(() => topOrdersForWorker(index, -1, 3)).toThrow(RangeError);
    expect(() => topOrdersForWorker(index, index.workers.count, 3)).toThrow(RangeError);
    expect(() => topOrdersForWorker(index, 0, 1.5)).toThrow(RangeError);
    expect(() => topOrdersForWorker(index, 0, 3, { orderMask: new Uint8Array(1) })).toThrow(RangeError);
  });
});

describe('topOrdersForWorkers', () => {
  it('equals one search per worker, padded with −1 and 0', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 12 }), (seed, k) => {
        const index = indexOf(generateMatchInstance(seed, SMALL));
        const rand = createRandom(seed);
        const from = drawInteger(rand, index.workers.count);
        const to = from + drawInteger(rand, index.workers.count - from + 1);
        const batch = topOrdersForWorkers(index, from, to, k);
        expect(batch.width).toBe(k);
        expect(batch.orders.length).toBe((to - from) * k);
        for (let w = from; w < to; w++) {
          const single = bruteForceTopOrders(index, w, k);
          const slots = batch.orders.subarray((w - from) * k, (w - from + 1) * k);
          const scores = batch.scores.subarray((w - from) * k, (w - from + 1) * k);
          const padding = k - single.orders.length;
          expect(Array.from(slots)).toEqual([...single.orders, ...Array<number>(padding).fill(-1)]);
          expect(Array.from(scores)).toEqual([...single.scores, ...Array<number>(padding).fill(0)]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('writes into given arrays at an offset', () => {
    const index = indexOf(generateMatchInstance(9, SMALL));
    const count = index.workers.count;
    const k = 4;
    const output = {
      orders: new Int32Array((count + 3) * k).fill(7),
      scores: new Int32Array((count + 3) * k),
      offset: 3,
    };
    topOrdersForWorkers(index, 0, count, k, { output });
    const fresh = topOrdersForWorkers(index, 0, count, k);
    expect(Array.from(output.orders.subarray(0, 3 * k))).toEqual(Array(3 * k).fill(7));
    expect(output.orders.subarray(3 * k)).toEqual(fresh.orders);
    expect(output.scores.subarray(3 * k)).toEqual(fresh.scores);
    expect(() => topOrdersForWorkers(index, 0, count, k, { output: { ...output, offset: 4 } })).toThrow(
      RangeError,
    );
  });

  it('gives the same answers on an index that went through structured cloning', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const index = indexOf(generateMatchInstance(seed, SMALL));
        const copy = matchIndexFromBuffers(cloneStructured(matchIndexBuffers(index)));
        const k = 6;
        const count = index.workers.count;
        expect(topOrdersForWorkers(copy, 0, count, k)).toEqual(topOrdersForWorkers(index, 0, count, k));
      }),
      { numRuns: 30 },
    );
  });

  it('works on an index built on SharedArrayBuffers', () => {
    const instance = generateMatchInstance(11, MEDIUM);
    const plain = indexOf(instance);
    const shared = buildMatchIndex(instance.orders, instance.workers, {
      today: instance.today,
      shared: true,
    });
    expect(shared.orderTree.nodes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.workers.age.buffer).toBeInstanceOf(SharedArrayBuffer);
    const count = plain.workers.count;
    expect(topOrdersForWorkers(shared, 0, count, 10)).toEqual(topOrdersForWorkers(plain, 0, count, 10));
  });
});

describe('topWorkersForOrder', () => {
  it('equals the brute force on small instances, for k = 1, 3, 10 and all', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(1, 3, 10, 40), (seed, k) => {
        expectSameWorkers(indexOf(generateMatchInstance(seed, SMALL)), k);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the brute force on medium instances and under any valid weights', () => {
    fc.assert(
      fc.property(fc.integer(), weightOverrides, fc.constantFrom(1, 5, 20), (seed, weights, k) => {
        const instance = generateMatchInstance(seed, { ...MEDIUM, orders: 60, workers: 300 });
        expectSameWorkers(indexOf(instance, weights), k);
      }),
      { numRuns: 30 },
    );
  });

  it('equals the brute force with a worker mask', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(1, 4, 15), (seed, k) => {
        const index = indexOf(generateMatchInstance(seed, SMALL));
        expectSameWorkers(index, k, randomMask(seed, index.workers.count));
      }),
      { numRuns: 150 },
    );
  });

  it('returns nobody for an order without places', () => {
    const instance = generateMatchInstance(3, SMALL);
    const orders = instance.orders.map((order) => ({ ...order, remaining: 0 }));
    const index = buildMatchIndex(orders, instance.workers, { today: instance.today });
    for (let o = 0; o < orders.length; o++) expect(topWorkersForOrder(index, o, 5).workers.length).toBe(0);
  });
});
