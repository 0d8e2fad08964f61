import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildUser } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';

describe('audit trail', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('is readable by administrators only, newest first, filterable by record', async () => {
    const admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
    const officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: ['320509'] })).username,
    );
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: '320509' });
    await officer.patch(`/api/enterprises/${enterprise.id}`, { version: 1, address: '新址 9 号' });
    await officer.patch(`/api/enterprises/${enterprise.id}`, { version: 2, employeeCount: 42 });

    expect((await officer.get('/api/audit')).statusCode).toBe(403);
    const page = (await admin.get(`/api/audit?entityType=enterprise&entityId=${enterprise.id}`)).json();
    expect(page.total).toBe(2);
    expect(
      page.items.map((item: { after: Record<string, unknown> }) => Object.keys(item.after ?? {})),
    ).toEqual([['employeeCount'], ['address']]);
    expect(page.items[0]).toMatchObject({
      action: 'enterprise.update',
      actor: expect.objectContaining({ displayName: expect.any(String) }),
    });
    const byAction = (await admin.get('/api/audit?action=auth.')).json();
    expect(byAction.items.every((item: { action: string }) => item.action.startsWith('auth.'))).toBe(true);
  });

  it('cannot be changed or deleted, even by SQL', async () => {
    await ctx.deps.db
      .insertInto('audit_events')
      .values({
        action: 'test.event',
        entity_type: 'test',
        entity_id: null,
        actor_id: null,
        request_id: null,
        ip: null,
      })
      .execute();
    await expect(sql`UPDATE audit_events SET action = 'forged'`.execute(ctx.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_events`.execute(ctx.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_events`.execute(ctx.deps.db)).rejects.toThrow(/append-only/);
  });
});
