import { describe, expect, it } from 'vitest';
import {
  findIndustryDivision,
  INDUSTRY_DIVISION_CODES,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
} from './industries.ts';

/** Division ranges per section, as published in GB/T 4754-2017. */
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

describe('GB/T 4754-2017 industries', () => {
  it('has 20 sections A–T and 97 divisions 01–97', () => {
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it('has unique codes and a validation set of the same size', () => {
    expect(new Set(INDUSTRY_SECTIONS.map((s) => s.code)).size).toBe(20);
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.code)).size).toBe(97);
    expect(INDUSTRY_DIVISION_CODES.size).toBe(97);
    expect(INDUSTRY_DIVISION_CODES.has('36')).toBe(true);
    expect(INDUSTRY_DIVISION_CODES.has('98')).toBe(false);
    expect(INDUSTRY_DIVISION_CODES.has('C')).toBe(false);
  });

  it('is sorted by code', () => {
    const sections = INDUSTRY_SECTIONS.map((s) => s.code);
    const divisions = INDUSTRY_DIVISIONS.map((d) => d.code);
    expect(sections).toEqual([...sections].sort());
    expect(divisions).toEqual([...divisions].sort());
  });

  it('puts every division in an existing section and inside that section’s range', () => {
    const sectionCodes = new Set(INDUSTRY_SECTIONS.map((s) => s.code));
    for (const d of INDUSTRY_DIVISIONS) {
      expect(sectionCodes.has(d.section), d.code).toBe(true);
      const range = RANGES[d.section];
      expect(range, d.section).toBeDefined();
      if (range === undefined) continue;
      const n = Number(d.code);
      expect(n >= range[0] && n <= range[1], `${d.code} in ${d.section}`).toBe(true);
    }
    for (const s of INDUSTRY_SECTIONS) {
      expect(
        INDUSTRY_DIVISIONS.some((d) => d.section === s.code),
        s.code,
      ).toBe(true);
    }
  });

  it('has non-empty Chinese and English names', () => {
    for (const x of [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS]) {
      expect(x.nameZh.trim(), x.code).not.toBe('');
      expect(x.nameEn.trim(), x.code).not.toBe('');
    }
  });

  it('finds a division by code', () => {
    expect(findIndustryDivision('39')).toEqual({
      code: '39',
      section: 'C',
      nameZh: '计算机、通信和其他电子设备制造业',
      nameEn: 'Manufacture of computers, communication and other electronic equipment',
    });
    expect(findIndustryDivision('13')?.nameZh).toBe('农副食品加工业');
    expect(findIndustryDivision('36')?.nameZh).toBe('汽车制造业');
    expect(findIndustryDivision('38')?.nameZh).toBe('电气机械和器材制造业');
    expect(findIndustryDivision('98')).toBeUndefined();
    expect(findIndustryDivision('3')).toBeUndefined();
  });
});
