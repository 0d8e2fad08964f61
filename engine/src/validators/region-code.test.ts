import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parentRegionCode, validateRegionCode } from './region-code.ts';
import { VALIDATION_ERROR_PARAMS } from './types.ts';

const SEED = 20261122;

describe('validateRegionCode', () => {
  it.each([
    ['320000', 'province'],
    ['320500', 'prefecture'],
    ['320507', 'county'],
    ['429004', 'county'],
    ['320507001', 'township'],
    ['320507001001', 'village'],
    ['320507001000', 'township'],
    ['320507000000', 'county'],
    ['320500000000', 'prefecture'],
    ['320000000000', 'province'],
  ] as const)('reads %s as a %s', (code, level) => {
    expect(validateRegionCode(code)).toEqual({ ok: true, value: { code, level } });
  });

  it('normalises full-width digits and spaces', () => {
    expect(validateRegionCode(' ３２０５ ０７ ')).toEqual({
      ok: true,
      value: { code: '320507', level: 'county' },
    });
  });

  it.each([
    ['5 digits', '32050', 5],
    ['7 digits', '3205070', 7],
    ['10 digits', '3205070010', 10],
    ['13 digits', '3205070010010', 13],
  ])('rejects %s', (_label, input, actual) => {
    expect(validateRegionCode(input)).toEqual({ ok: false, error: { code: 'region_code.length', actual } });
  });

  it.each([
    ['32O507', 3, 'O'],
    ['320507-01', 7, '-'],
    ['3205070010A1', 11, 'A'],
  ])('rejects the non-digit in %s', (input, position, char) => {
    expect(validateRegionCode(input)).toEqual({
      ok: false,
      error: { code: 'region_code.char', position, char },
    });
  });

  it.each([
    ['province 00', '000000', 1, '00'],
    ['province 00 in 12 digits', '000101001001', 1, '00'],
    ['a county under no prefecture', '320007', 5, '07'],
    ['a township under no county', '320500001000', 7, '001'],
    ['a village under no township', '320507000001', 10, '001'],
    ['a 9-digit code without a township', '320507000', 7, '000'],
  ])('rejects %s', (_label, input, position, char) => {
    expect(validateRegionCode(input)).toEqual({
      ok: false,
      error: { code: 'region_code.format', position, char },
    });
  });

  it.each(['', '  ', '\u3000'])('rejects the empty input "%s"', (input) => {
    expect(validateRegionCode(input)).toEqual({ ok: false, error: { code: 'region_code.empty' } });
  });

  it('never throws and returns exactly the params its code declares', () => {
    const digitsAndZeros = fc.string({ unit: fc.constantFrom(...'0000123456789 a'), maxLength: 13 });
    fc.assert(
      fc.property(fc.oneof(digitsAndZeros, fc.string({ unit: 'binary', maxLength: 14 })), (input) => {
        const result = validateRegionCode(input);
        if (result.ok) return [6, 9, 12].includes(result.value.code.length);
        const { code, ...params } = result.error;
        expect(Object.keys(params).sort()).toEqual([...VALIDATION_ERROR_PARAMS[code]].sort());
        return code.startsWith('region_code.');
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('parentRegionCode', () => {
  it('walks a 12-digit village up to its province, keeping 12 digits', () => {
    const chain: string[] = [];
    for (let code: string | null = '320507001001'; code !== null; code = parentRegionCode(code))
      chain.push(code);
    expect(chain).toEqual(['320507001001', '320507001000', '320507000000', '320500000000', '320000000000']);
  });

  it('walks a 6-digit county up to its province', () => {
    expect(parentRegionCode('320507')).toBe('320500');
    expect(parentRegionCode('320500')).toBe('320000');
    expect(parentRegionCode('320000')).toBeNull();
  });

  it('gives a 9-digit township its 6-digit county', () => {
    expect(parentRegionCode('320507001')).toBe('320507');
  });

  it('gives a county administered by its province the province', () => {
    expect(parentRegionCode('429004')).toBe('420000');
    expect(parentRegionCode('429004000000')).toBe('420000000000');
    expect(parentRegionCode('429004001000')).toBe('429004000000');
  });

  it('returns null for an invalid code', () => {
    expect(parentRegionCode('32050')).toBeNull();
    expect(parentRegionCode('320007')).toBeNull();
  });

  it('always returns a valid code one or more levels up', () => {
    const levels = ['province', 'prefecture', 'county', 'township', 'village'];
    const code = fc
      .tuple(
        fc.stringMatching(/^[1-8][1-9]$/),
        fc.stringMatching(/^(0[1-9]|90)$/),
        fc.stringMatching(/^(0[1-9]|[1-9]\d)$/),
        fc.stringMatching(/^(00[1-9]|[1-9]\d\d)$/),
        fc.stringMatching(/^(00[1-9]|[1-9]\d\d)$/),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
      )
      .map(([p, c, d, t, v, depth, isLong]) => {
        const parts = [p, c, d, t, v].map((part, i) => (i < depth ? part : '0'.repeat(part.length)));
        return isLong || depth > 3 ? parts.join('') : parts.slice(0, 3).join('');
      });
    fc.assert(
      fc.property(code, (child) => {
        const childResult = validateRegionCode(child);
        const parent = parentRegionCode(child);
        if (!childResult.ok) return false;
        if (parent === null) return childResult.value.level === 'province';
        const parentResult = validateRegionCode(parent);
        return (
          parentResult.ok &&
          levels.indexOf(parentResult.value.level) < levels.indexOf(childResult.value.level) &&
          child.startsWith(parent.replace(/0+$/, ''))
        );
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
