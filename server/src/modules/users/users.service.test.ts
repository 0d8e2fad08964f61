import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildEnterprise, TEST_PASSWORD } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { SYSTEM_AUDIT } from '../audit/audit.service.ts';
import { createAccount } from './users.service.ts';

describe('accounts (yonggong user add)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('binds further agency staff and enterprise HR to their organisation, who then act for it', async () => {
    const agency = await buildAgency(ctx.deps);
    const enterprise = await buildEnterprise(ctx.deps);
    const staff = await createAccount(
      ctx.deps.db,
      {
        username: 'agency.staff2',
        displayName: '第二位顾问',
        roles: ['agency'],
        password: TEST_PASSWORD,
        agencyId: agency.id,
      },
      SYSTEM_AUDIT,
    );
    const hr = await createAccount(
      ctx.deps.db,
      {
        username: 'hr.second',
        displayName: '人事二',
        roles: ['enterprise'],
        password: 'long-enough-1',
        enterpriseId: enterprise.id,
      },
      SYSTEM_AUDIT,
    );
    expect(staff).toMatchObject({ agency_id: agency.id, enterprise_id: null });
    expect(hr).toMatchObject({ enterprise_id: enterprise.id, agency_id: null });
    const client = await ctx.signIn('agency.staff2');
    const me = await client.get(`/api/agencies/${agency.id}`);
    expect(me.statusCode).toBe(200);
  });

  it('refuses an agency that does not exist and creates nothing', async () => {
    await expect(
      createAccount(
        ctx.deps.db,
        {
          username: 'agency.ghost',
          displayName: '不存在',
          roles: ['agency'],
          password: 'long-enough-1',
          agencyId: '00000000-0000-4000-8000-000000000000',
        },
        SYSTEM_AUDIT,
      ),
    ).rejects.toThrow();
    const row = await ctx.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'agency.ghost')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
