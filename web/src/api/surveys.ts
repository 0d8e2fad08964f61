import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ImportMode,
  importResult,
  type SurveyCampaignCreateInput,
  type SurveyCampaignListQuery,
  type SurveyConvertBody,
  type SurveyRecordCreateInput,
  type SurveyRecordListQuery,
  type SurveyRecordUpdateInput,
  surveyCampaignPage,
  surveyCampaignSchema,
  surveyConvertResult,
  surveyCoverageSchema,
  surveyRecordPage,
  surveyRecordSchema,
} from '@yonggong/shared';
import { requestJson } from './client.ts';
import { type UploadProgress, uploadFile } from './upload.ts';

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (query: Partial<SurveyCampaignListQuery>) => [...surveyKeys.all, 'list', query] as const,
  detail: (id: string) => [...surveyKeys.all, 'detail', id] as const,
  records: (id: string, query: Partial<SurveyRecordListQuery>) =>
    [...surveyKeys.all, 'records', id, query] as const,
  coverage: (id: string) => [...surveyKeys.all, 'coverage', id] as const,
  townships: (countyCode: string | undefined) => [...surveyKeys.all, 'townships', countyCode ?? ''] as const,
};

const path = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;
export const SURVEY_TEMPLATE_URL = '/api/surveys/import/template';

export function useSurveys(query: Partial<SurveyCampaignListQuery>) {
  return useQuery({
    queryKey: surveyKeys.list(query),
    queryFn: ({ signal }) => requestJson('/api/surveys', surveyCampaignPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string) {
  return useQuery({
    queryKey: surveyKeys.detail(id),
    queryFn: ({ signal }) => requestJson(path(id), surveyCampaignSchema, { signal }),
  });
}

export function useSurveyRecords(id: string, query: Partial<SurveyRecordListQuery>) {
  return useQuery({
    queryKey: surveyKeys.records(id, query),
    queryFn: ({ signal }) => requestJson(`${path(id)}/records`, surveyRecordPage, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSurveyCoverage(id: string) {
  return useQuery({
    queryKey: surveyKeys.coverage(id),
    queryFn: ({ signal }) => requestJson(`${path(id)}/coverage`, surveyCoverageSchema, { signal }),
  });
}

export function useTownshipCoverage(countyCode: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.townships(countyCode),
    queryFn: ({ signal }) =>
      requestJson('/api/surveys/coverage', surveyCoverageSchema, { query: { countyCode }, signal }),
  });
}

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyCampaignCreateInput) =>
      requestJson('/api/surveys', surveyCampaignSchema, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

/** Adds one record by hand; the key (made when the dialog opens) makes a double click add one. */
export function useAddSurveyRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SurveyRecordCreateInput; idempotencyKey: string }) =>
      requestJson(`${path(id)}/records`, surveyRecordSchema, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

/** Corrects one record (send the `version` loaded; 409 when someone changed it since). */
export function useEditSurveyRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ recordId, body }: { recordId: string; body: SurveyRecordUpdateInput }) =>
      requestJson(`${path(id)}/records/${encodeURIComponent(recordId)}`, surveyRecordSchema, {
        method: 'PATCH',
        body,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function useConvertRecords(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyConvertBody) =>
      requestJson(`${path(id)}/convert`, surveyConvertResult, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function uploadSurveyRecords(
  id: string,
  file: File,
  mode: ImportMode,
  onProgress: (progress: UploadProgress) => void,
) {
  return uploadFile({
    url: `${path(id)}/records/import?mode=${mode}`,
    file,
    fieldName: 'file',
    schema: importResult,
    onProgress,
  });
}
