import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.ts';
import { DEMO_EMPTY_CLASS_NAME } from './demo-schools.ts';
import { loadDemo } from './load-demo.ts';

/** The demo's schools look lived-in, and school.1 works as a school account ready for the E2E. */
describe('demo schools', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await loadDemo(ctx.deps, { password: 'demo-password-1', today: new Date('2026-11-22T08:00:00+08:00') });
  }, 240_000);
  afterAll(() => ctx.close());

  it('has 20 schools in known regions with majors, graduates, agreements, classes and internships', async () => {
    const schools = await ctx.deps.db.selectFrom('schools').select(['region_code', 'type']).execute();
    expect(schools).toHaveLength(20);
    for (const school of schools) expect(ctx.deps.regions.get(school.region_code)).toBeDefined();
    expect(new Set(schools.map((school) => school.type))).toEqual(
      new Set(['technician', 'higher_vocational', 'secondary_vocational', 'undergraduate']),
    );
    const count = async (
      table:
        | 'school_agreements'
        | 'order_classes'
        | 'order_class_students'
        | 'internships'
        | 'apprentices'
        | 'school_major_graduates',
    ) =>
      Number(
        (
          await ctx.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('school_agreements')).toBeGreaterThanOrEqual(20);
    expect(await count('order_classes')).toBeGreaterThanOrEqual(10);
    expect(await count('order_class_students')).toBeGreaterThan(200);
    expect(await count('internships')).toBeGreaterThan(50);
    expect(await count('apprentices')).toBeGreaterThan(0);
    expect(await count('school_major_graduates')).toBeGreaterThan(80);
  });

  it('signs school.1 in to its school with an empty class and a partner order open for delivery', async () => {
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'school.1', password: 'demo-password-1' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `yg_session=${login.cookies.find((c) => c.name === 'yg_session')?.value}`;
    const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
    const schools = (await get('/api/schools')).json();
    expect(schools.items.map((school: { name: string }) => school.name)).toEqual(['苏州高新技师学院']);
    const classes = (await get('/api/order-classes?pageSize=50')).json();
    const empty = classes.items.find((item: { name: string }) => item.name === DEMO_EMPTY_CLASS_NAME);
    expect(empty).toMatchObject({ enrolled: 0, can: { manageStudents: true, deliver: true } });
    const orders = (await get(`/api/order-classes/${empty.id}/deliverable-orders`)).json();
    expect(orders.items.length).toBeGreaterThan(0);
    // Its students are its own workers; another school's class is not there.
    const workers = (await get('/api/workers?pageSize=5')).json();
    expect(workers.total).toBe(schools.items[0].stats.students);
  });
});
