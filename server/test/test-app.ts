import crypto from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { DatabaseHandle } from '../src/db/client.ts';
import type { Deps } from '../src/deps.ts';
import { createMatchingState } from '../src/modules/recommendations/matching-state.ts';
import { loadRegionIndex } from '../src/modules/regions/regions.service.ts';
import { createPiiCipher } from '../src/pii/pii-cipher.ts';
import { openTestDatabase } from './database.ts';
import { TEST_PASSWORD } from './factories.ts';

/**
 * The app on a fresh test database, driven through `app.inject` (no port, no network).
 * `signIn(username)` returns a client that carries the session cookie and CSRF token.
 */
export interface TestContext {
  readonly app: FastifyInstance;
  readonly deps: Deps;
  readonly handle: DatabaseHandle;
  signIn(username: string, options?: { locale?: string }): Promise<TestClient>;
  anonymous(): TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options?: { body?: unknown; headers?: Record<string, string>; payload?: Buffer | string },
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  readonly csrfToken: string | null;
  readonly cookie: string | null;
}

export const TEST_CITY = '320500';

export async function createTestContext(): Promise<TestContext> {
  const handle = await openTestDatabase();
  const deps: Deps = {
    db: handle.db,
    regions: loadRegionIndex(),
    pii: createPiiCipher(crypto.randomBytes(32)),
    matching: createMatchingState(),
    config: { cityCode: TEST_CITY, sessionIdleMinutes: 30, sessionMaxHours: 12 },
  };
  const app = await buildApp({
    deps,
    config: {
      cityCode: TEST_CITY,
      secureCookies: 'never',
      webDistDir: '/nonexistent',
      trustProxy: false,
      logLevel: 'silent',
    },
    logger: false,
  });
  await app.ready();

  const clientFor = (cookie: string | null, csrfToken: string | null, locale?: string): TestClient => {
    const request: TestClient['request'] = (method, url, options = {}) =>
      app.inject({
        method,
        url,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
          ...(locale ? { 'accept-language': locale } : {}),
          ...options.headers,
        },
        ...(options.payload !== undefined
          ? { payload: options.payload }
          : options.body !== undefined
            ? { payload: options.body as object }
            : {}),
      });
    return {
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, { body: body ?? {} }),
      patch: (url, body) => request('PATCH', url, { body: body ?? {} }),
      csrfToken,
      cookie,
    };
  };

  return {
    app,
    deps,
    handle,
    async signIn(username, options = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: TEST_PASSWORD },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
      const setCookie = response.cookies.find((c) => c.name === 'yg_session');
      if (!setCookie) throw new Error('no session cookie');
      const body = response.json<{ csrfToken: string }>();
      return clientFor(`yg_session=${setCookie.value}`, body.csrfToken, options.locale);
    },
    anonymous: () => clientFor(null, null),
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
