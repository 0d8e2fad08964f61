import { generateIdNumber } from '@yonggong/engine';
import { describe, expect, it } from 'vitest';
import { previewIdNumber } from './id-preview.ts';

const TODAY = new Date(2026, 10, 22);

describe('the ID number preview', () => {
  it('derives birth date, age and sex from a valid number', () => {
    expect(previewIdNumber('11010519491231002X', TODAY)).toEqual({
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      age: 76,
      sex: 'female',
      convertedFrom15: false,
    });
  });

  it('counts the age in whole years, going up on the birthday', () => {
    const id = generateIdNumber(() => 0.5, '530621', '2000-11-22', 'male');
    expect(previewIdNumber(id, TODAY)).toMatchObject({ age: 26, sex: 'male' });
    expect(previewIdNumber(id, new Date(2026, 10, 21))).toMatchObject({ age: 25 });
  });

  it('converts a legacy 15-digit number', () => {
    expect(previewIdNumber('110105491231002', TODAY)).toMatchObject({
      idNumber: '11010519491231002X',
      convertedFrom15: true,
    });
  });

  it('shows nothing for an empty, mistyped or Excel-damaged number', () => {
    expect(previewIdNumber('', TODAY)).toBeNull();
    expect(previewIdNumber(undefined, TODAY)).toBeNull();
    expect(previewIdNumber('110105194912310021', TODAY)).toBeNull();
    expect(previewIdNumber('3.20509E+17', TODAY)).toBeNull();
  });
});
