import { useQuery } from '@tanstack/react-query';
import { type Role, userDirectoryReply } from '@yonggong/shared';
import { requestJson } from './client.ts';

export interface DirectoryFilter {
  readonly role: Role;
  readonly districtCode?: string | undefined;
}

export const userKeys = {
  directory: (filter: DirectoryFilter) => ['users', 'directory', filter] as const,
};

/** `GET /api/users/directory`: people to pick as liaison officers, optionally of one district. */
export function fetchUserDirectory(filter: DirectoryFilter, signal?: AbortSignal) {
  return requestJson('/api/users/directory', userDirectoryReply, {
    query: { role: filter.role, districtCode: filter.districtCode },
    signal,
  });
}

/** The directory entries matching `filter`; `isEnabled` is false for users without the permission. */
export function useUserDirectory(filter: DirectoryFilter, isEnabled = true) {
  return useQuery({
    queryKey: userKeys.directory(filter),
    queryFn: ({ signal }) => fetchUserDirectory(filter, signal),
    select: (reply) => reply.items,
    staleTime: 5 * 60_000,
    enabled: isEnabled,
  });
}
