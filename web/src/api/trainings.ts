import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CompleteBody,
  completeResult,
  enrolmentList,
  enrolmentSchema,
  type TrainingCreateInput,
  type TrainingListQuery,
  trainingPage,
  trainingSchema,
} from '@yonggong/shared';
import { requestJson } from './client.ts';

export const trainingKeys = {
  all: ['trainings'] as const,
  list: (query: Partial<TrainingListQuery>) => [...trainingKeys.all, 'list', query] as const,
  detail: (id: string) => [...trainingKeys.all, 'detail', id] as const,
  enrolments: (id: string) => [...trainingKeys.all, 'enrolments', id] as const,
};

const path = (id: string) => `/api/trainings/${encodeURIComponent(id)}`;

export function useTrainings(query: Partial<TrainingListQuery>) {
  return useQuery({
    queryKey: trainingKeys.list(query),
    queryFn: ({ signal }) => requestJson('/api/trainings', trainingPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTraining(id: string) {
  return useQuery({
    queryKey: trainingKeys.detail(id),
    queryFn: ({ signal }) => requestJson(path(id), trainingSchema, { signal }),
  });
}

export function useEnrolments(id: string) {
  return useQuery({
    queryKey: trainingKeys.enrolments(id),
    queryFn: ({ signal }) => requestJson(`${path(id)}/enrolments`, enrolmentList, { signal }),
  });
}

export function useCreateTraining() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainingCreateInput) =>
      requestJson('/api/trainings', trainingSchema, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useEnrol(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workerId: string) =>
      requestJson(`${path(id)}/enrolments`, enrolmentSchema, { method: 'POST', body: { workerId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useDropEnrolment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) =>
      requestJson(`${path(id)}/enrolments/${encodeURIComponent(enrolmentId)}/drop`, enrolmentSchema, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useCompleteTrainees(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CompleteBody) =>
      requestJson(`${path(id)}/complete`, completeResult, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}
