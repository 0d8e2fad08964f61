import {
  type Locale,
  type Me,
  permissionsOf,
  ROLES,
  type Role,
  resolveLocale,
  type UserDirectoryEntry,
  type UserScope,
} from '@yonggong/shared';
import type { UserRow } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/** Row → the account as services see it (roles validated, permissions expanded). */
export function toActor(row: UserRow): Actor {
  const roles = parseRoles(row.roles);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    permissions: permissionsOf(roles),
    scope: toScope(row),
    locale: resolveLocale(row.locale),
  };
}

export function toScope(row: UserRow): UserScope {
  return {
    districtCodes: row.district_codes,
    enterpriseId: row.enterprise_id,
    agencyId: row.agency_id,
    schoolId: row.school_id,
    baseId: row.base_id,
    workerId: row.worker_id,
  };
}

/** Actor → `GET /api/me`, in the language the request resolved to. */
export function presentMe(actor: Actor, locale: Locale): Me {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: [...actor.roles],
    permissions: [...actor.permissions],
    scope: { ...actor.scope, districtCodes: [...actor.scope.districtCodes] },
    locale,
  };
}

export function presentDirectoryEntry(row: UserRow): UserDirectoryEntry {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: parseRoles(row.roles),
    districtCodes: row.district_codes,
  };
}

function parseRoles(values: readonly string[]): Role[] {
  return values.filter((value): value is Role => (ROLES as readonly string[]).includes(value));
}
