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
  // Supply channels (issue 4): labour bases, schools and their classes, training, rural surveys.
  BaseRead: 'base.read',
  BaseWrite: 'base.write',
  SchoolRead: 'school.read',
  /** Schools, cooperation agreements, order classes, internships, apprenticeships (school staff: their own). */
  SchoolWrite: 'school.write',
  TrainingRead: 'training.read',
  TrainingWrite: 'training.write',
  SurveyRead: 'survey.read',
  SurveyWrite: 'survey.write',
  /** Statistics such as channel effectiveness (`/api/kpis/*`), scoped by district. */
  KpiRead: 'kpi.read',
  // Monitoring and 一企一策 service (issue 6).
  MonitoringRead: 'monitoring.read',
  /** Entering or importing headcount and shortage reports (enterprise HR: its own). */
  MonitoringReport: 'monitoring.report',
  /** Reporting window, colour thresholds and the monitored set. */
  MonitoringSettings: 'monitoring.settings',
  CaseRead: 'case.read',
  CaseWrite: 'case.write',
  VisitWrite: 'visit.write',
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

/** The supply channels' and monitoring's share of each role (issues 4 and 6). */
const CHANNELS_AND_MONITORING: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [],
  district_officer: [
    P.BaseRead,
    P.BaseWrite,
    P.SchoolRead,
    P.SchoolWrite,
    P.TrainingRead,
    P.TrainingWrite,
    P.SurveyRead,
    P.SurveyWrite,
    P.KpiRead,
    P.MonitoringRead,
    P.MonitoringReport,
    P.CaseRead,
    P.CaseWrite,
    P.VisitWrite,
  ],
  liaison: [
    P.BaseRead,
    P.SchoolRead,
    P.TrainingRead,
    P.KpiRead,
    P.MonitoringRead,
    P.MonitoringReport,
    P.CaseRead,
    P.CaseWrite,
    P.VisitWrite,
  ],
  analyst: [P.BaseRead, P.SchoolRead, P.TrainingRead, P.SurveyRead, P.KpiRead, P.MonitoringRead, P.CaseRead],
  leader: [P.BaseRead, P.SchoolRead, P.TrainingRead, P.KpiRead, P.MonitoringRead, P.CaseRead],
  enterprise: [P.SchoolRead, P.TrainingRead, P.MonitoringRead, P.MonitoringReport, P.CaseRead],
  agency: [],
  // Base and school staff register, import and put forward their own workers and students.
  school: [
    P.SchoolRead,
    P.SchoolWrite,
    P.JobOrderRead,
    P.WorkerRead,
    P.WorkerWrite,
    P.WorkerImport,
    P.ApplicationRead,
    P.ApplicationCreate,
  ],
  base: [
    P.BaseRead,
    P.JobOrderRead,
    P.WorkerRead,
    P.WorkerWrite,
    P.WorkerImport,
    P.ApplicationRead,
    P.ApplicationCreate,
  ],
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
    ...CHANNELS_AND_MONITORING.district_officer,
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
    ...CHANNELS_AND_MONITORING.liaison,
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
    ...CHANNELS_AND_MONITORING.analyst,
  ],
  leader: [
    P.RegionRead,
    P.EnterpriseRead,
    P.JobOrderRead,
    P.PlacementRead,
    ...MARKETPLACE.leader,
    ...CHANNELS_AND_MONITORING.leader,
  ],
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
    ...CHANNELS_AND_MONITORING.enterprise,
  ],
  agency: [P.RegionRead, ...MARKETPLACE.agency],
  school: [P.RegionRead, ...CHANNELS_AND_MONITORING.school],
  base: [P.RegionRead, ...CHANNELS_AND_MONITORING.base],
  worker: [P.RegionRead, P.JobOrderRead, P.ApplicationRead, P.ApplicationCreate, P.WorkerRead],
};

/** The permissions of an account holding `roles`. */
export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) result.add(p);
  return result;
}
