import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import type { Sex } from './id-number.ts';
import { ageOn, computeIdCheckDigit, generateIdNumber, validateIdNumber } from './id-number.ts';
import type { ValidationError } from './types.ts';
import { VALIDATION_ERROR_PARAMS } from './types.ts';

const SEED = 20261122;
const TODAY = new Date(2026, 10, 22); // local date 2026-11-22
const options = { today: TODAY };
const REGIONS = ['110105', '320507', '440305', '500101', '650102', '710000', '810000', '820000', '830000'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 22);

function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** An ISO birth date between 1900-01-01 and TODAY. */
const birthDate = fc
  .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS })
  .map((days) => formatUtcDate(FIRST_DAY + days * DAY_MS));
const sex = fc.constantFrom<Sex>('male', 'female');
const generatedId = fc
  .tuple(fc.integer(), fc.constantFrom(...REGIONS), birthDate, sex)
  .map(([seed, region, date, s]) => ({
    id: generateIdNumber(createRandom(seed), region, date, s),
    region,
    date,
    sex: s,
  }));

/** A valid ID with the given first 17 characters' region and date, sequence 123. */
function buildId(region: string, yyyymmdd: string, sequence = '123'): string {
  const first17 = `${region}${yyyymmdd}${sequence}`;
  return first17 + computeIdCheckDigit(first17);
}

function replaceAt(value: string, index: number, char: string): string {
  return value.slice(0, index) + char + value.slice(index + 1);
}

function expectFailure(input: string): ValidationError {
  const result = validateIdNumber(input, options);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.error;
}

describe('validateIdNumber', () => {
  it('accepts the GB 11643 example and derives birth date, sex and region', () => {
    expect(validateIdNumber('11010519491231002X', options)).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
        convertedFrom15: false,
      },
    });
  });

  it.each([
    ['a lower-case x', '11010519491231002x'],
    ['full-width digits and X', '１１０１０５１９４９１２３１００２Ｘ'],
    ['spaces', ' 110105 19491231 002X '],
  ])('accepts %s', (_label, input) => {
    const result = validateIdNumber(input, options);
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('converts a legacy 15-digit number to 18 digits', () => {
    expect(validateIdNumber('110105491231002', options)).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
        convertedFrom15: true,
      },
    });
  });

  it('converts every 15-digit form of a 20th-century ID back to that ID', () => {
    fc.assert(
      fc.property(
        generatedId.filter(({ date }) => date < '2000'),
        ({ id }) => {
          const legacy = id.slice(0, 6) + id.slice(8, 17);
          const result = validateIdNumber(legacy, options);
          return result.ok && result.value.idNumber === id && result.value.convertedFrom15;
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it.each([
    ['2000-02-29 (divisible by 400)', '20000229'],
    ['2024-02-29', '20240229'],
    ['1904-02-29', '19040229'],
  ])('accepts 29 February in the leap year %s', (_label, date) => {
    expect(validateIdNumber(buildId('320507', date), options).ok).toBe(true);
  });

  it.each([
    ['1900 (divisible by 100, not 400)', '19000229'],
    ['2023', '20230229'],
    ['2100 is never reached: 2025', '20250229'],
  ])('rejects 29 February in the common year %s', (_label, date) => {
    expect(expectFailure(buildId('320507', date))).toEqual({
      code: 'id_number.birth_date',
      position: 7,
      char: date,
    });
  });

  it.each(['19901301', '19900001', '19900100', '19900431', '19900132', '19900230'])(
    'rejects the impossible date %s',
    (date) => {
      expect(expectFailure(buildId('320507', date))).toEqual({
        code: 'id_number.birth_date',
        position: 7,
        char: date,
      });
    },
  );

  it('reports the 6 digits of a legacy number whose date is impossible', () => {
    // 1900 was not a leap year, so 00-02-29 in a 15-digit number is impossible.
    expect(expectFailure('320507000229123')).toEqual({
      code: 'id_number.birth_date',
      position: 7,
      char: '000229',
    });
  });

  it('accepts someone born today and rejects a birth date after today', () => {
    expect(validateIdNumber(buildId('320507', '20261122'), options).ok).toBe(true);
    expect(expectFailure(buildId('320507', '20261123'))).toEqual({
      code: 'id_number.birth_date_future',
      position: 7,
      char: '20261123',
      expected: '20261122',
    });
  });

  it('uses the real current date when no today is given', () => {
    const result = validateIdNumber(buildId('320507', '29991231'));
    expect(result.ok || result.error.code).toBe('id_number.birth_date_future');
  });

  it('rejects birth dates before 1900, like the 1880 example in GB 11643', () => {
    // 440524188001010014 appears in the standard and has a correct check digit.
    expect(computeIdCheckDigit('44052418800101001')).toBe('4');
    expect(expectFailure('440524188001010014')).toEqual({
      code: 'id_number.birth_date_before_1900',
      position: 7,
      char: '18800101',
      expected: '19000101',
    });
    expect(validateIdNumber(buildId('440524', '19000101'), options).ok).toBe(true);
  });

  it.each([
    '11',
    '12',
    '13',
    '14',
    '15',
    '21',
    '22',
    '23',
    '31',
    '37',
    '41',
    '46',
    '50',
    '54',
    '61',
    '65',
    '71',
    '81',
    '82',
    '83',
  ])('accepts the province code %s', (province) => {
    expect(validateIdNumber(buildId(`${province}0101`, '19900101'), options).ok).toBe(true);
  });

  it.each([
    '00',
    '10',
    '16',
    '20',
    '24',
    '30',
    '38',
    '40',
    '47',
    '49',
    '55',
    '60',
    '66',
    '70',
    '72',
    '80',
    '84',
    '91',
    '99',
  ])('rejects the unknown province code %s', (province) => {
    expect(expectFailure(buildId(`${province}0101`, '19900101'))).toEqual({
      code: 'id_number.region',
      position: 1,
      char: province,
    });
  });

  it('reports the expected check digit, including X', () => {
    expect(expectFailure('110105194912310021')).toEqual({
      code: 'id_number.check_digit',
      position: 18,
      char: '1',
      expected: 'X',
    });
    const endsInDigit = buildId('320507', '19900101');
    expect(expectFailure(`${endsInDigit.slice(0, 17)}X`)).toEqual({
      code: 'id_number.check_digit',
      position: 18,
      char: 'X',
      expected: endsInDigit.charAt(17),
    });
  });

  it.each([
    ['a letter in the region', '3205A7199001011234', 5, 'A'],
    ['an X before the last position', '3205071990010112X4', 17, 'X'],
    ['a symbol at the end', '32050719900101123*', 18, '*'],
    ['an X in a legacy number', '32050790010112X', 15, 'X'],
    ['a dash', '320507-99001011234', 7, '-'],
  ])('rejects %s with its position', (_label, input, position, char) => {
    expect(expectFailure(input)).toEqual({ code: 'id_number.char', position, char });
  });

  it.each([
    ['17 digits', '32050719900101123', 17],
    ['16 digits', '3205071990010112', 16],
    ['19 digits', '3205071990010112345', 19],
    ['14 digits', '32050790010112', 14],
  ])('rejects %s', (_label, input, actual) => {
    expect(expectFailure(input)).toEqual({ code: 'id_number.length', expected: '18', actual });
  });

  it.each([
    ['3.20509E+17', '3.20509E+17'],
    ['3.20509199001011E+17', '3.20509199001011E+17'],
    ['3.2e+17', '3.2E+17'],
    [' 3.20509E+17 ', '3.20509E+17'],
    ['3E+17', '3E+17'],
    ['３.２０５０９Ｅ＋１７', '3.20509E+17'],
  ])('recognises "%s" as destroyed by Excel', (input, char) => {
    expect(expectFailure(input)).toEqual({ code: 'id_number.scientific_notation', char });
  });

  it.each(['', '   ', '\u3000'])('rejects the empty input "%s"', (input) => {
    expect(expectFailure(input)).toEqual({ code: 'id_number.empty' });
  });

  it('treats a non-string at runtime as empty, even a number Excel read', () => {
    for (const value of [undefined, null, Number('320507199001011234')]) {
      expect(validateIdNumber(value as unknown as string, options)).toEqual({
        ok: false,
        error: { code: 'id_number.empty' },
      });
    }
  });

  it('never throws and returns exactly the params its code declares', () => {
    const looksLikeAnId = fc.string({ unit: fc.constantFrom(...'0123456789Xx .E+-'), maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(looksLikeAnId, fc.string({ unit: 'binary', maxLength: 24 })), (input) => {
        const result = validateIdNumber(input, options);
        if (result.ok) return result.value.idNumber.length === 18;
        const { code, ...params } = result.error;
        expect(Object.keys(params).sort()).toEqual([...VALIDATION_ERROR_PARAMS[code]].sort());
        return code.startsWith('id_number.');
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('derives sex from the parity of the 17th digit, and birth date and region', () => {
    fc.assert(
      fc.property(generatedId, ({ id, region, date, sex: s }) => {
        const result = validateIdNumber(id, options);
        expect(result).toEqual({
          ok: true,
          value: { idNumber: id, birthDate: date, sex: s, regionCode: region, convertedFrom15: false },
        });
        return Number(id.charAt(16)) % 2 === (s === 'male' ? 1 : 0);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('rejects every single-character change of a valid ID, exhaustively', () => {
    const rand = createRandom(SEED);
    const ids = Array.from({ length: 40 }, (_, i) =>
      generateIdNumber(
        rand,
        REGIONS[i % REGIONS.length] ?? '320507',
        '1990-06-15',
        i % 2 ? 'male' : 'female',
      ),
    );
    ids.push('11010519491231002X');
    const tally = new Map<string, number>();
    for (const id of ids) {
      for (let index = 0; index < 18; index++) {
        for (const char of index === 17 ? '0123456789X' : '0123456789') {
          if (char === id.charAt(index)) continue;
          const mutated = replaceAt(id, index, char);
          const error = expectFailure(mutated);
          tally.set(error.code, (tally.get(error.code) ?? 0) + 1);
          if (error.code === 'id_number.check_digit') {
            expect(error).toEqual({
              code: 'id_number.check_digit',
              position: 18,
              char: mutated.charAt(17),
              expected: computeIdCheckDigit(mutated.slice(0, 17)),
            });
          } else {
            // Only the province and birth-date digits can fail earlier than the check digit.
            expect(index < 2 || (index >= 6 && index < 14)).toBe(true);
          }
        }
      }
    }
    const total = [...tally.values()].reduce((sum, count) => sum + count, 0);
    expect(total).toBe(ids.length * (17 * 9 + 10));
    expect(tally.get('id_number.check_digit')).toBeGreaterThan(total / 2);
  });

  it('rejects every swap of two adjacent different digits', () => {
    fc.assert(
      fc.property(generatedId, fc.integer({ min: 0, max: 15 }), ({ id }, i) => {
        fc.pre(id.charAt(i) !== id.charAt(i + 1));
        const swapped = id.slice(0, i) + id.charAt(i + 1) + id.charAt(i) + id.slice(i + 2);
        return !validateIdNumber(swapped, options).ok;
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('computeIdCheckDigit', () => {
  it('computes the MOD 11-2 check character', () => {
    expect(computeIdCheckDigit('11010519491231002')).toBe('X');
    expect(computeIdCheckDigit('00000000000000000')).toBe('1');
  });

  it('covers all eleven check characters', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 100; n++) seen.add(computeIdCheckDigit(String(n).padStart(17, '0')));
    expect([...seen].sort().join('')).toBe('0123456789X');
  });

  it.each(['', '1101051949123100', '110105194912310021', '1101051949123100X'])(
    'throws a RangeError for "%s"',
    (input) => {
      expect(() => computeIdCheckDigit(input)).toThrow(RangeError);
    },
  );
});

describe('ageOn', () => {
  it('counts whole years, going up on the birthday', () => {
    expect(ageOn('1990-06-15', new Date(2026, 5, 14))).toBe(35);
    expect(ageOn('1990-06-15', new Date(2026, 5, 15))).toBe(36);
    expect(ageOn('1990-06-15', new Date(2026, 11, 31))).toBe(36);
  });

  it('ages someone born on 29 February on 1 March in common years', () => {
    expect(ageOn('2008-02-29', new Date(2026, 1, 28))).toBe(17);
    expect(ageOn('2008-02-29', new Date(2026, 2, 1))).toBe(18);
    expect(ageOn('2008-02-29', new Date(2028, 1, 28))).toBe(19);
    expect(ageOn('2008-02-29', new Date(2028, 1, 29))).toBe(20);
  });

  it('is zero on the birth date and negative before it', () => {
    expect(ageOn('2000-01-01', new Date(2000, 0, 1))).toBe(0);
    expect(ageOn('2000-01-01', new Date(1999, 11, 31))).toBe(-1);
  });

  it('agrees with the birth date derived from an ID', () => {
    fc.assert(
      fc.property(generatedId, ({ id }) => {
        const result = validateIdNumber(id, options);
        if (!result.ok) return false;
        const { birthDate: date } = result.value;
        const hasHadBirthday = date.slice(5) <= '11-22';
        return ageOn(date, TODAY) === 2026 - Number(date.slice(0, 4)) - (hasHadBirthday ? 0 : 1);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it.each(['2023-02-29', '1990/01/01', '19900101', '', '1990-13-01'])(
    'throws a RangeError for "%s"',
    (input) => {
      expect(() => ageOn(input, TODAY)).toThrow(RangeError);
    },
  );
});

describe('generateIdNumber', () => {
  it('is deterministic for a given generator', () => {
    const generate = () => generateIdNumber(createRandom(7), '320507', '1990-01-01', 'male');
    expect(generate()).toBe(generate());
  });

  it.each([
    ['000000', '1990-01-01'],
    ['32050', '1990-01-01'],
    ['320507', '2023-02-29'],
    ['320507', '19900101'],
  ])('throws a RangeError for region %s and birth date %s', (region, date) => {
    expect(() => generateIdNumber(createRandom(1), region, date, 'female')).toThrow(RangeError);
  });
});
