import crypto from 'node:crypto';
import { buildApp } from '@yonggong/server/src/app.ts';
import { openPGlite, openPostgres } from '@yonggong/server/src/db/client.ts';
import { migrate } from '@yonggong/server/src/db/migrate.ts';
import { loadDemo } from '@yonggong/server/src/demo/load-demo.ts';
import type { Deps } from '@yonggong/server/src/deps.ts';
import { createMatchingState } from '@yonggong/server/src/modules/recommendations/matching-state.ts';
import { loadRegionIndex } from '@yonggong/server/src/modules/regions/regions.service.ts';
import { createPiiCipher } from '@yonggong/server/src/pii/pii-cipher.ts';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';

/**
 * The demo city at `scale` in a fresh database — PGlite in memory, or a throwaway PostgreSQL
 * database with `postgres` — behind the whole app (`app.inject`: routing, auth, scoping, SQL,
 * presenter, serialisation), for the latency benchmarks.
 */
export interface DemoApp {
  readonly app: FastifyInstance;
  readonly deps: Deps;
  readonly database: string;
  readonly loaded: Awaited<ReturnType<typeof loadDemo>>;
  readonly loadSeconds: number;
  /** A session cookie of a demo account. */
  signIn(username: string): Promise<string>;
  /** Times `requests` GETs of `url()` (a new URL each time); p50/p95/max in ms. */
  time(
    url: () => string,
    cookie: string,
    requests: number,
  ): Promise<{ p50: number; p95: number; max: number }>;
  close(): Promise<void>;
}

const PASSWORD = 'bench-password';

export async function openDemoApp(options: { scale: number; postgres: boolean }): Promise<DemoApp> {
  let dropDatabase: (() => Promise<void>) | null = null;
  let handle: Awaited<ReturnType<typeof openPGlite>>;
  if (options.postgres) {
    const adminUrl = process.env.YONGGONG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `yg_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    handle = openPostgres(url.toString());
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    handle = await openPGlite(null);
  }
  await migrate(handle.db);
  const deps: Deps = {
    db: handle.db,
    regions: loadRegionIndex(),
    pii: createPiiCipher(crypto.randomBytes(32)),
    config: { cityCode: '320500', sessionIdleMinutes: 30, sessionMaxHours: 12 },
    matching: createMatchingState(),
  };
  const loadStarted = performance.now();
  const loaded = await loadDemo(deps, { password: PASSWORD, scale: options.scale });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const app = await buildApp({
    deps,
    config: {
      cityCode: '320500',
      secureCookies: 'never',
      webDistDir: '/nonexistent',
      trustProxy: false,
      logLevel: 'silent',
    },
    logger: false,
  });
  return {
    app,
    deps,
    database: handle.kind,
    loaded,
    loadSeconds,
    async signIn(username) {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`${username} could not sign in: ${login.statusCode}`);
      return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    },
    async time(url, cookie, requests) {
      const samples: number[] = [];
      for (let i = 0; i < requests; i++) {
        const target = url();
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url: target, headers: { cookie } });
        samples.push(performance.now() - started);
        if (response.statusCode !== 200) throw new Error(`${target} answered ${response.statusCode}`);
      }
      samples.sort((a, b) => a - b);
      const at = (q: number) =>
        Number((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(2));
      return { p50: at(0.5), p95: at(0.95), max: at(1) };
    },
    async close() {
      await app.close();
      await handle.close();
      await dropDatabase?.();
    },
  };
}
