import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type JOB_ORDER_ACTIONS,
  type JobOrder,
  type JobOrderCreateInput,
  type JobOrderListQuery,
  jobOrderListQuery,
  jobOrderPage,
  jobOrderSchema,
  type jobOrderUpdateBody,
} from '@yonggong/shared';
import type { z } from 'zod';
import { auditKeys } from './audit.ts';
import { requestJson } from './client.ts';

/** The body of `PATCH /api/job-orders/:id` as the client writes it. */
export type JobOrderUpdateInput = z.input<typeof jobOrderUpdateBody>;
export type JobOrderAction = (typeof JOB_ORDER_ACTIONS)[number];

/** Query keys: every job-order query starts with `jobOrderKeys.all`. */
export const jobOrderKeys = {
  all: ['job-orders'] as const,
  lists: () => [...jobOrderKeys.all, 'list'] as const,
  list: (query: JobOrderListQuery) => [...jobOrderKeys.lists(), query] as const,
  detail: (id: string) => [...jobOrderKeys.all, 'detail', id] as const,
};

/** `GET /api/job-orders`. */
export function fetchJobOrderPage(query: JobOrderListQuery, signal?: AbortSignal) {
  return requestJson('/api/job-orders', jobOrderPage, { query, signal });
}

/** `GET /api/job-orders/:id`. */
export function fetchJobOrder(id: string, signal?: AbortSignal) {
  return requestJson(`/api/job-orders/${encodeURIComponent(id)}`, jobOrderSchema, { signal });
}

/** A page of job orders; the previous page stays on screen while the next one loads. */
export function useJobOrderPage(query: JobOrderListQuery, isEnabled = true) {
  return useQuery({
    queryKey: jobOrderKeys.list(query),
    queryFn: ({ signal }) => fetchJobOrderPage(query, signal),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

/** The list query of the "recommend to an order" picker: open orders matching `q`. */
export function buildOpenOrderSearch(q: string): JobOrderListQuery {
  return jobOrderListQuery.parse({ status: 'open', q: q.trim() || undefined, pageSize: 20 });
}

/** One job order with its pipeline summary. */
export function useJobOrder(id: string) {
  return useQuery({
    queryKey: jobOrderKeys.detail(id),
    queryFn: ({ signal }) => fetchJobOrder(id, signal),
  });
}

/** After any change: the record is fresh, the lists and the audit trail are stale. */
function useRememberJobOrder() {
  const queryClient = useQueryClient();
  return (order: JobOrder) => {
    queryClient.setQueryData(jobOrderKeys.detail(order.id), order);
    void queryClient.invalidateQueries({ queryKey: jobOrderKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  };
}

/** `POST /api/job-orders` (`publish: false` saves a draft). */
export function useCreateJobOrder() {
  const remember = useRememberJobOrder();
  return useMutation({
    mutationFn: (body: JobOrderCreateInput) =>
      requestJson('/api/job-orders', jobOrderSchema, { method: 'POST', body }),
    onSuccess: remember,
  });
}

/** `PATCH /api/job-orders/:id` (the body carries the loaded `version`). */
export function useUpdateJobOrder(id: string) {
  const remember = useRememberJobOrder();
  return useMutation({
    mutationFn: (body: JobOrderUpdateInput) =>
      requestJson(`/api/job-orders/${encodeURIComponent(id)}`, jobOrderSchema, { method: 'PATCH', body }),
    onSuccess: remember,
  });
}

/** `POST /api/job-orders/:id/actions`: publish, close (with a reason) or reopen. */
export function useJobOrderAction(id: string) {
  const remember = useRememberJobOrder();
  return useMutation({
    mutationFn: (body: { action: JobOrderAction; reason?: string; version: number }) =>
      requestJson(`/api/job-orders/${encodeURIComponent(id)}/actions`, jobOrderSchema, {
        method: 'POST',
        body,
      }),
    onSuccess: remember,
  });
}
