import { computeCreditCodeCheckDigit } from '@yonggong/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditCode, buildEnterprise, buildUser } from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';

const WUJIANG = '320509';
const XIANGCHENG = '320507';

/** A credit code with its check digit deliberately wrong. */
function withWrongCheckDigit(code: string): { code: string; expected: string } {
  const expected = computeCreditCodeCheckDigit(code.slice(0, 17));
  const wrong = expected === '0' ? '1' : '0';
  return { code: code.slice(0, 17) + wrong, expected };
}

describe('enterprises', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let officerId: string;
  let liaisonId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const officerRow = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] });
    officerId = officerRow.id;
    liaisonId = (await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] })).id;
    officer = await ctx.signIn(officerRow.username);
  });
  afterAll(() => ctx.close());

  const validBody = (overrides: Record<string, unknown> = {}) => ({
    creditCode: buildCreditCode(WUJIANG),
    name: '苏州恒达精密电子有限公司',
    industryCode: '39',
    districtCode: WUJIANG,
    address: '吴江区长安路 88 号',
    size: 'large',
    employeeCount: 1200,
    keyLevel: 'district',
    liaisonUserId: liaisonId,
    contacts: [{ name: '王敏', title: '人事经理', phone: '+86 138-1234-5678' }],
    ...overrides,
  });

  it('registers an enterprise, masks contact phones and records the change', async () => {
    const response = await officer.post('/api/enterprises', validBody());
    expect(response.statusCode).toBe(201);
    const enterprise = response.json();
    expect(enterprise).toMatchObject({
      name: '苏州恒达精密电子有限公司',
      districtName: '吴江区',
      industryName: '计算机、通信和其他电子设备制造业',
      keyLevel: 'district',
      version: 1,
      status: 'active',
      can: { update: true, changeManagedFields: true, deactivate: true, revealContact: true },
    });
    expect(enterprise.contacts).toEqual([
      expect.objectContaining({ name: '王敏', phoneMasked: '138****5678' }),
    ]);
    expect(JSON.stringify(enterprise)).not.toContain('13812345678');
    const stored = await ctx.deps.db
      .selectFrom('enterprise_contacts')
      .selectAll()
      .where('enterprise_id', '=', enterprise.id)
      .execute();
    expect(stored[0]?.phone_enc).not.toContain('13812345678');
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', enterprise.id)
      .execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'enterprise.create', actor_id: officerId })]);
    expect(JSON.stringify(audit[0]?.after)).not.toContain('13812345678');
  });

  it('says which character of a credit code is wrong', async () => {
    const code = buildCreditCode(WUJIANG);
    const withO = `${code.slice(0, 10)}O${code.slice(11)}`;
    const response = await officer.post('/api/enterprises', validBody({ creditCode: withO }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'creditCode', code: 'credit_code.char', message: '第 11 位“O”不是统一社会信用代码允许的字符' },
    ]);
  });

  it('says when the check digit does not match, and what it should be', async () => {
    const { code, expected } = withWrongCheckDigit(buildCreditCode(WUJIANG));
    const response = await officer.post('/api/enterprises', validBody({ creditCode: code }));
    expect(response.statusCode).toBe(400);
    const [issue] = response.json().errors;
    expect(issue.code).toBe('credit_code.check_digit');
    expect(issue.message).toContain(`应为“${expected}”`);
  });

  it('accepts full-width and lower-case input for the credit code', async () => {
    const code = buildCreditCode(WUJIANG);
    const fullWidth = [...code.toLowerCase()]
      .map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
      .join('');
    const response = await officer.post(
      '/api/enterprises',
      validBody({ creditCode: ` ${fullWidth} `, name: '苏州全角测试有限公司' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().creditCode).toBe(code);
  });

  it('changes nothing when the body is bad', async () => {
    const before = await ctx.deps.db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await officer.post(
      '/api/enterprises',
      validBody({ industryCode: '99', size: 'huge', name: 'x' }),
    );
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['industryCode', 'name', 'size']);
    const after = await ctx.deps.db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a district outside the city and outside the officer’s districts', async () => {
    const outside = await officer.post('/api/enterprises', validBody({ districtCode: '110101' }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ path: 'districtCode', code: 'region.not_in_city' });
    const other = await officer.post(
      '/api/enterprises',
      validBody({ districtCode: XIANGCHENG, liaisonUserId: null }),
    );
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0]).toMatchObject({
      path: 'districtCode',
      code: 'enterprise.district_out_of_scope',
    });
  });

  it('refuses a liaison who does not cover the district', async () => {
    const xiangchengLiaison = await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [XIANGCHENG] });
    const response = await officer.post(
      '/api/enterprises',
      validBody({ liaisonUserId: xiangchengLiaison.id }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      path: 'liaisonUserId',
      code: 'liaison.wrong_district',
    });
  });

  it('answers a duplicate credit code with 409 naming the existing enterprise', async () => {
    const existing = await buildEnterprise(ctx.deps, {
      districtCode: WUJIANG,
      name: '苏州已登记电子有限公司',
    });
    const response = await officer.post('/api/enterprises', validBody({ creditCode: existing.credit_code }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'duplicate',
      existingId: existing.id,
      detail: '统一社会信用代码已登记：苏州已登记电子有限公司',
    });
  });

  it('does not name an existing enterprise the caller may not see', async () => {
    const hidden = await buildEnterprise(ctx.deps, {
      districtCode: XIANGCHENG,
      name: '相城保密电子有限公司',
    });
    const response = await officer.post('/api/enterprises', validBody({ creditCode: hidden.credit_code }));
    expect(response.statusCode).toBe(409);
    const body = response.json();
    expect(body.existingId).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('相城保密');
  });

  it('updates with optimistic versioning and refuses a stale version', async () => {
    const created = (
      await officer.post('/api/enterprises', validBody({ name: '苏州版本测试有限公司' }))
    ).json();
    const first = await officer.patch(`/api/enterprises/${created.id}`, { version: 1, employeeCount: 1300 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, employeeCount: 1300 });
    const stale = await officer.patch(`/api/enterprises/${created.id}`, { version: 1, employeeCount: 1400 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', created.id)
      .where('action', '=', 'enterprise.update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toEqual({ employeeCount: 1200 });
    expect(audit[0]?.after).toEqual({ employeeCount: 1300 });
  });

  it('keeps a contact’s stored phone when an edit omits it', async () => {
    const created = (
      await officer.post('/api/enterprises', validBody({ name: '苏州联系人测试有限公司' }))
    ).json();
    const [contact] = created.contacts;
    const response = await officer.patch(`/api/enterprises/${created.id}`, {
      version: 1,
      contacts: [
        { id: contact.id, name: '王敏', title: '人力资源总监' },
        { name: '李强', title: '招聘专员', phone: '13900001111' },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().contacts).toEqual([
      expect.objectContaining({ id: contact.id, title: '人力资源总监', phoneMasked: '138****5678' }),
      expect.objectContaining({ name: '李强', phoneMasked: '139****1111' }),
    ]);
    const reveal = await officer.post(`/api/enterprises/${created.id}/contacts/${contact.id}/reveal`);
    expect(reveal.json()).toEqual({ phone: '13812345678' });
  });

  it('logs every reveal of a full phone number', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const [contact] = await ctx.deps.db
      .selectFrom('enterprise_contacts')
      .selectAll()
      .where('enterprise_id', '=', enterprise.id)
      .execute();
    const response = await officer.post(`/api/enterprises/${enterprise.id}/contacts/${contact?.id}/reveal`);
    expect(response.statusCode).toBe(200);
    const events = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'pii.reveal')
      .where('entity_id', '=', enterprise.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toContain('138****5678');
    expect(events[0]?.summary).not.toContain('13812345678');
  });

  it('lets enterprise HR edit its own details but not the bureau’s fields', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG, keyLevel: 'district' });
    const hr = await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: enterprise.id });
    const client = await ctx.signIn(hr.username);
    const own = (await client.get(`/api/enterprises/${enterprise.id}`)).json();
    expect(own.can).toEqual({
      update: true,
      changeManagedFields: false,
      deactivate: false,
      revealContact: false,
    });
    const address = await client.patch(`/api/enterprises/${enterprise.id}`, {
      version: 1,
      address: '新地址 2 号',
    });
    expect(address.statusCode).toBe(200);
    const key = await client.patch(`/api/enterprises/${enterprise.id}`, { version: 2, keyLevel: 'city' });
    expect(key.statusCode).toBe(403);
    const unchangedKey = await client.patch(`/api/enterprises/${enterprise.id}`, {
      version: 2,
      keyLevel: 'district',
      employeeCount: 10,
    });
    expect(unchangedKey.statusCode).toBe(200);
  });

  it('deactivates with a reason and reactivates', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const off = await officer.post(`/api/enterprises/${enterprise.id}/deactivate`, {
      reason: '企业已注销',
      version: 1,
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({
      status: 'inactive',
      deactivatedReason: '企业已注销',
      can: { update: false },
    });
    const listed = await officer.get(`/api/enterprises?q=${encodeURIComponent(enterprise.name)}`);
    expect(listed.json().total).toBe(0);
    const all = await officer.get(`/api/enterprises?status=all&q=${encodeURIComponent(enterprise.name)}`);
    expect(all.json().total).toBe(1);
    const again = await officer.post(`/api/enterprises/${enterprise.id}/deactivate`, {
      reason: '重复停用',
      version: 2,
    });
    expect(again.statusCode).toBe(409);
    const on = await officer.post(`/api/enterprises/${enterprise.id}/reactivate`, { version: 2 });
    expect(on.json()).toMatchObject({ status: 'active', deactivatedReason: null, version: 3 });
  });
});

describe('enterprise list', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let liaison: TestClient;
  let liaisonId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const liaisonRow = await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] });
    liaisonId = liaisonRow.id;
    await buildEnterprise(ctx.deps, {
      name: '苏州恒达电子有限公司',
      districtCode: WUJIANG,
      keyLevel: 'city',
      liaisonUserId: liaisonId,
      employeeCount: 3000,
    });
    await buildEnterprise(ctx.deps, {
      name: '吴江盛泽丝绸有限公司',
      districtCode: WUJIANG,
      industryCode: '17',
      employeeCount: 80,
    });
    await buildEnterprise(ctx.deps, {
      name: '苏州博远机械有限公司',
      districtCode: WUJIANG,
      industryCode: '34',
      keyLevel: 'district',
      employeeCount: 400,
    });
    await buildEnterprise(ctx.deps, {
      name: '相城汽车部件有限公司',
      districtCode: XIANGCHENG,
      industryCode: '36',
    });
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    liaison = await ctx.signIn(liaisonRow.username);
  });
  afterAll(() => ctx.close());

  const names = async (client: TestClient, query: string) =>
    (await client.get(`/api/enterprises?${query}`)).json().items.map((item: { name: string }) => item.name);

  it('shows only the officer’s district, sorted by pinyin', async () => {
    expect(await names(officer, '')).toEqual([
      '苏州博远机械有限公司',
      '苏州恒达电子有限公司',
      '吴江盛泽丝绸有限公司',
    ]);
  });

  it('finds enterprises by pinyin initials, full pinyin and name', async () => {
    expect(await names(officer, 'q=szhd')).toEqual(['苏州恒达电子有限公司']);
    expect(await names(officer, 'q=SZHD')).toEqual(['苏州恒达电子有限公司']);
    expect(await names(officer, 'q=shengze')).toEqual(['吴江盛泽丝绸有限公司']);
    expect(await names(officer, `q=${encodeURIComponent('博远')}`)).toEqual(['苏州博远机械有限公司']);
    expect(await names(officer, `q=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('filters by industry, section and key level, and sorts by size', async () => {
    expect(await names(officer, 'industryCode=17')).toEqual(['吴江盛泽丝绸有限公司']);
    expect(await names(officer, 'industrySection=C&keyLevel=key&sort=-employeeCount')).toEqual([
      '苏州恒达电子有限公司',
      '苏州博远机械有限公司',
    ]);
    expect(await names(officer, 'keyLevel=none')).toEqual(['吴江盛泽丝绸有限公司']);
  });

  it('paginates with a total', async () => {
    const page = (await officer.get('/api/enterprises?page=2&pageSize=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page.items).toHaveLength(1);
  });

  it('puts a liaison’s own enterprises first and can show only them', async () => {
    const all = await names(liaison, 'sort=name');
    expect(all[0]).toBe('苏州恒达电子有限公司');
    expect(all).toHaveLength(3);
    expect(await names(liaison, 'mine=true')).toEqual(['苏州恒达电子有限公司']);
    const first = (await liaison.get('/api/enterprises')).json().items[0];
    expect(first.isMine).toBe(true);
  });

  it('rejects a malformed query with field messages', async () => {
    const response = await officer.get('/api/enterprises?pageSize=1000&sort=bogus');
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['pageSize', 'sort']);
  });
});
