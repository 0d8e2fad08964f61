import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Application,
  type ApplicationStatus,
  applicationPage,
  applicationSchema,
  bulkMoveReply,
  type bulkRecommendBody,
  bulkRecommendReply,
  LIMITS,
  okSchema,
  placementPage,
} from '@yonggong/shared';
import type { z } from 'zod';
import { auditKeys } from './audit.ts';
import { requestJson } from './client.ts';
import { jobOrderKeys } from './job-orders.ts';
import { recommendationKeys } from './recommendations.ts';
import { workerKeys } from './workers.ts';

export type Placement = z.infer<typeof placementPage>['items'][number];
export type BulkMoveResult = z.infer<typeof bulkMoveReply>['results'][number];
export type BulkRecommendBody = z.input<typeof bulkRecommendBody>;
export type BulkRecommendReply = z.infer<typeof bulkRecommendReply>;

/** Which applications a pipeline view shows: one order's, or one worker's. */
export type ApplicationFilter = { readonly jobOrderId: string } | { readonly workerId: string };
export type PlacementFilter = { readonly jobOrderId: string } | { readonly workerId: string };

/**
 * Query keys. Applications, placements and the order's counts change together, so a move
 * invalidates all three families.
 */
export const applicationKeys = {
  all: ['applications'] as const,
  list: (filter: ApplicationFilter) => [...applicationKeys.all, 'list', filter] as const,
};
export const placementKeys = {
  all: ['placements'] as const,
  list: (filter: PlacementFilter) => [...placementKeys.all, 'list', filter] as const,
};

/**
 * The largest page the API serves. A pipeline board or a timeline shows one order's or one
 * worker's applications, which fit; the views say so when there are more.
 */
const WHOLE_PIPELINE = { page: 1, pageSize: LIMITS.pageSizeMax } as const;

/** `GET /api/applications?jobOrderId=|workerId=` with each application's history. */
export function useApplications(filter: ApplicationFilter, isEnabled = true) {
  return useQuery({
    queryKey: applicationKeys.list(filter),
    queryFn: ({ signal }) =>
      requestJson('/api/applications', applicationPage, { query: { ...filter, ...WHOLE_PIPELINE }, signal }),
    enabled: isEnabled,
  });
}

/** `GET /api/placements?jobOrderId=|workerId=`; `isEnabled` is false without `placement.read`. */
export function usePlacements(filter: PlacementFilter, isEnabled = true) {
  return useQuery({
    queryKey: placementKeys.list(filter),
    queryFn: ({ signal }) =>
      requestJson('/api/placements', placementPage, { query: { ...filter, ...WHOLE_PIPELINE }, signal }),
    enabled: isEnabled,
  });
}

/**
 * After a move or a new application: the pipeline, the order's filled count, the timelines, and
 * the recommendation lists (each row says whether the pair already has an open application).
 */
function useRefreshPipeline() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    void queryClient.invalidateQueries({ queryKey: recommendationKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: placementKeys.all });
    void queryClient.invalidateQueries({ queryKey: jobOrderKeys.all });
    void queryClient.invalidateQueries({ queryKey: workerKeys.all });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  };
}

/** `POST /api/applications`: 推介 a worker to an order (or apply for them). */
export function useCreateApplication() {
  const refresh = useRefreshPipeline();
  return useMutation({
    mutationFn: (body: {
      workerId: string;
      jobOrderId: string;
      kind: 'recommended' | 'applied';
      note: string;
    }) => requestJson('/api/applications', applicationSchema, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export interface MoveInput {
  readonly application: Pick<Application, 'id' | 'version'>;
  readonly to: ApplicationStatus;
  readonly reason: string;
  /** The 到岗 date (`YYYY-MM-DD`) of a move to `hired`. */
  readonly date?: string | undefined;
}

/** `POST /api/applications/:id/move`. */
export function useMoveApplication() {
  const refresh = useRefreshPipeline();
  return useMutation({
    mutationFn: ({ application, to, reason, date }: MoveInput) =>
      requestJson(`/api/applications/${encodeURIComponent(application.id)}/move`, applicationSchema, {
        method: 'POST',
        body: { to, reason, version: application.version, ...(date ? { date } : {}) },
      }),
    // Refused moves refresh too: the refusal often means the board was out of date.
    onSettled: refresh,
  });
}

/** `POST /api/applications/bulk`: 推介 every pair (from a recommendation list); a result per pair. */
export function postBulkRecommend(body: BulkRecommendBody) {
  return requestJson('/api/applications/bulk', bulkRecommendReply, { method: 'POST', body });
}

/**
 * 推介 one or many pairs at once. Refreshes like any new application — also after refusals,
 * which often mean a list was out of date.
 */
export function useBulkRecommend() {
  const refresh = useRefreshPipeline();
  return useMutation({ mutationFn: postBulkRecommend, onSettled: refresh });
}

/** `POST /api/applications/bulk-move`: each id moves on its own; one result per id. */
export function useBulkMoveApplications() {
  const refresh = useRefreshPipeline();
  return useMutation({
    mutationFn: (body: { ids: readonly string[]; to: ApplicationStatus; reason: string }) =>
      requestJson('/api/applications/bulk-move', bulkMoveReply, { method: 'POST', body }),
    onSettled: refresh,
  });
}

/**
 * `POST /api/placements/:id/retention`. `version` is the application's. Used for "left before
 * the checkpoint"; a confirmed retention is the move to `retained_30` / `retained_90`.
 */
export function useRecordRetention() {
  const refresh = useRefreshPipeline();
  return useMutation({
    mutationFn: (input: { placementId: string; checkpoint: 30 | 90; retained: boolean; version: number }) =>
      requestJson(`/api/placements/${encodeURIComponent(input.placementId)}/retention`, okSchema, {
        method: 'POST',
        body: { checkpoint: input.checkpoint, retained: input.retained, version: input.version },
      }),
    onSettled: refresh,
  });
}
