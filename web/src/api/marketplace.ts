import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  claimPage,
  claimSchema,
  dashboardSchema,
  type HallQuery,
  type ListingPublishInput,
  listingPage,
  listingSchema,
  type MarketplaceSettings,
  marketplaceSettingsSchema,
  orderClaimsReply,
  type ReviewCreateInput,
  reviewPage,
  reviewSchema,
  reviewSummaryReply,
  type SubmissionCreateInput,
  settlementSchema,
  submissionList,
  submissionSchema,
} from '@yonggong/shared';
import { auditKeys } from './audit.ts';
import { requestJson } from './client.ts';

/** Query keys: every marketplace query starts with `marketplaceKeys.all`. */
export const marketplaceKeys = {
  all: ['marketplace'] as const,
  hall: (query: HallQuery) => [...marketplaceKeys.all, 'hall', query] as const,
  claims: (query: Record<string, unknown>) => [...marketplaceKeys.all, 'claims', query] as const,
  claim: (id: string) => [...marketplaceKeys.all, 'claim', id] as const,
  submissions: (claimId: string) => [...marketplaceKeys.all, 'submissions', claimId] as const,
  order: (jobOrderId: string) => [...marketplaceKeys.all, 'order', jobOrderId] as const,
  reviews: (query: Record<string, unknown>) => [...marketplaceKeys.all, 'reviews', query] as const,
  rating: (subject: Record<string, unknown>) => [...marketplaceKeys.all, 'rating', subject] as const,
  dashboard: (days: number) => [...marketplaceKeys.all, 'dashboard', days] as const,
  settlements: () => [...marketplaceKeys.all, 'settlements'] as const,
  settings: () => [...marketplaceKeys.all, 'settings'] as const,
};

const enc = encodeURIComponent;

/** After any change the marketplace's lists and the audit trail are stale. */
function useInvalidateMarketplace() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: marketplaceKeys.all });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  };
}

/** `GET /api/marketplace/hall`: what the agency may claim now. */
export function useHall(query: HallQuery) {
  return useQuery({
    queryKey: marketplaceKeys.hall(query),
    queryFn: ({ signal }) => requestJson('/api/marketplace/hall', listingPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/claims`. */
export function useClaims(query: { status?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: marketplaceKeys.claims(query),
    queryFn: ({ signal }) => requestJson('/api/claims', claimPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useClaim(id: string) {
  return useQuery({
    queryKey: marketplaceKeys.claim(id),
    queryFn: ({ signal }) => requestJson(`/api/claims/${enc(id)}`, claimSchema, { signal }),
  });
}

export function useClaimSubmissions(claimId: string) {
  return useQuery({
    queryKey: marketplaceKeys.submissions(claimId),
    queryFn: ({ signal }) =>
      requestJson(`/api/claims/${enc(claimId)}/submissions`, submissionList, { signal }),
  });
}

/** `GET /api/job-orders/:id/claims`: the order's listing and the claims the user may see. */
export function useOrderMarketplace(jobOrderId: string) {
  return useQuery({
    queryKey: marketplaceKeys.order(jobOrderId),
    queryFn: ({ signal }) =>
      requestJson(`/api/job-orders/${enc(jobOrderId)}/claims`, orderClaimsReply, { signal }),
  });
}

/** `POST /api/job-orders/:id/marketplace` (挂单). */
export function usePublishListing(jobOrderId: string) {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: (body: ListingPublishInput) =>
      requestJson(`/api/job-orders/${enc(jobOrderId)}/marketplace`, listingSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** `PATCH /api/job-orders/:id/marketplace`. */
export function useUpdateListing(jobOrderId: string) {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: (body: {
      offeredPlaces?: number;
      feePerHireFen?: number | null;
      subsidyApplies?: boolean;
      deadline?: string;
      version: number;
    }) =>
      requestJson(`/api/job-orders/${enc(jobOrderId)}/marketplace`, listingSchema, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useWithdrawListing(jobOrderId: string) {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: (body: { reason: string; version: number }) =>
      requestJson(`/api/job-orders/${enc(jobOrderId)}/marketplace/withdraw`, listingSchema, {
        method: 'POST',
        body,
      }),
    onSuccess: invalidate,
  });
}

/** `POST /api/job-orders/:id/claims` (抢单). */
export function useClaimPlaces() {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: (input: { jobOrderId: string; places: number }) =>
      requestJson(`/api/job-orders/${enc(input.jobOrderId)}/claims`, claimSchema, {
        method: 'POST',
        body: { places: input.places },
      }),
    onSuccess: invalidate,
  });
}

export function useReleaseClaim(claimId: string) {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: (body: { places: number; reason?: string }) =>
      requestJson(`/api/claims/${enc(claimId)}/release`, claimSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSubmitCandidate(claimId: string) {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: (body: SubmissionCreateInput) =>
      requestJson(`/api/claims/${enc(claimId)}/submissions`, submissionSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useCreateReview() {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: (body: ReviewCreateInput) =>
      requestJson('/api/reviews', reviewSchema, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useReviews(query: { agencyId?: string; enterpriseId?: string; pageSize?: number }) {
  return useQuery({
    queryKey: marketplaceKeys.reviews(query),
    queryFn: ({ signal }) => requestJson('/api/reviews', reviewPage, { query, signal }),
  });
}

export function useReviewVisibility() {
  const invalidate = useInvalidateMarketplace();
  return useMutation({
    mutationFn: (input: { id: string; hidden: boolean; reason: string }) =>
      requestJson(`/api/reviews/${enc(input.id)}/visibility`, reviewSchema, {
        method: 'POST',
        body: { hidden: input.hidden, reason: input.reason },
      }),
    onSuccess: invalidate,
  });
}

/** Averages with counts for a profile. */
export function useRatingSummary(subject: { agencyId?: string; enterpriseId?: string }, isEnabled = true) {
  return useQuery({
    queryKey: marketplaceKeys.rating(subject),
    queryFn: ({ signal }) =>
      requestJson('/api/reviews/summary', reviewSummaryReply, { query: subject, signal }),
    enabled: isEnabled,
  });
}

export function useMarketplaceDashboard(days: number) {
  return useQuery({
    queryKey: marketplaceKeys.dashboard(days),
    queryFn: ({ signal }) =>
      requestJson('/api/marketplace/dashboard', dashboardSchema, { query: { days }, signal }),
  });
}

export function useSettlements() {
  return useQuery({
    queryKey: marketplaceKeys.settlements(),
    queryFn: ({ signal }) => requestJson('/api/marketplace/settlements', settlementSchema, { signal }),
  });
}

export function useMarketplaceSettings() {
  return useQuery({
    queryKey: marketplaceKeys.settings(),
    queryFn: ({ signal }) => requestJson('/api/marketplace/settings', marketplaceSettingsSchema, { signal }),
  });
}

/** `PATCH /api/marketplace/settings` (administrators). */
export function useUpdateMarketplaceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<MarketplaceSettings>) =>
      requestJson('/api/marketplace/settings', marketplaceSettingsSchema, { method: 'PATCH', body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(marketplaceKeys.settings(), settings);
      void queryClient.invalidateQueries({ queryKey: marketplaceKeys.all });
    },
  });
}
