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
    | 'marketplaceDashboard'
    | 'audit';
  readonly path: string;
  readonly permission: Permission | null;
}

/** The side menu, in order. New modules add their entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', permission: null },
  { key: 'enterprises', path: '/enterprises', permission: Permission.EnterpriseRead },
  { key: 'jobOrders', path: '/job-orders', permission: Permission.JobOrderRead },
  { key: 'workers', path: '/workers', permission: Permission.WorkerRead },
  { key: 'matching', path: '/recommendations', permission: Permission.MatchRead },
  { key: 'orderHall', path: '/marketplace/hall', permission: Permission.MarketplaceClaim },
  { key: 'claims', path: '/marketplace/claims', permission: Permission.MarketplaceRead },
  { key: 'agencies', path: '/agencies', permission: Permission.AgencyRead },
  { key: 'marketplaceDashboard', path: '/marketplace/dashboard', permission: Permission.MarketplaceMonitor },
  { key: 'audit', path: '/audit', permission: Permission.AuditRead },
];

/** The menu entries `permissions` allow. */
export function listVisibleNavItems(permissions: ReadonlySet<string>): NavItem[] {
  return NAV_ITEMS.filter((item) => item.permission === null || permissions.has(item.permission));
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
