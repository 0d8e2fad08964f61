import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { generateIdNumber } from './id-number.ts';
import { maskIdNumber, maskPhone } from './mask.ts';

const SEED = 20261122;

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['0086-138-1234-5678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('keeps first 3 and last 4 of a longer non-mobile number', () => {
    expect(maskPhone('0512-65223456')).toBe('051*****3456');
  });

  it.each([
    ['', ''],
    ['1381234567', '**********'],
    ['12345', '*****'],
  ])('masks the short value "%s" completely', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('never shows the middle four digits of a mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone);
        return masked === `${phone.slice(0, 3)}****${phone.slice(7)}`;
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('maskIdNumber', () => {
  it('masks an 18-character ID as first 4, 10 stars, last 4', () => {
    expect(maskIdNumber('320506199001011234')).toBe('3205**********1234');
    expect(maskIdNumber(' 11010519491231002x ')).toBe('1101**********002X');
  });

  it('masks a legacy 15-digit ID with 7 stars', () => {
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002');
  });

  it.each([
    ['', ''],
    ['12345678', '********'],
    ['32050619900101', '**************'],
  ])('masks the short value "%s" completely', (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });

  it('never reveals the birth date or sequence of an ID', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const id = generateIdNumber(createRandom(seed), '320506', '1990-06-15', 'male');
        const masked = maskIdNumber(id);
        return masked.length === 18 && masked.slice(4, 14) === '*'.repeat(10) && !masked.includes('19900615');
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('returns an empty string for a non-string at runtime', () => {
    expect(maskIdNumber(null as unknown as string)).toBe('');
    expect(maskPhone(undefined as unknown as string)).toBe('');
  });
});
