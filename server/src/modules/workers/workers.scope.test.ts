import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgency,
  buildApplication,
  buildEnterprise,
  buildJobOrder,
  buildUser,
} from '../../../test/factories.ts';
import { buildBase, buildBaseUser } from '../../../test/factories-channels.ts';
import { buildSchool, buildSchoolUser } from '../../../test/factories-schools.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import {
  bindUserToWorker,
  type Role,
  registrationBody,
  uniqueIdNumber,
  uniquePhone,
} from './workers.test-support.ts';

/**
 * The scoping matrix: every role against every worker endpoint, on a worker T served by 吴江 who
 * has applied to an enterprise in 昆山. 'seen'/'unseen' = 200 with/without T in the list; numbers
 * are HTTP statuses. Out of scope is 404 (existence is not confirmed); no permission is 403.
 */
const WUJIANG = '320509';
const XIANGCHENG = '320507';
const KUNSHAN = '320583';

type Actor =
  | 'admin'
  | 'officer.wujiang'
  | 'officer.xiangcheng'
  | 'officer.kunshan'
  | 'liaison.wujiang'
  | 'liaison.xiangcheng'
  | 'leader'
  | 'analyst'
  | 'enterprise.applied'
  | 'enterprise.other'
  | 'agency'
  | 'school'
  | 'base'
  | 'school.unbound'
  | 'base.unbound'
  | 'worker.self'
  | 'worker.other';

type Expect = number | 'seen' | 'unseen';
interface Row {
  list: Expect;
  get: Expect;
  create: Expect;
  patch: Expect;
  reveal: Expect;
  import: Expect;
}

const NONE: Row = { list: 403, get: 403, create: 403, patch: 403, reveal: 403, import: 403 };

const MATRIX: Record<Actor, Row> = {
  admin: { list: 'seen', get: 200, create: 201, patch: 200, reveal: 200, import: 202 },
  'officer.wujiang': { list: 'seen', get: 200, create: 201, patch: 200, reveal: 200, import: 202 },
  'officer.xiangcheng': { list: 'unseen', get: 404, create: 201, patch: 404, reveal: 404, import: 202 },
  // Sees T through T's application to a 昆山 enterprise; the record belongs to 吴江.
  'officer.kunshan': { list: 'seen', get: 200, create: 201, patch: 403, reveal: 200, import: 202 },
  'liaison.wujiang': { list: 'seen', get: 200, create: 201, patch: 200, reveal: 403, import: 403 },
  'liaison.xiangcheng': { list: 'unseen', get: 404, create: 201, patch: 404, reveal: 403, import: 403 },
  leader: NONE,
  analyst: { list: 'seen', get: 200, create: 403, patch: 403, reveal: 403, import: 403 },
  'enterprise.applied': { list: 'seen', get: 200, create: 403, patch: 403, reveal: 403, import: 403 },
  'enterprise.other': { list: 'unseen', get: 404, create: 403, patch: 403, reveal: 403, import: 403 },
  // Agency staff see the workers their agency registered (none of T) and register candidates.
  agency: { list: 'unseen', get: 404, create: 201, patch: 404, reveal: 403, import: 403 },
  // School and base staff see the workers who arrived through their school or base (none of T)
  // and register and import into the city-wide pool, credited to their school or base.
  school: { list: 'unseen', get: 404, create: 201, patch: 404, reveal: 403, import: 202 },
  base: { list: 'unseen', get: 404, create: 201, patch: 404, reveal: 403, import: 202 },
  // Bound to no school or base: they may register and import only through their own channel,
  // so nothing is allowed and nothing is seen.
  'school.unbound': { list: 'unseen', get: 404, create: 400, patch: 404, reveal: 403, import: 400 },
  'base.unbound': { list: 'unseen', get: 404, create: 400, patch: 404, reveal: 403, import: 400 },
  'worker.self': { list: 'seen', get: 200, create: 403, patch: 403, reveal: 403, import: 403 },
  'worker.other': { list: 'unseen', get: 404, create: 403, patch: 403, reveal: 403, import: 403 },
};

describe('worker scoping matrix', () => {
  let ctx: TestContext;
  let appliedEnterpriseId: string;
  let otherEnterpriseId: string;
  let otherWorkerId: string;
  let admin: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext();
    appliedEnterpriseId = (await buildEnterprise(ctx.deps, { districtCode: KUNSHAN })).id;
    otherEnterpriseId = (await buildEnterprise(ctx.deps, { districtCode: WUJIANG })).id;
    admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
    otherWorkerId = (await admin.post('/api/workers', registrationBody({ districtCode: XIANGCHENG }))).json()
      .worker.id;
  });
  afterAll(() => ctx.close());

  /** A fresh target T (served by 吴江, applied in 昆山) and a client acting as `actor`. */
  async function setUp(actor: Actor): Promise<{ client: TestClient; targetId: string }> {
    const target = (await admin.post('/api/workers', registrationBody({ districtCode: WUJIANG }))).json()
      .worker;
    const order = await buildJobOrder(ctx.deps, appliedEnterpriseId, { districtCode: KUNSHAN });
    await buildApplication(ctx.deps, { id: target.id }, order, 'applied');
    const account = async (
      roles: Role[],
      extra: { districtCodes?: string[]; enterpriseId?: string; agencyId?: string } = {},
    ) => {
      const user = await buildUser(ctx.deps, { roles, ...extra });
      return { user, client: await ctx.signIn(user.username) };
    };
    const asWorker = async (workerId: string) => {
      const user = await buildUser(ctx.deps, { roles: ['worker'] });
      await bindUserToWorker(ctx.deps.db, user.id, workerId);
      return ctx.signIn(user.username);
    };
    const clients: Record<Actor, () => Promise<TestClient>> = {
      admin: async () => (await account(['admin'])).client,
      'officer.wujiang': async () =>
        (await account(['district_officer'], { districtCodes: [WUJIANG] })).client,
      'officer.xiangcheng': async () =>
        (await account(['district_officer'], { districtCodes: [XIANGCHENG] })).client,
      'officer.kunshan': async () =>
        (await account(['district_officer'], { districtCodes: [KUNSHAN] })).client,
      'liaison.wujiang': async () => (await account(['liaison'], { districtCodes: [WUJIANG] })).client,
      'liaison.xiangcheng': async () => (await account(['liaison'], { districtCodes: [XIANGCHENG] })).client,
      leader: async () => (await account(['leader'])).client,
      analyst: async () => (await account(['analyst'])).client,
      'enterprise.applied': async () =>
        (await account(['enterprise'], { enterpriseId: appliedEnterpriseId })).client,
      'enterprise.other': async () =>
        (await account(['enterprise'], { enterpriseId: otherEnterpriseId })).client,
      agency: async () => (await account(['agency'], { agencyId: (await buildAgency(ctx.deps)).id })).client,
      school: async () =>
        ctx.signIn((await buildSchoolUser(ctx.deps, (await buildSchool(ctx.deps)).id)).username),
      base: async () => ctx.signIn((await buildBaseUser(ctx.deps, (await buildBase(ctx.deps)).id)).username),
      'school.unbound': async () => (await account(['school'])).client,
      'base.unbound': async () => (await account(['base'])).client,
      'worker.self': () => asWorker(target.id),
      'worker.other': () => asWorker(otherWorkerId),
    };
    return { client: await clients[actor](), targetId: target.id };
  }

  const actors = Object.keys(MATRIX) as Actor[];

  it.each(actors)('%s: list, read, register, edit, reveal, import', async (actor) => {
    const expected = MATRIX[actor];
    const { client, targetId } = await setUp(actor);

    const list = await client.get('/api/workers?pageSize=200');
    if (typeof expected.list === 'number') expect(list.statusCode).toBe(expected.list);
    else {
      expect(list.statusCode).toBe(200);
      const ids = list.json().items.map((item: { id: string }) => item.id);
      expect(ids.includes(targetId)).toBe(expected.list === 'seen');
      if (actor === 'worker.self') expect(ids).toEqual([targetId]);
    }
    expect((await client.get(`/api/workers/${targetId}`)).statusCode).toBe(expected.get);

    const create = await client.post('/api/workers', registrationBody({ name: `矩阵${actor.length}号` }));
    expect(create.statusCode).toBe(expected.create);

    expect(
      (await client.patch(`/api/workers/${targetId}`, { version: 1, notes: '矩阵测试' })).statusCode,
    ).toBe(expected.patch);
    expect((await client.post(`/api/workers/${targetId}/reveal`, { field: 'idNumber' })).statusCode).toBe(
      expected.reveal,
    );

    const csv = `身份证号码,姓名,手机号码\n${uniqueIdNumber()},矩阵导入,${uniquePhone()}\n`;
    const { payload, headers } = multipartFile('matrix.csv', csv);
    const imported = await client.request('POST', '/api/workers/import?mode=valid', { payload, headers });
    expect(imported.statusCode).toBe(expected.import);
    if (imported.statusCode === 202) expect(imported.json()).toMatchObject({ status: 'done', created: 1 });
  });

  it('answers the visible fields of a record only through the scope: every list item is in scope', async () => {
    const client = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [XIANGCHENG] })).username,
    );
    const items = (await client.get('/api/workers?pageSize=200')).json().items as {
      districtCode: string | null;
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.districtCode === XIANGCHENG)).toBe(true);
  });
});
