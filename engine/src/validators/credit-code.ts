/**
 * 统一社会信用代码 — the unified social credit code of legal persons and other organisations,
 * GB 32100-2015 (法人和其他组织统一社会信用代码编码规则).
 *
 * Layout, 18 characters from the 31-character alphabet `0123456789ABCDEFGHJKLMNPQRTUWXY` (I, O, S, V
 * and Z are never used, to avoid confusion with 1, 0, 5, U and 2):
 *
 * | positions | part | checked here |
 * | --- | --- | --- |
 * | 1 | registration authority (登记管理部门代码): 1 机构编制, 5 民政, 9 工商/市场监管, N 农业, Y 其他, … | one of 1–9, A–G, N, Y |
 * | 2 | institution type within that authority (机构类别代码) | any alphabet character except 0 |
 * | 3–8 | region code of the registering office (GB/T 2260) | six digits; the region itself is not looked up |
 * | 9–17 | organisation code (主体标识码, GB 11714) | alphabet characters; its own check digit is not verified |
 * | 18 | check character (GB/T 17710 style, modulus 31) | computed and compared |
 *
 * Leniency, on purpose: the standard leaves the type codes to each authority and authorities keep
 * adding them, so position 2 accepts any non-zero alphabet character. Position 1 accepts the
 * authority codes 1–9, A–G and Y, plus N, which agriculture departments use for rural collective
 * economic organisations (农村集体经济组织); not every one of those letters is assigned yet, but
 * rejecting a real code costs a user far more than accepting an unassigned letter, and the check
 * character still catches every single typo. The GB 11714 check digit inside positions 9–17 is not
 * verified because real credit codes often fail it (individual businesses, for example).
 *
 * Check character: with value(c) = index of c in the alphabet and weights w_i = 3^(i−1) mod 31,
 *   C18 = 31 − (Σ_{i=1..17} value_i · w_i mod 31), and 31 becomes 0.
 * Because 31 is prime and every weight is non-zero mod 31, changing any one character changes the
 * sum mod 31, so every single-character error is caught; 3 has order 30 mod 31, so the 17 weights are
 * distinct and every transposition of two different characters among positions 1–17 is caught too.
 */

import { drawInteger } from '../random.ts';
import { normalizeCodeInput } from './normalize.ts';
import { fail, succeed } from './result.ts';
import type { ValidationResult } from './types.ts';

/** The GB 32100 alphabet; a character's value is its index here. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Registration authority codes accepted at position 1 (see the header comment). */
export const CREDIT_CODE_REGISTRATION_AUTHORITIES = '123456789ABCDEFGNY';

const CODE_LENGTH = 18;
const MODULUS = 31;
/** w_i = 3^(i−1) mod 31 for i = 1..17. */
const WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 weights for the 8-character body of an organisation code. */
const ORGANISATION_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/** Character code → alphabet value, −1 for characters outside the alphabet. */
const VALUE_BY_CHAR_CODE: Int8Array = buildValueTable();

function buildValueTable(): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let value = 0; value < CREDIT_CODE_ALPHABET.length; value++) {
    table[CREDIT_CODE_ALPHABET.charCodeAt(value)] = value;
  }
  return table;
}

function readValue(char: string): number {
  const charCode = char.charCodeAt(0);
  return char.length === 1 && charCode < 128 ? (VALUE_BY_CHAR_CODE[charCode] ?? -1) : -1;
}

function computeCheckChar(values: readonly number[]): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += (values[i] ?? 0) * (WEIGHTS[i] ?? 0);
  return CREDIT_CODE_ALPHABET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

function isAllowedAt(index: number, char: string, value: number): boolean {
  if (index === 0) return CREDIT_CODE_REGISTRATION_AUTHORITIES.includes(char);
  if (index === 1) return value !== 0;
  return true;
}

/**
 * Validates a unified social credit code (GB 32100-2015) and returns it normalised (upper-case,
 * half-width, no spaces).
 *
 * Reports the first problem reading left to right: `credit_code.empty`, `credit_code.length`,
 * then per position `credit_code.char` or `credit_code.region`, then `credit_code.check_digit`.
 * Never throws; a non-string at runtime is treated as empty.
 *
 * @example validateCreditCode('9132 0000 1347 7678 8n') // { ok: true, value: '91320000134776788N' }
 */
export function validateCreditCode(input: string): ValidationResult<string> {
  if (typeof input !== 'string') return fail({ code: 'credit_code.empty' });
  const code = normalizeCodeInput(input);
  if (code.length === 0) return fail({ code: 'credit_code.empty' });
  const chars = Array.from(code);
  if (chars.length !== CODE_LENGTH) {
    return fail({ code: 'credit_code.length', expected: String(CODE_LENGTH), actual: chars.length });
  }

  const values: number[] = [];
  for (let index = 0; index < CODE_LENGTH; index++) {
    const char = chars[index] ?? '';
    const value = readValue(char);
    const position = index + 1;
    if (value < 0 || !isAllowedAt(index, char, value))
      return fail({ code: 'credit_code.char', position, char });
    if (index >= 2 && index <= 7 && value > 9) return fail({ code: 'credit_code.region', position, char });
    values.push(value);
  }

  const expected = computeCheckChar(values);
  const given = chars[CODE_LENGTH - 1] ?? '';
  if (given !== expected) {
    return fail({ code: 'credit_code.check_digit', position: CODE_LENGTH, char: given, expected });
  }
  return succeed(code);
}

/**
 * Computes the GB 32100 check character for the first 17 characters of a credit code.
 *
 * @param first17 exactly 17 characters of the alphabet, already upper-case and half-width.
 * @throws RangeError when `first17` is not 17 alphabet characters (a programming error, not user input).
 * @example computeCreditCodeCheckDigit('91320000134776788') === 'N'
 */
export function computeCreditCodeCheckDigit(first17: string): string {
  const values = Array.from(first17, readValue);
  if (values.length !== CODE_LENGTH - 1 || values.some((value) => value < 0)) {
    throw new RangeError(`expected 17 characters of ${CREDIT_CODE_ALPHABET}, got "${first17}"`);
  }
  return computeCheckChar(values);
}

/**
 * Generates a valid credit code for demo data: registration authority 9 (market regulation), type 1
 * (enterprise), the given region, an organisation code of eight random digits plus its GB 11714
 * check character (so it looks like a real pre-2016 code), and the correct check character.
 * Deterministic: the same `rand` sequence gives the same code.
 *
 * @param rand a generator returning numbers in [0, 1), e.g. `createRandom(seed)`.
 * @param regionCode the 6-digit GB/T 2260 code of the registering office.
 * @throws RangeError when `regionCode` is not 6 digits.
 */
export function generateCreditCode(rand: () => number, regionCode: string): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`regionCode must be 6 digits, got "${regionCode}"`);
  let body = '';
  for (let i = 0; i < ORGANISATION_CODE_WEIGHTS.length; i++) body += String(drawInteger(rand, 10));
  const first17 = `91${regionCode}${body}${computeOrganisationCodeCheckChar(body)}`;
  return first17 + computeCreditCodeCheckDigit(first17);
}

/** GB 11714: C9 = 11 − (Σ digit_i · w_i mod 11), with 10 → X and 11 → 0 (body of digits only). */
function computeOrganisationCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < ORGANISATION_CODE_WEIGHTS.length; i++) {
    sum += Number(body.charAt(i)) * (ORGANISATION_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}
