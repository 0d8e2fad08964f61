import { describe, expect, it } from 'vitest';
import {
  findOccupation,
  OCCUPATION_CODE_PATTERN,
  OCCUPATIONS,
  type OccupationLevel,
  occupationAffinity,
  occupationAncestors,
  occupationChildren,
} from './occupations.ts';

const LEVEL_DEPTH: Readonly<Record<OccupationLevel, number>> = { major: 1, medium: 2, small: 3, detail: 4 };

const byLevel = (level: OccupationLevel, prefix = '') =>
  OCCUPATIONS.filter((o) => o.level === level && (prefix === '' || o.code.startsWith(prefix)));

describe('职业分类大典 2022 occupations', () => {
  it('has the 8 major groups 1–8', () => {
    expect(byLevel('major').map((o) => o.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(findOccupation('6')?.nameZh).toBe('生产制造及有关人员');
    expect(findOccupation('7')?.nameZh).toBe('军队人员');
  });

  it('has the medium groups shipped (78 of the 79 published; see docs/data-sources.md)', () => {
    expect(byLevel('medium')).toHaveLength(78);
    const perMajor = (major: string) => byLevel('medium', `${major}-`).length;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((m) => perMajor(String(m)))).toEqual([6, 11, 3, 15, 6, 32, 4, 1]);
    expect(findOccupation('6-18')?.nameZh).toBe('机械制造基础加工人员');
    expect(findOccupation('6-25')?.nameZh).toBe('计算机、通信和其他电子设备制造人员');
  });

  it('covers the bulk of major group 6', () => {
    expect(byLevel('small', '6-').length).toBeGreaterThanOrEqual(150);
    expect(byLevel('detail', '6-').length).toBeGreaterThanOrEqual(390);
    // every medium group of 6 has at least one small group below it
    for (const medium of byLevel('medium', '6-')) {
      expect(occupationChildren(medium.code).length, medium.code).toBeGreaterThan(0);
    }
  });

  it('uses well-formed, unique, sorted codes whose level matches their depth', () => {
    const codes = OCCUPATIONS.map((o) => o.code);
    for (const o of OCCUPATIONS) {
      expect(o.code, o.code).toMatch(OCCUPATION_CODE_PATTERN);
      expect(o.code.split('-').length, o.code).toBe(LEVEL_DEPTH[o.level]);
      expect(o.nameZh.trim(), o.code).not.toBe('');
      expect(o.nameEn.trim(), o.code).not.toBe('');
      expect(o.nameEn, o.code).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('gives every entry an existing parent exactly one level up', () => {
    for (const o of OCCUPATIONS) {
      if (o.level === 'major') {
        expect(o.parent, o.code).toBeNull();
        continue;
      }
      expect(o.parent, o.code).not.toBeNull();
      const parent = findOccupation(o.parent ?? '');
      expect(parent, `parent of ${o.code}`).toBeDefined();
      expect(LEVEL_DEPTH[parent?.level ?? 'detail'], o.code).toBe(LEVEL_DEPTH[o.level] - 1);
      expect(o.code.startsWith(`${o.parent}-`), o.code).toBe(true);
    }
  });

  it('does not reuse one Chinese name for two occupations under the same parent', () => {
    const seen = new Set<string>();
    for (const o of OCCUPATIONS) {
      const key = `${o.parent ?? ''}|${o.nameZh}`;
      expect(seen.has(key), o.code).toBe(false);
      seen.add(key);
    }
  });

  it('knows the anchor occupations factories hire for', () => {
    expect(findOccupation('6-18-01-01')?.nameZh).toBe('车工');
    expect(findOccupation('6-18-01-02')?.nameZh).toBe('铣工');
    expect(findOccupation('6-18-02-04')?.nameZh).toBe('焊工');
    expect(findOccupation('6-31-01-03')?.nameZh).toBe('电工');
    expect(findOccupation('6-18-01-01')).toMatchObject({
      level: 'detail',
      parent: '6-18-01',
      nameEn: 'Lathe operator (turner)',
      verified: true,
    });
    expect(findOccupation('6-18-01-99')).toBeUndefined();
    expect(findOccupation('')).toBeUndefined();
  });

  it('marks recalled-but-unchecked entries as unverified', () => {
    expect(findOccupation('6-30-99-00')?.verified).toBe(false);
    expect(findOccupation('7-01')?.verified).toBe(false);
    expect(OCCUPATIONS.some((o) => !o.verified)).toBe(true);
  });

  it('walks ancestors and children', () => {
    expect(occupationAncestors('6-18-02-04').map((o) => o.code)).toEqual(['6', '6-18', '6-18-02']);
    expect(occupationAncestors('6-18')).toEqual([findOccupation('6')]);
    expect(occupationAncestors('6')).toEqual([]);
    expect(occupationAncestors('not a code')).toEqual([]);
    // a code missing from the table still gets the ancestors that are present
    expect(occupationAncestors('6-18-01-77').map((o) => o.code)).toEqual(['6', '6-18', '6-18-01']);

    expect(occupationChildren(null).map((o) => o.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const cold = occupationChildren('6-18-01').map((o) => o.code);
    expect(cold.slice(0, 6)).toEqual([
      '6-18-01-01',
      '6-18-01-02',
      '6-18-01-03',
      '6-18-01-04',
      '6-18-01-05',
      '6-18-01-06',
    ]);
    expect(occupationChildren('6-18-01-01')).toEqual([]);
    expect(occupationChildren('nope')).toEqual([]);
    // the returned array is a copy
    occupationChildren(null).pop();
    expect(occupationChildren(null)).toHaveLength(8);
  });

  it('rates how close two codes are', () => {
    expect(occupationAffinity('6-18-01-01', '6-18-01-01')).toBe(4);
    expect(occupationAffinity('6-18-01-01', '6-18-01-02')).toBe(3);
    expect(occupationAffinity('6-18-01-01', '6-18-02-04')).toBe(2);
    expect(occupationAffinity('6-18-01-01', '6-25-04-01')).toBe(1);
    expect(occupationAffinity('6-18-01-01', '4-02-05-01')).toBe(0);
    expect(occupationAffinity('6-18-01-01', '6-18-01')).toBe(3);
    expect(occupationAffinity('6-18', '6-18-02-04')).toBe(2);
    expect(occupationAffinity('6', '6')).toBe(1);
    expect(occupationAffinity('6-18-01-01', 'x')).toBe(0);
    expect(occupationAffinity('', '')).toBe(0);
    expect(occupationAffinity('6-18-01-01', '6-18-01-01-01')).toBe(0);
    expect(occupationAffinity('6-18-01-02', '6-18-01-01')).toBe(
      occupationAffinity('6-18-01-01', '6-18-01-02'),
    );
  });

  it('validates codes with OCCUPATION_CODE_PATTERN', () => {
    for (const ok of ['6', '6-18', '6-18-01', '6-18-01-01', '8-00-00-00']) {
      expect(OCCUPATION_CODE_PATTERN.test(ok), ok).toBe(true);
    }
    for (const bad of ['', '61', '6-1', '6-18-1', '6-18-01-01-01', '6.18', '6-18-01-01 ', 'a-18']) {
      expect(OCCUPATION_CODE_PATTERN.test(bad), bad).toBe(false);
    }
  });
});
