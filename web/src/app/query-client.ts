import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';

/**
 * Retries only what may succeed on a second try: network failures and 5xx. A 4xx (validation,
 * permission, not found) will not change by asking again.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return false;
  return error.status === 0 || error.status >= 500;
}

/** One client per page load; server data lives only here, never in a global store. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryQuery, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
