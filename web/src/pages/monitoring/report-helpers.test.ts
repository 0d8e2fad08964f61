import { describe, expect, it } from 'vitest';
import { findDueMonth, findWindowPhase, groupByLiaison, reconciliationStatusOf } from './report-helpers.ts';

const window = { fromDay: 20, toDay: 24, monthOffset: 0 as const };

describe('monitoring report helpers', () => {
  it('finds the month due and where today stands in its window', () => {
    expect(findDueMonth('2026-11-22', window)).toBe('2026-11');
    expect(findDueMonth('2026-01-05', { ...window, monthOffset: 1 })).toBe('2025-12');
    expect(findWindowPhase('2026-11-19', '2026-11', window).phase).toBe('before');
    expect(findWindowPhase('2026-11-24', '2026-11', window)).toEqual({
      phase: 'open',
      from: '2026-11-20',
      to: '2026-11-24',
    });
    expect(findWindowPhase('2026-11-25', '2026-11', window).phase).toBe('closed');
  });

  it('names a report’s reconciliation', () => {
    const of = (previousActual: number | null, difference: number | null) =>
      reconciliationStatusOf({
        reconciliation: { previousActual, difference, confirmed: difference !== null },
      });
    expect([of(null, null), of(900, null), of(900, 30)]).toEqual(['no_previous', 'balanced', 'mismatch']);
  });

  it('groups the late list by liaison, the most missing first and no liaison last', () => {
    const item = (id: string, liaison: string | null, status: 'late' | 'missing' | 'pending') => ({
      enterpriseId: id,
      enterpriseName: id,
      districtCode: '320509',
      liaisonUserId: liaison,
      liaisonName: liaison,
      status,
      submittedAt: null,
    });
    const groups = groupByLiaison([
      item('a', 'L1', 'late'),
      item('b', null, 'missing'),
      item('c', 'L2', 'missing'),
      item('d', 'L2', 'pending'),
      item('e', 'L1', 'missing'),
      item('f', 'L2', 'missing'),
    ]);
    expect(groups.map((g) => [g.liaisonUserId, g.missing, g.late, g.pending])).toEqual([
      ['L2', 2, 0, 1],
      ['L1', 1, 1, 0],
      [null, 1, 0, 0],
    ]);
    expect(groups[1]?.items.map((i) => i.status)).toEqual(['missing', 'late']);
  });
});
