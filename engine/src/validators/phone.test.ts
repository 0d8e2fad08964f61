import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripMobileDecorations, validateMobilePhone } from './phone.ts';

const SEED = 20261122;

describe('validateMobilePhone', () => {
  it.each([
    ['a bare number', '13800138000'],
    ['+86', '+8613800138000'],
    ['+86 with spaces', '+86 138 0013 8000'],
    ['0086 with dashes', '0086-138-0013-8000'],
    ['86 and 11 digits', '8613800138000'],
    ['dashes', '138-0013-8000'],
    ['full-width digits and plus', '＋８６１３８００１３８０００'],
    ['ideographic spaces and an en dash', '\u3000138\u20130013\u30008000 '],
    ['a tab and a non-breaking space', '\t138\u00A00013 8000'],
  ])('accepts %s', (_label, input) => {
    expect(validateMobilePhone(input)).toEqual({ ok: true, value: '13800138000' });
  });

  it.each(['3', '4', '5', '6', '7', '8', '9'])('accepts second digit %s', (second) => {
    expect(validateMobilePhone(`1${second}912345678`).ok).toBe(true);
  });

  it.each([
    ['second digit 0', '10912345678'],
    ['second digit 1', '11912345678'],
    ['second digit 2', '12912345678'],
    ['10 digits', '1380013800'],
    ['12 digits', '138001380001'],
    ['a landline with area code', '0512-65223456'],
    ['a Hong Kong number', '+852 9123 4567'],
    ['another country code', '+1 13800138000'],
    ['86 followed by a bad number', '8612800138000'],
    ['+86 followed by 10 digits', '+861380013800'],
    ['letters', '1380013800O'],
    ['brackets', '(+86)13800138000'],
    ['a plus in the middle', '138+00138000'],
  ])('rejects %s', (_label, input) => {
    expect(validateMobilePhone(input)).toEqual({ ok: false, error: { code: 'phone.format' } });
  });

  it('does not strip a bare 86 unless exactly 11 digits follow', () => {
    expect(validateMobilePhone('86138001380')).toEqual({ ok: false, error: { code: 'phone.format' } });
    expect(stripMobileDecorations('86138001380')).toBe('86138001380');
    expect(stripMobileDecorations('86-10-1234-5678')).toBe('861012345678');
    expect(stripMobileDecorations('86 138 0013 8000')).toBe('13800138000');
  });

  it.each(['', '   ', '\u3000', '- -'])('rejects the empty input "%s"', (input) => {
    expect(validateMobilePhone(input)).toEqual({ ok: false, error: { code: 'phone.empty' } });
  });

  it('treats a non-string at runtime as empty', () => {
    expect(validateMobilePhone(undefined as unknown as string)).toEqual({
      ok: false,
      error: { code: 'phone.empty' },
    });
  });

  it('accepts every 1[3-9] number with any prefix and separators, and returns the 11 digits', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
    const prefix = fc.constantFrom('', '+86', '0086', '86', '+86 ', '0086-');
    fc.assert(
      fc.property(mobile, prefix, fc.constantFrom('', ' ', '-'), (number, p, separator) => {
        const decorated = `${p}${number.slice(0, 3)}${separator}${number.slice(3, 7)}${separator}${number.slice(7)}`;
        const result = validateMobilePhone(decorated);
        return result.ok && result.value === number;
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('never throws and accepts only 11-digit 1[3-9] numbers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (input) => {
        const result = validateMobilePhone(input);
        return result.ok ? /^1[3-9]\d{9}$/.test(result.value) : result.error.code.startsWith('phone.');
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
