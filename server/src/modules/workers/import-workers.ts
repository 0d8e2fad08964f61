import {
  type Channel,
  formatMessage,
  type ImportMode,
  type Locale,
  WORKER_IMPORT_LIMITS,
  type WorkerImportStatus,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database, WorkerImportRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import { SeenKeys } from '../imports/seen-keys.ts';
import { openValidatedSource, type ValidatedBatch, type ValidatedSource } from './validated-batches.ts';
import { type ProtectedBatch, rowError, type StoredRowError, sealRows } from './worker-import-rows.ts';
import {
  beginDirectImport,
  type CommitOptions,
  commitStagedRows,
  deleteStagedRows,
  findImportJob,
  finishImportJob,
  flagSameNamePhone,
  type ImportCounters,
  insertWorkerBatch,
  isSingleSessionDatabase,
  linkExisting,
  lockRunningImport,
  stageRows,
  touchImportJob,
} from './worker-imports.repository.ts';

/**
 * Imports a worker list (劳动者名单) — the streaming use-case behind `POST /api/workers/import` and
 * `yonggong import workers FILE`.
 *
 * 1. The file streams (csv-parse / exceljs WorkbookReader): memory stays bounded whatever its size.
 * 2. Each row is cleaned and validated with the registration form's schema, its ID number and
 *    phone encrypted and hashed (`worker-import-rows.ts`); bad rows are reported `{row, column,
 *    message}` (all counted, the first 1,000 kept). A person listed twice is caught in memory
 *    (8 bytes per row, `SeenKeys`) and reported with the row that listed them first.
 * 3. Good rows are written in batches of 2,000 with one set-based statement each
 *    (`INSERT … SELECT FROM unnest(…) … ON CONFLICT (id_number_hash) DO NOTHING`), the next batch
 *    prepared while the last one is written. People already registered are linked (a channel row
 *    carrying the import's id), never duplicated: importing a file twice adds nothing.
 * 4. Mode `all` commits nothing when any row is bad; mode `valid` commits the good rows.
 *
 * Nothing is ever half-imported, by one of two means, chosen by the database:
 * - PostgreSQL: the whole import is ONE transaction. MVCC lets everyone else work meanwhile (only a
 *   registration of a person in the file waits, then links); a killed process's transaction is
 *   rolled back by the server.
 * - The embedded database (one session: a transaction open for minutes would block every request):
 *   batches go to an UNLOGGED staging table in short statements, and one transaction at the end
 *   moves them into `workers`. A killed process leaves staging rows nobody reads; the sweep
 *   (`sweepInterruptedImports`) marks the job failed and deletes them.
 * In both, a job left `running` with a stale heartbeat is swept as interrupted.
 *
 * Auditing: one `worker.import` event per import (who, file, counts), in the committing
 * transaction; each worker it created or linked carries a `worker_channels` row with the import's
 * id and `created_by`. (Per-row audit events were measured to cost more than the insert itself at a
 * million rows; the channel rows make every row traceable to the audited import.)
 */
export interface RunWorkerImportOptions {
  /** The job row (`createImportJob`). */
  readonly importId: string;
  readonly filePath: string;
  /** The uploaded name; its extension (.xlsx/.csv) decides the format. */
  readonly filename: string;
  readonly mode: ImportMode;
  /** The district that serves the imported workers (null: the city-wide pool). */
  readonly districtCode: string | null;
  readonly channel: Channel;
  /** The channel record (base, school …) the import is credited to; null for officers and the CLI. */
  readonly sourceRef?: string | null;
  /**
   * `worker_channels.channel_ref` of the rows this import adds (default: the importing account). An
   * order-class import uses the class, so that everyone in the file gets a row carrying this import.
   */
  readonly channelRef?: string;
  /** The importing account (null from the command line). */
  readonly actorId: string | null;
  readonly audit: AuditContext;
  /** Aborted on shutdown: the job ends failed (interrupted), nothing imported. */
  readonly signal?: AbortSignal;
  /** Rows per batch and write statement (default 2,000). */
  readonly batchSize?: number;
  /** Validate in a worker thread: default 'auto' (files from 512 KB). */
  readonly validateInWorker?: boolean | 'auto';
  /** Called after each staged batch and before the commit (progress display; tests inject faults). */
  readonly hooks?: {
    readonly afterBatch?: (progress: { processedRows: number; progress: number }) => void | Promise<void>;
    readonly beforeCommit?: () => void | Promise<void>;
  };
}

/** The job was taken from us (swept as interrupted) or aborted by shutdown. */
class ImportStopped extends Error {
  constructor(readonly failureCode: string | null) {
    super('import stopped');
  }
}

/**
 * Runs the import to its end and records how it ended in the job row. Resolves with the final row;
 * rejects only for unexpected errors (after recording the job as failed), for the caller to log.
 */
export async function runWorkerImport(
  deps: Pick<Deps, 'db' | 'pii' | 'regions'>,
  options: RunWorkerImportOptions,
): Promise<WorkerImportRow> {
  const { db } = deps;
  const { importId } = options;
  const batchSize = options.batchSize ?? 2000;
  const errors: StoredRowError[] = [];
  let errorCount = 0;
  let failedRows = 0;
  let processedRows = 0;
  let progress = 0;
  let source: ValidatedSource | null = null;
  const record = (list: readonly StoredRowError[]) => {
    errorCount += list.length;
    for (const error of list) if (errors.length < WORKER_IMPORT_LIMITS.maxErrors) errors.push(error);
  };
  const counters = (): ImportCounters => ({
    processedRows,
    progress,
    failed: failedRows,
    errorCount,
    errors: [...errors].sort((a, b) => a.row - b.row),
  });
  const finishWithoutCommit = async () => {
    await deleteStagedRows(db, importId);
    await finishImportJob(db, importId, {
      ...counters(),
      progress: 1,
      status: 'done',
      committed: false,
      totalRows: processedRows,
      created: 0,
      linked: 0,
      failureCode: null,
    });
  };

  try {
    source = await openValidatedSource({
      regions: deps.regions,
      filePath: options.filePath,
      filename: options.filename,
      batchSize,
      ...(options.validateInWorker !== undefined ? { inWorker: options.validateInWorker } : {}),
    });
    if (source.headerErrors) {
      record(source.headerErrors);
      await finishWithoutCommit();
      return await requireJob(deps, importId);
    }
    const batches = source.batches();

    const seen = new SeenKeys();
    const target: CommitOptions = {
      importId,
      districtCode: options.districtCode,
      channel: options.channel,
      channelRef: options.channelRef ?? options.actorId ?? '',
      sourceRef: options.sourceRef ?? null,
      actorId: options.actorId,
    };
    let created = 0;
    let linked = 0;

    /**
     * Encrypts each validated batch and hands it to `write`; one batch is written while the next is
     * validated (in a worker thread for large files) and encrypted. In mode `all`, writing stops at
     * the first bad row (nothing will be committed) but reading goes on, so the report lists every
     * bad row.
     */
    const readAll = async (write: (batch: ProtectedBatch) => Promise<void>) => {
      const flush = async (batch: ProtectedBatch) => {
        if (!(options.mode === 'all' && failedRows > 0)) await write(batch);
        if (!(await touchImportJob(db, importId, counters()))) throw new ImportStopped(null);
        await options.hooks?.afterBatch?.({ processedRows, progress });
      };
      /**
       * Encrypts a validated batch into its JSON document, synchronously: the row objects are
       * garbage before the next await, so they die young instead of piling up in the old
       * generation (this is what keeps a million-row import within its memory budget).
       */
      const protect = (batch: ValidatedBatch): ProtectedBatch => {
        processedRows += batch.processedRows;
        failedRows += batch.failedRows;
        progress = batch.progress;
        record(batch.errors);
        return sealRows(deps.pii, batch.rows, (idNumberHash, rowNumber) => {
          const first = seen.addIfAbsent(keyOf(idNumberHash), rowNumber);
          if (first === undefined) return true;
          failedRows += 1;
          record([rowError(rowNumber, 'idNumber', 'worker.import_duplicate_in_file', { row: first })]);
          return false;
        });
      };
      const iterator = batches[Symbol.asyncIterator]();
      let writing: Promise<void> | null = null;
      for (;;) {
        if (options.signal?.aborted) throw new ImportStopped('worker.import_interrupted');
        const next = await iterator.next();
        if (next.done) break;
        const prepared = protect(next.value);
        if (writing) await writing;
        writing = flush(prepared);
        // Awaited before the next batch or after the loop; this only keeps a failure from being
        // reported as unhandled while the next batch is read.
        writing.catch(() => undefined);
      }
      if (writing) await writing;
      if (options.signal?.aborted) throw new ImportStopped('worker.import_interrupted');
    };

    /** In the committing transaction: the import's audit event and the job's end, atomically. */
    const finish = async (trx: Kysely<Database>) => {
      await options.hooks?.beforeCommit?.();
      await recordAudit(trx, options.audit, {
        action: 'worker.import',
        entityType: 'import',
        entityId: importId,
        summary: `导入劳动者名单 ${options.filename}：新增 ${created} 人，已登记并关联渠道 ${linked} 人，失败 ${failedRows} 行`,
        after: {
          filename: options.filename,
          mode: options.mode,
          districtCode: options.districtCode,
          rows: processedRows,
          created,
          linked,
          failedRows,
        },
      });
      await finishImportJob(trx, importId, {
        ...counters(),
        progress: 1,
        status: 'done',
        committed: true,
        totalRows: processedRows,
        created,
        linked,
        failureCode: null,
      });
    };

    if (await isSingleSessionDatabase(db)) {
      // Embedded: stage in short statements, then move everything in one short-as-possible commit.
      await readAll((batch) => stageRows(db, importId, batch));
      if (options.mode === 'all' && failedRows > 0) {
        await finishWithoutCommit();
        return await requireJob(deps, importId);
      }
      await db.transaction().execute(async (trx) => {
        if (!(await lockRunningImport(trx, importId))) throw new ImportStopped(null);
        const counts = await commitStagedRows(trx, target);
        created = counts.created;
        linked = counts.staged - counts.created;
        await finish(trx);
      });
      await deleteStagedRows(db, importId);
    } else {
      // PostgreSQL: the whole import is one transaction; batches go straight into `workers` while
      // the file is read. Progress is written on other connections, so it stays visible.
      const isCommitted = await db.transaction().execute(async (trx) => {
        await beginDirectImport(trx);
        await readAll(async (batch) => {
          const ids = await insertWorkerBatch(trx, target, batch);
          const existing = batch.idNumberHashes.filter(
            (_hash, index) => !ids.has(batch.workerIds[index] ?? ''),
          );
          await linkExisting(trx, target, existing);
          created += ids.size;
          linked += existing.length;
        });
        if (options.mode === 'all' && failedRows > 0) return false;
        if (!(await lockRunningImport(trx, importId))) throw new ImportStopped(null);
        await flagSameNamePhone(trx);
        await finish(trx);
        return true;
      });
      if (!isCommitted) {
        // The transaction committed nothing but its (empty) work; report like the other path.
        await finishWithoutCommit();
        return await requireJob(deps, importId);
      }
    }
    return await requireJob(deps, importId);
  } catch (error) {
    const failureCode =
      error instanceof ImportStopped
        ? error.failureCode
        : error instanceof AppError
          ? error.code
          : 'worker.import_crashed';
    await deleteStagedRows(db, importId);
    if (failureCode)
      await finishImportJob(db, importId, {
        ...counters(),
        status: 'failed',
        committed: false,
        totalRows: null,
        created: 0,
        linked: 0,
        failureCode,
      });
    if (error instanceof ImportStopped || error instanceof AppError) return await requireJob(deps, importId);
    throw error;
  } finally {
    await source?.close();
  }
}

async function requireJob(deps: Pick<Deps, 'db'>, id: string): Promise<WorkerImportRow> {
  const job = await findImportJob(deps.db, id);
  if (!job) throw new Error(`import ${id} vanished`);
  return job;
}

interface StoredErrorShape {
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly message: Readonly<Record<string, string>>;
}

function isStoredError(value: unknown): value is StoredErrorShape {
  return typeof value === 'object' && value !== null && 'row' in value && 'message' in value;
}

/** Job row → the status document, messages in the reader's language. */
export function presentWorkerImport(row: WorkerImportRow, locale: Locale): WorkerImportStatus {
  return {
    importId: row.id,
    filename: row.filename,
    mode: row.mode === 'valid' ? 'valid' : 'all',
    status: row.status === 'done' ? 'done' : row.status === 'failed' ? 'failed' : 'running',
    committed: row.committed,
    processedRows: row.processed_rows,
    totalRows: row.total_rows,
    progress: Math.min(1, Math.max(0, row.progress)),
    created: row.created,
    linked: row.linked,
    failed: row.failed,
    errorCount: row.error_count,
    errors: row.errors.filter(isStoredError).map((error) => ({
      row: error.row,
      column: error.column,
      code: error.code,
      message: error.message[locale] ?? error.message['zh-CN'] ?? error.code,
    })),
    failure: row.failure_code
      ? { code: row.failure_code, message: formatMessage(locale, row.failure_code, { importId: row.id }) }
      : null,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** The first 8 bytes of a keyed hash (base64url: 11 characters carry 66 bits). */
function keyOf(hash: string): Uint8Array {
  return Buffer.from(hash.slice(0, 11), 'base64url');
}
