import {
  agencyActionBody,
  agencyCreateBody,
  agencyListQuery,
  agencyPage,
  agencyRegisterBody,
  agencySchema,
  agencyUpdateBody,
  idParam,
  Permission,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import {
  actOnAgency,
  createAgency,
  getAgency,
  listAgencyPage,
  registerAgency,
  updateAgency,
} from './agencies.service.ts';

const tags = ['agencies'];

/** `/api/agencies` (人力资源服务机构). */
export function agencyRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/agencies',
      {
        config: { access: Permission.AgencyRead },
        schema: {
          tags,
          summary: 'Agencies (scoped: officers all, enterprises approved ones, agency staff their own)',
          querystring: agencyListQuery,
          response: { 200: agencyPage },
        },
      },
      (request) => listAgencyPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/agencies',
      {
        config: { access: Permission.AgencyCreate },
        schema: {
          tags,
          summary: 'Register an agency on its behalf (pending until approved)',
          body: agencyCreateBody,
          response: { 201: agencySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createAgency(deps, contextOf(request), request.body)),
    );
    app.post(
      '/api/agencies/register',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'An agency applies (public): the agency and its first staff account, pending approval',
          body: agencyRegisterBody,
          response: {
            201: z.object({ id: z.uuid(), status: z.literal('pending'), username: z.string() }),
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await registerAgency(deps, { requestId: request.id, ip: request.ip ?? null }, request.body)),
    );
    app.get(
      '/api/agencies/:id',
      {
        config: { access: Permission.AgencyRead },
        schema: {
          tags,
          summary: 'One agency: profile, rating, activity',
          params: idParam,
          response: { 200: agencySchema },
        },
      },
      (request) => getAgency(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/agencies/:id',
      {
        config: { access: Permission.AgencyUpdate },
        schema: {
          tags,
          summary: 'Edit the profile (its staff or an officer; alliance by officers only)',
          params: idParam,
          body: agencyUpdateBody,
          response: { 200: agencySchema },
        },
      },
      (request) => updateAgency(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/agencies/:id/actions',
      {
        config: { access: Permission.AgencyApprove },
        schema: {
          tags,
          summary: 'approve | reject | suspend | reinstate (reject and suspend need a reason)',
          params: idParam,
          body: agencyActionBody,
          response: { 200: agencySchema },
        },
      },
      (request) => actOnAgency(deps, contextOf(request), request.params.id, request.body),
    );
  };
}
