import { LIMITS } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import {
  checkImportFile,
  formatBytes,
  isAbortError,
  isImportBusy,
  pickedFileList,
  stateOfProgress,
} from './import-file.ts';

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

  it('accepts a larger limit for endpoints that take larger files', () => {
    const big = { name: 'a.csv', size: LIMITS.importMaxBytes + 1 };
    expect(checkImportFile(big, LIMITS.importMaxBytes * 2)).toBeNull();
    expect(checkImportFile({ name: 'a.csv', size: 11 }, 10)).toBe('too_large');
  });
});

describe('an import upload', () => {
  it('turns the upload progress into the dialog state', () => {
    expect(stateOfProgress({ phase: 'uploading', percent: 42 })).toEqual({ phase: 'uploading', percent: 42 });
    expect(stateOfProgress({ phase: 'processing' })).toEqual({ phase: 'processing' });
  });

  it('is busy only while the file travels or the server works on it', () => {
    expect(isImportBusy({ phase: 'uploading', percent: 0 })).toBe(true);
    expect(isImportBusy({ phase: 'processing' })).toBe(true);
    expect(isImportBusy({ phase: 'choosing' })).toBe(false);
    expect(isImportBusy({ phase: 'done', result: null })).toBe(false);
    expect(isImportBusy({ phase: 'failed', error: new Error('x') })).toBe(false);
  });

  it('tells a cancelled upload from a failed one', () => {
    expect(isAbortError(new DOMException('cancelled', 'AbortError'))).toBe(true);
    expect(isAbortError(new DOMException('other', 'NetworkError'))).toBe(false);
    expect(isAbortError(new Error('AbortError'))).toBe(false);
  });

  it('lists the picked file as ready, or nothing', () => {
    expect(pickedFileList(null)).toEqual([]);
    expect(pickedFileList({ name: '名单.xlsx', size: 12 })).toEqual([
      { uid: 'import-file', name: '名单.xlsx', size: 12, status: 'done' },
    ]);
  });
});
