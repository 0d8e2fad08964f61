/**
 * Mainland China mobile numbers (E.164 country code +86; numbering plan of the Ministry of Industry
 * and Information Technology, 电信网编号计划).
 *
 * A mobile number is 11 digits: `1`, a second digit 3–9 (13x–19x blocks), then 9 more digits. The
 * plan has no check digit, so this is a format check only; whether the number is in service is not
 * knowable offline.
 *
 * Accepted decorations, removed before the check: surrounding and inner whitespace, dashes (ASCII,
 * full-width and the Unicode hyphen/dash family U+2010–U+2015, U+2212), full-width digits, and the
 * country prefix written `+86`, `0086` or `86` (the bare `86` only when 11 digits follow, so that it
 * cannot eat the start of a number).
 */

import { normalizeFullWidth } from './normalize.ts';
import { fail, succeed } from './result.ts';
import type { ValidationResult } from './types.ts';

const SEPARATORS = /[\s\u200B-\u200D\u2060\-\u2010-\u2015\u2212]/g;
const MOBILE_NUMBER = /^1[3-9]\d{9}$/;
const MOBILE_LENGTH = 11;

/**
 * Validates a mainland mobile number and returns its 11 digits.
 *
 * Errors: `phone.empty` (nothing but separators), `phone.format` (anything else that is not
 * `1[3-9]` followed by 9 digits once the prefix and separators are removed). Never throws; a
 * non-string at runtime is treated as empty.
 *
 * @example validateMobilePhone('+86 138-0013-8000') // { ok: true, value: '13800138000' }
 */
export function validateMobilePhone(input: string): ValidationResult<string> {
  if (typeof input !== 'string') return fail({ code: 'phone.empty' });
  const compact = stripMobileDecorations(input);
  if (compact.length === 0) return fail({ code: 'phone.empty' });
  return MOBILE_NUMBER.test(compact) ? succeed(compact) : fail({ code: 'phone.format' });
}

/**
 * Removes separators and the +86 / 0086 / 86 prefix. Shared with `maskPhone` so that a number is
 * masked the way it is validated.
 */
export function stripMobileDecorations(input: string): string {
  const compact = normalizeFullWidth(input).replace(SEPARATORS, '');
  if (compact.startsWith('+86')) return compact.slice(3);
  if (compact.startsWith('0086')) return compact.slice(4);
  if (compact.startsWith('86') && compact.length === MOBILE_LENGTH + 2) return compact.slice(2);
  return compact;
}
