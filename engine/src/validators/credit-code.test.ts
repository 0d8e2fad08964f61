import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import cases from './credit-code.cases.json';
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_REGISTRATION_AUTHORITIES,
  computeCreditCodeCheckDigit,
  generateCreditCode,
  validateCreditCode,
} from './credit-code.ts';
import type { ValidationError } from './types.ts';
import { VALIDATION_ERROR_PARAMS } from './types.ts';

const SEED = 20261122;

/** Any syntactically valid code, built from the parts the standard allows. */
const validCreditCode = fc
  .tuple(
    fc.constantFrom(...CREDIT_CODE_REGISTRATION_AUTHORITIES),
    fc.constantFrom(...CREDIT_CODE_ALPHABET.slice(1)),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
    fc.string({ unit: fc.constantFrom(...CREDIT_CODE_ALPHABET), minLength: 9, maxLength: 9 }),
  )
  .map(([authority, type, region, organisation]) => {
    const first17 = `${authority}${type}${region}${organisation}`;
    return first17 + computeCreditCodeCheckDigit(first17);
  });

function generateCodes(count: number): string[] {
  const rand = createRandom(SEED);
  return Array.from({ length: count }, () => generateCreditCode(rand, '320500'));
}

function replaceAt(code: string, index: number, char: string): string {
  return code.slice(0, index) + char + code.slice(index + 1);
}

function expectFailure(input: string): ValidationError {
  const result = validateCreditCode(input);
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.error;
}

describe('validateCreditCode', () => {
  it.each(cases.valid)('accepts the real code $code', ({ code }) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it.each(cases.invalid)('rejects "$input" with $error.code', ({ input, error }) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, error });
  });

  it.each([
    ['lower case', '91320000134776788n'],
    ['full-width digits and letters', '９１３２００００１３４７７６７８８Ｎ'],
    ['full-width lower-case letters', '９１３２００００１３４７７６７８８ｎ'],
    ['surrounding and inner spaces', '  9132 0000 1347 7678 8N\t'],
    ['ideographic and zero-width spaces', '\u30009132\u200B00001347\u00A076788N\u3000'],
  ])('normalises %s before checking', (_label, input) => {
    expect(validateCreditCode(input)).toEqual({ ok: true, value: '91320000134776788N' });
  });

  it('counts positions and length in the normalised code', () => {
    expect(validateCreditCode('9132 O000 1347 7678 8N')).toEqual({
      ok: false,
      error: { code: 'credit_code.char', position: 5, char: 'O' },
    });
    expect(validateCreditCode('9132 0000 1347 7678 8')).toEqual({
      ok: false,
      error: { code: 'credit_code.length', expected: '18', actual: 17 },
    });
  });

  it('counts a character outside the BMP as one position', () => {
    expect(validateCreditCode('9132000013477678😀N')).toEqual({
      ok: false,
      error: { code: 'credit_code.char', position: 17, char: '😀' },
    });
  });

  it('reports the first problem reading left to right', () => {
    // Region letter at position 4 and a wrong check digit: the region comes first.
    expect(expectFailure('913B0000134776788M')).toEqual({
      code: 'credit_code.region',
      position: 4,
      char: 'B',
    });
    // A forbidden letter after a region letter: still the region.
    expect(expectFailure('913B000013477678ON')).toEqual({
      code: 'credit_code.region',
      position: 4,
      char: 'B',
    });
  });

  it('accepts every registration authority and every non-zero type', () => {
    for (const authority of CREDIT_CODE_REGISTRATION_AUTHORITIES) {
      for (const type of CREDIT_CODE_ALPHABET.slice(1)) {
        const first17 = `${authority}${type}320000134776788`;
        expect(validateCreditCode(first17 + computeCreditCodeCheckDigit(first17)).ok).toBe(true);
      }
    }
  });

  it('rejects alphabet letters that are not registration authorities at position 1', () => {
    const others = [...CREDIT_CODE_ALPHABET].filter(
      (char) => !CREDIT_CODE_REGISTRATION_AUTHORITIES.includes(char),
    );
    expect(others).toEqual(['0', 'H', 'J', 'K', 'L', 'M', 'P', 'Q', 'R', 'T', 'U', 'W', 'X']);
    for (const char of others) {
      const first17 = `${char}1320000134776788`;
      expect(expectFailure(first17 + computeCreditCodeCheckDigit(first17))).toEqual({
        code: 'credit_code.char',
        position: 1,
        char,
      });
    }
  });

  it('rejects I, O, S, V and Z anywhere', () => {
    for (const char of 'IOSVZ') {
      for (let index = 0; index < 18; index++) {
        const error = expectFailure(replaceAt('91320000134776788N', index, char));
        expect(error).toEqual({ code: 'credit_code.char', position: index + 1, char });
      }
    }
  });

  it('does not check the GB 11714 check digit inside the organisation code', () => {
    // 13477678-8 is a valid organisation code; 13477678-9 is not, yet the credit code is accepted.
    const first17 = '91320000134776789';
    expect(validateCreditCode(first17 + computeCreditCodeCheckDigit(first17)).ok).toBe(true);
  });

  it('never throws and returns exactly the params its code declares', () => {
    const looksLikeACode = fc.string({
      unit: fc.constantFrom(...`${CREDIT_CODE_ALPHABET}IOSVZ abc-０Ｎ\u3000`),
      maxLength: 20,
    });
    fc.assert(
      fc.property(fc.oneof(looksLikeACode, fc.string({ unit: 'binary', maxLength: 24 })), (input) => {
        const result = validateCreditCode(input);
        if (result.ok) return result.value.length === 18;
        const { code, ...params } = result.error;
        expect(Object.keys(params).sort()).toEqual([...VALIDATION_ERROR_PARAMS[code]].sort());
        return code.startsWith('credit_code.');
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('treats a non-string at runtime as empty', () => {
    for (const value of [undefined, null, 91320000]) {
      expect(validateCreditCode(value as unknown as string)).toEqual({
        ok: false,
        error: { code: 'credit_code.empty' },
      });
    }
  });

  it('accepts every code built from allowed parts with its computed check character', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => validateCreditCode(code).ok),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('accepts exactly one of the 31 possible check characters', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        const accepted = [...CREDIT_CODE_ALPHABET].filter(
          (char) => validateCreditCode(code.slice(0, 17) + char).ok,
        );
        return accepted.length === 1 && accepted[0] === code.charAt(17);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('rejects every single-character substitution, exhaustively, with the precise error', () => {
    const codes = [...generateCodes(20), ...cases.valid.map(({ code }) => code)];
    let mutations = 0;
    for (const code of codes) {
      for (let index = 0; index < 18; index++) {
        for (const char of CREDIT_CODE_ALPHABET) {
          if (char === code.charAt(index)) continue;
          const mutated = replaceAt(code, index, char);
          const error = expectFailure(mutated);
          mutations++;
          const position = index + 1;
          if (index === 0 && !CREDIT_CODE_REGISTRATION_AUTHORITIES.includes(char)) {
            expect(error).toEqual({ code: 'credit_code.char', position, char });
          } else if (index === 1 && char === '0') {
            expect(error).toEqual({ code: 'credit_code.char', position, char });
          } else if (index >= 2 && index <= 7 && !/\d/.test(char)) {
            expect(error).toEqual({ code: 'credit_code.region', position, char });
          } else {
            expect(error).toEqual({
              code: 'credit_code.check_digit',
              position: 18,
              char: mutated.charAt(17),
              expected: computeCreditCodeCheckDigit(mutated.slice(0, 17)),
            });
          }
        }
      }
    }
    expect(mutations).toBe(codes.length * 18 * 30);
  });

  it('rejects every transposition of two different characters among positions 1-17', () => {
    fc.assert(
      fc.property(
        validCreditCode,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 0, max: 16 }),
        (code, i, j) => {
          const a = code.charAt(i);
          const b = code.charAt(j);
          fc.pre(a !== b);
          return !validateCreditCode(replaceAt(replaceAt(code, i, b), j, a)).ok;
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('computeCreditCodeCheckDigit', () => {
  it('uses the weights 3^(i-1) mod 31', () => {
    // A single 1 at position i contributes exactly its weight, so the check character reveals it.
    for (let i = 0; i < 17; i++) {
      const first17 = `${'0'.repeat(i)}1${'0'.repeat(16 - i)}`;
      const weight = 3 ** i % 31;
      expect(computeCreditCodeCheckDigit(first17)).toBe(CREDIT_CODE_ALPHABET.charAt((31 - weight) % 31));
    }
  });

  it('maps a sum divisible by 31 to 0', () => {
    expect(computeCreditCodeCheckDigit('0'.repeat(17))).toBe('0');
  });

  it.each(cases.valid)('reproduces the check character of $code', ({ code }) => {
    expect(computeCreditCodeCheckDigit(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it.each(['', '9132000013477678', '913200001347767888', '9132000013477678O', '91320000ma1fl5lx3'])(
    'throws a RangeError for "%s"',
    (input) => {
      expect(() => computeCreditCodeCheckDigit(input)).toThrow(RangeError);
    },
  );
});

describe('generateCreditCode', () => {
  it('generates valid codes with authority 9, type 1 and the given region', () => {
    fc.assert(
      fc.property(fc.integer(), fc.stringMatching(/^[1-6]\d{5}$/), (seed, region) => {
        const code = generateCreditCode(createRandom(seed), region);
        return code.startsWith(`91${region}`) && validateCreditCode(code).ok;
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('gives its organisation code a valid GB 11714 check character', () => {
    const weights = [3, 7, 9, 10, 5, 8, 4, 2];
    for (const code of generateCodes(200)) {
      const body = code.slice(8, 16);
      const sum = weights.reduce((total, weight, i) => total + weight * Number(body.charAt(i)), 0);
      const check = 11 - (sum % 11);
      expect(code.charAt(16)).toBe(check === 10 ? 'X' : check === 11 ? '0' : String(check));
    }
  });

  it('is deterministic for a given generator', () => {
    expect(generateCodes(5)).toEqual(generateCodes(5));
    expect(new Set(generateCodes(1000)).size).toBeGreaterThan(990);
  });

  it.each(['', '32050', '3205000', '32O500'])('throws a RangeError for region "%s"', (region) => {
    expect(() => generateCreditCode(createRandom(1), region)).toThrow(RangeError);
  });
});
