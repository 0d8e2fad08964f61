import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRetentionRate, computeShare } from './rates.ts';

describe('computeRetentionRate', () => {
  it('is retained over checked, leaving pending checks out', () => {
    expect(computeRetentionRate({ retained: 3, lost: 1, pending: 10 })).toBe(0.75);
  });

  it('has no rate when nothing was checked', () => {
    expect(computeRetentionRate({ retained: 0, lost: 0, pending: 4 })).toBeNull();
  });

  it('rejects negative and fractional counts', () => {
    expect(() => computeRetentionRate({ retained: -1, lost: 0, pending: 0 })).toThrow(RangeError);
    expect(() => computeRetentionRate({ retained: 1.5, lost: 0, pending: 0 })).toThrow(RangeError);
  });

  it('stays within [0, 1] and rises with every retained check', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (retained, lost, pending) => {
        const rate = computeRetentionRate({ retained, lost, pending });
        if (retained + lost === 0) return rate === null;
        const more = computeRetentionRate({ retained: retained + 1, lost, pending }) ?? 0;
        return rate !== null && rate >= 0 && rate <= 1 && more >= rate;
      }),
    );
  });
});

describe('computeShare', () => {
  it('divides, with no share of nothing', () => {
    expect(computeShare(1, 4)).toBe(0.25);
    expect(computeShare(0, 0)).toBeNull();
  });
});
