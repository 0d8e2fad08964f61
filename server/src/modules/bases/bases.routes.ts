import {
  BASE_LIMITS,
  baseCreateBody,
  baseEventCreateBody,
  baseEventList,
  baseEventParams,
  baseEventSchema,
  baseEventUpdateBody,
  baseListQuery,
  basePage,
  baseSchema,
  baseUpdateBody,
  baseWorkerPage,
  baseWorkerQuery,
  idParam,
  Permission,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { exportBases } from './bases.export.ts';
import {
  createBase,
  createBaseEvent,
  downloadAgreement,
  getBase,
  listBaseEvents,
  listBasePage,
  listWorkersOfBase,
  updateBase,
  updateBaseEvent,
  uploadAgreement,
} from './bases.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['bases'];

/** `/api/bases` (劳务合作基地 and kin), their 劳务对接 events, agreement scans and workers. */
export function baseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/bases',
      {
        config: { access: Permission.BaseRead },
        schema: {
          tags,
          summary: 'Labour bases (bureau staff: all; base staff: their own), filtered, sorted, paginated',
          querystring: baseListQuery,
          response: { 200: basePage },
        },
      },
      (request) => listBasePage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/bases/export',
      {
        config: { access: Permission.BaseRead },
        schema: { tags, summary: 'Export the filtered list to .xlsx (audited)', querystring: baseListQuery },
      },
      async (request, reply) => {
        const filename = `bases-${new Date().toISOString().slice(0, 10)}.xlsx`;
        reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(await exportBases(deps, contextOf(request), request.query));
      },
    );
    app.post(
      '/api/bases',
      {
        config: { access: Permission.BaseWrite },
        schema: { tags, summary: 'Register a base', body: baseCreateBody, response: { 201: baseSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await createBase(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/bases/:id',
      {
        config: { access: Permission.BaseRead },
        schema: {
          tags,
          summary: 'One base with what it delivered this year (from placements credited to it)',
          params: idParam,
          response: { 200: baseSchema },
        },
      },
      (request) => getBase(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/bases/:id',
      {
        config: { access: Permission.BaseWrite },
        schema: {
          tags,
          summary: 'Edit a base (send the version you loaded)',
          params: idParam,
          body: baseUpdateBody,
          response: { 200: baseSchema },
        },
      },
      (request) => updateBase(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/bases/:id/agreement',
      {
        config: { access: Permission.BaseWrite },
        schema: {
          tags,
          summary: `Upload the agreement scan (PDF/JPG/PNG up to ${BASE_LIMITS.agreementMaxBytes / 1024 / 1024} MB, multipart field "file")`,
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 200: baseSchema },
        },
      },
      async (request) => {
        const file = await request.file({
          limits: { fileSize: BASE_LIMITS.agreementMaxBytes, files: 1, fields: 2 },
        });
        if (!file) throw new AppError('unsupported_file', { messageKey: 'base.file_type' });
        let content: Buffer;
        try {
          content = await file.toBuffer();
        } catch (error) {
          if (
            typeof error === 'object' &&
            error !== null &&
            'code' in error &&
            error.code === 'FST_REQ_FILE_TOO_LARGE'
          )
            return uploadAgreement(deps, contextOf(request), request.params.id, {
              filename: file.filename,
              content: Buffer.alloc(0),
              truncated: true,
            });
          throw error;
        }
        return uploadAgreement(deps, contextOf(request), request.params.id, {
          filename: file.filename,
          content,
          truncated: file.file.truncated,
        });
      },
    );
    app.get(
      '/api/bases/:id/agreement',
      {
        config: { access: Permission.BaseRead },
        schema: { tags, summary: 'Download the agreement scan (audited)', params: idParam },
      },
      async (request, reply) => {
        const file = await downloadAgreement(deps, contextOf(request), request.params.id);
        reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .header('x-content-type-options', 'nosniff');
        return reply.send(file.content);
      },
    );
    app.get(
      '/api/bases/:id/workers',
      {
        config: { access: Permission.BaseRead },
        schema: {
          tags,
          summary: 'Workers who arrived through the base (those the caller may see)',
          params: idParam,
          querystring: baseWorkerQuery,
          response: { 200: baseWorkerPage },
        },
      },
      (request) => listWorkersOfBase(deps, contextOf(request).actor, request.params.id, request.query),
    );
    app.get(
      '/api/bases/:id/events',
      {
        config: { access: Permission.BaseRead },
        schema: {
          tags,
          summary: '劳务对接 events of a base, latest first',
          params: idParam,
          response: { 200: baseEventList },
        },
      },
      (request) => listBaseEvents(deps, contextOf(request).actor, request.params.id),
    );
    app.post(
      '/api/bases/:id/events',
      {
        config: { access: Permission.BaseWrite },
        schema: {
          tags,
          summary: 'Record a 劳务对接 event: date, place, kind, attending enterprises, workers who signed up',
          params: idParam,
          body: baseEventCreateBody,
          response: { 201: baseEventSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createBaseEvent(deps, contextOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/bases/:id/events/:eventId',
      {
        config: { access: Permission.BaseWrite },
        schema: {
          tags,
          summary: 'Edit a 劳务对接 event (named lists replace the event’s lists)',
          params: baseEventParams,
          body: baseEventUpdateBody,
          response: { 200: baseEventSchema },
        },
      },
      (request) =>
        updateBaseEvent(deps, contextOf(request), request.params.id, request.params.eventId, request.body),
    );
  };
}
