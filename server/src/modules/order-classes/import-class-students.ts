import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ClassImportStatus, type ImportMode, WORKER_IMPORT_LIMITS } from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { type AuditContext, auditContextOf, recordAudit } from '../audit/audit.service.ts';
import type { ImportJobRunner } from '../imports/import-job-runner.ts';
import { presentWorkerImport, runWorkerImport } from '../workers/import-workers.ts';
import { importTempDir, sweepStaleImports } from '../workers/worker-import-jobs.ts';
import { findImportJob, insertImportJob } from '../workers/worker-imports.repository.ts';
import { studentDistrictOf } from './order-classes.policy.ts';
import {
  attachImportedStudents,
  countEnrolled,
  findClassImport,
  hasRunningImport,
  insertClassImport,
  type OrderClassView,
} from './order-classes.repository.ts';
import { requireManagedClass } from './order-classes.service.ts';

/**
 * Imports a student list (.xlsx/.csv, the worker-list template) into an order class — the use-case
 * behind `POST /api/order-classes/:id/students/import`.
 *
 * 1. The ordinary worker import runs (`runWorkerImport`: streaming, validation of every row with the
 *    registration form's rules, encryption, dedup by ID number, every bad row reported with its row
 *    and column, mode `all` = nothing unless every row is good). It is credited to the class's
 *    school (channel 'school', source_ref = the school) with `channel_ref` = the class, so each
 *    person in the file — new or already registered — gets a worker_channels row carrying the
 *    import's id.
 * 2. Once committed, one statement attaches everyone of that import batch to the class
 *    (`attachImportedStudents`), in a transaction with its audit event. If the process dies between
 *    the two, the next status read finishes the attachment (it happens exactly once).
 * The planned class size is not a cap: the reply says `overSize` when enrolment exceeds it.
 */
export async function startClassImport(
  deps: Deps,
  runner: ImportJobRunner,
  ctx: RequestContext,
  classId: string,
  upload: { filename: string; stream: Readable & { truncated?: boolean }; mode: ImportMode },
): Promise<ClassImportStatus> {
  const { actor } = ctx;
  let cls: OrderClassView;
  try {
    cls = await requireManagedClass(deps, actor, classId);
    const extension = path.extname(upload.filename).toLowerCase();
    if (extension !== '.csv' && extension !== '.xlsx') throw new AppError('unsupported_file');
    if (await hasRunningImport(deps.db, classId))
      throw new AppError('conflict', { messageKey: 'order_class.import_in_progress' });
  } catch (error) {
    upload.stream.resume();
    throw error;
  }
  const extension = path.extname(upload.filename).toLowerCase();
  const dir = importTempDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Private (0600): the file holds ID numbers; removed as soon as the job ends.
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

  const districtCode = studentDistrictOf(actor, cls);
  const importId = await insertImportJob(deps.db, {
    filename: upload.filename,
    mode: upload.mode,
    channel: 'school',
    sourceRef: cls.school_id,
    districtCode,
    createdBy: actor.id,
  });
  await insertClassImport(deps.db, { import_id: importId, class_id: cls.id, created_by: actor.id });
  const audit = auditContextOf(ctx);
  runner.start(importId, async (signal) => {
    try {
      const job = await runWorkerImport(deps, {
        importId,
        filePath,
        filename: upload.filename,
        mode: upload.mode,
        districtCode,
        channel: 'school',
        sourceRef: cls.school_id,
        channelRef: cls.id,
        actorId: actor.id,
        audit,
        signal,
      });
      if (job.committed) await attachAndAudit(deps, audit, cls, importId, actor.id);
      deps.matching.changed({});
    } finally {
      fs.rmSync(filePath, { force: true });
    }
  });
  await runner.waitFor(importId, WORKER_IMPORT_LIMITS.waitMs);
  return getClassImportStatus(deps, runner, ctx, classId, importId);
}

async function attachAndAudit(
  deps: Deps,
  audit: AuditContext,
  cls: OrderClassView,
  importId: string,
  actorId: string | null,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const attached = await attachImportedStudents(trx, {
      classId: cls.id,
      importId,
      schoolId: cls.school_id,
      actorId,
    });
    if (attached === null) return;
    await recordAudit(trx, audit, {
      action: 'order_class.import_students',
      entityType: 'order_class',
      entityId: cls.id,
      summary: `${cls.name} 导入学生名单：${attached} 人加入班级`,
      after: { importId, attached },
    });
  });
}

/** The import's progress and result (every bad row), and how many joined the class. */
export async function getClassImportStatus(
  deps: Deps,
  runner: ImportJobRunner,
  ctx: RequestContext,
  classId: string,
  importId: string,
): Promise<ClassImportStatus> {
  const cls = await requireManagedClass(deps, ctx.actor, classId);
  let link = await findClassImport(deps.db, classId, importId);
  let job = await findImportJob(deps.db, importId);
  if (!link || !job) throw new AppError('not_found');
  if (job.status === 'running' && !runner.isRunning(importId)) {
    if ((await sweepStaleImports(deps, runner, importId)).length > 0)
      job = (await findImportJob(deps.db, importId)) ?? job;
  }
  if (job.status === 'done' && job.committed && link.attached_at === null && !runner.isRunning(importId)) {
    // The process ended between committing the import and attaching it: finish now.
    await attachAndAudit(deps, auditContextOf(ctx), cls, importId, job.created_by);
    link = (await findClassImport(deps.db, classId, importId)) ?? link;
  }
  const enrolled = await countEnrolled(deps.db, classId);
  return {
    ...presentWorkerImport(job, ctx.locale),
    classId,
    attached: link.attached,
    enrolled,
    classSize: cls.class_size,
    overSize: enrolled > cls.class_size,
  };
}

function tooLarge(): AppError {
  const megabytes = Math.round(WORKER_IMPORT_LIMITS.maxBytes / 1024 / 1024);
  return new AppError('payload_too_large', {
    messageKey: 'worker.import_too_large',
    params: { limit: `${megabytes} MB` },
  });
}
