/**
 * The result and error vocabulary shared by every validator in `engine/src/validators/`.
 *
 * Validators never throw on bad input. They return a `ValidationResult`: either the normalised value
 * or one `ValidationError` describing the first problem found, reading the input left to right.
 * Error codes are stable identifiers (`<validator>.<problem>`); the Chinese and English messages are
 * written elsewhere from the code and its params, so each code states exactly which params it
 * carries (see `VALIDATION_ERROR_PARAMS`).
 *
 * Positions are 1-based and count characters of the *normalised* input (spaces removed, full-width
 * folded to ASCII), which is how a user reads "the 5th character of the code".
 */

/**
 * Every error code a validator can return, in catalogue order. The message catalogue checks itself
 * against this list for completeness.
 */
export const VALIDATION_ERROR_CODES = [
  'credit_code.empty',
  'credit_code.length',
  'credit_code.char',
  'credit_code.region',
  'credit_code.check_digit',
  'id_number.empty',
  'id_number.scientific_notation',
  'id_number.length',
  'id_number.char',
  'id_number.region',
  'id_number.birth_date',
  'id_number.birth_date_future',
  'id_number.birth_date_before_1900',
  'id_number.check_digit',
  'phone.empty',
  'phone.format',
  'region_code.empty',
  'region_code.length',
  'region_code.char',
  'region_code.format',
] as const;

/** A stable, dotted error code such as `credit_code.check_digit`. */
export type ValidationErrorCode = (typeof VALIDATION_ERROR_CODES)[number];

/** The optional fields of `ValidationError` that a code may carry. */
export type ValidationErrorParam = 'position' | 'char' | 'expected' | 'actual';

/** What went wrong, precisely enough to write a message that says exactly what to fix. */
export interface ValidationError {
  readonly code: ValidationErrorCode;
  /** 1-based position in the normalised input where the problem starts. */
  readonly position?: number;
  /** The offending character(s) as found at `position` (after normalisation). */
  readonly char?: string;
  /** What should have been there (a check digit, a length, a limit date as `YYYYMMDD`). */
  readonly expected?: string;
  /** The actual length of the normalised input, for `*.length` codes. */
  readonly actual?: number;
}

/** The outcome of a validator: the normalised value, or the first error found. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ValidationError };

/**
 * Exactly which params each code carries; every error a validator returns has these fields and no
 * others. Message templates may interpolate only these.
 *
 * | code | meaning | params |
 * | --- | --- | --- |
 * | `credit_code.empty` | nothing entered | — |
 * | `credit_code.length` | not 18 characters | `expected` = "18", `actual` |
 * | `credit_code.char` | a character not allowed at `position`: outside the GB 32100 alphabet anywhere (I, O, S, V, Z, punctuation…), not a registration authority at position 1, `0` at position 2 | `position`, `char` |
 * | `credit_code.region` | positions 3–8 (registration authority's region code) contain a letter | `position`, `char` |
 * | `credit_code.check_digit` | the 18th character is not the computed check character | `position` = 18, `char` (given), `expected` |
 * | `id_number.empty` | nothing entered | — |
 * | `id_number.scientific_notation` | Excel turned the number into `3.20509E+17`; the digits are lost | `char` (the value as read, e.g. `3.20509E+17`) |
 * | `id_number.length` | not 18 (or legacy 15) characters | `expected` = "18", `actual` |
 * | `id_number.char` | a non-digit in positions 1–17 (1–15 for legacy numbers), or position 18 is neither a digit nor X | `position`, `char` |
 * | `id_number.region` | the first two digits are not a province code | `position` = 1, `char` (the two digits) |
 * | `id_number.birth_date` | positions 7–14 are not a real calendar date | `position` = 7, `char` (8 digits; 6 for legacy numbers) |
 * | `id_number.birth_date_future` | the birth date is after today | `position` = 7, `char`, `expected` (today, `YYYYMMDD`, the latest allowed) |
 * | `id_number.birth_date_before_1900` | the birth date is before 1900-01-01 | `position` = 7, `char`, `expected` = "19000101" |
 * | `id_number.check_digit` | the 18th character is not the computed check digit | `position` = 18, `char` (given), `expected` |
 * | `phone.empty` | nothing entered | — |
 * | `phone.format` | not an 11-digit mainland mobile number starting 13–19 | — |
 * | `region_code.empty` | nothing entered | — |
 * | `region_code.length` | not 6, 9 or 12 characters | `actual` |
 * | `region_code.char` | a non-digit | `position`, `char` |
 * | `region_code.format` | the level structure is broken: province `00`, or a non-zero part below a zero part (e.g. `320007`), or a 9-digit code whose township part is `000` | `position` (start of the bad part), `char` (its digits) |
 */
export const VALIDATION_ERROR_PARAMS: Readonly<Record<ValidationErrorCode, readonly ValidationErrorParam[]>> =
  {
    'credit_code.empty': [],
    'credit_code.length': ['expected', 'actual'],
    'credit_code.char': ['position', 'char'],
    'credit_code.region': ['position', 'char'],
    'credit_code.check_digit': ['position', 'char', 'expected'],
    'id_number.empty': [],
    'id_number.scientific_notation': ['char'],
    'id_number.length': ['expected', 'actual'],
    'id_number.char': ['position', 'char'],
    'id_number.region': ['position', 'char'],
    'id_number.birth_date': ['position', 'char'],
    'id_number.birth_date_future': ['position', 'char', 'expected'],
    'id_number.birth_date_before_1900': ['position', 'char', 'expected'],
    'id_number.check_digit': ['position', 'char', 'expected'],
    'phone.empty': [],
    'phone.format': [],
    'region_code.empty': [],
    'region_code.length': ['actual'],
    'region_code.char': ['position', 'char'],
    'region_code.format': ['position', 'char'],
  };
