import { describe, expect, it } from 'vitest';
import { buildAuditDiff, formatAuditValue } from './audit-diff.ts';

describe('the audit diff', () => {
  it('lists only the fields that changed', () => {
    const rows = buildAuditDiff(
      { name: '苏州精工', size: 'small', employeeCount: 120, version: 1 },
      { name: '苏州精工', size: 'medium', employeeCount: 180, version: 2 },
    );
    expect(rows).toEqual([
      { field: 'size', before: 'small', after: 'medium', change: 'changed' },
      { field: 'employeeCount', before: '120', after: '180', change: 'changed' },
    ]);
  });

  it('shows every field of a creation as added', () => {
    expect(buildAuditDiff(null, { name: '苏州精工', address: '' })).toEqual([
      { field: 'name', before: '', after: '苏州精工', change: 'added' },
    ]);
  });

  it('marks a cleared field as removed', () => {
    expect(buildAuditDiff({ liaison: { id: 'u1', displayName: '王芳' } }, { liaison: null })).toEqual([
      { field: 'liaison', before: '王芳', after: '', change: 'removed' },
    ]);
  });

  it('ignores key order inside nested records', () => {
    expect(
      buildAuditDiff(
        { contacts: [{ name: '张三', title: '经理' }] },
        { contacts: [{ title: '经理', name: '张三' }] },
      ),
    ).toEqual([]);
  });

  it('writes a changed contact list as readable text without ids', () => {
    const [row] = buildAuditDiff(
      { contacts: [{ id: 'c1', name: '张三', title: '经理', phoneMasked: '138****1234' }] },
      {
        contacts: [
          { id: 'c1', name: '张三', title: '经理', phoneMasked: '138****1234' },
          { id: 'c2', name: '李四', title: '', phoneMasked: '139****5678' },
        ],
      },
    );
    expect(row).toEqual({
      field: 'contacts',
      before: '张三 经理 138****1234',
      after: '张三 经理 138****1234；李四 139****5678',
      change: 'changed',
    });
  });

  it('leaves out bookkeeping fields and events without snapshots', () => {
    expect(buildAuditDiff({ updatedAt: 'a', version: 1 }, { updatedAt: 'b', version: 2 })).toEqual([]);
    expect(buildAuditDiff(null, null)).toEqual([]);
  });

  it('formats scalars, booleans and empty values', () => {
    expect(formatAuditValue(true)).toBe('true');
    expect(formatAuditValue(0)).toBe('0');
    expect(formatAuditValue(null)).toBe('');
    expect(formatAuditValue([])).toBe('');
  });
});
