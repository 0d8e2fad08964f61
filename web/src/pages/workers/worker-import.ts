import type { WorkerImportStatus } from '@yonggong/shared';

/**
 * How a worker import stands, from the job's status document: still running, crashed (nothing
 * imported), refused as a whole ("all or nothing" with bad rows), imported with some rows left
 * out, or imported completely.
 */
export type ImportVerdict = 'running' | 'failed' | 'nothing_imported' | 'partial' | 'committed';

export function readImportVerdict(
  status: Pick<WorkerImportStatus, 'status' | 'committed' | 'failed'>,
): ImportVerdict {
  switch (status.status) {
    case 'running':
      return 'running';
    case 'failed':
      return 'failed';
    case 'done':
      if (!status.committed) return 'nothing_imported';
      return status.failed > 0 ? 'partial' : 'committed';
    default: {
      const exhaustive: never = status.status;
      return exhaustive;
    }
  }
}

/** The progress bar's percent: the share of the file read, 100 once the job has ended. */
export function readImportPercent(status: Pick<WorkerImportStatus, 'status' | 'progress'>): number {
  if (status.status !== 'running') return 100;
  return Math.min(99, Math.max(0, Math.floor(status.progress * 100)));
}
