import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ERROR_STATUS, type ErrorCode, WORKER_IMPORT_COLUMNS } from '@yonggong/shared';
import { AppError } from '../../http/app-error.ts';
import { openSheetStream } from '../imports/stream-sheet.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import {
  createWorkerRowValidator,
  type OpenRows,
  openRowsOf,
  rowError,
  type StoredRowError,
  type ValidRow,
} from './worker-import-rows.ts';

/**
 * Reads a worker list as batches of validated rows — in this thread, or, for large files, in a
 * worker thread so that parsing and validation (about half the CPU of an import) run on the second
 * core while this thread encrypts and writes. Encryption stays here: the PII key never leaves the
 * main thread. Both ways yield the same batches; the worker is fed one batch ahead (double
 * buffering), so at most three batches exist at a time.
 */
export interface ValidatedBatch {
  /** The valid rows, as open rows (parallel arrays of strings: cheap to pass between threads). */
  readonly rows: OpenRows;
  /** Errors of this batch's rows. */
  readonly errors: readonly StoredRowError[];
  /** Rows of this batch that have errors. */
  readonly failedRows: number;
  /** Data rows this batch covers (valid and not). */
  readonly processedRows: number;
  /** Share of the file read so far (by bytes). */
  readonly progress: number;
}

export interface ValidatedSource {
  /** Where validation runs ('inline' also when a worker thread could not start). */
  readonly where: 'worker' | 'inline';
  /** Null when the file has a usable header; else why not (no header, missing columns). */
  readonly headerErrors: readonly StoredRowError[] | null;
  batches(): AsyncIterable<ValidatedBatch>;
  close(): Promise<void>;
}

/** Files from this size on are validated in a worker thread (below it, starting one costs more). */
const WORKER_THRESHOLD_BYTES = 512 * 1024;

export async function openValidatedSource(options: {
  readonly regions: RegionIndex;
  readonly filePath: string;
  readonly filename: string;
  readonly batchSize: number;
  /** 'auto' (default): a worker thread for large files. */
  readonly inWorker?: boolean | 'auto';
}): Promise<ValidatedSource> {
  const inWorker = options.inWorker ?? 'auto';
  const isLarge = fs.statSync(options.filePath).size >= WORKER_THRESHOLD_BYTES;
  if (inWorker === true || (inWorker === 'auto' && isLarge)) return openInWorker(options);
  return openInline(options);
}

/** Validation in this thread (also what the worker thread runs). */
export async function openInline(options: {
  readonly regions: RegionIndex;
  readonly filePath: string;
  readonly filename: string;
  readonly batchSize: number;
}): Promise<ValidatedSource> {
  const sheet = await openSheetStream(options.filePath, options.filename, WORKER_IMPORT_COLUMNS);
  const header = sheet.header;
  let headerErrors: StoredRowError[] | null = null;
  if (!header) headerErrors = [{ ...rowError(1, 'idNumber', 'worker.import_no_header'), column: '' }];
  else if (header.missing.length > 0)
    headerErrors = header.missing.map((spec) =>
      rowError(header.headerRowNumber, spec.field, 'import.missing_column', { column: spec.header }),
    );
  const validate = createWorkerRowValidator(options.regions);
  async function* batches(): AsyncGenerator<ValidatedBatch> {
    if (!header || headerErrors) return;
    let rows: ValidRow[] = [];
    let errors: StoredRowError[] = [];
    let failedRows = 0;
    let processedRows = 0;
    for await (const row of sheet.rows) {
      processedRows += 1;
      const outcome = validate(row, header);
      if (outcome.ok) rows.push(outcome.row);
      else {
        failedRows += 1;
        errors.push(...outcome.errors);
      }
      if (processedRows >= options.batchSize) {
        yield { rows: openRowsOf(rows), errors, failedRows, processedRows, progress: sheet.progress() };
        rows = [];
        errors = [];
        failedRows = 0;
        processedRows = 0;
      }
    }
    if (processedRows > 0)
      yield { rows: openRowsOf(rows), errors, failedRows, processedRows, progress: sheet.progress() };
  }
  return {
    where: 'inline',
    headerErrors,
    batches,
    close: async () => sheet.close(),
  };
}

/** What the worker thread sends (see validate-rows.worker.ts). */
export type WorkerMessage =
  | { readonly type: 'header'; readonly headerErrors: readonly StoredRowError[] | null }
  | { readonly type: 'batch'; readonly batch: ValidatedBatch }
  | { readonly type: 'end' }
  | { readonly type: 'error'; readonly code: string; readonly message: string };

async function openInWorker(options: {
  readonly regions: RegionIndex;
  readonly filePath: string;
  readonly filename: string;
  readonly batchSize: number;
}): Promise<ValidatedSource> {
  const worker = new Worker(new URL('./validate-rows.worker.mjs', import.meta.url), {
    workerData: { filePath: options.filePath, filename: options.filename, batchSize: options.batchSize },
    // A bounded heap: the thread holds a batch or two at a time, and V8 otherwise lets garbage grow
    // to hundreds of MB before collecting (measured: peak RSS −100 MB on 100,000 rows). 96 MB, not
    // 64: the region index and the pinyin dictionary live here too, and at 64 MB the thread spent
    // a quarter of its time in full collections (measured 2.1 s GC of 7.2 s busy on 100,000 rows).
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
  });
  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`the validation worker exited with code ${code}`);
    queue.push({ type: 'end' });
    notify();
  });
  const next = async (): Promise<WorkerMessage> => {
    for (;;) {
      const message = queue.shift();
      if (message) {
        if (message.type === 'error') throw toError(message);
        return message;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };

  let first: WorkerMessage;
  try {
    first = await next();
  } catch (error) {
    await worker.terminate();
    if (error instanceof AppError) throw error;
    // The thread could not start (no loader, no memory): validate here instead.
    return openInline(options);
  }
  const headerErrors = first.type === 'header' ? first.headerErrors : null;
  async function* batches(): AsyncGenerator<ValidatedBatch> {
    if (headerErrors) return;
    worker.postMessage('next');
    for (;;) {
      const message = await next();
      if (message.type !== 'batch') return;
      // Ask for the next batch at once: the worker validates it while we encrypt and write this one.
      worker.postMessage('next');
      yield message.batch;
    }
  }
  return {
    where: 'worker',
    headerErrors,
    batches,
    close: async () => {
      await worker.terminate();
    },
  };
}

function toError(message: { code: string; message: string }): Error {
  if (Object.hasOwn(ERROR_STATUS, message.code)) return new AppError(message.code as ErrorCode);
  return new Error(`validation worker: ${message.message}`);
}
