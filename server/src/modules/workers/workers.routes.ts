import {
  duplicateFlagResolveBody,
  duplicateFlagSchema,
  idParam,
  Permission,
  revealFieldBody,
  revealFieldReply,
  WORKER_IMPORT_LIMITS,
  workerCreateBody,
  workerImportQuery,
  workerImportStatus,
  workerListQuery,
  workerPage,
  workerRegisterReply,
  workerSchema,
  workerUpdateBody,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { ImportJobRunner } from '../imports/import-job-runner.ts';
import { getWorkerImportStatus, startWorkerImportUpload, sweepStaleImports } from './worker-import-jobs.ts';
import { writeWorkerImportTemplate } from './worker-import-template.ts';
import {
  getWorker,
  listWorkerPage,
  registerWorker,
  resolveWorkerDuplicate,
  revealWorkerField,
  updateWorker,
} from './workers.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['workers'];

/**
 * `/api/workers`: thin handlers — schema, permission, one service call. The plugin owns this
 * instance's import jobs: it sweeps imports abandoned by a dead process when the app is ready and
 * aborts its running ones when the app closes.
 */
export function workerRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const runner = new ImportJobRunner((id, error) =>
      app.log.error({ err: error, importId: id }, 'worker import failed'),
    );
    app.addHook('onReady', async () => {
      await sweepStaleImports(deps, runner);
    });
    app.addHook('onClose', async () => {
      await runner.close();
    });

    app.get(
      '/api/workers',
      {
        config: { access: Permission.WorkerRead },
        schema: {
          tags,
          summary: 'List workers (scoped, filtered, sorted, paginated; ID numbers and phones masked)',
          querystring: workerListQuery,
          response: { 200: workerPage },
        },
      },
      (request) => listWorkerPage(deps, contextOf(request).actor, request.query),
    );

    app.post(
      '/api/workers',
      {
        config: { access: Permission.WorkerWrite },
        schema: {
          tags,
          summary:
            'Register a worker (201 created; 200 when the ID number is already registered: channel linked)',
          body: workerCreateBody,
          response: { 200: workerRegisterReply, 201: workerRegisterReply },
        },
      },
      async (request, reply) => {
        const outcome = await registerWorker(deps, contextOf(request), request.body);
        return reply.status(outcome.status).send(outcome.reply);
      },
    );

    app.get(
      '/api/workers/import/template',
      {
        config: { access: Permission.WorkerImport },
        schema: { tags, summary: 'The .xlsx template of a worker list' },
      },
      async (_request, reply) => {
        reply.type(XLSX).header('content-disposition', 'attachment; filename="worker-import-template.xlsx"');
        return reply.send(await writeWorkerImportTemplate());
      },
    );

    app.post(
      '/api/workers/import',
      {
        config: { access: Permission.WorkerImport },
        schema: {
          tags,
          summary:
            'Import a worker list (.xlsx/.csv, multipart field "file"): a job; poll its status while running',
          querystring: workerImportQuery,
          consumes: ['multipart/form-data'],
          response: { 202: workerImportStatus },
        },
      },
      async (request, reply) => {
        const file = await request.file({
          limits: { fileSize: WORKER_IMPORT_LIMITS.maxBytes, files: 1, fields: 5 },
        });
        if (!file) throw new AppError('unsupported_file');
        const status = await startWorkerImportUpload(deps, runner, contextOf(request), {
          filename: file.filename,
          stream: file.file,
          mode: request.query.mode,
          ...(request.query.districtCode ? { districtCode: request.query.districtCode } : {}),
        });
        return reply.status(202).send(status);
      },
    );

    app.get(
      '/api/workers/import/:id',
      {
        config: { access: Permission.WorkerImport },
        schema: {
          tags,
          summary: 'Status of a worker import (its importer or an administrator)',
          params: idParam,
          response: { 200: workerImportStatus },
        },
      },
      (request) => getWorkerImportStatus(deps, runner, contextOf(request), request.params.id),
    );

    app.post(
      '/api/workers/duplicate-flags/:id/resolve',
      {
        config: { access: Permission.WorkerWrite },
        schema: {
          tags,
          summary: 'Resolve a possible duplicate (same name and phone, different ID): dismissed or confirmed',
          params: idParam,
          body: duplicateFlagResolveBody,
          response: { 200: duplicateFlagSchema },
        },
      },
      (request) => resolveWorkerDuplicate(deps, contextOf(request), request.params.id, request.body.status),
    );

    app.get(
      '/api/workers/:id',
      {
        config: { access: Permission.WorkerRead },
        schema: {
          tags,
          summary: 'One worker, with channels and possible duplicates',
          params: idParam,
          response: { 200: workerSchema },
        },
      },
      (request) => getWorker(deps, contextOf(request).actor, request.params.id),
    );

    app.patch(
      '/api/workers/:id',
      {
        config: { access: Permission.WorkerWrite },
        schema: {
          tags,
          summary: 'Update a worker (send the version you loaded)',
          params: idParam,
          body: workerUpdateBody,
          response: { 200: workerSchema },
        },
      },
      (request) => updateWorker(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/workers/:id/reveal',
      {
        config: { access: Permission.PiiReveal },
        schema: {
          tags,
          summary: 'Reveal a worker’s full ID number or phone (audited)',
          params: idParam,
          body: revealFieldBody,
          response: { 200: revealFieldReply },
        },
      },
      (request) => revealWorkerField(deps, contextOf(request), request.params.id, request.body.field),
    );
  };
}
