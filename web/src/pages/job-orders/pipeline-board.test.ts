import { APPLICATION_STATUSES, APPLICATION_TRANSITIONS, type ApplicationStatus } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import {
  countDaysInState,
  decideDrop,
  findColumnOf,
  findMoveRequirement,
  groupIntoColumns,
  listBulkTargets,
  mergeBulkOutcomes,
  PIPELINE_COLUMNS,
  splitBulkSelection,
  summarizePipeline,
} from './pipeline-board.ts';

const NOW = new Date('2025-03-10T12:00:00+08:00');

function card(
  id: string,
  status: ApplicationStatus,
  moveTo: ApplicationStatus[],
  enteredAt = '2025-03-08T12:00:00+08:00',
) {
  return {
    id,
    status,
    updatedAt: '2025-03-01T00:00:00+08:00',
    events: [{ from: null, to: status, at: enteredAt, actor: null, reason: '' }],
    can: { moveTo },
  };
}

describe('the pipeline board columns', () => {
  it('puts every status in exactly one column', () => {
    for (const status of APPLICATION_STATUSES) {
      const holders = PIPELINE_COLUMNS.filter((column) => column.statuses.includes(status));
      expect(
        holders.map((column) => column.key),
        status,
      ).toEqual([findColumnOf(status)]);
    }
  });

  it('shows recommended and applied together and the terminal states in the ended lane', () => {
    expect(findColumnOf('recommended')).toBe('new');
    expect(findColumnOf('applied')).toBe('new');
    expect(findColumnOf('retained_30')).toBe('retained_30');
    for (const status of ['rejected', 'withdrawn', 'no_show', 'obsolete', 'expired'] as const)
      expect(findColumnOf(status)).toBe('ended');
  });

  it('groups cards by column, longest waiting first', () => {
    const groups = groupIntoColumns(
      [
        card('a', 'screening', [], '2025-03-09T12:00:00+08:00'),
        card('b', 'screening', [], '2025-03-01T12:00:00+08:00'),
        card('c', 'withdrawn', []),
      ],
      NOW,
    );
    expect(groups.screening.map((item) => item.id)).toEqual(['b', 'a']);
    expect(groups.ended.map((item) => item.id)).toEqual(['c']);
    expect(groups.hired).toEqual([]);
  });
});

describe('dropping a card on a column', () => {
  const interview = card('x', 'interview', ['offered', 'rejected', 'withdrawn', 'no_show']);

  it('moves to the column’s state when the card may go there', () => {
    expect(decideDrop(interview, 'offered')).toEqual({ kind: 'move', to: 'offered' });
  });

  it('refuses a column the card may not reach, before any request', () => {
    expect(decideDrop(interview, 'hired')).toEqual({ kind: 'refused' });
    expect(decideDrop(interview, 'new')).toEqual({ kind: 'refused' });
  });

  it('refuses everything when this user may not move the card at all', () => {
    const readOnly = card('y', 'interview', []);
    for (const column of PIPELINE_COLUMNS.filter((c) => c.key !== 'interview'))
      expect(decideDrop(readOnly, column.key)).toEqual({ kind: 'refused' });
  });

  it('asks which ending when the ended lane offers several', () => {
    expect(decideDrop(interview, 'ended')).toEqual({
      kind: 'choose',
      options: ['rejected', 'withdrawn', 'no_show'],
    });
    const hired = card('h', 'hired', ['retained_30', 'no_show']);
    expect(decideDrop(hired, 'ended')).toEqual({ kind: 'move', to: 'no_show' });
  });

  it('does nothing when the card is dropped back on its own column', () => {
    expect(decideDrop(card('r', 'recommended', ['applied']), 'new')).toEqual({ kind: 'same' });
  });

  it('never offers a move the shared transition table forbids, whatever the column', () => {
    for (const status of APPLICATION_STATUSES) {
      const application = card('z', status, [...APPLICATION_TRANSITIONS[status]]);
      for (const column of PIPELINE_COLUMNS) {
        const decision = decideDrop(application, column.key);
        const targets =
          decision.kind === 'move' ? [decision.to] : decision.kind === 'choose' ? decision.options : [];
        for (const to of targets) expect(APPLICATION_TRANSITIONS[status]).toContain(to);
      }
    }
  });
});

describe('what a move asks for', () => {
  it('asks the 到岗 date for a hire and a reason for an ending', () => {
    expect(findMoveRequirement('hired')).toBe('date');
    expect(findMoveRequirement('rejected')).toBe('reason');
    expect(findMoveRequirement('no_show')).toBe('reason');
    expect(findMoveRequirement('interview')).toBe('none');
    expect(findMoveRequirement('retained_30')).toBe('none');
  });
});

describe('days in the current state', () => {
  it('counts from the latest entry into the state', () => {
    const application = {
      status: 'interview' as const,
      updatedAt: '2025-03-09T00:00:00+08:00',
      events: [
        { from: null, to: 'recommended' as const, at: '2025-02-01T00:00:00+08:00', actor: null, reason: '' },
        {
          from: 'recommended' as const,
          to: 'interview' as const,
          at: '2025-03-05T11:00:00+08:00',
          actor: null,
          reason: '',
        },
      ],
    };
    expect(countDaysInState(application, NOW)).toBe(5);
  });

  it('falls back to the last update without a matching event, and never goes negative', () => {
    expect(
      countDaysInState({ status: 'offered', updatedAt: '2025-03-08T12:00:00+08:00', events: [] }, NOW),
    ).toBe(2);
    expect(
      countDaysInState({ status: 'offered', updatedAt: '2025-03-12T00:00:00+08:00', events: [] }, NOW),
    ).toBe(0);
  });
});

describe('the pipeline summary of an order', () => {
  it('adds statuses up per board column, in board order, without empty columns', () => {
    expect(summarizePipeline({ applied: 2, recommended: 3, hired: 1, rejected: 4, withdrawn: 1 })).toEqual([
      { key: 'new', count: 5 },
      { key: 'hired', count: 1 },
      { key: 'ended', count: 5 },
    ]);
    expect(summarizePipeline({})).toEqual([]);
  });
});

describe('bulk actions', () => {
  const selection = [
    card('a', 'recommended', ['applied', 'screening', 'interview', 'rejected', 'withdrawn']),
    card('b', 'offered', ['hired', 'rejected', 'withdrawn', 'no_show']),
  ];

  it('offers any state one of the selected cards may reach, except hiring', () => {
    expect(listBulkTargets(selection)).toEqual([
      'applied',
      'screening',
      'interview',
      'rejected',
      'withdrawn',
      'no_show',
    ]);
  });

  it('splits the selection into cards that may move and cards refused up front', () => {
    const { allowed, refused } = splitBulkSelection(selection, 'interview');
    expect(allowed.map((item) => item.id)).toEqual(['a']);
    expect(refused.map((item) => item.id)).toEqual(['b']);
    expect(splitBulkSelection(selection, 'rejected').refused).toEqual([]);
  });
});

describe('bulk outcomes', () => {
  const worker = (name: string) => ({ id: 'w', name, age: 30, sex: 'male' as const, phoneMasked: '' });
  const selection = [
    { id: 'a', status: 'interview' as const, worker: worker('甲') },
    { id: 'b', status: 'offered' as const, worker: worker('乙') },
    { id: 'c', status: 'recommended' as const, worker: worker('丙') },
    { id: 'd', status: 'screening' as const, worker: worker('丁') },
  ];

  it('reports every selected card, refused here or by the server, in selection order', () => {
    const outcomes = mergeBulkOutcomes(selection, 'interview', new Set(['b']), [
      { id: 'a', ok: false, message: 'conflict' },
      { id: 'c', ok: true, message: null },
    ]);
    expect(outcomes).toEqual([
      { id: 'a', name: '甲', ok: false, detail: { kind: 'refused_by_server', message: 'conflict' } },
      { id: 'b', name: '乙', ok: false, detail: { kind: 'refused_here', from: 'offered', to: 'interview' } },
      { id: 'c', name: '丙', ok: true, detail: { kind: 'moved', to: 'interview' } },
      { id: 'd', name: '丁', ok: false, detail: { kind: 'refused_by_server', message: null } },
    ]);
  });
});
