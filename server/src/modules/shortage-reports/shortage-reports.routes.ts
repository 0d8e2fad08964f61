import {
  caseSettingsSchema,
  caseSettingsUpdateBody,
  idParam,
  Permission,
  shortageReportCreateBody,
  shortageReportListQuery,
  shortageReportPage,
  shortageReportSchema,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import {
  changeCaseSettings,
  getCaseSettings,
  getShortageReport,
  listShortageReportPage,
  reportShortage,
} from './shortage-reports.service.ts';

/** Urgent shortage reports (缺工报告): `/api/shortage-reports[/:id]` and the automatic-case threshold. */
export function shortageReportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    app.get(
      '/api/shortage-reports',
      {
        config: { access: Permission.MonitoringRead },
        schema: {
          tags,
          summary: 'Urgent shortage reports in scope, newest first',
          querystring: shortageReportListQuery,
          response: { 200: shortageReportPage },
        },
      },
      (request) => listShortageReportPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/shortage-reports',
      {
        config: { access: Permission.MonitoringReport },
        schema: {
          tags,
          summary:
            'Report an urgent shortage: links or creates job orders; at the threshold opens a case (Idempotency-Key honoured)',
          body: shortageReportCreateBody,
          response: { 201: shortageReportSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await reportShortage(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/shortage-reports/settings',
      {
        config: { access: Permission.MonitoringRead },
        schema: { tags, summary: 'The automatic-case threshold', response: { 200: caseSettingsSchema } },
      },
      () => getCaseSettings(deps),
    );
    app.put(
      '/api/shortage-reports/settings',
      {
        config: { access: Permission.MonitoringSettings },
        schema: {
          tags,
          summary: 'Change the automatic-case threshold',
          body: caseSettingsUpdateBody,
          response: { 200: caseSettingsSchema },
        },
      },
      (request) => changeCaseSettings(deps, contextOf(request), request.body),
    );
    app.get(
      '/api/shortage-reports/:id',
      {
        config: { access: Permission.MonitoringRead },
        schema: {
          tags,
          summary: 'One urgent shortage report',
          params: idParam,
          response: { 200: shortageReportSchema },
        },
      },
      (request) => getShortageReport(deps, contextOf(request).actor, request.params.id),
    );
  };
}
