import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Enterprise,
  type EnterpriseCreateInput,
  type EnterpriseListQuery,
  enterprisePage,
  enterpriseSchema,
  type enterpriseUpdateBody,
  type ImportMode,
  importResult,
  revealReply,
} from '@yonggong/shared';
import type { z } from 'zod';
import { auditKeys } from './audit.ts';
import { buildQueryString, type QueryValue, requestJson } from './client.ts';
import { type UploadProgress, uploadFile } from './upload.ts';

/** The body of `PATCH /api/enterprises/:id` as the client writes it. */
export type EnterpriseUpdateInput = z.input<typeof enterpriseUpdateBody>;

/** Query keys: every enterprise query starts with `enterpriseKeys.all`, so one invalidation covers all. */
export const enterpriseKeys = {
  all: ['enterprises'] as const,
  lists: () => [...enterpriseKeys.all, 'list'] as const,
  list: (query: EnterpriseListQuery) => [...enterpriseKeys.lists(), query] as const,
  detail: (id: string) => [...enterpriseKeys.all, 'detail', id] as const,
};

/** The list filters as query-string values (`mine` only when true; no page for exports). */
export function buildEnterpriseQueryRecord(query: Partial<EnterpriseListQuery>): Record<string, QueryValue> {
  const { mine, ...rest } = query;
  return { ...rest, mine: mine ? 'true' : undefined };
}

/** The `.xlsx` export of the list as currently filtered and sorted (a plain GET, used as a link). */
export function buildEnterpriseExportUrl(query: EnterpriseListQuery): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/enterprises/export${buildQueryString(buildEnterpriseQueryRecord(filters))}`;
}

/** The import template download. */
export const ENTERPRISE_IMPORT_TEMPLATE_URL = '/api/enterprises/import/template';

/** `GET /api/enterprises`. */
export function fetchEnterprisePage(query: EnterpriseListQuery, signal?: AbortSignal) {
  return requestJson('/api/enterprises', enterprisePage, {
    query: buildEnterpriseQueryRecord(query),
    signal,
  });
}

/** `GET /api/enterprises/:id`. */
export function fetchEnterprise(id: string, signal?: AbortSignal) {
  return requestJson(`/api/enterprises/${encodeURIComponent(id)}`, enterpriseSchema, { signal });
}

/** A page of enterprises; the previous page stays on screen while the next one loads. */
export function useEnterprisePage(query: EnterpriseListQuery) {
  return useQuery({
    queryKey: enterpriseKeys.list(query),
    queryFn: ({ signal }) => fetchEnterprisePage(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One enterprise (`isEnabled` false: not fetched, e.g. while no enterprise is chosen). */
export function useEnterprise(id: string, isEnabled = true) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id),
    queryFn: ({ signal }) => fetchEnterprise(id, signal),
    enabled: isEnabled,
  });
}

/** After any change: the record is fresh, the lists and its change log are stale. */
function useRememberEnterprise() {
  const queryClient = useQueryClient();
  return (enterprise: Enterprise) => {
    queryClient.setQueryData(enterpriseKeys.detail(enterprise.id), enterprise);
    void queryClient.invalidateQueries({ queryKey: enterpriseKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  };
}

/** `POST /api/enterprises`. */
export function useCreateEnterprise() {
  const remember = useRememberEnterprise();
  return useMutation({
    mutationFn: (body: EnterpriseCreateInput) =>
      requestJson('/api/enterprises', enterpriseSchema, { method: 'POST', body }),
    onSuccess: remember,
  });
}

/** `PATCH /api/enterprises/:id` (the body carries the loaded `version`). */
export function useUpdateEnterprise(id: string) {
  const remember = useRememberEnterprise();
  return useMutation({
    mutationFn: (body: EnterpriseUpdateInput) =>
      requestJson(`/api/enterprises/${encodeURIComponent(id)}`, enterpriseSchema, { method: 'PATCH', body }),
    onSuccess: remember,
  });
}

/** `POST /api/enterprises/:id/deactivate`. */
export function useDeactivateEnterprise(id: string) {
  const remember = useRememberEnterprise();
  return useMutation({
    mutationFn: (body: { reason: string; version: number }) =>
      requestJson(`/api/enterprises/${encodeURIComponent(id)}/deactivate`, enterpriseSchema, {
        method: 'POST',
        body,
      }),
    onSuccess: remember,
  });
}

/** `POST /api/enterprises/:id/reactivate`. */
export function useReactivateEnterprise(id: string) {
  const remember = useRememberEnterprise();
  return useMutation({
    mutationFn: (body: { version: number }) =>
      requestJson(`/api/enterprises/${encodeURIComponent(id)}/reactivate`, enterpriseSchema, {
        method: 'POST',
        body,
      }),
    onSuccess: remember,
  });
}

/**
 * `POST .../contacts/:contactId/reveal`. A mutation, not a query: every reveal is a logged act and
 * the full number must not linger in a cache.
 */
export function useRevealContactPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { enterpriseId: string; contactId: string }) =>
      requestJson(
        `/api/enterprises/${encodeURIComponent(target.enterpriseId)}/contacts/${encodeURIComponent(target.contactId)}/reveal`,
        revealReply,
        { method: 'POST' },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}

/** Uploads an import file; `onProgress` reports bytes sent, then the server's processing. */
export function uploadEnterpriseImport(
  file: File,
  mode: ImportMode,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) {
  return uploadFile({
    url: `/api/enterprises/import${buildQueryString({ mode })}`,
    file,
    fieldName: 'file',
    schema: importResult,
    onProgress,
    ...(signal ? { signal } : {}),
  });
}
