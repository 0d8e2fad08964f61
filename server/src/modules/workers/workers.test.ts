import { ageOn, maskIdNumber, maskPhone } from '@yonggong/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { birthDateBounds } from './workers.service.ts';
import { registrationBody, toLegacy15, uniqueIdNumber, uniquePhone } from './workers.test-support.ts';

const WUJIANG = '320509';
const XIANGCHENG = '320507';

describe('workers', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let liaison: TestClient;
  let officerId: string;
  /** Every plain ID number and phone this file sends: none may come back or reach the audit trail. */
  const secrets: string[] = [];
  /** Every JSON reply body, checked for secrets at the end. */
  const replies: string[] = [];

  const remember = (body: Record<string, unknown>) => {
    secrets.push(String(body.idNumber), String(body.phone));
    return body;
  };
  const register = async (client: TestClient, body: Record<string, unknown>) => {
    const response = await client.post('/api/workers', remember(body));
    replies.push(response.body);
    return response;
  };
  const get = async (client: TestClient, url: string) => {
    const response = await client.get(url);
    replies.push(response.body);
    return response;
  };
  const countWorkers = async () =>
    (
      await ctx.deps.db
        .selectFrom('workers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    ctx = await createTestContext();
    const officerRow = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] });
    officerId = officerRow.id;
    officer = await ctx.signIn(officerRow.username);
    liaison = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [XIANGCHENG] })).username,
    );
  });
  afterAll(() => ctx.close());

  it('registers a worker: birth date, age and sex come from the ID number; ID and phone are masked', async () => {
    const idNumber = uniqueIdNumber({ birthDate: '1992-03-15', sex: 'female' });
    const phone = uniquePhone();
    const response = await register(officer, registrationBody({ name: '李秀英', idNumber, phone }));
    expect(response.statusCode).toBe(201);
    const { outcome, worker } = response.json();
    expect(outcome).toBe('created');
    expect(worker).toMatchObject({
      name: '李秀英',
      idNumberMasked: maskIdNumber(idNumber),
      phoneMasked: maskPhone(phone),
      birthDate: '1992-03-15',
      age: ageOn('1992-03-15', new Date()),
      sex: 'female',
      originRegionCode: '530602',
      originRegionName: '云南省 昭通市 昭阳区',
      districtCode: WUJIANG,
      districtName: '吴江区',
      status: 'available',
      sourceChannel: 'officer',
      channels: [expect.objectContaining({ channel: 'officer' })],
      possibleDuplicates: [],
      version: 1,
      can: { update: true, reveal: true, recommend: true },
    });
    const stored = await ctx.deps.db
      .selectFrom('workers')
      .selectAll()
      .where('id', '=', worker.id)
      .executeTakeFirstOrThrow();
    expect(stored.id_number_enc).not.toContain(idNumber);
    expect(ctx.deps.pii.decrypt(stored.id_number_enc)).toBe(idNumber);
    expect(stored.id_number_hash).toBe(ctx.deps.pii.hash(idNumber));
    expect(stored).toMatchObject({
      phone_last4: phone.slice(-4),
      id_last4: idNumber.slice(-4),
      created_by: officerId,
    });
  });

  it('converts a 15-digit ID number to 18 digits', async () => {
    const id18 = uniqueIdNumber({ birthDate: '1968-07-01', sex: 'male' });
    const response = await register(officer, registrationBody({ idNumber: toLegacy15(id18) }));
    expect(response.statusCode).toBe(201);
    const { worker } = response.json();
    expect(worker).toMatchObject({
      idNumberMasked: maskIdNumber(id18),
      birthDate: '1968-07-01',
      sex: 'male',
    });
    const revealed = await officer.post(`/api/workers/${worker.id}/reveal`, { field: 'idNumber' });
    expect(revealed.json()).toEqual({ value: id18 });
    secrets.push(id18);
  });

  it('rejects a wrong check digit and an ID number Excel turned into 3.20509E+17, in the caller’s language', async () => {
    const good = uniqueIdNumber();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const bad = await officer.post('/api/workers', registrationBody({ idNumber: wrong }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: 'idNumber', code: 'id_number.check_digit' }),
    ]);
    const english = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
      { locale: 'en' },
    );
    const excel = await english.post('/api/workers', registrationBody({ idNumber: '3.20509E+17' }));
    expect(excel.statusCode).toBe(400);
    expect(excel.json().errors[0]).toMatchObject({ path: 'idNumber', code: 'id_number.scientific_notation' });
    expect(excel.json().errors[0].message).toContain('format the column as Text');
  });

  it('links a second registration of the same person to the existing worker instead of creating one', async () => {
    const body = registrationBody({ name: '赵大勇' });
    const first = await register(officer, body);
    expect(first.statusCode).toBe(201);
    const before = await countWorkers();
    const again = await register(liaison, { ...body, name: '赵大勇', channel: 'fair', districtCode: null });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      outcome: 'linked_existing',
      messageKey: 'worker.linked_existing',
      message: expect.stringContaining('赵大勇'),
      worker: { id: first.json().worker.id, districtCode: WUJIANG },
    });
    expect(again.json().worker.channels.map((c: { channel: string }) => c.channel)).toEqual([
      'officer',
      'fair',
    ]);
    expect(await countWorkers()).toBe(before);
    // The liaison of another district now sees the person it registered, read-only.
    const seen = await get(liaison, `/api/workers/${first.json().worker.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().can.update).toBe(false);
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_id', '=', first.json().worker.id)
      .orderBy('id')
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['worker.create', 'worker.link']);
  });

  it('makes one worker of two simultaneous registrations of one ID number', async () => {
    const body = remember(registrationBody({ name: '钱同时' }));
    const other = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    const [a, b] = await Promise.all([officer.post('/api/workers', body), other.post('/api/workers', body)]);
    replies.push(a.body, b.body);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().worker.id).toBe(b.json().worker.id);
    const rows = await ctx.deps.db
      .selectFrom('workers')
      .select('id')
      .where('id_number_hash', '=', ctx.deps.pii.hash(String(body.idNumber)))
      .execute();
    expect(rows).toHaveLength(1);
    const channels = await ctx.deps.db
      .selectFrom('worker_channels')
      .select('registered_by')
      .where('worker_id', '=', a.json().worker.id)
      .execute();
    expect(channels).toHaveLength(2);
  });

  it('recognises the unique violation of the ID-hash index on this database (the race fallback)', async () => {
    const created = (await register(officer, registrationBody({ name: '冯唯一' }))).json().worker;
    const row = await ctx.deps.db
      .selectFrom('workers')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const { id: _id, version: _version, created_at: _c, updated_at: _u, ...copy } = row;
    const failure = await ctx.deps.db
      .insertInto('workers')
      .values(copy)
      .execute()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(failure, 'workers_id_number_hash_key')).toBe(true);
    expect(isUniqueViolation(failure, 'some_other_key')).toBe(false);
  });

  it('flags the same name and phone with another ID number as a possible duplicate, never merging', async () => {
    const phone = uniquePhone();
    const first = await register(officer, registrationBody({ name: '孙小梅', phone }));
    const second = await register(officer, registrationBody({ name: '孙小梅', phone }));
    expect(second.statusCode).toBe(201);
    const secondWorker = second.json().worker;
    expect(secondWorker.id).not.toBe(first.json().worker.id);
    expect(secondWorker.possibleDuplicates).toEqual([
      expect.objectContaining({
        workerId: first.json().worker.id,
        name: '孙小梅',
        reason: 'same_name_phone',
        status: 'open',
      }),
    ]);
    const firstNow = (await get(officer, `/api/workers/${first.json().worker.id}`)).json();
    expect(firstNow.possibleDuplicates).toEqual([expect.objectContaining({ workerId: secondWorker.id })]);
    const flagged = (await get(officer, '/api/workers?possibleDuplicate=true&pageSize=200')).json();
    expect(flagged.items.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining([first.json().worker.id, secondWorker.id]),
    );

    const flagId = secondWorker.possibleDuplicates[0].flagId;
    const resolved = await officer.post(`/api/workers/duplicate-flags/${flagId}/resolve`, {
      status: 'dismissed',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ id: flagId, status: 'dismissed' });
    expect((await get(officer, `/api/workers/${secondWorker.id}`)).json().possibleDuplicates).toEqual([]);
    const again = await officer.post(`/api/workers/duplicate-flags/${flagId}/resolve`, {
      status: 'confirmed',
    });
    expect(again.statusCode).toBe(409);
    // A liaison of another district cannot see either worker: the flag does not exist for it.
    const hidden = await liaison.post(`/api/workers/duplicate-flags/${flagId}/resolve`, {
      status: 'confirmed',
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('edits with the loaded version and refuses a stale one; a new phone is masked and re-hashed', async () => {
    const created = (await register(officer, registrationBody({ name: '周立新' }))).json().worker;
    const newPhone = uniquePhone();
    secrets.push(newPhone);
    const patched = await officer.patch(`/api/workers/${created.id}`, {
      version: 1,
      phone: newPhone,
      skills: ['SMT 操作'],
      expectedWage: 7200,
    });
    replies.push(patched.body);
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      version: 2,
      phoneMasked: maskPhone(newPhone),
      skills: ['SMT 操作'],
      expectedWage: 7200,
    });
    const stale = await officer.patch(`/api/workers/${created.id}`, { version: 1, notes: '晚了' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const stored = await ctx.deps.db
      .selectFrom('workers')
      .select(['phone_hash', 'phone_last4'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ phone_hash: ctx.deps.pii.hash(newPhone), phone_last4: newPhone.slice(-4) });
    const moved = await officer.patch(`/api/workers/${created.id}`, { version: 2, districtCode: XIANGCHENG });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0]).toMatchObject({
      path: 'districtCode',
      code: 'worker.district_out_of_scope',
    });
  });

  it('reveals a full value only with pii.reveal, and audits the reveal without the value', async () => {
    const body = registrationBody({ name: '吴海燕' });
    const created = (await register(officer, body)).json().worker;
    const revealed = await officer.post(`/api/workers/${created.id}/reveal`, { field: 'phone' });
    expect(revealed.json()).toEqual({ value: body.phone });
    const event = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', created.id)
      .where('action', '=', 'pii.reveal')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: officerId, entity_type: 'worker', after: { field: 'phone' } });
    expect(event.summary).toContain('吴海燕');
    expect(event.summary).toContain(maskPhone(String(body.phone)));
    const linkedLiaison = await liaison.post(`/api/workers/${created.id}/reveal`, { field: 'phone' });
    expect(linkedLiaison.statusCode).toBe(403);
  });

  it('lists with filters: name, pinyin initials, last four digits, origin prefix, age range, education', async () => {
    const admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
    const young = registrationBody({
      name: '欧阳青',
      idNumber: uniqueIdNumber({ region: '433130', birthDate: '2004-05-05' }),
      originRegionCode: '433130',
      education: 'vocational',
    });
    const old = registrationBody({
      name: '欧阳松',
      idNumber: uniqueIdNumber({ region: '411523', birthDate: '1972-05-05' }),
      originRegionCode: '411523',
      education: 'junior',
      districtCode: WUJIANG,
    });
    const y = (await register(officer, young)).json().worker;
    const o = (await register(admin, old)).json().worker;
    const ids = async (query: string) =>
      (await get(admin, `/api/workers?pageSize=200&${query}`)).json().items.map((w: { id: string }) => w.id);
    expect(await ids(`q=${encodeURIComponent('欧阳')}`)).toEqual(expect.arrayContaining([y.id, o.id]));
    expect(await ids('q=oyq')).toContain(y.id);
    expect(await ids('q=oyq')).not.toContain(o.id);
    expect(await ids(`q=${String(young.phone).slice(-4)}`)).toContain(y.id);
    expect(await ids(`q=${String(old.idNumber).slice(-4)}`)).toContain(o.id);
    expect(await ids('originRegionCode=4331')).toEqual([y.id]);
    expect(await ids('originRegionCode=41')).toEqual([o.id]);
    const ageOfOld = ageOn('1972-05-05', new Date());
    expect(await ids(`ageMin=${ageOfOld}&ageMax=${ageOfOld}&originRegionCode=41`)).toEqual([o.id]);
    expect(await ids(`ageMax=${ageOfOld - 1}&originRegionCode=41`)).toEqual([]);
    expect(await ids('education=vocational&originRegionCode=43')).toEqual([y.id]);
    const sorted = await ids(`q=${encodeURIComponent('欧阳')}&sort=-age`);
    expect(sorted.indexOf(o.id)).toBeLessThan(sorted.indexOf(y.id));
    expect((await admin.get('/api/workers?ageMin=40&ageMax=30')).statusCode).toBe(400);
  });

  it('computes birth-date bounds that agree with ageOn, including 29 February', () => {
    const today = new Date(2026, 1, 28);
    const { bornOnOrBefore, bornOnOrAfter } = birthDateBounds(26, 26, today);
    expect(bornOnOrBefore).toBe('2000-02-28');
    expect(bornOnOrAfter).toBe('1999-03-01');
    expect(ageOn('2000-02-28', today)).toBe(26);
    expect(ageOn('2000-02-29', today)).toBe(25);
    expect(ageOn('1999-03-01', today)).toBe(26);
    expect(ageOn('1999-02-28', today)).toBe(27);
  });

  it('never sends a plain ID number or phone in a reply, nor writes one into the audit trail', async () => {
    const list = await get(officer, '/api/workers?pageSize=200');
    expect(list.json().total).toBeGreaterThan(5);
    const audit = await ctx.deps.db.selectFrom('audit_events').selectAll().execute();
    const trail = JSON.stringify(audit);
    const everything = replies.join('\n');
    for (const secret of secrets) {
      expect(everything.includes(secret), `a reply contains ${maskIdNumber(secret)}`).toBe(false);
      expect(trail.includes(secret), `the audit trail contains ${maskIdNumber(secret)}`).toBe(false);
    }
    expect(secrets.length).toBeGreaterThan(20);
  });
});
