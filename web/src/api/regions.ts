import { useQuery } from '@tanstack/react-query';
import { cityReply, regionListReply } from '@yonggong/shared';
import { requestJson } from './client.ts';

/** Region names change with the UI language at most, never during a session: cache them for good. */
const FOREVER = Number.POSITIVE_INFINITY;

export const regionKeys = {
  all: ['regions'] as const,
  city: () => [...regionKeys.all, 'city'] as const,
  children: (parent: string | null) => [...regionKeys.all, 'children', parent ?? 'root'] as const,
};

/** `GET /api/regions?parent=` (no parent = provinces). */
export async function fetchChildRegions(parent: string | null) {
  const reply = await requestJson('/api/regions', regionListReply, { query: { parent } });
  return reply.items;
}

/** `GET /api/regions/city`: the deployment's city and its districts. */
export function fetchCity(signal?: AbortSignal) {
  return requestJson('/api/regions/city', cityReply, { signal });
}

/** The deployment's city and its districts (for district pickers and filters). */
export function useCity() {
  return useQuery({
    queryKey: regionKeys.city(),
    queryFn: ({ signal }) => fetchCity(signal),
    staleTime: FOREVER,
  });
}

/** Child regions of `parent` (null = provinces). */
export function useChildRegions(parent: string | null) {
  return useQuery({
    queryKey: regionKeys.children(parent),
    queryFn: () => fetchChildRegions(parent),
    staleTime: FOREVER,
  });
}
