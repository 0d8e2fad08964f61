import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';

describe('sign-in and sessions', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('sets an HttpOnly SameSite session cookie and returns a CSRF token', async () => {
    const user = await buildUser(ctx.deps, { roles: ['admin'] });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'yg_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = response.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).toMatchObject({ username: user.username, roles: ['admin'] });
    expect(body.user.permissions).toContain('audit.read');
  });

  it('refuses a wrong password with a message in the caller’s language', async () => {
    const user = await buildUser(ctx.deps, { roles: ['leader'] });
    const zh = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'nope' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'invalid_credentials', detail: '用户名或密码错误' });
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: user.username, password: 'nope' },
    });
    expect(en.json()).toMatchObject({ code: 'invalid_credentials', detail: 'Wrong username or password' });
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody.here', password: 'x' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('invalid_credentials');
  });

  it('locks an account after 5 failures in 15 minutes, even against the right password', async () => {
    const user = await buildUser(ctx.deps, { roles: ['leader'] });
    const attempt = (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password },
      });
    for (let i = 1; i <= 4; i++) expect((await attempt(`wrong-${i}`)).statusCode).toBe(401);
    const fifth = await attempt('wrong-5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().detail).toMatch(/连续 5 次密码错误.*15 分钟/);
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    // Failures older than the window no longer count.
    await sql`UPDATE login_failures SET at = now() - interval '16 minutes' WHERE lower(username) = ${user.username}`.execute(
      ctx.deps.db,
    );
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const user = await buildUser(ctx.deps, { roles: ['leader'], isDisabled: true });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('account_disabled');
  });

  it('answers /api/me for a session and 401 without one', async () => {
    const user = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: ['320509'] });
    const client = await ctx.signIn(user.username);
    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: user.username,
      scope: { districtCodes: ['320509'] },
      csrfToken: client.csrfToken,
    });
    const anonymous = await ctx.anonymous().get('/api/me');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const user = await buildUser(ctx.deps, { roles: ['admin'] });
    const client = await ctx.signIn(user.username);
    const withoutToken = await client.request('PATCH', '/api/me', {
      body: { locale: 'en' },
      headers: { 'x-csrf-token': '' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('csrf_invalid');
    const wrongToken = await client.request('PATCH', '/api/me', {
      body: { locale: 'en' },
      headers: { 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrongToken.statusCode).toBe(403);
    const withToken = await client.patch('/api/me', { locale: 'en' });
    expect(withToken.statusCode).toBe(200);
  });

  it('keeps a language preference that outranks Accept-Language', async () => {
    const user = await buildUser(ctx.deps, { roles: ['admin'] });
    const client = await ctx.signIn(user.username, { locale: 'zh-CN' });
    expect((await client.patch('/api/me', { locale: 'en' })).json().locale).toBe('en');
    const problem = await client.get('/api/enterprises/00000000-0000-4000-8000-000000000000');
    expect(problem.statusCode).toBe(404);
    expect(problem.json().detail).toBe('Not found, or you may not see it');
  });

  it('ends a session after the idle timeout', async () => {
    const user = await buildUser(ctx.deps, { roles: ['admin'] });
    const client = await ctx.signIn(user.username);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    await sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${user.id}`.execute(
      ctx.deps.db,
    );
    const expired = await client.get('/api/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('session_expired');
    expect((await client.get('/api/me')).json().code).toBe('unauthenticated');
  });

  it('signs out and forgets the session', async () => {
    const user = await buildUser(ctx.deps, { roles: ['admin'] });
    const client = await ctx.signIn(user.username);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('records sign-ins in the audit trail', async () => {
    const user = await buildUser(ctx.deps, { roles: ['admin'] });
    await ctx.signIn(user.username);
    const events = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', user.id)
      .execute();
    expect(events.map((event) => event.action)).toContain('auth.login');
  });
});
