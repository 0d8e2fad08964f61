import { Permission } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { findActiveNavKey, listVisibleNavItems } from './nav-items.ts';

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

  it('highlights the module of a nested page', () => {
    expect(findActiveNavKey('/enterprises/abc/edit')).toBe('enterprises');
    expect(findActiveNavKey('/enterprisesX')).toBe('home');
    expect(findActiveNavKey('/')).toBe('home');
  });
});
