import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.ts';
import type { DatabaseHandle } from './client.ts';
import { listMigrations, migrate } from './migrate.ts';

describe('migrations', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(() => handle.close());

  it('run on the database kind this test project names (PGlite vs PostgreSQL 15)', async () => {
    expect(handle.kind).toBe(process.env.YONGGONG_TEST_DB);
    const { rows } = await sql<{ version: string }>`SELECT version()`.execute(handle.db);
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
  });

  it('are named by timestamp and all applied to the test database', async () => {
    const files = listMigrations();
    for (const file of files) expect(file).toMatch(/^\d{8}_\d{4}_[a-z0-9-_]+\.sql$/);
    const applied = await handle.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    expect(applied.map((row) => row.name)).toEqual(files);
  });

  it('apply nothing twice', async () => {
    const report = await migrate(handle.db);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe(listMigrations().length);
  });

  it('enforce the dedup rules with unique constraints', async () => {
    const indexes = await sql<{
      indexname: string;
    }>`SELECT indexname FROM pg_indexes WHERE tablename = 'enterprises'`.execute(handle.db);
    expect(indexes.rows.map((row) => row.indexname)).toContain('enterprises_credit_code_key');
  });
});
