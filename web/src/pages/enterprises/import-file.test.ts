import { LIMITS } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { checkImportFile, formatBytes } from './import-file.ts';

describe('an import file', () => {
  it('accepts .xlsx and .csv in any letter case', () => {
    expect(checkImportFile({ name: '企业名单.xlsx', size: 1000 })).toBeNull();
    expect(checkImportFile({ name: 'LIST.CSV', size: 1000 })).toBeNull();
  });

  it('rejects other types, including the old .xls', () => {
    expect(checkImportFile({ name: '企业名单.xls', size: 1000 })).toBe('wrong_type');
    expect(checkImportFile({ name: 'list.xlsx.pdf', size: 1000 })).toBe('wrong_type');
  });

  it('rejects a file over the size limit and accepts one at it', () => {
    expect(checkImportFile({ name: 'a.xlsx', size: LIMITS.importMaxBytes })).toBeNull();
    expect(checkImportFile({ name: 'a.xlsx', size: LIMITS.importMaxBytes + 1 })).toBe('too_large');
  });

  it('writes sizes for people', () => {
    expect(formatBytes(LIMITS.importMaxBytes)).toBe('20 MB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(12)).toBe('12 B');
  });
});
