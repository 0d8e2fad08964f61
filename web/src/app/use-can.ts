import type { Permission } from '@yonggong/shared';
import { useAuth } from './auth-context.tsx';

/**
 * Whether the signed-in user holds `permission`. This only decides what the UI offers; the server
 * checks every request again, and per-record abilities come from each record's `can`.
 */
export function useCan(permission: Permission): boolean {
  return useAuth().permissions.has(permission);
}
