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
  /** Recommendations (推介 lists, explanations): scoped like the worker and the order they name. */
  MatchRead: 'match.read',
  /** Starting the batch that recomputes every stored recommendation. */
  MatchRun: 'match.run',
  UserDirectoryRead: 'user.directory.read',
  UserManage: 'user.manage',
  AuditRead: 'audit.read',
  // The agency marketplace (issue 7).
  AgencyRead: 'agency.read',
  AgencyCreate: 'agency.create',
  AgencyUpdate: 'agency.update',
  AgencyApprove: 'agency.approve',
  MarketplaceRead: 'marketplace.read',
  MarketplacePublish: 'marketplace.publish',
  MarketplaceClaim: 'marketplace.claim',
  MarketplaceMonitor: 'marketplace.monitor',
  MarketplaceModerate: 'marketplace.moderate',
  MarketplaceSettings: 'marketplace.settings',
  ReviewWrite: 'review.write',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

const P = Permission;

/** The agency marketplace's share of each role (issue 7). */
const MARKETPLACE: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [],
  district_officer: [
    P.AgencyRead,
    P.AgencyCreate,
    P.AgencyUpdate,
    P.AgencyApprove,
    P.MarketplaceRead,
    P.MarketplacePublish,
    P.MarketplaceMonitor,
    P.MarketplaceModerate,
  ],
  liaison: [P.AgencyRead, P.MarketplaceRead, P.MarketplacePublish],
  analyst: [P.AgencyRead, P.MarketplaceRead, P.MarketplaceMonitor],
  leader: [P.AgencyRead, P.MarketplaceRead, P.MarketplaceMonitor],
  enterprise: [P.AgencyRead, P.MarketplaceRead, P.MarketplacePublish, P.ReviewWrite],
  // Agency staff register their candidates through the workers module (worker.write), which
  // scopes them to the workers their agency registered.
  agency: [
    P.AgencyRead,
    P.AgencyUpdate,
    P.MarketplaceRead,
    P.MarketplaceClaim,
    P.ReviewWrite,
    P.WorkerRead,
    P.WorkerWrite,
  ],
  school: [],
  base: [],
  worker: [],
};

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
    P.MatchRead,
    P.MatchRun,
    P.EnterpriseRead,
    P.EnterpriseCreate,
    P.EnterpriseUpdate,
    P.EnterpriseDeactivate,
    P.EnterpriseImport,
    P.EnterpriseExport,
    P.PiiReveal,
    P.UserDirectoryRead,
    ...MARKETPLACE.district_officer,
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
    P.MatchRead,
    ...MARKETPLACE.liaison,
  ],
  analyst: [
    P.RegionRead,
    P.EnterpriseRead,
    P.EnterpriseExport,
    P.JobOrderRead,
    P.JobOrderExport,
    P.PlacementRead,
    P.WorkerRead,
    ...MARKETPLACE.analyst,
  ],
  leader: [P.RegionRead, P.EnterpriseRead, P.JobOrderRead, P.PlacementRead, ...MARKETPLACE.leader],
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
    ...MARKETPLACE.enterprise,
  ],
  agency: [P.RegionRead, ...MARKETPLACE.agency],
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
