import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertColourThresholds,
  classifyByThresholds,
  classifyShortage,
  compareColours,
  computeShortageRate,
  DEFAULT_COLOUR_THRESHOLDS,
  detectAlert,
  rateToBasisPoints,
} from './colour.ts';
import { addMonths, monthRange, reportingWindowOf } from './months.ts';
import { computeSeekerRatio, reconcileHeadcount } from './reconcile.ts';

describe('classifyByThresholds', () => {
  it('is green just below 5 %, yellow at exactly 5 %', () => {
    expect(classifyByThresholds(49, 1000)).toBe('green');
    expect(classifyByThresholds(50, 1000)).toBe('yellow');
    expect(classifyByThresholds(1, 20)).toBe('yellow');
  });
  it('is yellow at exactly 15 % and red just above', () => {
    expect(classifyByThresholds(150, 1000)).toBe('yellow');
    expect(classifyByThresholds(3, 20)).toBe('yellow');
    expect(classifyByThresholds(151, 1000)).toBe('red');
    expect(classifyByThresholds(1501, 10000)).toBe('red');
  });
  it('has no colour without planned headcount', () => {
    expect(classifyByThresholds(0, 0)).toBe('none');
    expect(classifyByThresholds(5, 0)).toBe('none');
    expect(computeShortageRate(5, 0)).toBeNull();
  });
  it('follows configured thresholds', () => {
    const t = { yellowFromBp: 1000, redAboveBp: 2000 };
    expect(classifyByThresholds(99, 1000, t)).toBe('green');
    expect(classifyByThresholds(200, 1000, t)).toBe('yellow');
    expect(classifyByThresholds(201, 1000, t)).toBe('red');
  });
  it('rejects negative or fractional counts and bad thresholds', () => {
    expect(() => classifyByThresholds(-1, 10)).toThrow(RangeError);
    expect(() => classifyByThresholds(1.5, 10)).toThrow(RangeError);
    expect(() =>
      assertColourThresholds({ yellowFromBp: 1600, redAboveBp: 1500, risingToRed: false }),
    ).toThrow();
    expect(() => assertColourThresholds({ yellowFromBp: 0, redAboveBp: 1500, risingToRed: false })).toThrow();
    expect(() => assertColourThresholds(DEFAULT_COLOUR_THRESHOLDS)).not.toThrow();
  });
  it('agrees with the real-number definition on random counts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (s, p) => {
        const colour = classifyByThresholds(s, p);
        // Exact rational comparison as a cross-check: s/p vs 5/100 and 15/100.
        const expected = s * 100 > p * 15 ? 'red' : s * 100 >= p * 5 ? 'yellow' : 'green';
        expect(colour).toBe(expected);
      }),
    );
  });
  it('is monotone in the shortage (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (s, p) => {
        expect(
          compareColours(classifyByThresholds(s + 1, p), classifyByThresholds(s, p)),
        ).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('classifyShortage with the rising rule', () => {
  it('turns a yellow that rose two months running red', () => {
    expect(classifyShortage({ shortage: 10, planned: 100, previousRate: 0.08, previous2Rate: 0.06 })).toBe(
      'red',
    );
  });
  it('keeps yellow when the run is broken or a month is unknown', () => {
    expect(classifyShortage({ shortage: 10, planned: 100, previousRate: 0.08, previous2Rate: 0.09 })).toBe(
      'yellow',
    );
    expect(classifyShortage({ shortage: 10, planned: 100, previousRate: 0.1, previous2Rate: 0.06 })).toBe(
      'yellow',
    );
    expect(classifyShortage({ shortage: 10, planned: 100, previousRate: null, previous2Rate: 0.06 })).toBe(
      'yellow',
    );
  });
  it('never escalates green, and is off when the rule is off', () => {
    expect(classifyShortage({ shortage: 4, planned: 100, previousRate: 0.03, previous2Rate: 0.01 })).toBe(
      'green',
    );
    expect(
      classifyShortage(
        { shortage: 10, planned: 100, previousRate: 0.08, previous2Rate: 0.06 },
        { ...DEFAULT_COLOUR_THRESHOLDS, risingToRed: false },
      ),
    ).toBe('yellow');
  });
});

describe('detectAlert', () => {
  it('reports turning red, then worsening, and nothing for green', () => {
    expect(
      detectAlert({
        colour: 'red',
        previousColour: 'yellow',
        rate: 0.2,
        previousRate: 0.1,
        previous2Rate: 0.2,
      }),
    ).toBe('turned_red');
    expect(
      detectAlert({
        colour: 'red',
        previousColour: 'red',
        rate: 0.3,
        previousRate: 0.2,
        previous2Rate: 0.16,
      }),
    ).toBe('worsening');
    expect(
      detectAlert({
        colour: 'red',
        previousColour: 'red',
        rate: 0.3,
        previousRate: 0.4,
        previous2Rate: 0.16,
      }),
    ).toBeNull();
    expect(
      detectAlert({
        colour: 'green',
        previousColour: 'green',
        rate: 0.04,
        previousRate: 0.03,
        previous2Rate: 0.01,
      }),
    ).toBeNull();
  });
});

describe('reconcileHeadcount', () => {
  it('balances previous + hires − separations against actual', () => {
    expect(reconcileHeadcount({ previousActual: 100, hires: 10, separations: 5, actual: 105 })).toEqual({
      status: 'balanced',
      expected: 105,
    });
    expect(reconcileHeadcount({ previousActual: 100, hires: 10, separations: 5, actual: 100 })).toEqual({
      status: 'mismatch',
      expected: 105,
      difference: -5,
    });
    expect(reconcileHeadcount({ previousActual: null, hires: 1, separations: 0, actual: 7 })).toEqual({
      status: 'no_previous',
    });
  });
  it('is balanced exactly when the identity holds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 11_000 }),
        (prev, hires, seps, actual) => {
          const r = reconcileHeadcount({ previousActual: prev, hires, separations: seps, actual });
          expect(r.status === 'balanced').toBe(prev + hires - seps === actual);
        },
      ),
    );
  });
  it('computes 求人倍率 and leaves it undefined without seekers', () => {
    expect(computeSeekerRatio(150, 100)).toBe(1.5);
    expect(computeSeekerRatio(5, 0)).toBeNull();
  });
});

describe('months and the reporting window', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 14)).toBe('2027-02');
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('places the window in the month or the next, clamped to its length', () => {
    expect(reportingWindowOf('2026-02', { fromDay: 20, toDay: 24, monthOffset: 0 })).toEqual({
      from: '2026-02-20',
      to: '2026-02-24',
    });
    expect(reportingWindowOf('2026-01', { fromDay: 28, toDay: 31, monthOffset: 1 })).toEqual({
      from: '2026-02-28',
      to: '2026-02-28',
    });
  });
  it('keeps thresholds to one basis point', () => {
    expect(rateToBasisPoints(0.05)).toBe(500);
    expect(rateToBasisPoints(0.15)).toBe(1500);
    expect(() => rateToBasisPoints(0.123456)).toThrow(RangeError);
  });
});
