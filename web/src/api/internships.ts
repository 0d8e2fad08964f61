import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ApprenticeshipCreateInput,
  type ApprenticeshipListQuery,
  type ApprenticeshipUpdateBody,
  apprenticeshipPage,
  apprenticeshipSchema,
  type InternshipCreateInput,
  type InternshipListQuery,
  type InternshipUpdateBody,
  internshipPage,
  internshipSchema,
} from '@yonggong/shared';
import { buildQueryString, requestJson } from './client.ts';
import type { IdempotentCreate } from './schools.ts';

/** Query keys: internships and apprenticeships. */
export const internshipKeys = {
  all: ['internships'] as const,
  list: (query: Partial<InternshipListQuery>) => [...internshipKeys.all, 'list', query] as const,
  apprenticeships: (query: Partial<ApprenticeshipListQuery>) =>
    [...internshipKeys.all, 'apprenticeships', query] as const,
};

export function useInternships(query: Partial<InternshipListQuery>) {
  return useQuery({
    queryKey: internshipKeys.list(query),
    queryFn: ({ signal }) => requestJson('/api/internships', internshipPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function buildInternshipExportUrl(query: Partial<InternshipListQuery>): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/internships/export${buildQueryString(filters)}`;
}

export function useApprenticeships(query: Partial<ApprenticeshipListQuery>) {
  return useQuery({
    queryKey: internshipKeys.apprenticeships(query),
    queryFn: ({ signal }) => requestJson('/api/apprenticeships', apprenticeshipPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every write refreshes both lists (they share the key prefix). */
function useInvalidateInternships() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: internshipKeys.all });
}

/** `POST /api/internships` (the subsidy verdict comes back computed). */
export function useCreateInternship() {
  const invalidate = useInvalidateInternships();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: IdempotentCreate<InternshipCreateInput>) =>
      requestJson('/api/internships', internshipSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: invalidate,
  });
}

/** `PATCH /api/internships/:id` with the version the form loaded. */
export function useUpdateInternship(id: string) {
  const invalidate = useInvalidateInternships();
  return useMutation({
    mutationFn: (body: InternshipUpdateBody) =>
      requestJson(`/api/internships/${encodeURIComponent(id)}`, internshipSchema, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

/** `POST /api/apprenticeships`. */
export function useCreateApprenticeship() {
  const invalidate = useInvalidateInternships();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: IdempotentCreate<ApprenticeshipCreateInput>) =>
      requestJson('/api/apprenticeships', apprenticeshipSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: invalidate,
  });
}

/** `PATCH /api/apprenticeships/:id` (`addWorkerIds` adds apprentices). */
export function useUpdateApprenticeship(id: string) {
  const invalidate = useInvalidateInternships();
  return useMutation({
    mutationFn: (body: ApprenticeshipUpdateBody) =>
      requestJson(`/api/apprenticeships/${encodeURIComponent(id)}`, apprenticeshipSchema, {
        method: 'PATCH',
        body,
      }),
    onSuccess: invalidate,
  });
}
