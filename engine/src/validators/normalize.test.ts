import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCodeInput, normalizeFullWidth } from './normalize.ts';

const SEED = 20261122;

describe('normalizeFullWidth', () => {
  it('folds full-width digits, letters and punctuation to ASCII', () => {
    expect(normalizeFullWidth('０１２３４５６７８９')).toBe('0123456789');
    expect(normalizeFullWidth('ＡＢＣＸＹＺａｂｃｘｙｚ')).toBe('ABCXYZabcxyz');
    expect(normalizeFullWidth('！＋－．～')).toBe('!+-.~');
  });

  it('folds the ideographic space to a space', () => {
    expect(normalizeFullWidth('a\u3000b')).toBe('a b');
  });

  it('leaves everything else alone, including Chinese text', () => {
    expect(normalizeFullWidth('用工通 Yonggong 123')).toBe('用工通 Yonggong 123');
    expect(normalizeFullWidth('\uFF00\uFF5F')).toBe('\uFF00\uFF5F');
  });

  it('maps each of U+FF01-U+FF5E to the ASCII character 0xFEE0 below it', () => {
    for (let code = 0xff01; code <= 0xff5e; code++) {
      expect(normalizeFullWidth(String.fromCharCode(code))).toBe(String.fromCharCode(code - 0xfee0));
    }
  });

  it('keeps the length, is idempotent and leaves ASCII unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (any, ascii) => {
          const once = normalizeFullWidth(any);
          return (
            once.length === any.length &&
            normalizeFullWidth(once) === once &&
            normalizeFullWidth(ascii) === ascii
          );
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('normalizeCodeInput', () => {
  it('removes all whitespace, folds full-width and upper-cases ASCII letters', () => {
    expect(normalizeCodeInput(' ９１３２ 0000\tabc\u3000\u00A0\u200B\uFEFFｘ\n')).toBe('91320000ABCX');
  });

  it('upper-cases ASCII only, so lengths never change', () => {
    expect(normalizeCodeInput('ßı')).toBe('ßı');
  });
});
