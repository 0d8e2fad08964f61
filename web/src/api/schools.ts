import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AgreementCreateInput,
  type AgreementListQuery,
  agreementPage,
  agreementSchema,
  type SchoolCreateInput,
  type SchoolListQuery,
  schoolPage,
  schoolSchema,
  type schoolUpdateBody,
} from '@yonggong/shared';
import type { z } from 'zod';
import { buildQueryString, requestJson } from './client.ts';

/** Query keys: every school query starts with `schoolKeys.all`. */
export const schoolKeys = {
  all: ['schools'] as const,
  list: (query: Partial<SchoolListQuery>) => [...schoolKeys.all, 'list', query] as const,
  detail: (id: string) => [...schoolKeys.all, 'detail', id] as const,
  agreements: (query: Partial<AgreementListQuery>) => [...schoolKeys.all, 'agreements', query] as const,
};

/** `GET /api/schools`. */
export function useSchools(query: Partial<SchoolListQuery>) {
  return useQuery({
    queryKey: schoolKeys.list(query),
    queryFn: ({ signal }) => requestJson('/api/schools', schoolPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The `.xlsx` export of the list as filtered (a plain GET, used as a link). */
export function buildSchoolExportUrl(query: Partial<SchoolListQuery>): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/schools/export${buildQueryString(filters)}`;
}

/** `GET /api/schools/:id` (`isEnabled` false: not fetched, e.g. while no school is chosen). */
export function useSchool(id: string, isEnabled = true) {
  return useQuery({
    queryKey: schoolKeys.detail(id),
    queryFn: ({ signal }) => requestJson(`/api/schools/${encodeURIComponent(id)}`, schoolSchema, { signal }),
    enabled: isEnabled,
  });
}

/** `GET /api/school-agreements` (`isEnabled` false: not fetched, e.g. while no school is chosen). */
export function useAgreements(query: Partial<AgreementListQuery>, isEnabled = true) {
  return useQuery({
    queryKey: schoolKeys.agreements(query),
    queryFn: ({ signal }) => requestJson('/api/school-agreements', agreementPage, { query, signal }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

/** A create request with the `Idempotency-Key` its form made when it opened (one record per click). */
export interface IdempotentCreate<B> {
  readonly body: B;
  readonly idempotencyKey: string;
}

/** `POST /api/schools` (officers keeping the register). */
export function useCreateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: IdempotentCreate<SchoolCreateInput>) =>
      requestJson('/api/schools', schoolSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: schoolKeys.all }),
  });
}

/** The `PATCH /api/schools/:id` body as sent (the server fills the majors' defaults). */
export type SchoolUpdateInput = z.input<typeof schoolUpdateBody>;

/** `PATCH /api/schools/:id` with the version the form loaded. */
export function useUpdateSchool(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SchoolUpdateInput) =>
      requestJson(`/api/schools/${encodeURIComponent(id)}`, schoolSchema, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(schoolKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: schoolKeys.all });
    },
  });
}

/** `POST /api/schools/:id/agreements`. */
export function useCreateAgreement(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: IdempotentCreate<AgreementCreateInput>) =>
      requestJson(`/api/schools/${encodeURIComponent(schoolId)}/agreements`, agreementSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: schoolKeys.all }),
  });
}
