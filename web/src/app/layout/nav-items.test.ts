import { Permission } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { findActiveNavKey, groupNavItems, listVisibleNavItems, NAV_ITEMS } from './nav-items.ts';

describe('the side menu', () => {
  it('shows only home to a user without permissions', () => {
    expect(listVisibleNavItems(new Set()).map((item) => item.key)).toEqual(['home']);
  });

  it('shows the audit trail only to holders of audit.read', () => {
    const officer = new Set<string>([Permission.EnterpriseRead]);
    const admin = new Set<string>([Permission.EnterpriseRead, Permission.AuditRead]);
    expect(listVisibleNavItems(officer).map((item) => item.key)).toEqual(['home', 'enterprises']);
    expect(listVisibleNavItems(admin).map((item) => item.key)).toEqual(['home', 'enterprises', 'audit']);
  });

  it('shows job orders and workers to holders of their read permissions', () => {
    const enterpriseHr = new Set<string>([Permission.EnterpriseRead, Permission.JobOrderRead]);
    const officer = new Set<string>([
      Permission.EnterpriseRead,
      Permission.JobOrderRead,
      Permission.WorkerRead,
    ]);
    expect(listVisibleNavItems(enterpriseHr).map((item) => item.key)).toEqual([
      'home',
      'enterprises',
      'jobOrders',
    ]);
    expect(listVisibleNavItems(officer).map((item) => item.key)).toEqual([
      'home',
      'enterprises',
      'jobOrders',
      'workers',
    ]);
  });

  it('shows 智能推荐 (/recommendations) to holders of match.read', () => {
    const liaison = new Set<string>([Permission.WorkerRead, Permission.MatchRead]);
    expect(listVisibleNavItems(liaison).map((item) => item.key)).toEqual(['home', 'workers', 'matching']);
    expect(findActiveNavKey('/recommendations')).toBe('matching');
  });

  it('highlights the module of a nested page', () => {
    expect(findActiveNavKey('/job-orders/abc')).toBe('jobOrders');
    expect(findActiveNavKey('/workers/new')).toBe('workers');
    expect(findActiveNavKey('/enterprises/abc/edit')).toBe('enterprises');
    expect(findActiveNavKey('/enterprisesX')).toBe('home');
    expect(findActiveNavKey('/')).toBe('home');
  });

  it('folds each group into one sub-menu where its first entry stands, and a group of one into its entry', () => {
    const officer = new Set<string>([
      Permission.WorkerRead,
      Permission.BaseRead,
      Permission.SchoolRead,
      Permission.KpiRead,
      Permission.CaseRead,
      Permission.AuditRead,
    ]);
    const nodes = groupNavItems(listVisibleNavItems(officer));
    expect(
      nodes.map((node) => (node.kind === 'item' ? node.item.key : `${node.group}:${node.items.length}`)),
    ).toEqual(['home', 'workers', 'channels:7', 'cases', 'audit']);
    const baseStaff = new Set<string>([Permission.BaseRead, Permission.WorkerRead]);
    expect(groupNavItems(listVisibleNavItems(baseStaff)).every((node) => node.kind === 'item')).toBe(true);
  });

  it('keeps every entry of a group together in the menu order', () => {
    const nodes = groupNavItems(NAV_ITEMS);
    const groups = nodes.flatMap((node) => (node.kind === 'group' ? [node.group] : []));
    expect(groups).toEqual(['channels', 'marketplace', 'monitoring', 'service']);
    expect(nodes.reduce((count, node) => count + (node.kind === 'item' ? 1 : node.items.length), 0)).toBe(
      NAV_ITEMS.length,
    );
  });
});
