import {
  agreementCreateBody,
  agreementListQuery,
  agreementPage,
  agreementSchema,
  agreementSummaryQuery,
  agreementSummarySchema,
  agreementUpdateBody,
  idParam,
  Permission,
  schoolCreateBody,
  schoolListQuery,
  schoolPage,
  schoolSchema,
  schoolUpdateBody,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import {
  createAgreement,
  getAgreement,
  listAgreementPage,
  summarizeAgreementPeriod,
  updateAgreement,
} from './agreements.service.ts';
import { exportSchools } from './schools.export.ts';
import { createSchool, getSchool, listSchoolPage, updateSchool } from './schools.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['schools'];

/** `/api/schools` (院校) and `/api/school-agreements` (校企合作协议). */
export function schoolRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/schools',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags,
          summary: 'Schools (officers and enterprises: the register; school staff: their own)',
          querystring: schoolListQuery,
          response: { 200: schoolPage },
        },
      },
      (request) => listSchoolPage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/schools/export',
      {
        config: { access: Permission.SchoolRead },
        schema: { tags, summary: 'Export the filtered school list to .xlsx', querystring: schoolListQuery },
      },
      async (request, reply) => {
        const filename = `schools-${new Date().toISOString().slice(0, 10)}.xlsx`;
        reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(await exportSchools(deps, contextOf(request), request.query));
      },
    );
    app.post(
      '/api/schools',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'Register a school (officers)',
          body: schoolCreateBody,
          response: { 201: schoolSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createSchool(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/schools/:id',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags,
          summary: 'One school with majors, graduates, contacts',
          params: idParam,
          response: { 200: schoolSchema },
        },
      },
      (request) => getSchool(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/schools/:id',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'Edit a school (officers: all; its staff: majors, contacts, address, notes)',
          params: idParam,
          body: schoolUpdateBody,
          response: { 200: schoolSchema },
        },
      },
      (request) => updateSchool(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/schools/:id/agreements',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'Record a cooperation agreement of this school with an enterprise (officers)',
          params: idParam,
          body: agreementCreateBody,
          response: { 201: agreementSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createAgreement(deps, contextOf(request), request.params.id, request.body)),
    );
    app.get(
      '/api/school-agreements',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags,
          summary: 'Cooperation agreements (scoped; filter by school, enterprise, status, signing period)',
          querystring: agreementListQuery,
          response: { 200: agreementPage },
        },
      },
      (request) => listAgreementPage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/school-agreements/summary',
      {
        config: { access: Permission.SchoolRead },
        schema: {
          tags,
          summary: 'New agreements, new partner schools and new school–enterprise pairs signed in a period',
          querystring: agreementSummaryQuery,
          response: { 200: agreementSummarySchema },
        },
      },
      (request) => summarizeAgreementPeriod(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/school-agreements/:id',
      {
        config: { access: Permission.SchoolRead },
        schema: { tags, summary: 'One agreement', params: idParam, response: { 200: agreementSchema } },
      },
      (request) => getAgreement(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/school-agreements/:id',
      {
        config: { access: Permission.SchoolWrite },
        schema: {
          tags,
          summary: 'Edit or renew an agreement (officers of the enterprise’s district)',
          params: idParam,
          body: agreementUpdateBody,
          response: { 200: agreementSchema },
        },
      },
      (request) => updateAgreement(deps, contextOf(request), request.params.id, request.body),
    );
  };
}
