import {
  channelKpiQuery,
  channelKpiReport,
  channelRecordPage,
  channelRecordsQuery,
  Permission,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { exportChannelReport } from './kpis.export.ts';
import { getChannelReport, listChannelRecords } from './kpis.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tags = ['kpis'];

/** `/api/kpis/*`: statistics computed from the records (channel effectiveness first). */
export function kpiRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/kpis/channels',
      {
        config: { access: Permission.KpiRead },
        schema: {
          tags,
          summary:
            'Channel effectiveness: per base, school, programme, campaign, agency and channel kind — supplied, applications, hires, 30/90-day retention',
          querystring: channelKpiQuery,
          response: { 200: channelKpiReport },
        },
      },
      (request) => getChannelReport(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/kpis/channels/export',
      {
        config: { access: Permission.KpiRead },
        schema: { tags, summary: 'The channel report as .xlsx (same query)', querystring: channelKpiQuery },
      },
      async (request, reply) => {
        const body = await exportChannelReport(deps, contextOf(request), request.query);
        const filename = `channels-${new Date().toISOString().slice(0, 10)}.xlsx`;
        reply.type(XLSX).header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(body);
      },
    );
    app.get(
      '/api/kpis/channels/records',
      {
        config: { access: Permission.KpiRead },
        schema: {
          tags,
          summary: 'The records behind one figure of the channel report (needs worker.read too)',
          querystring: channelRecordsQuery,
          response: { 200: channelRecordPage },
        },
      },
      (request) => listChannelRecords(deps, contextOf(request).actor, request.query),
    );
  };
}
