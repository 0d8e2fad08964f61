import { describe, expect, it } from 'vitest';
import type { Placement } from '../../api/applications.ts';
import { buildWorkerTimeline } from './timeline.ts';

const ORDER = {
  id: '11111111-1111-4111-8111-111111111111',
  title: '电子装配工',
  enterpriseId: '22222222-2222-4222-8222-222222222222',
  enterpriseName: '吴江精工电子有限公司',
};
const OTHER_ORDER = { ...ORDER, id: '33333333-3333-4333-8333-333333333333', title: '质检员' };

const HIRED_APP = {
  id: 'a1',
  jobOrder: ORDER,
  events: [
    { from: null, to: 'recommended' as const, at: '2025-03-01T09:00:00+08:00', actor: '姚雪梅', reason: '' },
    {
      from: 'recommended' as const,
      to: 'interview' as const,
      at: '2025-03-03T10:00:00+08:00',
      actor: '人事',
      reason: '',
    },
    {
      from: 'interview' as const,
      to: 'hired' as const,
      at: '2025-03-05T08:00:00+08:00',
      actor: '人事',
      reason: '',
    },
  ],
};
const OBSOLETE_APP = {
  id: 'a2',
  jobOrder: OTHER_ORDER,
  events: [
    { from: null, to: 'recommended' as const, at: '2025-03-02T09:00:00+08:00', actor: '姚雪梅', reason: '' },
    // Made obsolete by the hire, in the same instant.
    {
      from: 'recommended' as const,
      to: 'obsolete' as const,
      at: '2025-03-05T08:00:00+08:00',
      actor: '人事',
      reason: '已在吴江精工到岗',
    },
  ],
};

function buildPlacement(overrides: Partial<Placement> = {}): Placement {
  return {
    id: 'p1',
    applicationId: 'a1',
    workerId: 'w1',
    workerName: '李四',
    jobOrderId: ORDER.id,
    jobOrderTitle: ORDER.title,
    enterpriseId: ORDER.enterpriseId,
    enterpriseName: ORDER.enterpriseName,
    channel: 'base',
    hiredOn: '2025-03-05',
    retained30: 'yes',
    retained90: 'pending',
    createdAt: '2025-03-05T08:00:00+08:00',
    ...overrides,
  };
}

describe('the worker timeline', () => {
  it('merges registrations, application steps and placements, newest first', () => {
    const timeline = buildWorkerTimeline({
      worker: {
        channels: [
          { channel: 'base', at: '2025-02-20T10:00:00+08:00' },
          { channel: 'fair', at: '2025-03-02T15:00:00+08:00' },
        ],
      },
      applications: [HIRED_APP, OBSOLETE_APP],
      placements: [buildPlacement()],
    });
    expect(
      timeline.map((item) => (item.kind === 'step' ? `${item.applicationId}:${item.to}` : item.kind)),
    ).toEqual([
      'a2:obsolete',
      'a1:hired',
      'a1:interview',
      'registered',
      'a2:recommended',
      'a1:recommended',
      'registered',
    ]);
  });

  it('shows a hire once, with its placement on the hired step', () => {
    const timeline = buildWorkerTimeline({
      worker: { channels: [] },
      applications: [HIRED_APP],
      placements: [buildPlacement()],
    });
    expect(timeline.filter((item) => item.kind === 'placement')).toEqual([]);
    const hired = timeline.find((item) => item.kind === 'step' && item.to === 'hired');
    expect(hired).toMatchObject({ placement: { id: 'p1', retained30: 'yes' } });
  });

  it('shows a placement on its own when its application is not visible', () => {
    const timeline = buildWorkerTimeline({
      worker: { channels: [{ channel: 'officer', at: '2025-01-01T00:00:00+08:00' }] },
      applications: [],
      placements: [buildPlacement({ id: 'p9', applicationId: 'elsewhere', hiredOn: '2025-04-01' })],
    });
    expect(timeline.map((item) => item.kind)).toEqual(['placement', 'registered']);
    expect(timeline[0]).toMatchObject({ at: '2025-04-01' });
  });

  it('marks the first registration and keeps the later channels as links', () => {
    const timeline = buildWorkerTimeline({
      worker: {
        channels: [
          { channel: 'survey', at: '2025-01-01T00:00:00+08:00' },
          { channel: 'self', at: '2025-05-01T00:00:00+08:00' },
        ],
      },
      applications: [],
      placements: [],
    });
    expect(timeline.map((item) => item.kind === 'registered' && [item.channel, item.isFirst])).toEqual([
      ['self', false],
      ['survey', true],
    ]);
  });
});
