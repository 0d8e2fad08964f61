import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type duplicateFlagResolveBody,
  duplicateFlagSchema,
  type ImportMode,
  revealFieldReply,
  type Worker,
  type WorkerCreateInput,
  type WorkerImportStatus,
  type WorkerListQuery,
  workerImportStatus,
  workerPage,
  workerRegisterReply,
  workerSchema,
  type workerUpdateBody,
} from '@yonggong/shared';
import type { z } from 'zod';
import { auditKeys } from './audit.ts';
import { buildQueryString, requestJson } from './client.ts';
import { type UploadProgress, uploadFile } from './upload.ts';

/** The body of `PATCH /api/workers/:id` as the client writes it. */
export type WorkerUpdateInput = z.input<typeof workerUpdateBody>;
export type RevealableField = 'idNumber' | 'phone';
export type DuplicateResolution = z.infer<typeof duplicateFlagResolveBody>['status'];

/** Query keys: every worker query starts with `workerKeys.all`. */
export const workerKeys = {
  all: ['workers'] as const,
  lists: () => [...workerKeys.all, 'list'] as const,
  list: (query: WorkerListQuery) => [...workerKeys.lists(), query] as const,
  detail: (id: string) => [...workerKeys.all, 'detail', id] as const,
  importJob: (importId: string) => [...workerKeys.all, 'import', importId] as const,
};

/** `GET /api/workers`. */
export function fetchWorkerPage(query: WorkerListQuery, signal?: AbortSignal) {
  return requestJson('/api/workers', workerPage, { query, signal });
}

/** `GET /api/workers/:id`. */
export function fetchWorker(id: string, signal?: AbortSignal) {
  return requestJson(`/api/workers/${encodeURIComponent(id)}`, workerSchema, { signal });
}

/** A page of workers; the previous page stays on screen while the next one loads. */
export function useWorkerPage(query: WorkerListQuery) {
  return useQuery({
    queryKey: workerKeys.list(query),
    queryFn: ({ signal }) => fetchWorkerPage(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One worker. */
export function useWorker(id: string) {
  return useQuery({
    queryKey: workerKeys.detail(id),
    queryFn: ({ signal }) => fetchWorker(id, signal),
  });
}

function useRememberWorker() {
  const queryClient = useQueryClient();
  return (worker: Worker) => {
    queryClient.setQueryData(workerKeys.detail(worker.id), worker);
    void queryClient.invalidateQueries({ queryKey: workerKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  };
}

/**
 * `POST /api/workers`. One person is one worker: when the ID number is already registered the
 * server links the new channel to that worker and answers `linked_existing` with it.
 */
export function useRegisterWorker() {
  const remember = useRememberWorker();
  return useMutation({
    mutationFn: (body: WorkerCreateInput) =>
      requestJson('/api/workers', workerRegisterReply, { method: 'POST', body }),
    onSuccess: (reply) => remember(reply.worker),
  });
}

/** `PATCH /api/workers/:id` (the body carries the loaded `version`). */
export function useUpdateWorker(id: string) {
  const remember = useRememberWorker();
  return useMutation({
    mutationFn: (body: WorkerUpdateInput) =>
      requestJson(`/api/workers/${encodeURIComponent(id)}`, workerSchema, { method: 'PATCH', body }),
    onSuccess: remember,
  });
}

/**
 * `POST /api/workers/:id/reveal`. A mutation, not a query: every reveal is a logged act and the
 * full value must not linger in a cache.
 */
export function useRevealWorkerField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { workerId: string; field: RevealableField }) =>
      requestJson(`/api/workers/${encodeURIComponent(target.workerId)}/reveal`, revealFieldReply, {
        method: 'POST',
        body: { field: target.field },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}

/**
 * `POST /api/workers/duplicate-flags/:id/resolve` (replies with the resolved flag). Both workers
 * show the flag, so every worker query is refreshed.
 */
export function useResolveDuplicateFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { flagId: string; status: DuplicateResolution }) =>
      requestJson(
        `/api/workers/duplicate-flags/${encodeURIComponent(input.flagId)}/resolve`,
        duplicateFlagSchema,
        {
          method: 'POST',
          body: { status: input.status },
        },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workerKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/** The import template download (the columns of `WORKER_IMPORT_COLUMNS`). */
export const WORKER_IMPORT_TEMPLATE_URL = '/api/workers/import/template';

/** How often a running import is asked for its progress. */
const IMPORT_POLL_MS = 1000;

/**
 * Uploads a worker list (`POST /api/workers/import`). The server answers with the import job's
 * status after a short wait: small files usually come back `done`, large ones `running`.
 */
export function uploadWorkerImport(
  file: File,
  options: { readonly mode: ImportMode; readonly districtCode?: string | undefined },
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) {
  return uploadFile({
    url: `/api/workers/import${buildQueryString({ mode: options.mode, districtCode: options.districtCode })}`,
    file,
    fieldName: 'file',
    schema: workerImportStatus,
    onProgress,
    ...(signal ? { signal } : {}),
  });
}

/**
 * The status of import `importId`, polled every second while it runs. `initial` is the upload's
 * reply, so a job that finished within the upload request is never fetched again.
 */
export function useWorkerImportStatus(importId: string | null, initial: WorkerImportStatus | undefined) {
  return useQuery({
    queryKey: workerKeys.importJob(importId ?? ''),
    queryFn: ({ signal }) =>
      requestJson(`/api/workers/import/${encodeURIComponent(importId ?? '')}`, workerImportStatus, {
        signal,
      }),
    enabled: importId !== null,
    initialData: initial,
    staleTime: (query) => (query.state.data?.status === 'running' ? 0 : Number.POSITIVE_INFINITY),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? IMPORT_POLL_MS : false),
  });
}
