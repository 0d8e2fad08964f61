import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ClassStudentCreateInput,
  classImportStatus,
  classStudentAddReply,
  classStudentPage,
  type DeliverClassBody,
  deliverableOrderList,
  deliverClassReply,
  type OrderClassCreateInput,
  type OrderClassListQuery,
  type OrderClassUpdateBody,
  orderClassPage,
  orderClassSchema,
} from '@yonggong/shared';
import { applicationKeys } from './applications.ts';
import { requestJson } from './client.ts';
import { type IdempotentCreate, schoolKeys } from './schools.ts';

/** Query keys: every order-class query starts with `orderClassKeys.all`. */
export const orderClassKeys = {
  all: ['order-classes'] as const,
  list: (query: Partial<OrderClassListQuery>) => [...orderClassKeys.all, 'list', query] as const,
  detail: (id: string) => [...orderClassKeys.all, 'detail', id] as const,
  students: (id: string, page: number) => [...orderClassKeys.all, 'students', id, page] as const,
  orders: (id: string) => [...orderClassKeys.all, 'orders', id] as const,
};

const path = (id: string) => `/api/order-classes/${encodeURIComponent(id)}`;

/** `GET /api/order-classes`. */
export function useOrderClasses(query: Partial<OrderClassListQuery>) {
  return useQuery({
    queryKey: orderClassKeys.list(query),
    queryFn: ({ signal }) => requestJson('/api/order-classes', orderClassPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrderClass(id: string) {
  return useQuery({
    queryKey: orderClassKeys.detail(id),
    queryFn: ({ signal }) => requestJson(path(id), orderClassSchema, { signal }),
  });
}

/** The roster, 50 a page. */
export function useClassStudents(id: string, page: number) {
  return useQuery({
    queryKey: orderClassKeys.students(id, page),
    queryFn: ({ signal }) =>
      requestJson(`${path(id)}/students`, classStudentPage, {
        query: { page, pageSize: 50, status: 'all' },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The open orders of the class's enterprise (the deliver dialog's choices). */
export function useDeliverableOrders(id: string, enabled: boolean) {
  return useQuery({
    queryKey: orderClassKeys.orders(id),
    queryFn: ({ signal }) => requestJson(`${path(id)}/deliverable-orders`, deliverableOrderList, { signal }),
    enabled,
  });
}

/** `POST /api/order-classes` (the school's numbers change too). */
export function useCreateOrderClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: IdempotentCreate<OrderClassCreateInput>) =>
      requestJson('/api/order-classes', orderClassSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orderClassKeys.all });
      void queryClient.invalidateQueries({ queryKey: schoolKeys.all });
    },
  });
}

/** `PATCH /api/order-classes/:id` with the version the form loaded. */
export function useUpdateOrderClass(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderClassUpdateBody) =>
      requestJson(path(id), orderClassSchema, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(orderClassKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: orderClassKeys.all });
      void queryClient.invalidateQueries({ queryKey: schoolKeys.all });
    },
  });
}

export function useAddClassStudent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassStudentCreateInput) =>
      requestJson(`${path(id)}/students`, classStudentAddReply, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderClassKeys.all }),
  });
}

export function useWithdrawStudent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workerId: string) =>
      requestJson(`${path(id)}/students/${encodeURIComponent(workerId)}/withdraw`, orderClassSchema, {
        method: 'POST',
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderClassKeys.all }),
  });
}

export function useDeliverClass(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeliverClassBody) =>
      requestJson(`${path(id)}/deliver`, deliverClassReply, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orderClassKeys.all });
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
}

/** The import upload URL and the status of one import (polled while running). */
export function classImportUrl(id: string, mode: 'all' | 'valid'): string {
  return `${path(id)}/students/import?mode=${mode}`;
}

export function fetchClassImportStatus(id: string, importId: string, signal?: AbortSignal) {
  return requestJson(`${path(id)}/imports/${encodeURIComponent(importId)}`, classImportStatus, {
    ...(signal ? { signal } : {}),
  });
}
