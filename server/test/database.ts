import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openPGlite, openPostgres } from '../src/db/client.ts';
import { withDatabase } from './global-setup.ts';

/**
 * A fresh, migrated database for one test file, on the kind this run tests (YONGGONG_TEST_DB).
 * Nothing is shared between files; tests inside a file build their own rows with factories.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const config = inject('testDb');
  if (config.kind === 'pglite') {
    const snapshot = new Blob([fs.readFileSync(config.snapshotFile)]);
    return openPGlite(null, { loadDataDir: snapshot });
  }
  const name = `${config.prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: config.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${config.template}`);
  } finally {
    await admin.end();
  }
  const handle = openPostgres(withDatabase(config.adminUrl, name), { max: 20 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: config.adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
