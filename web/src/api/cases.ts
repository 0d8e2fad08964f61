import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CaseActionCreateInput,
  type CaseActionUpdateBody,
  type CaseCreateInput,
  type CaseListQuery,
  type CaseStatus,
  caseActionPage,
  caseDetailSchema,
  casePage,
  caseSettingsSchema,
  type caseSettingsUpdateBody,
  type ShortageReportCreateInput,
  shortageReportPage,
  shortageReportSchema,
  type VisitCreateInput,
  visitCreateReply,
  visitPage,
  visitStatsReply,
} from '@yonggong/shared';
import type { z } from 'zod';
import { auditKeys } from './audit.ts';
import { buildQueryString, type QueryValue, requestJson } from './client.ts';
import { jobOrderKeys } from './job-orders.ts';

/** Query keys: every query of this module starts with `caseKeys.all`. */
export const caseKeys = {
  all: ['cases'] as const,
  list: (query: Record<string, QueryValue>) => [...caseKeys.all, 'list', query] as const,
  detail: (id: string) => [...caseKeys.all, 'detail', id] as const,
  actions: (query: Record<string, QueryValue>) => [...caseKeys.all, 'actions', query] as const,
  visits: (query: Record<string, QueryValue>) => [...caseKeys.all, 'visits', query] as const,
  visitStats: (query: Record<string, QueryValue>) => [...caseKeys.all, 'visit-stats', query] as const,
  shortageReports: (query: Record<string, QueryValue>) =>
    [...caseKeys.all, 'shortage-reports', query] as const,
  settings: () => [...caseKeys.all, 'settings'] as const,
};

const enc = encodeURIComponent;

/** Case list filters as query-string values. */
export type CaseListFilters = Partial<Omit<CaseListQuery, 'overdue'>> & { overdue?: boolean };

/** The `.xlsx` export of the case list as currently filtered and sorted (a plain GET, used as a link). */
export function buildCaseExportUrl(filters: CaseListFilters): string {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return `/api/cases/export${buildQueryString(rest as Record<string, QueryValue>)}`;
}

/** The `.xlsx` export of the visit log as currently filtered. */
export function buildVisitExportUrl(query: Record<string, QueryValue>): string {
  const { page: _page, pageSize: _pageSize, ...rest } = query;
  return `/api/visits/export${buildQueryString(rest)}`;
}

/** After any change the case lists, orders and the audit trail are stale. */
function useInvalidateCases() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  };
}

/** `GET /api/cases`. */
export function useCases(filters: CaseListFilters) {
  const query = filters as Record<string, QueryValue>;
  return useQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => requestJson('/api/cases', casePage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/cases/:id`. */
export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => requestJson(`/api/cases/${enc(id)}`, caseDetailSchema, { signal }),
  });
}

/** `GET /api/case-actions` (the liaison's overdue list with `owner: 'me', overdue: true`). */
export function useCaseActions(query: { owner?: 'me'; overdue?: boolean; pageSize?: number }) {
  const record = query as Record<string, QueryValue>;
  return useQuery({
    queryKey: caseKeys.actions(record),
    queryFn: ({ signal }) => requestJson('/api/case-actions', caseActionPage, { query: record, signal }),
  });
}

/**
 * `POST /api/cases` with an `Idempotency-Key` made when the form opened: a double click or a retry
 * opens the case once (the server replays the first reply).
 */
export function useCreateCase() {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CaseCreateInput; idempotencyKey: string }) =>
      requestJson('/api/cases', caseDetailSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: invalidate,
  });
}

export function useChangeCaseStatus(id: string) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: (body: { status: CaseStatus; reason?: string; version: number }) =>
      requestJson(`/api/cases/${enc(id)}/status`, caseDetailSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useAddCaseAction(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: (body: CaseActionCreateInput) =>
      requestJson(`/api/cases/${enc(caseId)}/actions`, caseDetailSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** A change to one action: mark done, reschedule (`dueOn`), reassign (`ownerUserId` / `ownerText`). */
export type CaseActionChange = { readonly actionId: string } & Partial<
  Omit<CaseActionUpdateBody, 'version'>
> & {
    readonly version: number;
  };

/** `PATCH /api/cases/:id/actions/:actionId` (versioned). */
export function useUpdateCaseAction(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: ({ actionId, ...body }: CaseActionChange) =>
      requestJson(`/api/cases/${enc(caseId)}/actions/${enc(actionId)}`, caseDetailSchema, {
        method: 'PATCH',
        body,
      }),
    onSuccess: invalidate,
  });
}

/** `GET /api/visits`. */
export function useVisits(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: caseKeys.visits(query),
    queryFn: ({ signal }) => requestJson('/api/visits', visitPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/visits/stats`. */
export function useVisitStats(query: { by: 'liaison' | 'district'; from?: string; to?: string }) {
  const record = query as Record<string, QueryValue>;
  return useQuery({
    queryKey: caseKeys.visitStats(record),
    queryFn: ({ signal }) => requestJson('/api/visits/stats', visitStatsReply, { query: record, signal }),
  });
}

/**
 * `POST /api/visits` with an `Idempotency-Key`: the form keeps one key per note, so a double tap
 * or a retry on a weak phone connection logs the note once.
 */
export function useLogVisits() {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: VisitCreateInput; idempotencyKey: string }) =>
      requestJson('/api/visits', visitCreateReply, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: invalidate,
  });
}

/** `GET /api/shortage-reports`. */
export function useShortageReports(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: caseKeys.shortageReports(query),
    queryFn: ({ signal }) => requestJson('/api/shortage-reports', shortageReportPage, { query, signal }),
  });
}

export function useCaseSettings() {
  return useQuery({
    queryKey: caseKeys.settings(),
    queryFn: ({ signal }) => requestJson('/api/shortage-reports/settings', caseSettingsSchema, { signal }),
  });
}

/** `PUT /api/shortage-reports/settings` (administrators: `monitoring.settings`). */
export function useSaveCaseSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof caseSettingsUpdateBody>) =>
      requestJson('/api/shortage-reports/settings', caseSettingsSchema, { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.settings(), saved);
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/** `POST /api/shortage-reports` with an `Idempotency-Key` (one per filled-in form). */
export function useReportShortage() {
  const invalidate = useInvalidateCases();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ShortageReportCreateInput; idempotencyKey: string }) =>
      requestJson('/api/shortage-reports', shortageReportSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => {
      invalidate();
      void queryClient.invalidateQueries({ queryKey: jobOrderKeys.all });
    },
  });
}

/** The month whose reports the home page shows: the last full month (YYYY-MM). */
export function previousMonth(today: Date = new Date()): string {
  const shifted = new Date(today.getTime() + 8 * 3_600_000);
  const year = shifted.getUTCFullYear();
  const month = shifted.getUTCMonth(); // 0-based: the previous month's 1-based number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}
