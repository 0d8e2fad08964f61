/**
 * 居民身份证号码 — the citizen identity number, GB 11643-1999 (公民身份号码).
 *
 * Layout of the 18-character number:
 *
 * | positions | part | checked here |
 * | --- | --- | --- |
 * | 1–6 | address code (GB/T 2260 county of first registration) | the first two digits are a province code; the rest is not looked up |
 * | 7–14 | birth date `YYYYMMDD` | a real calendar date, from 1900-01-01 to today |
 * | 15–17 | sequence; the 17th digit is odd for men, even for women | digits |
 * | 18 | check character, ISO 7064 MOD 11-2 | computed and compared |
 *
 * Province codes: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, plus 71 (Taiwan), 81 (Hong Kong),
 * 82 (Macao) and 83 (Taiwan residents' residence permits), which appear on residence permits.
 *
 * Check character: with weights w_i = 2^(18−i) mod 11 = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2],
 *   C18 = "10X98765432"[Σ_{i=1..17} digit_i · w_i mod 11].
 * 11 is prime and no weight is 0 mod 11, so any single wrong digit is caught; adjacent weights
 * differ, so swapping two adjacent different digits is caught as well.
 *
 * Legacy 15-digit numbers (issued before 1999: 6 address + YYMMDD + 3 sequence, no check digit) are
 * accepted and converted: "19" is inserted before YY and the check digit appended.
 *
 * Inputs that Excel has turned into scientific notation ("3.20509E+17") are recognised before
 * anything else and reported as such: their last digits are gone and cannot be recovered.
 */

import { drawInteger } from '../random.ts';
import { normalizeCodeInput } from './normalize.ts';
import { fail, succeed } from './result.ts';
import type { ValidationResult } from './types.ts';

/** Sex as recorded by the parity of the 17th digit. */
export type Sex = 'male' | 'female';

/** What a valid ID number tells us. */
export interface IdNumberInfo {
  /** The 18-character number, upper-case X (converted when the input had 15 digits). */
  readonly idNumber: string;
  /** Birth date as `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly sex: Sex;
  /** The 6-digit address code (positions 1–6). */
  readonly regionCode: string;
  /** True when the input was a legacy 15-digit number. */
  readonly convertedFrom15: boolean;
}

/** Options for `validateIdNumber`. */
export interface ValidateIdNumberOptions {
  /**
   * The day birth dates must not be after; its local calendar date is used. Defaults to `new Date()`.
   * Inject it in tests and when re-validating historical records.
   */
  readonly today?: Date;
}

const WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65', '71', '81', '82', '83'],
]);
const SCIENTIFIC_NOTATION = /^\d(\.\d+)?E\+\d+$/;
const EARLIEST_BIRTH_DATE = '19000101';
const BIRTH_DATE_POSITION = 7;

/**
 * Validates a resident ID number (GB 11643-1999), 18 digits or a legacy 15, and derives the birth
 * date, sex and region code from it.
 *
 * Reports the first problem found: `id_number.empty`, `id_number.scientific_notation`,
 * `id_number.length`, `id_number.char`, `id_number.region`, one of the birth-date codes, then
 * `id_number.check_digit`. Never throws; a non-string at runtime is treated as empty.
 *
 * @example validateIdNumber('11010519491231002x').ok === true // birthDate 1949-12-31, female
 */
export function validateIdNumber(
  input: string,
  options: ValidateIdNumberOptions = {},
): ValidationResult<IdNumberInfo> {
  if (typeof input !== 'string') return fail({ code: 'id_number.empty' });
  const id = normalizeCodeInput(input);
  if (id.length === 0) return fail({ code: 'id_number.empty' });
  if (SCIENTIFIC_NOTATION.test(id)) return fail({ code: 'id_number.scientific_notation', char: id });

  const chars = Array.from(id);
  const length = chars.length;
  if (length !== 18 && length !== 15)
    return fail({ code: 'id_number.length', expected: '18', actual: length });
  for (let index = 0; index < length; index++) {
    const char = chars[index] ?? '';
    const isCheckPosition = length === 18 && index === 17;
    if (!isDigit(char) && !(isCheckPosition && char === 'X')) {
      return fail({ code: 'id_number.char', position: index + 1, char });
    }
  }

  const province = id.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return fail({ code: 'id_number.region', position: 1, char: province });

  const convertedFrom15 = length === 15;
  const givenDate = convertedFrom15 ? id.slice(6, 12) : id.slice(6, 14);
  const birthDate = convertedFrom15 ? `19${givenDate}` : givenDate;
  const dateError = findBirthDateProblem(birthDate, options.today ?? new Date());
  if (dateError !== null) {
    return fail(
      dateError.code === 'id_number.birth_date'
        ? { code: dateError.code, position: BIRTH_DATE_POSITION, char: givenDate }
        : { code: dateError.code, position: BIRTH_DATE_POSITION, char: givenDate, expected: dateError.limit },
    );
  }

  const first17 = convertedFrom15 ? `${id.slice(0, 6)}19${id.slice(6, 15)}` : id.slice(0, 17);
  const expected = computeCheck(first17);
  if (!convertedFrom15 && id.charAt(17) !== expected) {
    return fail({ code: 'id_number.check_digit', position: 18, char: id.charAt(17), expected });
  }

  return succeed({
    idNumber: first17 + expected,
    birthDate: `${birthDate.slice(0, 4)}-${birthDate.slice(4, 6)}-${birthDate.slice(6, 8)}`,
    sex: Number(first17.charAt(16)) % 2 === 1 ? 'male' : 'female',
    regionCode: first17.slice(0, 6),
    convertedFrom15,
  });
}

type BirthDateProblem =
  | { readonly code: 'id_number.birth_date' }
  | {
      readonly code: 'id_number.birth_date_future' | 'id_number.birth_date_before_1900';
      readonly limit: string;
    };

/** `yyyymmdd` is 8 digits. Returns null when it is a real date in [1900-01-01, today]. */
function findBirthDateProblem(yyyymmdd: string, today: Date): BirthDateProblem | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > countDaysInMonth(year, month)) {
    return { code: 'id_number.birth_date' };
  }
  // Same-length digit strings compare like the dates they spell.
  if (yyyymmdd < EARLIEST_BIRTH_DATE)
    return { code: 'id_number.birth_date_before_1900', limit: EARLIEST_BIRTH_DATE };
  const latest = formatCompactDate(today);
  if (yyyymmdd > latest) return { code: 'id_number.birth_date_future', limit: latest };
  return null;
}

function isDigit(char: string): boolean {
  return char.length === 1 && char >= '0' && char <= '9';
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The local calendar date of `date` as `YYYYMMDD`. */
function formatCompactDate(date: Date): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${year}${month}${day}`;
}

function computeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Computes the GB 11643 (ISO 7064 MOD 11-2) check character for the first 17 digits.
 *
 * @throws RangeError when `first17` is not exactly 17 ASCII digits.
 * @example computeIdCheckDigit('11010519491231002') === 'X'
 */
export function computeIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  return computeCheck(first17);
}

/**
 * Whole years of age on the local calendar date of `on` for someone born on `birthDate`
 * (`YYYY-MM-DD`). The age goes up on the birthday itself; someone born on 29 February gets older on
 * 1 March in common years. (Chinese courts count 周岁 from the day *after* the birthday when a legal
 * threshold is at stake; callers who need that rule compare against the day before.) Negative when
 * `on` is before the birth date.
 *
 * @throws RangeError when `birthDate` is not a real `YYYY-MM-DD` date.
 * @example ageOn('2008-02-29', new Date(2026, 1, 28)) === 17
 */
export function ageOn(birthDate: string, on: Date): number {
  const { year, month, day } = parseIsoDate(birthDate);
  const onMonth = on.getMonth() + 1;
  const onDay = on.getDate();
  const hasHadBirthday = onMonth > month || (onMonth === month && onDay >= day);
  return on.getFullYear() - year - (hasHadBirthday ? 0 : 1);
}

function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (match === null || month < 1 || month > 12 || day < 1 || day > countDaysInMonth(year, month)) {
    throw new RangeError(`expected a real date as YYYY-MM-DD, got "${isoDate}"`);
  }
  return { year, month, day };
}

/**
 * Generates a valid 18-digit ID number for demo data and tests: the given region and birth date, a
 * random sequence whose 17th digit has the parity of `sex`, and the correct check digit.
 * Deterministic: the same `rand` sequence gives the same number.
 *
 * @param rand a generator returning numbers in [0, 1), e.g. `createRandom(seed)`.
 * @param regionCode 6 digits starting with a known province code.
 * @param birthDate a real date as `YYYY-MM-DD`.
 * @throws RangeError when `regionCode` or `birthDate` is malformed.
 */
export function generateIdNumber(
  rand: () => number,
  regionCode: string,
  birthDate: string,
  sex: Sex,
): string {
  if (!/^\d{6}$/.test(regionCode) || !PROVINCE_CODES.has(regionCode.slice(0, 2))) {
    throw new RangeError(`regionCode must be 6 digits starting with a province code, got "${regionCode}"`);
  }
  parseIsoDate(birthDate);
  const sequence = String(drawInteger(rand, 100)).padStart(2, '0');
  const sexDigit = 2 * drawInteger(rand, 5) + (sex === 'male' ? 1 : 0);
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${sequence}${sexDigit}`;
  return first17 + computeCheck(first17);
}
