import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AgencyAction, type AgencyListQuery, agencyPage, agencySchema } from '@yonggong/shared';
import { auditKeys } from './audit.ts';
import { requestJson } from './client.ts';

/** Query keys: every agency query starts with `agencyKeys.all`. */
export const agencyKeys = {
  all: ['agencies'] as const,
  list: (query: Partial<AgencyListQuery>) => [...agencyKeys.all, 'list', query] as const,
  detail: (id: string) => [...agencyKeys.all, 'detail', id] as const,
};

/** `GET /api/agencies`. */
export function useAgencies(query: Partial<AgencyListQuery>) {
  return useQuery({
    queryKey: agencyKeys.list(query),
    queryFn: ({ signal }) => requestJson('/api/agencies', agencyPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/agencies/:id`. */
export function useAgency(id: string) {
  return useQuery({
    queryKey: agencyKeys.detail(id),
    queryFn: ({ signal }) => requestJson(`/api/agencies/${encodeURIComponent(id)}`, agencySchema, { signal }),
  });
}

/** `POST /api/agencies/:id/actions`: approve, reject, suspend, reinstate. */
export function useAgencyAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: AgencyAction; reason?: string; version: number }) =>
      requestJson(`/api/agencies/${encodeURIComponent(id)}/actions`, agencySchema, { method: 'POST', body }),
    onSuccess: (agency) => {
      queryClient.setQueryData(agencyKeys.detail(agency.id), agency);
      void queryClient.invalidateQueries({ queryKey: agencyKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/** `PATCH /api/agencies/:id` (alliance membership by officers). */
export function useUpdateAgency(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { alliance?: string | null; contactName?: string; version: number }) =>
      requestJson(`/api/agencies/${encodeURIComponent(id)}`, agencySchema, { method: 'PATCH', body }),
    onSuccess: (agency) => {
      queryClient.setQueryData(agencyKeys.detail(agency.id), agency);
      void queryClient.invalidateQueries({ queryKey: agencyKeys.all });
    },
  });
}
