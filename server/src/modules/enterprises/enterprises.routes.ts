import {
  deactivateBody,
  enterpriseCreateBody,
  enterpriseListQuery,
  enterprisePage,
  enterpriseSchema,
  enterpriseUpdateBody,
  idParam,
  importQuery,
  importResult,
  Permission,
  revealReply,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { exportEnterprises, writeImportTemplate } from './enterprises.export.ts';
import {
  createEnterprise,
  getEnterprise,
  listEnterprisePage,
  revealContactPhone,
  setEnterpriseActive,
  updateEnterprise,
} from './enterprises.service.ts';
import { importEnterprises } from './import-enterprises.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['enterprises'];

/** `/api/enterprises`: thin handlers — schema, permission, one service call. */
export function enterpriseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/enterprises',
      {
        config: { access: Permission.EnterpriseRead },
        schema: {
          tags,
          summary: 'List enterprises (scoped, filtered, sorted, paginated)',
          querystring: enterpriseListQuery,
          response: { 200: enterprisePage },
        },
      },
      (request) => listEnterprisePage(deps, contextOf(request).actor, request.query),
    );

    app.post(
      '/api/enterprises',
      {
        config: { access: Permission.EnterpriseCreate },
        schema: {
          tags,
          summary: 'Register an enterprise',
          body: enterpriseCreateBody,
          response: { 201: enterpriseSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createEnterprise(deps, contextOf(request), request.body)),
    );

    app.get(
      '/api/enterprises/export',
      {
        config: { access: Permission.EnterpriseExport },
        schema: { tags, summary: 'Export the filtered list to .xlsx', querystring: enterpriseListQuery },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const filename = `enterprises-${new Date().toISOString().slice(0, 10)}.xlsx`;
        reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(await exportEnterprises(deps, ctx, request.query));
      },
    );

    app.get(
      '/api/enterprises/import/template',
      {
        config: { access: Permission.EnterpriseImport },
        schema: { tags, summary: 'The .xlsx import template' },
      },
      async (_request, reply) => {
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="enterprise-import-template.xlsx"');
        return reply.send(await writeImportTemplate(deps));
      },
    );

    app.post(
      '/api/enterprises/import',
      {
        config: { access: Permission.EnterpriseImport },
        schema: {
          tags,
          summary: 'Import enterprises from .xlsx or .csv (multipart field "file")',
          querystring: importQuery,
          consumes: ['multipart/form-data'],
          response: { 200: importResult },
        },
      },
      async (request) => {
        const file = await request.file();
        if (!file) throw new AppError('unsupported_file');
        const buffer = await file.toBuffer();
        return importEnterprises(deps, contextOf(request), {
          filename: file.filename,
          content: buffer,
          mode: request.query.mode,
        });
      },
    );

    app.get(
      '/api/enterprises/:id',
      {
        config: { access: Permission.EnterpriseRead },
        schema: { tags, summary: 'One enterprise', params: idParam, response: { 200: enterpriseSchema } },
      },
      (request) => getEnterprise(deps, contextOf(request).actor, request.params.id),
    );

    app.patch(
      '/api/enterprises/:id',
      {
        config: { access: Permission.EnterpriseUpdate },
        schema: {
          tags,
          summary: 'Update an enterprise (send the version you loaded)',
          params: idParam,
          body: enterpriseUpdateBody,
          response: { 200: enterpriseSchema },
        },
      },
      (request) => updateEnterprise(deps, contextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/enterprises/:id/deactivate',
      {
        config: { access: Permission.EnterpriseDeactivate },
        schema: {
          tags,
          summary: 'Deactivate an enterprise',
          params: idParam,
          body: deactivateBody,
          response: { 200: enterpriseSchema },
        },
      },
      (request) =>
        setEnterpriseActive(deps, contextOf(request), request.params.id, {
          active: false,
          reason: request.body.reason,
          version: request.body.version,
        }),
    );

    app.post(
      '/api/enterprises/:id/reactivate',
      {
        config: { access: Permission.EnterpriseDeactivate },
        schema: {
          tags,
          summary: 'Reactivate an enterprise',
          params: idParam,
          body: z.object({ version: z.number().int().min(1) }),
          response: { 200: enterpriseSchema },
        },
      },
      (request) =>
        setEnterpriseActive(deps, contextOf(request), request.params.id, {
          active: true,
          reason: null,
          version: request.body.version,
        }),
    );

    app.post(
      '/api/enterprises/:id/contacts/:contactId/reveal',
      {
        config: { access: Permission.PiiReveal },
        schema: {
          tags,
          summary: 'Reveal a contact’s full phone (audited)',
          params: z.object({ id: z.uuid(), contactId: z.uuid() }),
          response: { 200: revealReply },
        },
      },
      (request) => revealContactPhone(deps, contextOf(request), request.params.id, request.params.contactId),
    );
  };
}
