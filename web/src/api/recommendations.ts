import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { matchRunReply, type RecommendationReply, recommendationReply } from '@yonggong/shared';
import type { z } from 'zod';
import { requestJson } from './client.ts';

/**
 * Recommendations (推介): the matching engine's ranked lists with their reasons, and the batch run
 * that recomputes them. The server writes every `label` and `reasons` sentence in the request's
 * Accept-Language (the UI language); switching the language refetches every query
 * (app/use-change-locale.ts), so cached sentences follow it. 推介 from a list is an applications
 * call (`useBulkRecommend` in api/applications.ts), which refreshes these lists too.
 */

export type OrderRecommendation = RecommendationReply['orders'][number];
export type WorkerRecommendation = RecommendationReply['workers'][number];
export type MatchRunReply = z.infer<typeof matchRunReply>;

/** How many results a card asks for (the batch stores the same top 20). */
export const RECOMMENDATION_COUNT = 20;

/** Filters of a recommendation card; absent values are not sent. */
export interface RecommendationFilters {
  readonly districtCode?: string | undefined;
  readonly occupationCode?: string | undefined;
  /** Orders of key enterprises only (the worker's list). */
  readonly keyOnly?: boolean | undefined;
}

/** The subject of a list: orders for one worker, or workers for one order. */
export type RecommendationSubject = { readonly workerId: string } | { readonly jobOrderId: string };

/** Query keys: every recommendation query starts with `recommendationKeys.all`. */
export const recommendationKeys = {
  all: ['recommendations'] as const,
  lists: () => [...recommendationKeys.all, 'list'] as const,
  list: (subject: RecommendationSubject, filters: RecommendationFilters) =>
    [...recommendationKeys.lists(), subject, filters] as const,
  latestRun: () => [...recommendationKeys.all, 'runs', 'latest'] as const,
};

/** `GET /api/recommendations?workerId=|jobOrderId=&k=20[&districtCode=&occupationCode=&keyOnly=true]`. */
export function fetchRecommendations(
  subject: RecommendationSubject,
  filters: RecommendationFilters,
  signal?: AbortSignal,
) {
  return requestJson('/api/recommendations', recommendationReply, {
    query: {
      ...subject,
      k: RECOMMENDATION_COUNT,
      districtCode: filters.districtCode,
      occupationCode: filters.occupationCode,
      // Only "true" is meaningful; leaving it out is the server's default.
      keyOnly: filters.keyOnly ? true : undefined,
    },
    signal,
  });
}

/** The ranked list of `subject`; `isEnabled` is false without `match.read`. */
export function useRecommendations(
  subject: RecommendationSubject,
  filters: RecommendationFilters,
  isEnabled = true,
) {
  return useQuery({
    queryKey: recommendationKeys.list(subject, filters),
    queryFn: ({ signal }) => fetchRecommendations(subject, filters, signal),
    enabled: isEnabled,
  });
}

/** How often a running batch is asked for its progress. */
const RUN_POLL_MS = 1000;

/** `GET /api/recommendations/runs/latest`. */
export function fetchLatestMatchRun(signal?: AbortSignal) {
  return requestJson('/api/recommendations/runs/latest', matchRunReply, { signal });
}

/** The latest batch run (`run: null` before the first), polled every second while it runs. */
export function useLatestMatchRun() {
  return useQuery({
    queryKey: recommendationKeys.latestRun(),
    queryFn: ({ signal }) => fetchLatestMatchRun(signal),
    refetchInterval: (query) => (query.state.data?.run?.status === 'running' ? RUN_POLL_MS : false),
  });
}

/** `POST /api/recommendations/runs` (202 with the new run; 409 while one is running). */
export function useStartMatchRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson('/api/recommendations/runs', matchRunReply, { method: 'POST' }),
    onSuccess: (reply) => queryClient.setQueryData(recommendationKeys.latestRun(), reply),
    // A refusal (another run started meanwhile) shows that run instead.
    onError: () => queryClient.invalidateQueries({ queryKey: recommendationKeys.latestRun() }),
  });
}
