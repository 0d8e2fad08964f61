import { describe, expect, it } from 'vitest';
import { readImportPercent, readImportVerdict } from './worker-import.ts';

describe('the worker import verdict', () => {
  it('tells a running, crashed, refused, partial and complete import apart', () => {
    expect(readImportVerdict({ status: 'running', committed: false, failed: 0 })).toBe('running');
    expect(readImportVerdict({ status: 'failed', committed: false, failed: 0 })).toBe('failed');
    expect(readImportVerdict({ status: 'done', committed: false, failed: 3 })).toBe('nothing_imported');
    expect(readImportVerdict({ status: 'done', committed: true, failed: 3 })).toBe('partial');
    expect(readImportVerdict({ status: 'done', committed: true, failed: 0 })).toBe('committed');
  });

  it('shows the share of the file read, never 100 % before the job ends', () => {
    expect(readImportPercent({ status: 'running', progress: 0.424 })).toBe(42);
    expect(readImportPercent({ status: 'running', progress: 1 })).toBe(99);
    expect(readImportPercent({ status: 'done', progress: 1 })).toBe(100);
    expect(readImportPercent({ status: 'failed', progress: 0.2 })).toBe(100);
  });
});
