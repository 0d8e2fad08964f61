import {
  caseActionCreateBody,
  caseActionListQuery,
  caseActionPage,
  caseActionParams,
  caseActionUpdateBody,
  caseCreateBody,
  caseDetailSchema,
  caseJobOrderLinkBody,
  caseJobOrderParams,
  caseListQuery,
  casePage,
  caseStatusBody,
  caseUpdateBody,
  idParam,
  Permission,
  visitCreateBody,
  visitCreateReply,
  visitListQuery,
  visitPage,
  visitStatsQuery,
  visitStatsReply,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { exportCases, exportVisits } from './cases.export.ts';
import {
  addCaseAction,
  changeCaseStatus,
  createCase,
  getCase,
  linkCaseOrder,
  listCaseActionPage,
  listCasePage,
  unlinkCaseOrder,
  updateCase,
  updateCaseAction,
} from './cases.service.ts';
import { getVisitStats, listVisitPage, logVisits } from './visits.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 一企一策: `/api/cases[/:id]` (status, actions, linked orders), `/api/case-actions` (across
 * cases: the overdue list), `/api/visits` (走访/电话/座谈, one note to many enterprises) and
 * `/api/visits/stats`; `/api/cases/export` and `/api/visits/export` (.xlsx).
 */
export function caseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    app.get(
      '/api/cases',
      {
        config: { access: Permission.CaseRead },
        schema: {
          tags,
          summary: 'Service cases in scope, with resolved headcount and overdue actions',
          querystring: caseListQuery,
          response: { 200: casePage },
        },
      },
      (request) => listCasePage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/cases',
      {
        config: { access: Permission.CaseWrite },
        schema: {
          tags,
          summary: 'Open a case (owner defaults to the enterprise’s liaison) with its first plan',
          body: caseCreateBody,
          response: { 201: caseDetailSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCase(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/cases/export',
      {
        config: { access: Permission.CaseRead },
        schema: {
          tags,
          summary: 'The filtered case list as .xlsx (streamed, audited)',
          querystring: caseListQuery,
        },
      },
      async (request, reply) => {
        const filename = `cases-${new Date().toISOString().slice(0, 10)}.xlsx`;
        reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(await exportCases(deps, contextOf(request), request.query));
      },
    );
    app.get(
      '/api/cases/:id',
      {
        config: { access: Permission.CaseRead },
        schema: {
          tags,
          summary: 'One case: plan, linked orders, resolved headcount, recent visits',
          params: idParam,
          response: { 200: caseDetailSchema },
        },
      },
      (request) => getCase(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/cases/:id',
      {
        config: { access: Permission.CaseWrite },
        schema: {
          tags,
          summary: 'Edit title, category, problem or owner (versioned)',
          params: idParam,
          body: caseUpdateBody,
          response: { 200: caseDetailSchema },
        },
      },
      (request) => updateCase(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/status',
      {
        config: { access: Permission.CaseWrite },
        schema: {
          tags,
          summary: 'Move the case: in_progress, resolved, cancelled (with a reason), or reopen',
          params: idParam,
          body: caseStatusBody,
          response: { 200: caseDetailSchema },
        },
      },
      (request) => changeCaseStatus(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/actions',
      {
        config: { access: Permission.CaseWrite },
        schema: {
          tags,
          summary: 'Add an action to the plan',
          params: idParam,
          body: caseActionCreateBody,
          response: { 201: caseDetailSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addCaseAction(deps, contextOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/cases/:id/actions/:actionId',
      {
        config: { access: Permission.CaseWrite },
        schema: {
          tags,
          summary: 'Change an action (mark done, reschedule, reassign; versioned)',
          params: caseActionParams,
          body: caseActionUpdateBody,
          response: { 200: caseDetailSchema },
        },
      },
      (request) =>
        updateCaseAction(deps, contextOf(request), request.params.id, request.params.actionId, request.body),
    );
    app.post(
      '/api/cases/:id/job-orders',
      {
        config: { access: Permission.CaseWrite },
        schema: {
          tags,
          summary: 'Link a job order of the enterprise to the case',
          params: idParam,
          body: caseJobOrderLinkBody,
          response: { 200: caseDetailSchema },
        },
      },
      (request) => linkCaseOrder(deps, contextOf(request), request.params.id, request.body.jobOrderId),
    );
    app.delete(
      '/api/cases/:id/job-orders/:jobOrderId',
      {
        config: { access: Permission.CaseWrite },
        schema: {
          tags,
          summary: 'Unlink a job order from the case',
          params: caseJobOrderParams,
          response: { 200: caseDetailSchema },
        },
      },
      (request) => unlinkCaseOrder(deps, contextOf(request), request.params.id, request.params.jobOrderId),
    );
    app.get(
      '/api/case-actions',
      {
        config: { access: Permission.CaseRead },
        schema: {
          tags,
          summary: 'Actions of open cases in scope (owner=me&overdue=true: the liaison’s overdue list)',
          querystring: caseActionListQuery,
          response: { 200: caseActionPage },
        },
      },
      (request) => listCaseActionPage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/visits',
      {
        config: { access: Permission.CaseRead },
        schema: {
          tags,
          summary: 'Visits and consultations in scope (enterprise HR: none)',
          querystring: visitListQuery,
          response: { 200: visitPage },
        },
      },
      (request) => listVisitPage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/visits/export',
      {
        config: { access: Permission.CaseRead },
        schema: {
          tags,
          summary: 'The filtered visit log as .xlsx (streamed, audited)',
          querystring: visitListQuery,
        },
      },
      async (request, reply) => {
        const filename = `visits-${new Date().toISOString().slice(0, 10)}.xlsx`;
        reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(await exportVisits(deps, contextOf(request), request.query));
      },
    );
    app.post(
      '/api/visits',
      {
        config: { access: Permission.VisitWrite },
        schema: {
          tags,
          summary: 'Log a visit, call or meeting with one or many enterprises (Idempotency-Key honoured)',
          body: visitCreateBody,
          response: { 201: visitCreateReply },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await logVisits(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/visits/stats',
      {
        config: { access: Permission.CaseRead },
        schema: {
          tags,
          summary: 'Visit counts and enterprises served per liaison or district',
          querystring: visitStatsQuery,
          response: { 200: visitStatsReply },
        },
      },
      (request) => getVisitStats(deps, contextOf(request).actor, request.query),
    );
  };
}
