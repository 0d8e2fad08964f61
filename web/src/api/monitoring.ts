import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  alertsResponse,
  enterpriseHistoryResponse,
  lateResponse,
  type MapQuery,
  type MonitoringSettings,
  mapResponse,
  monitoredPage,
  monitoringReportPage,
  monitoringReportSchema,
  monitoringSettingsSchema,
  okSchema,
  type ReportCreateBody,
  type ReportListQuery,
  type ReportUpdateBody,
  reportImportResult,
  type TrendsQuery,
  trendsResponse,
} from '@yonggong/shared';
import { z } from 'zod';
import { type ApiError, buildQueryString, type QueryValue, requestJson } from './client.ts';
import { type UploadProgress, uploadFile } from './upload.ts';

/** Query keys: every monitoring query starts with `monitoringKeys.all`. */
export const monitoringKeys = {
  all: ['monitoring'] as const,
  latestMonth: () => [...monitoringKeys.all, 'latest-month'] as const,
  map: (query: Partial<MapQuery>) => [...monitoringKeys.all, 'map', query] as const,
  boundaries: () => [...monitoringKeys.all, 'boundaries'] as const,
  trends: (query: Partial<TrendsQuery>) => [...monitoringKeys.all, 'trends', query] as const,
  history: (id: string) => [...monitoringKeys.all, 'history', id] as const,
  alerts: (month: string, liaisonMe: boolean) => [...monitoringKeys.all, 'alerts', month, liaisonMe] as const,
  late: (month: string, liaisonMe: boolean, districtCode?: string) =>
    districtCode
      ? ([...monitoringKeys.all, 'late', month, liaisonMe, districtCode] as const)
      : ([...monitoringKeys.all, 'late', month, liaisonMe] as const),
  reports: (query: MonitoringReportFilter) => [...monitoringKeys.all, 'reports', query] as const,
  report: (id: string) => [...monitoringKeys.all, 'report', id] as const,
  settings: () => [...monitoringKeys.all, 'settings'] as const,
  monitored: (query: MonitoredFilter) => [...monitoringKeys.all, 'monitored', query] as const,
  enterpriseCases: (id: string) => [...monitoringKeys.all, 'cases', id] as const,
};

/** `GET /api/monitoring/months/latest`: the map's default month. */
export function useLatestMonitoringMonth() {
  return useQuery({
    queryKey: monitoringKeys.latestMonth(),
    queryFn: ({ signal }) =>
      requestJson('/api/monitoring/months/latest', z.object({ month: z.string() }), { signal }),
  });
}

/** `GET /api/monitoring/map`. */
export function useMonitoringMap(
  query: Partial<MapQuery> & { level: MapQuery['level']; month: string },
  enabled = true,
) {
  return useQuery({
    queryKey: monitoringKeys.map(query),
    queryFn: ({ signal }) => requestJson('/api/monitoring/map', mapResponse, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The boundaries' GeoJSON with the notice of its source (shown on the map). */
export const boundariesSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    notice: z.string(),
    noticeEn: z.string(),
    isSchematic: z.boolean(),
    features: z.array(z.unknown()),
  })
  .loose();
export type BoundariesFile = z.infer<typeof boundariesSchema>;

/** `GET /api/monitoring/boundaries` (404 when the deployment has none: the map draws points only). */
export function useBoundaries() {
  return useQuery({
    queryKey: monitoringKeys.boundaries(),
    queryFn: ({ signal }) => requestJson('/api/monitoring/boundaries', boundariesSchema, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** `GET /api/monitoring/trends`. */
export function useMonitoringTrends(query: TrendsQuery) {
  return useQuery({
    queryKey: monitoringKeys.trends(query),
    queryFn: ({ signal }) => requestJson('/api/monitoring/trends', trendsResponse, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/monitoring/enterprises/:id/history`. */
export function useEnterpriseHistory(id: string, enabled = true) {
  return useQuery({
    enabled: enabled && id !== '',
    queryKey: monitoringKeys.history(id),
    queryFn: ({ signal }) =>
      requestJson(
        `/api/monitoring/enterprises/${encodeURIComponent(id)}/history`,
        enterpriseHistoryResponse,
        { signal },
      ),
  });
}

/** `GET /api/monitoring/alerts`. */
export function useMonitoringAlerts(month: string | undefined, liaisonMe = false) {
  return useQuery({
    queryKey: monitoringKeys.alerts(month ?? '', liaisonMe),
    queryFn: ({ signal }) =>
      requestJson('/api/monitoring/alerts', alertsResponse, {
        query: { month, ...(liaisonMe ? { liaison: 'me' } : {}) },
        signal,
      }),
    enabled: month !== undefined,
  });
}

/** `GET /api/monitoring/late` with the pending enterprises (optionally one district's). */
export function useLateReports(month: string | undefined, liaisonMe = false, districtCode?: string) {
  return useQuery({
    queryKey: monitoringKeys.late(month ?? '', liaisonMe, districtCode),
    queryFn: ({ signal }) =>
      requestJson('/api/monitoring/late', lateResponse, {
        query: { month, districtCode, includePending: true, ...(liaisonMe ? { liaison: 'me' } : {}) },
        signal,
      }),
    enabled: month !== undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * The enterprise's 一企一策 cases from the cases module (`GET /api/cases?enterpriseId=`), read with
 * only the fields this page shows so that it does not depend on that module's full shape.
 */
export const enterpriseCasesSchema = z.object({
  items: z.array(
    z
      .object({
        id: z.string(),
        title: z.string(),
        category: z.string(),
        status: z.string(),
        openedAt: z.string(),
      })
      .loose(),
  ),
  total: z.number(),
});

export function useEnterpriseCases(enterpriseId: string, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.enterpriseCases(enterpriseId),
    queryFn: ({ signal }) =>
      requestJson('/api/cases', enterpriseCasesSchema, { query: { enterpriseId, pageSize: 50 }, signal }),
    enabled,
  });
}

// ————— headcount reports —————

/** The report list's filters as the page keeps them (every field optional but the page). */
export type MonitoringReportFilter = Partial<Omit<ReportListQuery, 'page' | 'pageSize'>> & {
  readonly page: number;
  readonly pageSize: number;
};

function toQuery(filter: object): Record<string, QueryValue> {
  return filter as Record<string, QueryValue>;
}

/** `GET /api/monitoring/reports`. */
export function useMonitoringReports(filter: MonitoringReportFilter, enabled = true) {
  return useQuery({
    queryKey: monitoringKeys.reports(filter),
    queryFn: ({ signal }) =>
      requestJson('/api/monitoring/reports', monitoringReportPage, { query: toQuery(filter), signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `GET /api/monitoring/reports/:id`. */
export function useMonitoringReport(id: string, enabled = true) {
  return useQuery({
    queryKey: monitoringKeys.report(id),
    queryFn: ({ signal }) =>
      requestJson(`/api/monitoring/reports/${encodeURIComponent(id)}`, monitoringReportSchema, { signal }),
    enabled: enabled && id !== '',
  });
}

/** The .xlsx of the filtered reports (a plain link: the browser downloads it with the session cookie). */
export function monitoringReportsExportUrl(
  filter: Omit<MonitoringReportFilter, 'page' | 'pageSize'>,
): string {
  return `/api/monitoring/reports/export${buildQueryString(toQuery(filter))}`;
}

export const MONITORING_REPORT_TEMPLATE_URL = '/api/monitoring/reports/import/template';

/**
 * Entering a report (POST) or correcting one (PATCH). `idempotencyKey` is made when the form opens
 * and renewed after every reply from the server, so a double click or a retry after a dropped
 * connection acts once, while a resubmission with changed figures (or the reconciliation
 * confirmation) is a new request.
 */
export type ReportSubmission =
  | { readonly kind: 'create'; readonly body: ReportCreateBody; readonly idempotencyKey: string }
  | {
      readonly kind: 'update';
      readonly id: string;
      readonly body: ReportUpdateBody;
      readonly idempotencyKey: string;
    };

export function useSubmitMonitoringReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (submission: ReportSubmission) =>
      submission.kind === 'create'
        ? requestJson('/api/monitoring/reports', monitoringReportSchema, {
            method: 'POST',
            body: submission.body,
            headers: { 'Idempotency-Key': submission.idempotencyKey },
          })
        : requestJson(
            `/api/monitoring/reports/${encodeURIComponent(submission.id)}`,
            monitoringReportSchema,
            {
              method: 'PATCH',
              body: submission.body,
              headers: { 'Idempotency-Key': submission.idempotencyKey },
            },
          ),
    onSuccess: (report) => {
      queryClient.setQueryData(monitoringKeys.report(report.id), report);
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
    },
  });
}

/** The figures of a 409 reconciliation warning (`previous actual + hires − separations ≠ actual`). */
export const reconciliationConflictSchema = z.object({
  previousActual: z.number().int(),
  hires: z.number().int(),
  separations: z.number().int(),
  expected: z.number().int(),
  actual: z.number().int(),
  difference: z.number().int(),
});
export type ReconciliationConflict = z.infer<typeof reconciliationConflictSchema>;

/** The reconciliation figures of a 409 reply, or null when the error is something else. */
export function readReconciliationConflict(error: ApiError): ReconciliationConflict | null {
  if (error.code !== 'conflict') return null;
  const parsed = reconciliationConflictSchema.safeParse(error.problem?.reconciliation);
  return parsed.success ? parsed.data : null;
}

/** `POST /api/monitoring/reports/import`: all rows or none, every bad row reported. */
export function uploadMonitoringReportImport(
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) {
  return uploadFile({
    url: '/api/monitoring/reports/import',
    file,
    fieldName: 'file',
    schema: reportImportResult,
    onProgress,
    ...(signal ? { signal } : {}),
  });
}

// ————— settings and the monitored set —————

/** `GET /api/monitoring/settings`. */
export function useMonitoringSettings() {
  return useQuery({
    queryKey: monitoringKeys.settings(),
    queryFn: ({ signal }) => requestJson('/api/monitoring/settings', monitoringSettingsSchema, { signal }),
  });
}

/** `PUT /api/monitoring/settings`. */
export function useSaveMonitoringSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MonitoringSettings) =>
      requestJson('/api/monitoring/settings', monitoringSettingsSchema, { method: 'PUT', body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(monitoringKeys.settings(), settings);
      // Colours and the late list follow the settings.
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
    },
  });
}

export interface MonitoredFilter {
  readonly page: number;
  readonly pageSize: number;
  readonly districtCode?: string | undefined;
  readonly q?: string | undefined;
  readonly sampleOnly?: boolean | undefined;
}

/** `GET /api/monitoring/monitored`: key enterprises and the sample set. */
export function useMonitoredEnterprises(filter: MonitoredFilter) {
  return useQuery({
    queryKey: monitoringKeys.monitored(filter),
    queryFn: ({ signal }) =>
      requestJson('/api/monitoring/monitored', monitoredPage, { query: toQuery(filter), signal }),
    placeholderData: keepPreviousData,
  });
}

/** Adds (`POST /api/monitoring/samples`) or removes (`DELETE …/:enterpriseId`) a sample enterprise. */
export function useChangeSample() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { enterpriseId: string; isAdded: boolean; note?: string }) =>
      change.isAdded
        ? requestJson('/api/monitoring/samples', okSchema, {
            method: 'POST',
            body: { enterpriseId: change.enterpriseId, note: change.note ?? '' },
          })
        : requestJson(`/api/monitoring/samples/${encodeURIComponent(change.enterpriseId)}`, okSchema, {
            method: 'DELETE',
          }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: monitoringKeys.all }),
  });
}
