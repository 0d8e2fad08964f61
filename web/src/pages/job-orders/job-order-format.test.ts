import { describe, expect, it } from 'vitest';
import { describeAgeRange, formatWageRange } from './job-order-format.ts';

describe('job-order text formats', () => {
  it('writes a wage range in yuan per month, once when both ends agree', () => {
    expect(formatWageRange({ wageMin: 5000, wageMax: 7000 }, 'zh-CN', '元/月')).toBe('5,000–7,000 元/月');
    expect(formatWageRange({ wageMin: 6000, wageMax: 6000 }, 'en', 'yuan/month')).toBe('6,000 yuan/month');
  });

  it('tells which age bounds an order sets', () => {
    expect(describeAgeRange({ ageMin: 18, ageMax: 45 })).toEqual({ kind: 'range', min: 18, max: 45 });
    expect(describeAgeRange({ ageMin: 18, ageMax: null })).toEqual({ kind: 'from', min: 18 });
    expect(describeAgeRange({ ageMin: null, ageMax: 50 })).toEqual({ kind: 'to', max: 50 });
    expect(describeAgeRange({ ageMin: null, ageMax: null })).toEqual({ kind: 'any' });
  });
});
