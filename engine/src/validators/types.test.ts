import { describe, expect, it } from 'vitest';
import { VALIDATION_ERROR_CODES, VALIDATION_ERROR_PARAMS } from './types.ts';

describe('VALIDATION_ERROR_CODES', () => {
  it('lists unique dotted codes', () => {
    expect(new Set(VALIDATION_ERROR_CODES).size).toBe(VALIDATION_ERROR_CODES.length);
    for (const code of VALIDATION_ERROR_CODES)
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z0-9]+(_[a-z0-9]+)*$/);
  });

  it('declares the params of exactly the listed codes', () => {
    expect(Object.keys(VALIDATION_ERROR_PARAMS).sort()).toEqual([...VALIDATION_ERROR_CODES].sort());
  });
});
