/**
 * Masking of personal identifiers for display (ID numbers and phones are shown masked everywhere
 * except to the few roles allowed to see them in full; DESIGN.md §6).
 *
 * ⚠ SECURITY: these functions are the last line before personal data reaches a screen, an export
 * or a log. They must never return more than the documented characters. A value shorter than the
 * standard length (a typo, a truncated import) is masked completely rather than partially, because
 * keeping "first 3 + last 4" of a 9-character string would reveal almost all of it.
 *
 * Masking does not validate: an invalid value is still masked, never echoed.
 */

import { normalizeCodeInput } from './normalize.ts';
import { stripMobileDecorations } from './phone.ts';

const MASK_CHAR = '*';

/**
 * Masks a mobile number as first 3 + `****` + last 4, e.g. `138****5678`. The input is normalised
 * like `validateMobilePhone` (prefix +86, spaces and dashes removed). Values shorter than 11
 * characters become all stars; longer ones keep first 3 and last 4 with the middle starred.
 */
export function maskPhone(phone: string): string {
  if (typeof phone !== 'string') return '';
  return maskMiddle(stripMobileDecorations(phone), 3, 4, 11);
}

/**
 * Masks an ID number as first 4 + stars + last 4: 18 characters give `3205**********1234`
 * (10 stars), a legacy 15-digit number 7 stars. Values shorter than 15 characters become all stars.
 */
export function maskIdNumber(id: string): string {
  if (typeof id !== 'string') return '';
  return maskMiddle(normalizeCodeInput(id), 4, 4, 15);
}

function maskMiddle(
  value: string,
  keepStart: number,
  keepEnd: number,
  minimumLengthToReveal: number,
): string {
  const chars = Array.from(value);
  if (chars.length < minimumLengthToReveal) return MASK_CHAR.repeat(chars.length);
  const middle = MASK_CHAR.repeat(chars.length - keepStart - keepEnd);
  return chars.slice(0, keepStart).join('') + middle + chars.slice(chars.length - keepEnd).join('');
}
