import type { Role } from '@yonggong/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditCode, buildEnterprise, buildUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { readXlsxRows } from '../../../test/xlsx.ts';

/**
 * The scoping matrix: every role against every enterprise endpoint, on an enterprise T in 吴江.
 * 'seen'/'unseen' = 200 with/without T in the result; numbers are HTTP statuses.
 */
const WUJIANG = '320509';
const XIANGCHENG = '320507';

type Actor =
  | 'admin'
  | 'officer.wujiang'
  | 'officer.xiangcheng'
  | 'liaison.own'
  | 'liaison.xiangcheng'
  | 'leader'
  | 'analyst'
  | 'enterprise.own'
  | 'enterprise.other'
  | 'agency'
  | 'school'
  | 'base'
  | 'worker';

type Expect = number | 'seen' | 'unseen';
interface Row {
  list: Expect;
  get: Expect;
  create: Expect;
  patch: Expect;
  deactivate: Expect;
  reveal: Expect;
  export: Expect;
  import: Expect;
}

const MATRIX: Record<Actor, Row> = {
  admin: {
    list: 'seen',
    get: 200,
    create: 201,
    patch: 200,
    deactivate: 200,
    reveal: 200,
    export: 'seen',
    import: 200,
  },
  'officer.wujiang': {
    list: 'seen',
    get: 200,
    create: 201,
    patch: 200,
    deactivate: 200,
    reveal: 200,
    export: 'seen',
    import: 200,
  },
  'officer.xiangcheng': {
    list: 'unseen',
    get: 404,
    create: 400,
    patch: 404,
    deactivate: 404,
    reveal: 404,
    export: 'unseen',
    import: 200,
  },
  'liaison.own': {
    list: 'seen',
    get: 200,
    create: 403,
    patch: 200,
    deactivate: 403,
    reveal: 403,
    export: 'seen',
    import: 403,
  },
  'liaison.xiangcheng': {
    list: 'unseen',
    get: 404,
    create: 403,
    patch: 404,
    deactivate: 403,
    reveal: 403,
    export: 'unseen',
    import: 403,
  },
  leader: {
    list: 'seen',
    get: 200,
    create: 403,
    patch: 403,
    deactivate: 403,
    reveal: 403,
    export: 403,
    import: 403,
  },
  analyst: {
    list: 'seen',
    get: 200,
    create: 403,
    patch: 403,
    deactivate: 403,
    reveal: 403,
    export: 'seen',
    import: 403,
  },
  'enterprise.own': {
    list: 'seen',
    get: 200,
    create: 403,
    patch: 200,
    deactivate: 403,
    reveal: 403,
    export: 403,
    import: 403,
  },
  'enterprise.other': {
    list: 'unseen',
    get: 404,
    create: 403,
    patch: 404,
    deactivate: 403,
    reveal: 403,
    export: 403,
    import: 403,
  },
  agency: {
    list: 403,
    get: 403,
    create: 403,
    patch: 403,
    deactivate: 403,
    reveal: 403,
    export: 403,
    import: 403,
  },
  school: {
    list: 403,
    get: 403,
    create: 403,
    patch: 403,
    deactivate: 403,
    reveal: 403,
    export: 403,
    import: 403,
  },
  base: {
    list: 403,
    get: 403,
    create: 403,
    patch: 403,
    deactivate: 403,
    reveal: 403,
    export: 403,
    import: 403,
  },
  worker: {
    list: 403,
    get: 403,
    create: 403,
    patch: 403,
    deactivate: 403,
    reveal: 403,
    export: 403,
    import: 403,
  },
};

describe('enterprise scoping matrix', () => {
  let ctx: TestContext;
  let liaisonOwnId: string;
  let otherEnterpriseId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    liaisonOwnId = (await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] })).id;
    otherEnterpriseId = (await buildEnterprise(ctx.deps, { districtCode: XIANGCHENG })).id;
  });
  afterAll(() => ctx.close());

  /** A fresh target T and a client acting as `actor` on it. */
  async function setUp(
    actor: Actor,
  ): Promise<{ client: TestClient; targetId: string; targetCode: string; contactId: string }> {
    const target = await buildEnterprise(ctx.deps, {
      districtCode: WUJIANG,
      keyLevel: 'district',
      liaisonUserId: liaisonOwnId,
    });
    const [contact] = await ctx.deps.db
      .selectFrom('enterprise_contacts')
      .select('id')
      .where('enterprise_id', '=', target.id)
      .execute();
    const account = async (roles: Role[], extra: { districtCodes?: string[]; enterpriseId?: string } = {}) =>
      ctx.signIn((await buildUser(ctx.deps, { roles, ...extra })).username);
    const users: Record<Actor, () => Promise<TestClient>> = {
      admin: () => account(['admin']),
      'officer.wujiang': () => account(['district_officer'], { districtCodes: [WUJIANG] }),
      'officer.xiangcheng': () => account(['district_officer'], { districtCodes: [XIANGCHENG] }),
      'liaison.own': async () => {
        const row = await ctx.deps.db
          .selectFrom('users')
          .select('username')
          .where('id', '=', liaisonOwnId)
          .executeTakeFirstOrThrow();
        return ctx.signIn(row.username);
      },
      'liaison.xiangcheng': () => account(['liaison'], { districtCodes: [XIANGCHENG] }),
      leader: () => account(['leader']),
      analyst: () => account(['analyst']),
      'enterprise.own': () => account(['enterprise'], { enterpriseId: target.id }),
      'enterprise.other': () => account(['enterprise'], { enterpriseId: otherEnterpriseId }),
      agency: () => account(['agency']),
      school: () => account(['school']),
      base: () => account(['base']),
      worker: () => account(['worker']),
    };
    return {
      client: await users[actor](),
      targetId: target.id,
      targetCode: target.credit_code,
      contactId: contact?.id ?? '',
    };
  }

  const actors = Object.keys(MATRIX) as Actor[];

  it.each(actors)('%s: list, read, create, edit, deactivate, reveal', async (actor) => {
    const expected = MATRIX[actor];
    const { client, targetId, contactId } = await setUp(actor);

    const list = await client.get('/api/enterprises?status=all&pageSize=200');
    if (typeof expected.list === 'number') expect(list.statusCode).toBe(expected.list);
    else {
      expect(list.statusCode).toBe(200);
      const ids = list.json().items.map((item: { id: string }) => item.id);
      expect(ids.includes(targetId)).toBe(expected.list === 'seen');
    }
    expect((await client.get(`/api/enterprises/${targetId}`)).statusCode).toBe(expected.get);

    const create = await client.post('/api/enterprises', {
      creditCode: buildCreditCode(WUJIANG),
      name: `矩阵新建${actor}有限公司`,
      industryCode: '39',
      districtCode: WUJIANG,
      size: 'small',
    });
    expect(create.statusCode).toBe(expected.create);

    expect(
      (await client.patch(`/api/enterprises/${targetId}`, { version: 1, employeeCount: 777 })).statusCode,
    ).toBe(expected.patch);
    expect((await client.post(`/api/enterprises/${targetId}/contacts/${contactId}/reveal`)).statusCode).toBe(
      expected.reveal,
    );
    const currentVersion = (
      await ctx.deps.db
        .selectFrom('enterprises')
        .select('version')
        .where('id', '=', targetId)
        .executeTakeFirstOrThrow()
    ).version;
    const deactivate = await client.post(`/api/enterprises/${targetId}/deactivate`, {
      reason: '矩阵测试',
      version: currentVersion,
    });
    expect(deactivate.statusCode).toBe(expected.deactivate);
  });

  it.each(actors)('%s: export and import', async (actor) => {
    const expected = MATRIX[actor];
    const { client, targetCode } = await setUp(actor);
    const exported = await client.get('/api/enterprises/export?status=all');
    if (typeof expected.export === 'number') expect(exported.statusCode).toBe(expected.export);
    else {
      expect(exported.statusCode).toBe(200);
      const codes = (await readXlsxRows(exported.rawPayload)).map((row) => row[0]);
      expect(codes.includes(targetCode)).toBe(expected.export === 'seen');
    }
    const csv = `统一社会信用代码,企业名称,行业代码,所属区县代码,企业规模\n${buildCreditCode(WUJIANG)},矩阵导入${actor}有限公司,39,320509,小型\n`;
    const { payload, headers } = multipartFile('matrix.csv', csv);
    const imported = await client.request('POST', '/api/enterprises/import?mode=valid', { payload, headers });
    expect(imported.statusCode).toBe(expected.import);
    if (imported.statusCode === 200) {
      const outOfScope = actor === 'officer.xiangcheng';
      expect(imported.json()).toMatchObject({ created: outOfScope ? 0 : 1, failed: outOfScope ? 1 : 0 });
    }
  });
});
