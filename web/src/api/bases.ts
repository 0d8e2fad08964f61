import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type BaseCreateInput,
  type BaseEventCreateBody,
  type BaseEventUpdateBody,
  type BaseListQuery,
  baseEventList,
  baseEventSchema,
  basePage,
  baseSchema,
  type baseUpdateBody,
  baseWorkerPage,
} from '@yonggong/shared';
import type { z } from 'zod';
import { auditKeys } from './audit.ts';
import { buildQueryString, requestJson } from './client.ts';
import { type UploadProgress, uploadFile } from './upload.ts';

/** The body of `PATCH /api/bases/:id` as the client writes it. */
export type BaseUpdateInput = z.input<typeof baseUpdateBody>;

/** Query keys: every base query starts with `baseKeys.all`. */
export const baseKeys = {
  all: ['bases'] as const,
  list: (query: Partial<BaseListQuery>) => [...baseKeys.all, 'list', query] as const,
  detail: (id: string) => [...baseKeys.all, 'detail', id] as const,
  events: (id: string) => [...baseKeys.all, 'events', id] as const,
  workers: (id: string, page: number, pageSize: number) =>
    [...baseKeys.all, 'workers', id, page, pageSize] as const,
};

const path = (id: string) => `/api/bases/${encodeURIComponent(id)}`;

/** The Excel export of the list as filtered (a plain download link: the session cookie goes with it). */
export function baseExportUrl(query: Partial<BaseListQuery>): string {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  return `/api/bases/export${buildQueryString(filter)}`;
}

export const agreementUrl = (id: string) => `${path(id)}/agreement`;

export function useBases(query: Partial<BaseListQuery>) {
  return useQuery({
    queryKey: baseKeys.list(query),
    queryFn: ({ signal }) => requestJson('/api/bases', basePage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBase(id: string) {
  return useQuery({
    queryKey: baseKeys.detail(id),
    queryFn: ({ signal }) => requestJson(path(id), baseSchema, { signal }),
  });
}

export function useBaseEvents(id: string) {
  return useQuery({
    queryKey: baseKeys.events(id),
    queryFn: ({ signal }) => requestJson(`${path(id)}/events`, baseEventList, { signal }),
  });
}

export function useBaseWorkers(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: baseKeys.workers(id, page, pageSize),
    queryFn: ({ signal }) =>
      requestJson(`${path(id)}/workers`, baseWorkerPage, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Registers a base. `idempotencyKey` is made when the form opens: a double click or a retry after a
 * dropped connection sends the same key, and the server creates one base (docs/api.md).
 */
export function useCreateBase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BaseCreateInput; idempotencyKey: string }) =>
      requestJson('/api/bases', baseSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: baseKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

export function useUpdateBase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BaseUpdateInput) => requestJson(path(id), baseSchema, { method: 'PATCH', body }),
    onSuccess: (base) => {
      queryClient.setQueryData(baseKeys.detail(base.id), base);
      void queryClient.invalidateQueries({ queryKey: baseKeys.all });
    },
  });
}

/** Records a 劳务对接 event; the key (made when the dialog opens) makes a double click record one. */
export function useCreateBaseEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BaseEventCreateBody; idempotencyKey: string }) =>
      requestJson(`${path(id)}/events`, baseEventSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: baseKeys.all }),
  });
}

/** Edits a 劳务对接 event (send the version loaded; named lists replace the event's lists). */
export function useUpdateBaseEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, body }: { eventId: string; body: BaseEventUpdateBody }) =>
      requestJson(`${path(id)}/events/${encodeURIComponent(eventId)}`, baseEventSchema, {
        method: 'PATCH',
        body,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: baseKeys.all }),
  });
}

/** Uploads the agreement scan (PDF/JPG/PNG). */
export function uploadAgreement(id: string, file: File, onProgress: (progress: UploadProgress) => void) {
  return uploadFile({ url: agreementUrl(id), file, fieldName: 'file', schema: baseSchema, onProgress });
}
