import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPGlite, openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';

/**
 * Once per test run and database kind: applies every migration to an EMPTY database (the CI
 * migration check), then offers it as a template each test file clones:
 *  - PGlite: a tarball of the migrated data folder (cloning takes ~0.8 s; initdb takes ~2 s);
 *  - PostgreSQL: a throwaway template database `yg_test_<run>_tmpl` on the machine's server;
 *    every file creates its own `yg_test_<run>_<n>` from it, and teardown drops them all.
 * With CI set, a PostgreSQL server that cannot be reached fails the run instead of skipping it.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    testDb:
      | { kind: 'pglite'; snapshotFile: string }
      | { kind: 'postgres'; adminUrl: string; template: string; prefix: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The project's `test.env` reaches the test workers, not this main-process hook: read it here.
  const kind = project.config.env?.YONGGONG_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  if (kind === 'pglite') {
    const handle = await openPGlite(null);
    await migrate(handle.db);
    const dump = await handle.dumpDataDir?.();
    await handle.close();
    if (!dump) throw new Error('PGlite could not dump its data folder');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-test-'));
    const snapshotFile = path.join(dir, 'migrated.tar');
    fs.writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()));
    project.provide('testDb', { kind, snapshotFile });
    return async () => fs.rmSync(dir, { recursive: true, force: true });
  }

  const adminUrl = process.env.YONGGONG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const prefix = `yg_test_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  const template = `${prefix}_tmpl`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The API tests need a PostgreSQL server at ${adminUrl} (set YONGGONG_TEST_PG_URL to use another): ${String(error)}`,
    );
  }
  await admin.query(`CREATE DATABASE ${template}`);
  const handle = openPostgres(withDatabase(adminUrl, template), { max: 1 });
  await migrate(handle.db);
  await handle.close();
  project.provide('testDb', { kind, adminUrl, template, prefix });
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
