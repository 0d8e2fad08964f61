import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildJobOrder, buildUser, buildWorker } from '../../../test/factories.ts';
import { buildBase, creditWorkerToBase } from '../../../test/factories-channels.ts';
import { buildAgreement, buildSchool } from '../../../test/factories-schools.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { currentIndex } from './match-index.ts';
import { refreshChangedLists } from './match-runs.service.ts';
import { createMatchingState } from './matching-state.ts';

const WUJIANG = '320509';
const KUNSHAN = '320583';

describe('recommendations', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let kunshanOfficer: TestClient;
  let admin: TestClient;
  let hr: TestClient;
  let wujiangEnterprise: string;
  let kunshanEnterprise: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    kunshanOfficer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [KUNSHAN] })).username,
    );
    admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
    wujiangEnterprise = (await buildEnterprise(ctx.deps, { districtCode: WUJIANG, keyLevel: 'city' })).id;
    kunshanEnterprise = (await buildEnterprise(ctx.deps, { districtCode: KUNSHAN })).id;
    hr = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: wujiangEnterprise })).username,
    );
  });
  afterAll(() => ctx.close());

  /**
   * Factories write straight to the database, past the services that tell the recommendation
   * index about changes; tests say it themselves once their data is in place.
   */
  const dataChanged = () => ctx.deps.matching.changed({});

  /** A worker of Wujiang wanting `occupation`, 31 years old, senior school, 6,000 yuan. */
  const worker = (occupation: string, extra: Parameters<typeof buildWorker>[1] = {}) =>
    buildWorker(ctx.deps, {
      districtCode: WUJIANG,
      occupationCodes: [occupation],
      birthDate: `1995-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
      ...extra,
    });

  it('ranks orders for a worker with exact scores and reasons, and never breaks a hard filter', async () => {
    const person = await worker('6-31-01-02', { expectedWage: 6000, certificates: [] });
    const same = await buildJobOrder(ctx.deps, wujiangEnterprise, {
      occupationCode: '6-31-01-02',
      wageMin: 6500,
      wageMax: 8000,
      dormitory: true,
    });
    const sameGroup = await buildJobOrder(ctx.deps, wujiangEnterprise, {
      occupationCode: '6-31-01-09',
      wageMin: 4000,
      wageMax: 5000,
    });
    const needsCertificate = await buildJobOrder(ctx.deps, wujiangEnterprise, {
      occupationCode: '6-31-01-02',
      certificates: ['电工证'],
    });
    const tooOld = await buildJobOrder(ctx.deps, wujiangEnterprise, {
      occupationCode: '6-31-01-02',
      ageMin: 18,
      ageMax: 25,
    });
    const full = await buildJobOrder(ctx.deps, wujiangEnterprise, {
      occupationCode: '6-31-01-02',
      headcount: 3,
      filled: 3,
    });
    dataChanged();
    const response = await officer.get(`/api/recommendations?workerId=${person.id}&k=50`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const ids = body.orders.map((item: { jobOrder: { id: string } }) => item.jobOrder.id);
    expect(ids.indexOf(same.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(same.id)).toBeLessThan(ids.indexOf(sameGroup.id));
    for (const refused of [needsCertificate.id, tooOld.id, full.id]) expect(ids).not.toContain(refused);
    const top = body.orders[ids.indexOf(same.id)];
    expect(top.terms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'occupation_detail', points: 40, label: '工种一致 +40' }),
        expect.objectContaining({ code: 'wage_meets', points: 20 }),
      ]),
    );
    expect(top.reasons).toMatch(/^工种一致 \+40 · /);
    expect(top.score).toBe(top.terms.reduce((sum: number, term: { points: number }) => sum + term.points, 0));
    const scores = body.orders.map((item: { score: number }) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.orders[0].rank).toBe(1);
  });

  it('gives the channel term where the worker’s base or school works with the order’s enterprise', async () => {
    const base = await buildBase(ctx.deps);
    const school = await buildSchool(ctx.deps);
    const baseWorker = await worker('6-18-02-01');
    await creditWorkerToBase(ctx.deps, baseWorker.id, base.id);
    const attended = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const partner = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const stranger = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const event = await ctx.deps.db
      .insertInto('labour_base_events')
      .values({
        base_id: base.id,
        held_on: new Date().toISOString().slice(0, 10),
        kind: 'meeting',
        place: '昭阳区人社局',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.deps.db
      .insertInto('labour_base_event_enterprises')
      .values({ event_id: event.id, enterprise_id: attended.id })
      .execute();
    await buildAgreement(ctx.deps, school.id, partner.id);
    const student = await worker('6-18-02-01');
    await ctx.deps.db
      .insertInto('worker_channels')
      .values({
        worker_id: student.id,
        channel: 'school',
        channel_ref: 'test',
        source_ref: school.id,
        registered_by: null,
      })
      .execute();
    const orders = {
      attended: await buildJobOrder(ctx.deps, attended.id, { occupationCode: '6-18-02-01' }),
      partner: await buildJobOrder(ctx.deps, partner.id, { occupationCode: '6-18-02-01' }),
      stranger: await buildJobOrder(ctx.deps, stranger.id, { occupationCode: '6-18-02-01' }),
    };
    dataChanged();
    const tieOf = async (workerId: string, orderId: string) => {
      const body = (await admin.get(`/api/recommendations?workerId=${workerId}&k=100`)).json();
      const item = body.orders.find((entry: { jobOrder: { id: string } }) => entry.jobOrder.id === orderId);
      expect(item, `order ${orderId} recommended`).toBeDefined();
      return item.terms.find((term: { code: string }) => term.code === 'channel_tie')?.points ?? 0;
    };
    expect(await tieOf(baseWorker.id, orders.attended.id)).toBe(10);
    expect(await tieOf(baseWorker.id, orders.stranger.id)).toBe(0);
    expect(await tieOf(baseWorker.id, orders.partner.id)).toBe(0);
    expect(await tieOf(student.id, orders.partner.id)).toBe(10);
    expect(await tieOf(student.id, orders.attended.id)).toBe(0);
  });

  it('explains a pair that does not match: every failed filter in the reader’s language', async () => {
    const person = await worker('6-31-01-02', { education: 'primary' });
    const order = await buildJobOrder(ctx.deps, wujiangEnterprise, {
      occupationCode: '6-31-01-02',
      certificates: ['焊工证', '电工证'],
      educationMin: 'senior',
    });
    const zh = await officer.get(`/api/recommendations/explain?workerId=${person.id}&jobOrderId=${order.id}`);
    expect(zh.statusCode).toBe(200);
    expect(zh.json()).toMatchObject({ eligible: false });
    const codes = zh.json().failures.map((failure: { code: string }) => failure.code);
    expect(codes).toEqual(expect.arrayContaining(['certificate', 'education']));
    const certificate = zh
      .json()
      .failures.find((failure: { code: string }) => failure.code === 'certificate');
    expect(certificate.label).toContain('焊工证');
    const officerInEnglish = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
      { locale: 'en' },
    );
    const en = await officerInEnglish.get(
      `/api/recommendations/explain?workerId=${person.id}&jobOrderId=${order.id}`,
    );
    expect(en.json().failures.map((failure: { label: string }) => failure.label)).toContain(
      'Education below the requirement',
    );
  });

  it('ranks workers for an order, only available ones, within the reader’s scope and filters', async () => {
    const order = await buildJobOrder(ctx.deps, wujiangEnterprise, { occupationCode: '6-04-02-01' });
    const fits = await worker('6-04-02-01');
    const employed = await worker('6-04-02-01', { status: 'employed' });
    const kunshanPerson = await worker('6-04-02-01', { districtCode: KUNSHAN });
    dataChanged();
    const response = await officer.get(`/api/recommendations?jobOrderId=${order.id}&k=100`);
    expect(response.statusCode).toBe(200);
    const ids = response.json().workers.map((item: { worker: { id: string } }) => item.worker.id);
    expect(ids).toContain(fits.id);
    expect(ids).not.toContain(employed.id);
    // The Wujiang officer does not see a worker served by Kunshan; the administrator does.
    expect(ids).not.toContain(kunshanPerson.id);
    const all = await admin.get(`/api/recommendations?jobOrderId=${order.id}&k=100`);
    expect(all.json().workers.map((item: { worker: { id: string } }) => item.worker.id)).toContain(
      kunshanPerson.id,
    );
    const filtered = await admin.get(
      `/api/recommendations?jobOrderId=${order.id}&k=100&districtCode=${KUNSHAN}`,
    );
    const filteredIds = filtered.json().workers.map((item: { worker: { id: string } }) => item.worker.id);
    expect(filteredIds).toContain(kunshanPerson.id);
    expect(filteredIds).not.toContain(fits.id);
    const first = response.json().workers[0];
    expect(first.worker.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(response.json())).not.toMatch(/"idNumber"|phone_enc|id_number_enc/);
  });

  it('scopes: another district’s officer gets 404 for the worker, enterprise HR has no access', async () => {
    const person = await worker('6-04-02-01');
    const order = await buildJobOrder(ctx.deps, kunshanEnterprise, {
      occupationCode: '6-04-02-01',
      districtCode: KUNSHAN,
    });
    dataChanged();
    expect((await kunshanOfficer.get(`/api/recommendations?workerId=${person.id}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/recommendations?workerId=${person.id}`)).statusCode).toBe(403);
    // The Wujiang officer does not see Kunshan's orders among the results; the administrator does.
    const own = await officer.get(`/api/recommendations?workerId=${person.id}&k=100`);
    expect(own.json().orders.map((item: { jobOrder: { id: string } }) => item.jobOrder.id)).not.toContain(
      order.id,
    );
    const all = await admin.get(`/api/recommendations?workerId=${person.id}&k=100`);
    expect(all.json().orders.map((item: { jobOrder: { id: string } }) => item.jobOrder.id)).toContain(
      order.id,
    );
    const both = await admin.get(`/api/recommendations?workerId=${person.id}&jobOrderId=${order.id}`);
    expect(both.statusCode).toBe(400);
    expect(both.json().detail ?? both.json().errors?.[0]?.message).toBeTruthy();
  });

  it('sees a new order at once and filters by district, occupation and key enterprises', async () => {
    const person = await worker('6-28-01-03');
    const created = await officer.post('/api/job-orders', {
      enterpriseId: wujiangEnterprise,
      title: '注塑工',
      occupationCode: '6-28-01-03',
      headcount: 4,
      wageMin: 6000,
      wageMax: 7500,
      districtCode: WUJIANG,
      deadline: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const seen = await officer.get(`/api/recommendations?workerId=${person.id}&k=100`);
    expect(seen.json().orders.map((item: { jobOrder: { id: string } }) => item.jobOrder.id)).toContain(id);
    const keyOnly = await admin.get(`/api/recommendations?workerId=${person.id}&k=100&keyOnly=true`);
    expect(
      keyOnly
        .json()
        .orders.every((item: { jobOrder: { keyLevel: string } }) => item.jobOrder.keyLevel !== 'none'),
    ).toBe(true);
    const occupation = await admin.get(
      `/api/recommendations?workerId=${person.id}&k=100&occupationCode=6-28`,
    );
    expect(
      occupation
        .json()
        .orders.every((item: { jobOrder: { occupationCode: string } }) =>
          item.jobOrder.occupationCode.startsWith('6-28'),
        ),
    ).toBe(true);
    const district = await admin.get(
      `/api/recommendations?workerId=${person.id}&k=100&districtCode=${KUNSHAN}`,
    );
    expect(
      district
        .json()
        .orders.every(
          (item: { jobOrder: { districtCode: string } }) => item.jobOrder.districtCode === KUNSHAN,
        ),
    ).toBe(true);
  });

  it('recommends in bulk with a result per pair', async () => {
    const a = await worker('6-18-01-01');
    const b = await worker('6-18-01-01');
    const order = await buildJobOrder(ctx.deps, wujiangEnterprise, { occupationCode: '6-18-01-01' });
    dataChanged();
    await officer.post('/api/applications', { workerId: b.id, jobOrderId: order.id });
    const response = await officer.post('/api/applications/bulk', {
      items: [
        { workerId: a.id, jobOrderId: order.id },
        { workerId: b.id, jobOrderId: order.id },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      created: 1,
      results: [
        { workerId: a.id, ok: true },
        { workerId: b.id, ok: false, message: '该劳动者已在此岗位的招聘流程中' },
      ],
    });
    const listed = await officer.get(`/api/recommendations?jobOrderId=${order.id}&k=100`);
    const entry = listed.json().workers.find((item: { worker: { id: string } }) => item.worker.id === a.id);
    expect(entry?.applicationStatus).toBe('recommended');
  });

  it('moves an order that has had its share of recommendations after the worker’s other options', async () => {
    const person = await worker('6-20-03-01', { expectedWage: 5000 });
    const crowded = await buildJobOrder(ctx.deps, wujiangEnterprise, {
      occupationCode: '6-20-03-01',
      headcount: 1,
      wageMin: 9000,
      wageMax: 9500,
    });
    const quiet = await buildJobOrder(ctx.deps, wujiangEnterprise, {
      occupationCode: '6-20-03-02',
      headcount: 50,
      wageMin: 5000,
      wageMax: 5500,
    });
    // 20 other workers' stored lists already show the one-place order (its share: 1 × 20).
    const others = await Promise.all(Array.from({ length: 20 }, () => worker('6-20-03-01')));
    await ctx.deps.db
      .insertInto('recommendations')
      .values(
        others.map((other) => ({
          side: 'worker' as const,
          worker_id: other.id,
          job_order_id: crowded.id,
          rank: 1,
          score: 80,
        })),
      )
      .execute();
    dataChanged();
    const response = await officer.get(
      `/api/recommendations?workerId=${person.id}&k=100&occupationCode=6-20`,
    );
    const orders = response.json().orders;
    const at = (id: string) =>
      orders.findIndex((item: { jobOrder: { id: string } }) => item.jobOrder.id === id);
    expect(at(crowded.id)).toBeGreaterThan(at(quiet.id));
    expect(orders[at(crowded.id)]).toMatchObject({ overCapacity: true });
    expect(orders[at(crowded.id)].score).toBeGreaterThan(orders[at(quiet.id)].score);
  });

  it('runs the batch once at a time, stores every list, and refreshes lists touched by a hire', async () => {
    const person = await worker('6-25-04-01');
    const order = await buildJobOrder(ctx.deps, wujiangEnterprise, { occupationCode: '6-25-04-01' });
    const blocker = await ctx.deps.db
      .insertInto('match_runs')
      .values({ metrics: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = await officer.post('/api/recommendations/runs', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/已有一次推荐计算正在进行/);
    await ctx.deps.db.deleteFrom('match_runs').where('id', '=', blocker.id).execute();
    expect((await hr.post('/api/recommendations/runs', {})).statusCode).toBe(403);

    const started = await officer.post('/api/recommendations/runs', {});
    expect(started.statusCode).toBe(202);
    let run = started.json().run;
    for (let i = 0; i < 200 && run.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = (await officer.get('/api/recommendations/runs/latest')).json().run;
    }
    expect(run).toMatchObject({ status: 'done', progress: 1 });
    expect(run.workers).toBeGreaterThan(0);
    expect(run.stored).toBeGreaterThan(0);
    expect(run.metrics).toHaveProperty('perPlace', 20);
    const stored = await ctx.deps.db
      .selectFrom('recommendations')
      .selectAll()
      .where('worker_id', '=', person.id)
      .where('side', '=', 'worker')
      .orderBy('rank')
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((row) => row.rank)).toEqual(stored.map((_row, i) => i + 1));
    const orderList = await ctx.deps.db
      .selectFrom('recommendations')
      .select('worker_id')
      .where('job_order_id', '=', order.id)
      .where('side', '=', 'order')
      .execute();
    expect(orderList.map((row) => row.worker_id)).toContain(person.id);

    // Hired elsewhere: the worker is no longer available; their list and their place in order
    // lists go at the next refresh.
    const application = (
      await officer.post('/api/applications', { workerId: person.id, jobOrderId: order.id })
    ).json();
    let version = application.version;
    for (const to of ['screening', 'offered', 'hired']) {
      const moved = await hr.post(`/api/applications/${application.id}/move`, { to, version });
      expect(moved.statusCode).toBe(200);
      version = moved.json().version;
    }
    expect(await refreshChangedLists(ctx.deps)).toBeGreaterThan(0);
    const after = await ctx.deps.db
      .selectFrom('recommendations')
      .select(['side', 'job_order_id'])
      .where('worker_id', '=', person.id)
      .execute();
    expect(after).toEqual([]);
    expect(await refreshChangedLists(ctx.deps)).toBe(0);
  });

  it('answers from an aged index at once and swaps in a reloaded one in the background', async () => {
    const state = createMatchingState({ maxAgeMs: 0 });
    const first = await currentIndex(ctx.deps.db, state, '320500');
    // Written by "another process": nothing tells this state.
    const order = await buildJobOrder(ctx.deps, wujiangEnterprise, { occupationCode: '6-31-01-02' });
    const second = await currentIndex(ctx.deps.db, state, '320500');
    expect(second).toBe(first);
    expect(second.orderPosition.has(order.id)).toBe(false);
    let third = second;
    for (let i = 0; i < 100 && third === first; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      third = await currentIndex(ctx.deps.db, state, '320500');
    }
    expect(third.orderPosition.has(order.id)).toBe(true);
    // A change made here reloads before answering.
    const another = await buildJobOrder(ctx.deps, wujiangEnterprise, { occupationCode: '6-31-01-02' });
    state.changed({ orderIds: [another.id] });
    expect((await currentIndex(ctx.deps.db, state, '320500')).orderPosition.has(another.id)).toBe(true);
  });
});
