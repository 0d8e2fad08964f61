import type { Role } from './roles.ts';

/**
 * Every route declares one of these. Which records a permission reaches is decided separately by
 * record-level scoping (server/src/http/scope.ts); a permission alone never grants city-wide access.
 */
export const Permission = {
  RegionRead: 'region.read',
  EnterpriseRead: 'enterprise.read',
  EnterpriseCreate: 'enterprise.create',
  EnterpriseUpdate: 'enterprise.update',
  EnterpriseDeactivate: 'enterprise.deactivate',
  EnterpriseImport: 'enterprise.import',
  EnterpriseExport: 'enterprise.export',
  PiiReveal: 'pii.reveal',
  JobOrderRead: 'job_order.read',
  JobOrderWrite: 'job_order.write',
  JobOrderExport: 'job_order.export',
  WorkerRead: 'worker.read',
  WorkerWrite: 'worker.write',
  WorkerImport: 'worker.import',
  ApplicationRead: 'application.read',
  ApplicationCreate: 'application.create',
  ApplicationMove: 'application.move',
  PlacementRead: 'placement.read',
  PlacementConfirm: 'placement.confirm',
  UserDirectoryRead: 'user.directory.read',
  UserManage: 'user.manage',
  AuditRead: 'audit.read',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

const P = Permission;

/** Role → permissions. The union over an account's roles is what it may do. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ALL_PERMISSIONS,
  district_officer: [
    P.RegionRead,
    P.JobOrderRead,
    P.JobOrderWrite,
    P.JobOrderExport,
    P.WorkerRead,
    P.WorkerWrite,
    P.WorkerImport,
    P.ApplicationRead,
    P.ApplicationCreate,
    P.ApplicationMove,
    P.PlacementRead,
    P.PlacementConfirm,
    P.EnterpriseRead,
    P.EnterpriseCreate,
    P.EnterpriseUpdate,
    P.EnterpriseDeactivate,
    P.EnterpriseImport,
    P.EnterpriseExport,
    P.PiiReveal,
    P.UserDirectoryRead,
  ],
  liaison: [
    P.RegionRead,
    P.EnterpriseRead,
    P.EnterpriseUpdate,
    P.EnterpriseExport,
    P.UserDirectoryRead,
    P.JobOrderRead,
    P.JobOrderWrite,
    P.WorkerRead,
    P.WorkerWrite,
    P.ApplicationRead,
    P.ApplicationCreate,
    P.ApplicationMove,
    P.PlacementRead,
  ],
  analyst: [
    P.RegionRead,
    P.EnterpriseRead,
    P.EnterpriseExport,
    P.JobOrderRead,
    P.JobOrderExport,
    P.PlacementRead,
    P.WorkerRead,
  ],
  leader: [P.RegionRead, P.EnterpriseRead, P.JobOrderRead, P.PlacementRead],
  enterprise: [
    P.RegionRead,
    P.EnterpriseRead,
    P.EnterpriseUpdate,
    P.JobOrderRead,
    P.JobOrderWrite,
    P.WorkerRead,
    P.ApplicationRead,
    P.ApplicationMove,
    P.PlacementRead,
    P.PlacementConfirm,
  ],
  agency: [P.RegionRead],
  school: [P.RegionRead],
  base: [P.RegionRead],
  worker: [P.RegionRead, P.JobOrderRead, P.ApplicationRead, P.ApplicationCreate, P.WorkerRead],
};

/** The permissions of an account holding `roles`. */
export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) result.add(p);
  return result;
}
