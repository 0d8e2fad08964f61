import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The one migration runner, used at start-up, by `yonggong migrate`, and by the tests.
 *
 * Migrations are plain SQL files in ./migrations named `YYYYMMDD_HHMM_what.sql`, applied in name
 * order, each in its own transaction together with its row in `schema_migrations`. They are
 * forward-only: an applied file is never edited (its checksum is not stored, review guards that).
 * On PostgreSQL a transaction-level advisory lock serialises concurrent runners (two app instances
 * starting at once); PGlite is single-session and needs none.
 */
const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const ADVISORY_LOCK_KEY = 7_340_2611;

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

/** Lists the migration files in the order they apply. */
export function listMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();
}

/** Applies every migration not yet applied. */
export async function migrate(db: Kysely<Database>): Promise<MigrationReport> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const files = listMigrations();
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const name of files) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`.execute(trx);
      const existing = await trx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (existing) return false;
      const text = fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8');
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migrations').values({ name }).execute();
      return true;
    });
    if (done) applied.push(name);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
