/**
 * Roles of DESIGN §1. One account may hold several; what each may do is in permissions.ts and
 * which records it may touch is decided by the server's scoping layer from the account's scope.
 */
export const ROLES = [
  'admin',
  'district_officer',
  'liaison',
  'analyst',
  'leader',
  'enterprise',
  'agency',
  'school',
  'base',
  'worker',
] as const;

export type Role = (typeof ROLES)[number];

/** Whether a role sees the whole city (subject to its permissions). */
export function isCityWideRole(role: Role): boolean {
  return role === 'admin' || role === 'analyst' || role === 'leader';
}

/**
 * The records an account is bound to. Empty arrays / null mean "not bound".
 * A district officer or liaison is bound to district codes; enterprise HR to one enterprise; etc.
 */
export interface UserScope {
  readonly districtCodes: readonly string[];
  readonly enterpriseId: string | null;
  readonly agencyId: string | null;
  readonly schoolId: string | null;
  readonly baseId: string | null;
  readonly workerId: string | null;
}
