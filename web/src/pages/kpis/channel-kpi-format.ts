import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type ChannelMetric,
  WORKER_STATUSES,
  type WorkerStatus,
} from '@yonggong/shared';

/** A rate as a percentage with one decimal; "—" when there is no rate (nothing to divide). */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

const RETENTION_OUTCOMES = ['yes', 'no', 'pending'] as const;

type RecordStatusKey =
  | `kpis.channels.retained.${(typeof RETENTION_OUTCOMES)[number]}`
  | `worker.status.${WorkerStatus}`
  | `application.status.${ApplicationStatus}`;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/**
 * The i18n key naming a record's status in the records drawer: retention outcomes for the
 * retention figures, worker states for supply, application states otherwise (null: show as is).
 */
export function recordStatusKey(metric: ChannelMetric, status: string | null): RecordStatusKey | null {
  if (status === null) return null;
  if (metric === 'retained30' || metric === 'retained90')
    return isOneOf(RETENTION_OUTCOMES, status) ? `kpis.channels.retained.${status}` : null;
  if (metric === 'supplied') return isOneOf(WORKER_STATUSES, status) ? `worker.status.${status}` : null;
  return isOneOf(APPLICATION_STATUSES, status) ? `application.status.${status}` : null;
}
