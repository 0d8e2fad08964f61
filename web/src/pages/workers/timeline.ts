import type { Application, ApplicationStatus, Channel, Worker } from '@yonggong/shared';
import type { Placement } from '../../api/applications.ts';

/**
 * A worker's history on one line: registrations through each channel, every step of every
 * application (from its event log), and the placements with their retention checks. The three
 * sources are merged and sorted newest first. A hire appears once: the `hired` step carries its
 * placement; a placement whose step is not visible stands on its own at its 到岗 date.
 */

export type TimelineItem =
  | {
      readonly kind: 'registered';
      readonly key: string;
      readonly at: string;
      readonly channel: Channel;
      readonly isFirst: boolean;
    }
  | {
      readonly kind: 'step';
      readonly key: string;
      readonly at: string;
      readonly applicationId: string;
      readonly jobOrder: Application['jobOrder'];
      readonly from: ApplicationStatus | null;
      readonly to: ApplicationStatus;
      readonly actor: string | null;
      readonly reason: string;
      /** The placement made by this step (a `hired` step only). */
      readonly placement: Placement | null;
    }
  | {
      readonly kind: 'placement';
      readonly key: string;
      readonly at: string;
      readonly placement: Placement;
    };

export interface TimelineSources {
  readonly worker: Pick<Worker, 'channels'>;
  readonly applications: readonly Pick<Application, 'id' | 'jobOrder' | 'events'>[];
  readonly placements: readonly Placement[];
}

/** Merges and sorts the sources, newest first; simultaneous entries keep their recorded order. */
export function buildWorkerTimeline({ worker, applications, placements }: TimelineSources): TimelineItem[] {
  const items: TimelineItem[] = [];
  const earliestChannel = Math.min(...worker.channels.map((entry) => Date.parse(entry.at)));
  for (const [index, entry] of worker.channels.entries())
    items.push({
      kind: 'registered',
      key: `registered-${index}-${entry.channel}`,
      at: entry.at,
      channel: entry.channel,
      isFirst: Date.parse(entry.at) === earliestChannel,
    });

  const placementOf = new Map(placements.map((placement) => [placement.applicationId, placement]));
  const shownPlacements = new Set<string>();
  for (const application of applications)
    for (const [index, event] of application.events.entries()) {
      const placement = event.to === 'hired' ? (placementOf.get(application.id) ?? null) : null;
      if (placement) shownPlacements.add(placement.id);
      items.push({
        kind: 'step',
        key: `step-${application.id}-${index}`,
        at: event.at,
        applicationId: application.id,
        jobOrder: application.jobOrder,
        from: event.from,
        to: event.to,
        actor: event.actor,
        reason: event.reason,
        placement,
      });
    }

  for (const placement of placements)
    if (!shownPlacements.has(placement.id))
      items.push({ kind: 'placement', key: `placement-${placement.id}`, at: placement.hiredOn, placement });

  // Stable sort on time: entries recorded in the same instant keep the order they were read in,
  // reversed with everything else so the latest step of an application stays on top.
  return items
    .map((item, order) => ({ item, order, time: toTime(item.at) }))
    .sort((a, b) => b.time - a.time || b.order - a.order)
    .map(({ item }) => item);
}

/** Milliseconds of an ISO timestamp or date; unparsable values sort last. */
function toTime(at: string): number {
  const time = Date.parse(at);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
