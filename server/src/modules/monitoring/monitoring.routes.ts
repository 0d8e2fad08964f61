import {
  alertsQuery,
  alertsResponse,
  enterpriseHistoryQuery,
  enterpriseHistoryResponse,
  enterpriseIdParam,
  idParam,
  lateQuery,
  lateResponse,
  mapQuery,
  mapResponse,
  marketSnapshotBody,
  marketSnapshotResponse,
  monitoredPage,
  monitoredQuery,
  monitoringReportPage,
  monitoringReportSchema,
  monitoringSettingsSchema,
  okSchema,
  Permission,
  reportCreateBody,
  reportImportResult,
  reportListQuery,
  reportUpdateBody,
  sampleBody,
  trendsQuery,
  trendsResponse,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { loadBoundaries } from './monitoring.boundaries.ts';
import { exportMap, exportReports, importReports, writeReportTemplate } from './monitoring.excel.ts';
import {
  captureMarketSnapshot,
  createReport,
  defaultMonth,
  getAlerts,
  getEnterpriseHistory,
  getLateList,
  getMap,
  getReport,
  getTrends,
  listMonitoredPage,
  listReportPage,
  setSample,
  updateReport,
} from './monitoring.service.ts';
import { loadMonitoringSettings, saveMonitoringSettings } from './monitoring.settings.ts';

const tags = ['monitoring'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `/api/monitoring/*`: headcount reports, the three-colour map, late list, alerts, trends. */
export function monitoringRoutes(
  deps: Deps,
  options: { mapGeoJsonFile: string | null },
): FastifyPluginAsyncZod {
  return async (app) => {
    const read = { access: Permission.MonitoringRead } as const;
    const report = { access: Permission.MonitoringReport } as const;

    app.get(
      '/api/monitoring/reports',
      {
        config: read,
        schema: {
          tags,
          summary: 'Headcount reports (scoped)',
          querystring: reportListQuery,
          response: { 200: monitoringReportPage },
        },
      },
      (request) => listReportPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/monitoring/reports',
      {
        config: report,
        schema: {
          tags,
          summary:
            'Enter a month’s report; a reconciliation mismatch answers 409 until `confirmReconciliation`',
          body: reportCreateBody,
          response: { 201: monitoringReportSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createReport(deps, contextOf(request), request.body)),
    );
    app.get(
      '/api/monitoring/reports/export',
      {
        config: read,
        schema: { tags, summary: 'The filtered reports as .xlsx', querystring: reportListQuery },
      },
      async (request, reply) => {
        reply.type(XLSX).header('content-disposition', 'attachment; filename="monitoring-reports.xlsx"');
        return reply.send(await exportReports(deps, contextOf(request), request.query));
      },
    );
    app.get(
      '/api/monitoring/reports/import/template',
      { config: report, schema: { tags, summary: 'The .xlsx import template' } },
      async (_request, reply) => {
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="monitoring-report-template.xlsx"');
        return reply.send(await writeReportTemplate());
      },
    );
    app.post(
      '/api/monitoring/reports/import',
      {
        config: report,
        schema: {
          tags,
          summary: 'Import reports from .xlsx/.csv (multipart "file"); all rows or none',
          consumes: ['multipart/form-data'],
          response: { 200: reportImportResult },
        },
      },
      async (request) => {
        const file = await request.file();
        if (!file) throw new AppError('unsupported_file');
        return importReports(deps, contextOf(request), {
          filename: file.filename,
          content: await file.toBuffer(),
        });
      },
    );
    app.get(
      '/api/monitoring/reports/:id',
      {
        config: read,
        schema: { tags, summary: 'One report', params: idParam, response: { 200: monitoringReportSchema } },
      },
      (request) => getReport(deps, contextOf(request).actor, request.params.id),
    );
    app.patch(
      '/api/monitoring/reports/:id',
      {
        config: report,
        schema: {
          tags,
          summary: 'Correct a report (optimistic version)',
          params: idParam,
          body: reportUpdateBody,
          response: { 200: monitoringReportSchema },
        },
      },
      (request) => updateReport(deps, contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/monitoring/settings',
      {
        config: read,
        schema: {
          tags,
          summary: 'Reporting window and colour thresholds',
          response: { 200: monitoringSettingsSchema },
        },
      },
      async () => (await loadMonitoringSettings(deps.db)).settings,
    );
    app.put(
      '/api/monitoring/settings',
      {
        config: { access: Permission.MonitoringSettings },
        schema: {
          tags,
          summary: 'Change the window and thresholds (audited)',
          body: monitoringSettingsSchema,
          response: { 200: monitoringSettingsSchema },
        },
      },
      (request) => saveMonitoringSettings(deps.db, contextOf(request), request.body),
    );

    app.get(
      '/api/monitoring/map',
      {
        config: read,
        schema: {
          tags,
          summary: 'The three-colour map: by district, industry, or enterprise (most severe first, paged)',
          querystring: mapQuery,
          response: { 200: mapResponse },
        },
      },
      (request) => getMap(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/monitoring/map/export',
      { config: read, schema: { tags, summary: 'The map’s figures as .xlsx', querystring: mapQuery } },
      async (request, reply) => {
        reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="monitoring-map-${request.query.month}.xlsx"`);
        return reply.send(await exportMap(deps, contextOf(request), request.query));
      },
    );
    app.get(
      '/api/monitoring/months/latest',
      {
        config: read,
        schema: {
          tags,
          summary: 'The latest month with reports (default month)',
          response: { 200: z.object({ month: z.string() }) },
        },
      },
      async () => ({ month: await defaultMonth(deps) }),
    );
    app.get(
      '/api/monitoring/boundaries',
      { config: read, schema: { tags, summary: 'District boundaries (GeoJSON) with their source notice' } },
      async (_request, reply) => {
        reply.header('cache-control', 'private, max-age=3600');
        return loadBoundaries({ file: options.mapGeoJsonFile, cityCode: deps.config.cityCode });
      },
    );
    app.get(
      '/api/monitoring/late',
      {
        config: read,
        schema: {
          tags,
          summary: 'Late and missing reports of a month',
          querystring: lateQuery,
          response: { 200: lateResponse },
        },
      },
      (request) => getLateList(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/monitoring/alerts',
      {
        config: read,
        schema: {
          tags,
          summary: 'Enterprises turning red or worsening two months running',
          querystring: alertsQuery,
          response: { 200: alertsResponse },
        },
      },
      (request) => getAlerts(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/monitoring/trends',
      {
        config: read,
        schema: {
          tags,
          summary: 'Monthly shortage rate and 求人倍率 by district',
          querystring: trendsQuery,
          response: { 200: trendsResponse },
        },
      },
      (request) => getTrends(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/monitoring/enterprises/:id/history',
      {
        config: read,
        schema: {
          tags,
          summary: 'One enterprise’s monthly history',
          params: idParam,
          querystring: enterpriseHistoryQuery,
          response: { 200: enterpriseHistoryResponse },
        },
      },
      (request) => getEnterpriseHistory(deps, contextOf(request).actor, request.params.id, request.query),
    );
    app.get(
      '/api/monitoring/monitored',
      {
        config: read,
        schema: {
          tags,
          summary: 'The monitored set: key enterprises and the sample',
          querystring: monitoredQuery,
          response: { 200: monitoredPage },
        },
      },
      (request) => listMonitoredPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/monitoring/samples',
      {
        config: report,
        schema: {
          tags,
          summary: 'Add an enterprise to the sample set',
          body: sampleBody,
          response: { 200: okSchema },
        },
      },
      (request) => setSample(deps, contextOf(request), request.body.enterpriseId, request.body.note, true),
    );
    app.delete(
      '/api/monitoring/samples/:enterpriseId',
      {
        config: report,
        schema: {
          tags,
          summary: 'Remove an enterprise from the sample set',
          params: enterpriseIdParam,
          response: { 200: okSchema },
        },
      },
      (request) => setSample(deps, contextOf(request), request.params.enterpriseId, '', false),
    );
    app.post(
      '/api/monitoring/market-snapshots',
      {
        config: { access: Permission.MonitoringSettings },
        schema: {
          tags,
          summary: 'Record the month’s open places and job seekers per district (求人倍率)',
          body: marketSnapshotBody,
          response: { 200: marketSnapshotResponse },
        },
      },
      (request) => captureMarketSnapshot(deps, contextOf(request), request.body.month),
    );
  };
}
