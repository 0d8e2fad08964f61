import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditPage, type auditQuery } from '@yonggong/shared';
import type { z } from 'zod';
import { requestJson } from './client.ts';

export type AuditQuery = z.output<typeof auditQuery>;

export const auditKeys = {
  all: ['audit'] as const,
  page: (query: Partial<AuditQuery>) => [...auditKeys.all, query] as const,
};

/** `GET /api/audit` (admins only). */
export function fetchAuditPage(query: Partial<AuditQuery>, signal?: AbortSignal) {
  return requestJson('/api/audit', auditPage, { query, signal });
}

/** A page of audit events matching `query`. */
export function useAuditPage(query: Partial<AuditQuery>, isEnabled = true) {
  return useQuery({
    queryKey: auditKeys.page(query),
    queryFn: ({ signal }) => fetchAuditPage(query, signal),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}
