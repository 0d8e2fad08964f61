import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type ChannelKpiQuery,
  type ChannelRecordsQuery,
  channelKpiReport,
  channelRecordPage,
} from '@yonggong/shared';
import { requestJson } from './client.ts';

/** Query keys: every KPI query starts with `kpiKeys.all`. */
export const kpiKeys = {
  all: ['kpis'] as const,
  channels: (query: Partial<ChannelKpiQuery>) => [...kpiKeys.all, 'channels', query] as const,
  records: (query: Partial<ChannelRecordsQuery>) => [...kpiKeys.all, 'records', query] as const,
};

/** `GET /api/kpis/channels`: channel effectiveness over a period and district. */
export function useChannelReport(query: Partial<ChannelKpiQuery>) {
  return useQuery({
    queryKey: kpiKeys.channels(query),
    queryFn: ({ signal }) => requestJson('/api/kpis/channels', channelKpiReport, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/kpis/channels/records`: the records behind one figure (null query: nothing opened). */
export function useChannelRecords(query: Partial<ChannelRecordsQuery> | null) {
  return useQuery({
    queryKey: kpiKeys.records(query ?? {}),
    queryFn: ({ signal }) =>
      requestJson('/api/kpis/channels/records', channelRecordPage, { query: query ?? {}, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
