import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchIndex } from './build.ts';
import { buildMatchIndex } from './build.ts';
import { generateMatchInstance } from './matching.test-support.ts';
import type { MatchCandidateLists, RebalanceResult } from './rebalance.ts';
import { measureExposure, rebalanceByCapacity } from './rebalance.ts';
import { topOrdersForWorkers } from './topk.ts';
import type { MatchOrderInput, MatchWorkerInput } from './types.ts';

const TODAY = 20_780;

function orderWithPlaces(id: string, remaining: number): MatchOrderInput {
  return {
    id,
    occupationCode: '6-18-01-01',
    remaining,
    wageMin: 5000,
    wageMax: 6000,
    ageMin: null,
    ageMax: null,
    educationMin: 0,
    certificates: [],
    skills: [],
    lat: null,
    lng: null,
    dormitory: false,
    deadlineDay: TODAY + 30,
    postedDay: TODAY,
    keyLevel: 0,
    urgency: 0,
    districtCode: '320505',
    enterpriseId: 'e',
    tieKeys: [],
  };
}

function someWorker(id: string): MatchWorkerInput {
  return {
    id,
    age: 30,
    education: 3,
    certificates: [],
    skills: [],
    occupationCodes: [],
    expectedWage: null,
    availableDay: null,
    lat: null,
    lng: null,
    needsDormitory: false,
    tieKeys: [],
  };
}

/** Slots of worker `w` as [order, score, overCapacity]. */
function slotsOf(result: RebalanceResult, w: number): [number, number, number][] {
  const slots: [number, number, number][] = [];
  for (let s = w * result.k; s < (w + 1) * result.k; s++) {
    if ((result.orders[s] ?? -1) >= 0)
      slots.push([result.orders[s] ?? -1, result.scores[s] ?? 0, result.overCapacity[s] ?? 0]);
  }
  return slots;
}

describe('rebalanceByCapacity', () => {
  it('gives the strongest pairs the budget and tops up from refused pairs, after the rest', () => {
    const index = buildMatchIndex(
      [orderWithPlaces('a', 1), orderWithPlaces('b', 1)],
      [someWorker('w0'), someWorker('w1'), someWorker('w2')],
      { today: TODAY },
    );
    const candidates: MatchCandidateLists = {
      width: 2,
      orders: Int32Array.of(0, 1, 0, 1, 0, 1),
      scores: Int32Array.of(50, 40, 60, 30, 50, 45),
    };
    const result = rebalanceByCapacity(index, candidates, { k: 1, recommendationsPerPlace: 1 });
    // Descending score (ties by worker): w1·a 60 kept, w0·a 50 and w2·a 50 refused (a is full),
    // w2·b 45 kept, w0·b 40 refused (b is full), w1·b 30 dropped (w1 is full). w0 gets a back,
    // flagged: over capacity, but all they have.
    expect(slotsOf(result, 0)).toEqual([[0, 50, 1]]);
    expect(slotsOf(result, 1)).toEqual([[0, 60, 0]]);
    expect(slotsOf(result, 2)).toEqual([[1, 45, 0]]);
    expect(Array.from(result.exposures)).toEqual([2, 1]);
  });

  it('puts within-budget options before over-budget ones, each in rank order', () => {
    const index = buildMatchIndex(
      [orderWithPlaces('a', 1), orderWithPlaces('b', 1), orderWithPlaces('c', 1)],
      [someWorker('w0'), someWorker('w1')],
      { today: TODAY },
    );
    const candidates: MatchCandidateLists = {
      width: 3,
      orders: Int32Array.of(0, 1, 2, 0, 1, 2),
      scores: Int32Array.of(90, 80, 10, 70, 60, 50),
    };
    const result = rebalanceByCapacity(index, candidates, { k: 3, recommendationsPerPlace: 1 });
    // By score: w0·a 90 and w0·b 80 kept; w1·a 70 and w1·b 60 refused (a, b full); w1·c 50 kept;
    // w0·c 10 refused (c full). Both then top up from their refused pairs, in their own order.
    expect(slotsOf(result, 0)).toEqual([
      [0, 90, 0],
      [1, 80, 0],
      [2, 10, 1],
    ]);
    expect(slotsOf(result, 1)).toEqual([
      [2, 50, 0],
      [0, 70, 1],
      [1, 60, 1],
    ]);
  });

  it('rejects inconsistent candidate lists', () => {
    const index = buildMatchIndex([orderWithPlaces('a', 1)], [someWorker('w')], { today: TODAY });
    const lists = { width: 2, orders: Int32Array.of(0, -1), scores: Int32Array.of(5, 0) };
    expect(() => rebalanceByCapacity(index, lists, { k: 3 })).toThrow(RangeError);
    expect(() => rebalanceByCapacity(index, { ...lists, scores: Int32Array.of(5) }, { k: 1 })).toThrow(
      RangeError,
    );
    expect(() => rebalanceByCapacity(index, lists, { k: 1, recommendationsPerPlace: 0 })).toThrow(RangeError);
  });
});

/** Candidate lists (top k + m) for every worker of a random instance. */
function candidatesOf(index: MatchIndex, width: number): MatchCandidateLists {
  return topOrdersForWorkers(index, 0, index.workers.count, width);
}

describe('rebalanceByCapacity on random instances', () => {
  const instance = fc.integer().map((seed) => {
    const generated = generateMatchInstance(seed, { orders: 30, workers: 80, vocabulary: 4 });
    return buildMatchIndex(generated.orders, generated.workers, { today: generated.today });
  });
  const setting = fc.record({
    k: fc.integer({ min: 1, max: 6 }),
    extra: fc.integer({ min: 0, max: 6 }),
    perPlace: fc.integer({ min: 1, max: 6 }),
  });

  it('keeps every order within its budget outside the flagged slots', () => {
    fc.assert(
      fc.property(instance, setting, (index, { k, extra, perPlace }) => {
        const result = rebalanceByCapacity(index, candidatesOf(index, k + extra), {
          k,
          recommendationsPerPlace: perPlace,
        });
        const kept = new Int32Array(index.orders.count);
        const flagged = new Int32Array(index.orders.count);
        result.orders.forEach((order, slot) => {
          if (order < 0) return;
          if (result.overCapacity[slot] === 1) flagged[order] = (flagged[order] ?? 0) + 1;
          else kept[order] = (kept[order] ?? 0) + 1;
        });
        for (let o = 0; o < index.orders.count; o++) {
          const cap = Math.max(0, index.orders.remaining[o] ?? 0) * perPlace;
          expect(kept[o]).toBeLessThanOrEqual(cap);
          // A slot is flagged only for an order whose budget was spent.
          if ((flagged[o] ?? 0) > 0) expect(kept[o]).toBe(cap);
          expect(result.exposures[o]).toBe((kept[o] ?? 0) + (flagged[o] ?? 0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives every worker min(k, their candidates) distinct candidates, within budget first', () => {
    fc.assert(
      fc.property(instance, setting, (index, { k, extra, perPlace }) => {
        const width = k + extra;
        const candidates = candidatesOf(index, width);
        const result = rebalanceByCapacity(index, candidates, { k, recommendationsPerPlace: perPlace });
        for (let w = 0; w < index.workers.count; w++) {
          const own = new Map<number, number>();
          for (let s = w * width; s < (w + 1) * width; s++) {
            if ((candidates.orders[s] ?? -1) >= 0)
              own.set(candidates.orders[s] ?? -1, candidates.scores[s] ?? 0);
          }
          const slots = slotsOf(result, w);
          expect(slots.length).toBe(Math.min(k, own.size));
          expect(new Set(slots.map(([order]) => order)).size).toBe(slots.length);
          for (const [order, score] of slots) expect(own.get(order)).toBe(score);
          const flags = slots.map(([, , flag]) => flag);
          expect(flags).toEqual([...flags].sort((a, b) => a - b));
          for (const group of [0, 1]) {
            const ranked = slots.filter(([, , flag]) => flag === group);
            const sorted = [...ranked].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
            expect(ranked).toEqual(sorted);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(instance, setting, (index, { k, extra, perPlace }) => {
        const candidates = candidatesOf(index, k + extra);
        const options = { k, recommendationsPerPlace: perPlace };
        expect(rebalanceByCapacity(index, candidates, options)).toEqual(
          rebalanceByCapacity(index, candidates, options),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('measures as beyond the budgets exactly the flagged slots', () => {
    fc.assert(
      fc.property(instance, setting, (index, { k, extra, perPlace }) => {
        const candidates = candidatesOf(index, k + extra);
        const result = rebalanceByCapacity(index, candidates, { k, recommendationsPerPlace: perPlace });
        const options = { recommendationsPerPlace: perPlace };
        const before = measureExposure(index, candidates.orders, k + extra, { ...options, k });
        const after = measureExposure(index, result.orders, k, options);
        const flagged = result.overCapacity.reduce((sum, flag) => sum + flag, 0);
        expect(after.exposures).toBe(before.exposures);
        expect(after.shareBeyondCap * after.exposures).toBeCloseTo(flagged, 9);
      }),
      { numRuns: 100 },
    );
  });
});

describe('measureExposure', () => {
  it('counts exposures per place and beyond the budget', () => {
    const index = buildMatchIndex([orderWithPlaces('a', 2), orderWithPlaces('b', 1)], [someWorker('w')], {
      today: TODAY,
    });
    // Four workers, two slots each: a shown 4 times, b 3 times.
    const orders = Int32Array.of(0, 1, 0, 1, 0, 1, 0, -1);
    expect(measureExposure(index, orders, 2, { recommendationsPerPlace: 1 })).toEqual({
      exposures: 7,
      ordersShown: 2,
      maxExposuresPerPlace: 3,
      shareBeyondCap: (2 + 2) / 7,
      ordersBeyondCap: 2,
    });
    expect(measureExposure(index, orders, 2, { k: 1, recommendationsPerPlace: 1 }).exposures).toBe(4);
  });
});
