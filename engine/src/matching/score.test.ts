import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, computeHaversineKm } from './build.ts';
import { explainMatch } from './explain.ts';
import { generateMatchInstance } from './matching.test-support.ts';
import { scoreMatchPair } from './score.ts';
import type { MatchExplanation, MatchOrderInput, MatchWorkerInput } from './types.ts';
import type { MatchWeights } from './weights.ts';
import { DEFAULT_MATCH_WEIGHTS, resolveMatchWeights } from './weights.ts';

const TODAY = 20_780;
const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/** An order that earns nothing beyond what a test sets. */
const ORDER: MatchOrderInput = {
  id: 'o',
  occupationCode: '6-18-01-01',
  remaining: 5,
  wageMin: 6000,
  wageMax: 7000,
  ageMin: null,
  ageMax: null,
  educationMin: 0,
  certificates: [],
  skills: [],
  lat: null,
  lng: null,
  dormitory: false,
  deadlineDay: TODAY + 30,
  postedDay: TODAY - 100,
  keyLevel: 0,
  urgency: 0,
  districtCode: '320505',
  enterpriseId: 'e',
  tieKeys: [],
};

/** A worker who earns nothing beyond what a test sets. */
const WORKER: MatchWorkerInput = {
  id: 'w',
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

function explain(
  order: Partial<MatchOrderInput>,
  worker: Partial<MatchWorkerInput>,
  weights?: Partial<MatchWeights>,
): MatchExplanation {
  const index = buildMatchIndex([{ ...ORDER, ...order }], [{ ...WORKER, ...worker }], {
    today: TODAY,
    ...(weights ? { weights } : {}),
  });
  const explanation = explainMatch(index, 0, 0);
  expect(explanation.score).toBe(scoreMatchPair(index, 0, 0));
  return explanation;
}

/** The terms of an explanation as `code: points`. */
function termsOf(explanation: MatchExplanation): Record<string, number> {
  return Object.fromEntries(explanation.terms.map((term) => [term.code, term.points]));
}

describe('occupation', () => {
  it.each([
    ['6-18-01-01', 'occupation_detail', 40],
    ['6-18-01-02', 'occupation_small', 30],
    ['6-18-02-01', 'occupation_medium', 20],
    ['6-20-01-01', 'occupation_major', 8],
    ['4-18-01-01', null, 0],
    ['6-18-01', 'occupation_small', 30],
    ['6-18', 'occupation_medium', 20],
    ['6', 'occupation_major', 8],
    ['', null, 0],
  ])('intention %s against order 6-18-01-01 → %s', (intention, code, points) => {
    const explanation = explain({}, { occupationCodes: [intention] });
    expect(explanation.score).toBe(points);
    expect(explanation.terms.map((term) => term.code)).toEqual(code === null ? [] : [code]);
  });

  it('compares a short order code on the segments it has', () => {
    expect(termsOf(explain({ occupationCode: '6-18' }, { occupationCodes: ['6-18-01-01'] }))).toEqual({
      occupation_medium: 20,
    });
    expect(termsOf(explain({ occupationCode: '6-18-01' }, { occupationCodes: ['6-18-01'] }))).toEqual({
      occupation_small: 30,
    });
  });

  it('takes the best of several intentions and names it', () => {
    const explanation = explain({}, { occupationCodes: ['6-20', '6-18-01-02', '6-18'] });
    expect(explanation.terms).toEqual([
      {
        code: 'occupation_small',
        points: 30,
        params: { intention: '6-18-01-02', occupation: '6-18-01-01' },
      },
    ]);
  });

  it('ignores segments after the fourth and spaces around segments', () => {
    expect(explain({ occupationCode: '6-18-01-01-99' }, { occupationCodes: [' 6 - 18-01-01'] }).score).toBe(
      40,
    );
  });
});

describe('skills and certificates', () => {
  it.each([
    [0, 0],
    [1, 5],
    [2, 10],
    [3, 15],
    [4, 15],
  ])('%i shared → %i points (capped at 15)', (shared, points) => {
    const names = ['a', 'b', 'c', 'd'].slice(0, shared);
    const explanation = explain({ skills: [...names, 'x'] }, { skills: [...names, 'y'] });
    expect(explanation.score).toBe(points);
    if (shared > 0)
      expect(explanation.terms).toEqual([{ code: 'skills', points, params: { count: shared } }]);
  });

  it('counts certificates on either side as skills', () => {
    const explanation = explain(
      { certificates: ['焊工证'], skills: ['电焊'] },
      { certificates: ['焊工证'], skills: ['电焊'] },
    );
    expect(termsOf(explanation)).toEqual({ skills: 10 });
    expect(explain({ skills: ['焊工证'] }, { certificates: ['焊工证'] }).score).toBe(5);
  });

  it('counts a repeated name once', () => {
    expect(explain({ skills: ['a', 'a'] }, { skills: ['a', 'a'] }).score).toBe(5);
  });
});

describe('wage', () => {
  it('gives no term without an expectation', () => {
    expect(explain({}, { expectedWage: null }).terms).toEqual([]);
  });

  it.each([
    // [wageMin, wageMax, expected, code, points]
    [6000, 7000, 6000, 'wage_meets', 20],
    [6000, 7000, 5000, 'wage_meets', 20],
    [6000, 7000, 6001, 'wage_partly', 19],
    [6000, 7000, 6500, 'wage_partly', 15],
    [6000, 7000, 7000, 'wage_partly', 10],
    [6000, 6000, 6000, 'wage_meets', 20],
    [6000, 7000, 7001, 'wage_below', -1],
    [5000, 6000, 7500, 'wage_below', -14],
    [4000, 5250, 7500, 'wage_below', -20],
    [4000, 5000, 7500, 'wage_below', -20],
  ])('offer %i–%i, expectation %i → %s %i', (wageMin, wageMax, expectedWage, code, points) => {
    const explanation = explain({ wageMin, wageMax }, { expectedWage });
    expect(explanation.terms.map((term) => [term.code, term.points])).toEqual([[code, points]]);
  });

  it('reports the shortfall in yuan', () => {
    const [term] = explain({ wageMin: 5000, wageMax: 6000 }, { expectedWage: 6800 }).terms;
    expect(term?.params).toMatchObject({ shortfall: 800 });
  });

  it('never falls when the offer rises (wageMax, or both ends)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 3_000 }),
        fc.boolean(),
        (wageMin, spread, expectedWage, raise, both) => {
          const before = explain({ wageMin, wageMax: wageMin + spread }, { expectedWage });
          const after = explain(
            { wageMin: both ? wageMin + raise : wageMin, wageMax: wageMin + spread + raise },
            { expectedWage },
          );
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never lowers a worker’s total score when an order of a random instance pays more', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 3_000 }), fc.boolean(), (seed, raise, both) => {
        const instance = generateMatchInstance(seed, { orders: 8, workers: 8 });
        const richer = instance.orders.map((order) => ({
          ...order,
          wageMin: both ? order.wageMin + raise : order.wageMin,
          wageMax: order.wageMax + raise,
        }));
        const before = buildMatchIndex(instance.orders, instance.workers, { today: instance.today });
        const after = buildMatchIndex(richer, instance.workers, { today: instance.today });
        for (let w = 0; w < instance.workers.length; w++) {
          for (let o = 0; o < instance.orders.length; o++) {
            expect(scoreMatchPair(after, w, o)).toBeGreaterThanOrEqual(scoreMatchPair(before, w, o));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('place', () => {
  it('rewards a dormitory for a worker from far away, and costs its absence', () => {
    expect(termsOf(explain({ dormitory: true }, { needsDormitory: true }))).toEqual({ dormitory: 10 });
    expect(termsOf(explain({ dormitory: false }, { needsDormitory: true }))).toEqual({ no_dormitory: -5 });
    expect(explain({ dormitory: true }, { needsDormitory: false }).terms).toEqual([]);
  });

  it.each([
    [0, 0],
    [10, 0],
    [11, -1],
    [15, -1],
    [16, -2],
    [50, -8],
    [85, -15],
    [200, -15],
  ])('%i km → %i', (km, points) => {
    const lat = 31.3 + km / KM_PER_DEGREE;
    expect(computeHaversineKm(31.3, 120.6, lat, 120.6)).toBe(km);
    const explanation = explain({ lat, lng: 120.6 }, { lat: 31.3, lng: 120.6 });
    expect(explanation.score).toBe(points);
    if (points !== 0) expect(explanation.terms).toEqual([{ code: 'distance', points, params: { km } }]);
  });

  it('costs nothing when either place is unknown, or for a worker who needs a dormitory', () => {
    const far = { lat: 32.3, lng: 120.6 };
    expect(explain(far, { lat: null, lng: null }).score).toBe(0);
    expect(explain({ lat: null, lng: null }, { lat: 31.3, lng: 120.6 }).score).toBe(0);
    expect(explain({ ...far, dormitory: true }, { lat: 31.3, lng: 120.6, needsDormitory: true }).score).toBe(
      10,
    );
  });
});

describe('channel, key enterprise, urgency, freshness', () => {
  it('rewards a shared channel once, naming it', () => {
    expect(explain({ tieKeys: ['base:1', 'school:2'] }, { tieKeys: ['school:2', 'base:1'] }).terms).toEqual([
      { code: 'channel_tie', points: 10, params: { key: 'base:1' } },
    ]);
    expect(explain({ tieKeys: ['base:1'] }, { tieKeys: ['base:2'] }).terms).toEqual([]);
  });

  it.each([
    [1, 3],
    [2, 6],
  ] as const)('key level %i → %i, urgency %i → %i', (level, points) => {
    expect(termsOf(explain({ keyLevel: level }, {}))).toEqual({ key_enterprise: points });
    expect(termsOf(explain({ urgency: level }, {}))).toEqual({ urgency: points });
  });

  it.each([
    [0, 5],
    [6, 5],
    [7, 4],
    [34, 1],
    [35, 0],
    [-3, 5],
  ])('posted %i days ago → %i', (days, points) => {
    const explanation = explain({ postedDay: TODAY - days }, {});
    expect(explanation.score).toBe(points);
    if (points > 0)
      expect(explanation.terms).toEqual([{ code: 'freshness', points, params: { days: Math.max(0, days) } }]);
  });
});

describe('hard filters', () => {
  it.each([
    ['age at the minimum', { ageMin: 30 }, { age: 30 }, true],
    ['age at the maximum', { ageMax: 30 }, { age: 30 }, true],
    ['age below the minimum', { ageMin: 31 }, { age: 30 }, false],
    ['age above the maximum', { ageMax: 29 }, { age: 30 }, false],
    ['education equal', { educationMin: 3 }, { education: 3 }, true],
    ['education below', { educationMin: 4 }, { education: 3 }, false],
    ['available on the deadline', { deadlineDay: TODAY + 5 }, { availableDay: TODAY + 5 }, true],
    ['available after the deadline', { deadlineDay: TODAY + 5 }, { availableDay: TODAY + 6 }, false],
    ['available now', { deadlineDay: TODAY - 1 }, { availableDay: null }, true],
    ['every certificate held', { certificates: ['A', 'B'] }, { certificates: ['B', 'A', 'C'] }, true],
    ['one certificate missing', { certificates: ['A', 'B'] }, { certificates: ['A'] }, false],
    ['places left', { remaining: 1 }, {}, true],
    ['no places left', { remaining: 0 }, {}, false],
  ] as const)('%s', (_label, order, worker, eligible) => {
    expect(explain(order, worker).eligible).toBe(eligible);
  });

  it('lists every failure with its parameters', () => {
    const explanation = explain(
      { remaining: 0, ageMin: 35, educationMin: 5, certificates: ['焊工证', '电工证'], deadlineDay: TODAY },
      { age: 30, education: 3, certificates: ['电工证'], availableDay: TODAY + 1 },
    );
    expect(explanation.eligible).toBe(false);
    expect(explanation.failures).toEqual([
      { code: 'no_places', params: { remaining: 0 } },
      { code: 'age', params: { age: 30, min: 35 } },
      { code: 'education', params: { education: 3, min: 5 } },
      { code: 'certificate', params: { missing: ['焊工证'] } },
      { code: 'availability', params: { availableDay: TODAY + 1, deadlineDay: TODAY } },
    ]);
  });
});

describe('explainMatch', () => {
  it('sums its terms to the pair score on random instances, eligible or not', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const instance = generateMatchInstance(seed, { orders: 12, workers: 12 });
        const index = buildMatchIndex(instance.orders, instance.workers, { today: instance.today });
        for (let w = 0; w < instance.workers.length; w++) {
          for (let o = 0; o < instance.orders.length; o++) {
            const explanation = explainMatch(index, w, o);
            expect(explanation.terms.reduce((sum, term) => sum + term.points, 0)).toBe(explanation.score);
            expect(explanation.score).toBe(scoreMatchPair(index, w, o));
            expect(explanation.terms.every((term) => term.points !== 0)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rejects indexes out of range', () => {
    const index = buildMatchIndex([ORDER], [WORKER], { today: TODAY });
    expect(() => explainMatch(index, 1, 0)).toThrow(RangeError);
    expect(() => explainMatch(index, 0, -1)).toThrow(RangeError);
  });
});

describe('weights', () => {
  it('applies overrides and keeps the defaults elsewhere', () => {
    const explanation = explain(
      { dormitory: true },
      { needsDormitory: true, occupationCodes: ['6-18-01-01'] },
      {
        dormitory: 12,
        occupationDetail: 50,
      },
    );
    expect(termsOf(explanation)).toEqual({ occupation_detail: 50, dormitory: 12 });
    expect(resolveMatchWeights()).toEqual(DEFAULT_MATCH_WEIGHTS);
  });

  it.each([
    [{ occupationMajor: 50 }],
    [{ wagePartlyBase: 15 }],
    [{ skillCap: -1 }],
    [{ distanceKmPerPoint: 0 }],
    [{ freshnessDaysPerPoint: 0 }],
    [{ channelTie: 1.5 }],
  ])('rejects %j', (overrides) => {
    expect(() => resolveMatchWeights(overrides)).toThrow(RangeError);
  });
});
