import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type ImportMode,
  type Locale,
  WORKER_IMPORT_LIMITS,
  type WorkerImportStatus,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditContextOf, SYSTEM_AUDIT } from '../audit/audit.service.ts';
import type { ImportJobRunner } from '../imports/import-job-runner.ts';
import { presentWorkerImport, runWorkerImport } from './import-workers.ts';
import { findImportJob, insertImportJob, sweepInterruptedImports } from './worker-imports.repository.ts';
import { canReadImportJob, channelOfActor, defaultDistrictOf } from './workers.policy.ts';
import { assertPlaces } from './workers.service.ts';

/**
 * The HTTP side of worker imports: an upload becomes a background job of this process.
 *
 * The upload is streamed to a private temporary file (mode 0600: it holds ID numbers; deleted as
 * soon as the job ends), the job row is created, the job starts, and the request waits up to
 * `WORKER_IMPORT_LIMITS.waitMs` so that small files answer `done` at once; larger ones answer
 * `running` and the client polls `GET /api/workers/import/:id`. A job left `running` by a dead
 * process is recognised by its stale heartbeat and swept (marked failed, staging rows deleted).
 */
const STALE_SECONDS = 60;

/** Where uploads wait for their job (per machine; files of dead jobs are removed by the sweep). */
export function importTempDir(): string {
  return path.join(os.tmpdir(), 'yonggong-imports');
}

export async function startWorkerImportUpload(
  deps: Deps,
  runner: ImportJobRunner,
  ctx: RequestContext,
  upload: {
    filename: string;
    stream: Readable & { truncated?: boolean };
    mode: ImportMode;
    districtCode?: string;
  },
): Promise<WorkerImportStatus> {
  const { actor } = ctx;
  const extension = path.extname(upload.filename).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') {
    upload.stream.resume();
    throw new AppError('unsupported_file');
  }
  const districtCode = upload.districtCode ?? defaultDistrictOf(actor);
  try {
    assertPlaces(deps, actor, { districtCode, origin: null, current: null });
  } catch (error) {
    upload.stream.resume();
    throw error;
  }

  const dir = importTempDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const filePath = path.join(dir, `${crypto.randomUUID()}${extension}`);
  try {
    await pipeline(upload.stream, fs.createWriteStream(filePath, { mode: 0o600, flags: 'wx' }));
    if (upload.stream.truncated) throw tooLarge();
  } catch (error) {
    fs.rmSync(filePath, { force: true });
    if (error instanceof AppError) throw error;
    if (
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      error.code === 'FST_REQ_FILE_TOO_LARGE'
    )
      throw tooLarge();
    throw error;
  }

  // Base and school staff import their own people: credited to their base or school.
  const own = channelOfActor(actor);
  const channel = own?.channel ?? 'import';
  const sourceRef = own?.sourceRef ?? null;
  const importId = await insertImportJob(deps.db, {
    filename: upload.filename,
    mode: upload.mode,
    channel,
    sourceRef,
    districtCode,
    createdBy: actor.id,
  });
  runner.start(importId, async (signal) => {
    try {
      await runWorkerImport(deps, {
        importId,
        filePath,
        filename: upload.filename,
        mode: upload.mode,
        districtCode,
        channel,
        sourceRef,
        actorId: actor.id,
        audit: auditContextOf(ctx),
        signal,
      });
      // New workers are matchable: the recommendation index reloads on next use (their stored
      // lists come with the next batch run).
      deps.matching.changed({});
    } finally {
      fs.rmSync(filePath, { force: true });
    }
  });
  await runner.waitFor(importId, WORKER_IMPORT_LIMITS.waitMs);
  return getWorkerImportStatus(deps, runner, ctx, importId);
}

function tooLarge(): AppError {
  const megabytes = Math.round(WORKER_IMPORT_LIMITS.maxBytes / 1024 / 1024);
  return new AppError('payload_too_large', {
    messageKey: 'worker.import_too_large',
    params: { limit: `${megabytes} MB` },
  });
}

/** The job's status for its importer (or an administrator); anyone else gets 404. */
export async function getWorkerImportStatus(
  deps: Deps,
  runner: ImportJobRunner,
  ctx: RequestContext,
  importId: string,
): Promise<WorkerImportStatus> {
  const { actor } = ctx;
  let job = await findImportJob(deps.db, importId);
  if (!job || !canReadImportJob(actor, job)) throw new AppError('not_found');
  if (job.status === 'running' && !runner.isRunning(importId)) {
    // Not alive in this process: if its heartbeat is stale, its process died.
    if ((await sweepStaleImports(deps, runner, importId)).length > 0)
      job = (await findImportJob(deps.db, importId)) ?? job;
  }
  return presentWorkerImport(job, ctx.locale);
}

/**
 * Marks imports abandoned by a dead process as failed (nothing of them was committed) and removes
 * their staging rows and temporary files. Run at start-up and when a stale job is read.
 */
export async function sweepStaleImports(
  deps: Pick<Deps, 'db'>,
  runner: ImportJobRunner,
  onlyId?: string,
): Promise<string[]> {
  const swept = await sweepInterruptedImports(deps.db, {
    staleSeconds: STALE_SECONDS,
    exceptIds: runner.runningIds(),
    ...(onlyId ? { onlyId } : {}),
  });
  if (!onlyId) removeAbandonedUploads(Date.now() - TEMP_FILE_MAX_AGE_MS);
  return swept;
}

const TEMP_FILE_MAX_AGE_MS = 24 * 3600 * 1000;

/** Deletes uploads older than `before` (a job lasts minutes; older files belong to dead processes). */
function removeAbandonedUploads(before: number): void {
  const dir = importTempDir();
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < before) fs.rmSync(file, { force: true });
  }
}

/**
 * `yonggong import workers FILE`: the same job, run in the foreground by the system (no account:
 * `created_by` is empty, the audit trail names no actor). `districtCode` must be one of the city's
 * districts, or null for the city-wide pool.
 */
export async function importWorkersFile(
  deps: Deps,
  options: {
    filePath: string;
    mode: ImportMode;
    districtCode: string | null;
    locale: Locale;
    onProgress?: (progress: { processedRows: number; progress: number }) => void;
  },
): Promise<WorkerImportStatus> {
  const extension = path.extname(options.filePath).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') throw new AppError('unsupported_file');
  if (!fs.existsSync(options.filePath)) throw new AppError('not_found');
  const { districtCode } = options;
  if (
    districtCode !== null &&
    !deps.regions.districtsOf(deps.config.cityCode).some((d) => d.code === districtCode)
  )
    throw fieldErrors([{ path: 'districtCode', key: 'region.not_in_city' }]);
  const filename = path.basename(options.filePath);
  const importId = await insertImportJob(deps.db, {
    filename,
    mode: options.mode,
    channel: 'import',
    districtCode,
    createdBy: null,
  });
  const job = await runWorkerImport(deps, {
    importId,
    filePath: options.filePath,
    filename,
    mode: options.mode,
    districtCode,
    channel: 'import',
    actorId: null,
    audit: SYSTEM_AUDIT,
    hooks: { afterBatch: (progress) => options.onProgress?.(progress) },
  });
  return presentWorkerImport(job, options.locale);
}
