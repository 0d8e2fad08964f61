import { Permission } from '@yonggong/shared';

/** One entry of the side menu; shown only to users holding its permission. */
export interface NavItem {
  readonly key:
    | 'home'
    | 'enterprises'
    | 'jobOrders'
    | 'workers'
    | 'matching'
    | 'orderHall'
    | 'claims'
    | 'agencies'
    | 'bases'
    | 'surveys'
    | 'trainings'
    | 'schoolOverview'
    | 'schools'
    | 'orderClasses'
    | 'internships'
    | 'apprenticeships'
    | 'marketplaceDashboard'
    | 'channelKpis'
    | 'cases'
    | 'visits'
    | 'shortageReports'
    | 'monitoringMap'
    | 'monitoringReports'
    | 'monitoringLate'
    | 'monitoringSettings'
    | 'audit';
  readonly path: string;
  readonly permission: Permission | null;
  /** The sub-menu it sits in (none: the top level). */
  readonly group?: NavGroup;
}

/** Sub-menus of the side menu, in the order they appear among the top-level entries. */
export const NAV_GROUPS = ['channels', 'marketplace', 'monitoring', 'service'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The side menu, in order. New modules add their entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', permission: null },
  { key: 'enterprises', path: '/enterprises', permission: Permission.EnterpriseRead },
  { key: 'jobOrders', path: '/job-orders', permission: Permission.JobOrderRead },
  { key: 'workers', path: '/workers', permission: Permission.WorkerRead },
  { key: 'matching', path: '/recommendations', permission: Permission.MatchRead },
  { key: 'bases', path: '/bases', permission: Permission.BaseRead, group: 'channels' },
  { key: 'schoolOverview', path: '/school-overview', permission: Permission.SchoolRead, group: 'channels' },
  { key: 'schools', path: '/schools', permission: Permission.SchoolRead, group: 'channels' },
  { key: 'orderClasses', path: '/order-classes', permission: Permission.SchoolRead, group: 'channels' },
  { key: 'internships', path: '/internships', permission: Permission.SchoolRead, group: 'channels' },
  { key: 'apprenticeships', path: '/apprenticeships', permission: Permission.SchoolRead, group: 'channels' },
  { key: 'trainings', path: '/trainings', permission: Permission.TrainingRead, group: 'channels' },
  { key: 'surveys', path: '/surveys', permission: Permission.SurveyRead, group: 'channels' },
  { key: 'channelKpis', path: '/kpis/channels', permission: Permission.KpiRead, group: 'channels' },
  {
    key: 'orderHall',
    path: '/marketplace/hall',
    permission: Permission.MarketplaceClaim,
    group: 'marketplace',
  },
  {
    key: 'claims',
    path: '/marketplace/claims',
    permission: Permission.MarketplaceRead,
    group: 'marketplace',
  },
  { key: 'agencies', path: '/agencies', permission: Permission.AgencyRead, group: 'marketplace' },
  {
    key: 'marketplaceDashboard',
    path: '/marketplace/dashboard',
    permission: Permission.MarketplaceMonitor,
    group: 'marketplace',
  },
  { key: 'monitoringMap', path: '/monitoring', permission: Permission.MonitoringRead, group: 'monitoring' },
  {
    key: 'monitoringReports',
    path: '/monitoring/reports',
    permission: Permission.MonitoringRead,
    group: 'monitoring',
  },
  {
    key: 'monitoringLate',
    path: '/monitoring/late',
    permission: Permission.MonitoringRead,
    group: 'monitoring',
  },
  {
    key: 'monitoringSettings',
    path: '/monitoring/settings',
    permission: Permission.MonitoringSettings,
    group: 'monitoring',
  },
  { key: 'cases', path: '/cases', permission: Permission.CaseRead, group: 'service' },
  { key: 'visits', path: '/visits', permission: Permission.VisitWrite, group: 'service' },
  {
    key: 'shortageReports',
    path: '/shortage-reports',
    permission: Permission.MonitoringReport,
    group: 'service',
  },
  { key: 'audit', path: '/audit', permission: Permission.AuditRead },
];

/** The menu entries `permissions` allow. */
export function listVisibleNavItems(permissions: ReadonlySet<string>): NavItem[] {
  return NAV_ITEMS.filter((item) => item.permission === null || permissions.has(item.permission));
}

/** A top-level entry, or a sub-menu holding two or more visible entries. */
export type NavNode =
  | { readonly kind: 'item'; readonly item: NavItem }
  | { readonly kind: 'group'; readonly group: NavGroup; readonly items: readonly NavItem[] };

/**
 * The visible entries as the menu shows them: top-level entries in order, each group as one
 * sub-menu where its first entry would stand. A group with a single visible entry (a base's staff
 * sees only 劳务基地 of the channels) is shown as that entry, not as a sub-menu of one.
 */
export function groupNavItems(items: readonly NavItem[]): NavNode[] {
  const nodes: NavNode[] = [];
  const groups = new Map<NavGroup, NavItem[]>();
  for (const item of items) {
    if (!item.group) {
      nodes.push({ kind: 'item', item });
      continue;
    }
    const members = groups.get(item.group);
    if (members) members.push(item);
    else {
      const created = [item];
      groups.set(item.group, created);
      nodes.push({ kind: 'group', group: item.group, items: created });
    }
  }
  return nodes.map((node) =>
    node.kind === 'group' && node.items.length === 1 && node.items[0]
      ? { kind: 'item', item: node.items[0] }
      : node,
  );
}

/** The entry to highlight for `pathname`: the longest path that prefixes it. */
export function findActiveNavKey(pathname: string): NavItem['key'] {
  let best: NavItem = NAV_ITEMS[0] ?? { key: 'home', path: '/', permission: null };
  for (const item of NAV_ITEMS) {
    const isMatch = pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (isMatch && item.path.length > best.path.length) best = item;
  }
  return best.key;
}
