import {
  applicationBulkMoveBody,
  applicationCreateBody,
  applicationListQuery,
  applicationMoveBody,
  applicationPage,
  applicationSchema,
  bulkMoveReply,
  bulkRecommendBody,
  bulkRecommendReply,
  idParam,
  okSchema,
  Permission,
  placementListQuery,
  placementPage,
  retentionBody,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import {
  createApplication,
  createApplications,
  getApplication,
  listApplicationPage,
  moveApplication,
  moveApplications,
} from './applications.service.ts';
import { listPlacementPage, recordRetention } from './placements.service.ts';

/** `/api/applications` (the pipeline) and `/api/placements` (hires and retention). */
export function applicationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/applications',
      {
        config: { access: Permission.ApplicationRead },
        schema: {
          tags: ['applications'],
          summary: 'Applications (scoped; filter by order, worker, status)',
          querystring: applicationListQuery,
          response: { 200: applicationPage },
        },
      },
      (request) => {
        const { page, pageSize, ...filter } = request.query;
        return listApplicationPage(deps, contextOf(request).actor, filter, { page, pageSize });
      },
    );
    app.post(
      '/api/applications',
      {
        config: { access: Permission.ApplicationCreate },
        schema: {
          tags: ['applications'],
          summary: 'Recommend (推介) or apply',
          body: applicationCreateBody,
          response: { 201: applicationSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApplication(deps, contextOf(request), request.body)),
    );
    app.post(
      '/api/applications/bulk',
      {
        config: { access: Permission.ApplicationCreate },
        schema: {
          tags: ['applications'],
          summary: 'Recommend (推介) many pairs at once; a result per pair',
          body: bulkRecommendBody,
          response: { 200: bulkRecommendReply },
        },
      },
      (request) => createApplications(deps, contextOf(request), request.body),
    );
    app.get(
      '/api/applications/:id',
      {
        config: { access: Permission.ApplicationRead },
        schema: {
          tags: ['applications'],
          summary: 'One application with its history',
          params: idParam,
          response: { 200: applicationSchema },
        },
      },
      (request) => getApplication(deps, contextOf(request).actor, request.params.id),
    );
    app.post(
      '/api/applications/:id/move',
      // Access is the read permission: a worker may withdraw their own application; what each
      // account may do to a given application is decided per record by allowedMoves.
      {
        config: { access: Permission.ApplicationRead },
        schema: {
          tags: ['applications'],
          summary: 'Move to another state (rules in APPLICATION_TRANSITIONS)',
          params: idParam,
          body: applicationMoveBody,
          response: { 200: applicationSchema },
        },
      },
      (request) => moveApplication(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/applications/bulk-move',
      {
        config: { access: Permission.ApplicationMove },
        schema: {
          tags: ['applications'],
          summary: 'Move many (each on its own; a result per id)',
          body: applicationBulkMoveBody,
          response: { 200: bulkMoveReply },
        },
      },
      (request) => moveApplications(deps, contextOf(request), request.body),
    );
    app.get(
      '/api/placements',
      {
        config: { access: Permission.PlacementRead },
        schema: {
          tags: ['placements'],
          summary: 'Placements (到岗) with retention',
          querystring: placementListQuery,
          response: { 200: placementPage },
        },
      },
      (request) => {
        const { page, pageSize, ...filter } = request.query;
        return listPlacementPage(deps, contextOf(request).actor, filter, { page, pageSize });
      },
    );
    app.post(
      '/api/placements/:id/retention',
      {
        config: { access: Permission.PlacementConfirm },
        schema: {
          tags: ['placements'],
          summary: 'Confirm retention at 30 or 90 days (version = the application’s)',
          params: idParam,
          body: retentionBody,
          response: { 200: okSchema },
        },
      },
      (request) => recordRetention(deps, contextOf(request), request.params.id, request.body),
    );
  };
}
