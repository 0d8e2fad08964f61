import {
  idParam,
  jobOrderActionBody,
  jobOrderCreateBody,
  jobOrderListQuery,
  jobOrderPage,
  jobOrderSchema,
  jobOrderUpdateBody,
  Permission,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import {
  actOnJobOrder,
  createJobOrder,
  getJobOrder,
  listJobOrderPage,
  updateJobOrder,
} from './job-orders.service.ts';

const tags = ['job-orders'];

/** `/api/job-orders` (用工需求). */
export function jobOrderRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/job-orders',
      {
        config: { access: Permission.JobOrderRead },
        schema: {
          tags,
          summary: 'List job orders (scoped, filtered)',
          querystring: jobOrderListQuery,
          response: { 200: jobOrderPage },
        },
      },
      (request) => listJobOrderPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/job-orders',
      {
        config: { access: Permission.JobOrderWrite },
        schema: {
          tags,
          summary: 'Post a job order (publish or draft)',
          body: jobOrderCreateBody,
          response: { 201: jobOrderSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createJobOrder(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/job-orders/:id',
      {
        config: { access: Permission.JobOrderRead },
        schema: {
          tags,
          summary: 'One job order with its pipeline summary',
          params: idParam,
          response: { 200: jobOrderSchema },
        },
      },
      (request) => getJobOrder(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/job-orders/:id',
      {
        config: { access: Permission.JobOrderWrite },
        schema: {
          tags,
          summary: 'Edit a draft or open order',
          params: idParam,
          body: jobOrderUpdateBody,
          response: { 200: jobOrderSchema },
        },
      },
      (request) => updateJobOrder(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/job-orders/:id/actions',
      {
        config: { access: Permission.JobOrderWrite },
        schema: {
          tags,
          summary: 'publish | close (with reason) | reopen',
          params: idParam,
          body: jobOrderActionBody,
          response: { 200: jobOrderSchema },
        },
      },
      (request) => actOnJobOrder(deps, contextOf(request), request.params.id, request.body),
    );
  };
}
