import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../test/global-setup.ts';
import { openPGlite, openPostgres } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from './backup.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('backup and restore', () => {
  it.runIf(inject('testDb').kind === 'pglite')(
    'round-trips the embedded database and never overwrites one',
    async () => {
      const source = path.join(tmp, 'source');
      const handle = await openPGlite(source);
      await migrate(handle.db);
      await sql`INSERT INTO app_settings (key, value) VALUES ('marker', '"before-backup"')`.execute(
        handle.db,
      );
      await handle.close();

      const file = path.join(tmp, 'backup.tar.gz');
      const { bytes } = await backupEmbedded(source, file);
      expect(bytes).toBeGreaterThan(1000);

      const target = path.join(tmp, 'target');
      await restoreEmbedded(file, target);
      const restored = await openPGlite(target);
      const row = await restored.db
        .selectFrom('app_settings')
        .select('value')
        .where('key', '=', 'marker')
        .executeTakeFirst();
      expect(row?.value).toBe('before-backup');
      await restored.close();
      await expect(restoreEmbedded(file, target)).rejects.toThrow(/already holds a database/);
    },
  );

  it.runIf(inject('testDb').kind === 'postgres')(
    'round-trips a PostgreSQL database with pg_dump and pg_restore',
    async () => {
      const config = inject('testDb');
      if (config.kind !== 'postgres') return;
      const admin = new pg.Client({ connectionString: config.adminUrl });
      await admin.connect();
      const source = `${config.prefix}_bk_${crypto.randomBytes(3).toString('hex')}`;
      const target = `${source}_r`;
      await admin.query(`CREATE DATABASE ${source}`);
      await admin.query(`CREATE DATABASE ${target}`);
      try {
        const handle = openPostgres(withDatabase(config.adminUrl, source));
        await migrate(handle.db);
        await sql`INSERT INTO app_settings (key, value) VALUES ('marker', '"before-backup"')`.execute(
          handle.db,
        );
        await handle.close();
        const file = path.join(tmp, 'backup.dump');
        await backupPostgres(withDatabase(config.adminUrl, source), file);
        await restorePostgres(withDatabase(config.adminUrl, target), file);
        const restored = openPostgres(withDatabase(config.adminUrl, target));
        const row = await restored.db
          .selectFrom('app_settings')
          .select('value')
          .where('key', '=', 'marker')
          .executeTakeFirst();
        expect(row?.value).toBe('before-backup');
        await restored.close();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
        await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
