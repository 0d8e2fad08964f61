import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { PGlitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Kysely query layer plus what the app needs to know about it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** A description safe to log (no password). */
  readonly description: string;
  /** PGlite only: a tarball of the data folder (tests clone a migrated database from it). */
  readonly dumpDataDir?: () => Promise<Blob | File>;
  close(): Promise<void>;
}

// Both drivers return the same JavaScript types: int8 counts as numbers (ours stay far below 2^53),
// numeric as strings (exact money would be cast explicitly), dates as 'YYYY-MM-DD' strings rather
// than Dates at local midnight, timestamptz as Date.
const INT8 = 20;
const DATE = 1082;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

/** Opens PostgreSQL at `url`. */
export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: pgTypes });
  pool.on('error', () => {
    // An idle client lost its connection (server restart); the pool replaces it on next use.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', description: describeUrl(url), close: () => db.destroy() };
}

/**
 * Opens the embedded database. With `dataDir` the folder is locked for this process (a second
 * process gets DataDirLockedError); without it the database lives in memory (tests).
 */
export async function openPGlite(
  dataDir: string | null,
  options: { loadDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  let lock: DataDirLock | null = null;
  if (dataDir) lock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir: `${dataDir}/pg` } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
    return {
      db,
      kind: 'pglite',
      dumpDataDir: async () => pglite.dumpDataDir('none'),
      description: dataDir
        ? `embedded PostgreSQL (PGlite) in ${dataDir}`
        : 'embedded PostgreSQL (PGlite) in memory',
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Opens PostgreSQL when `databaseUrl` is set, else the embedded database in `dataDir`. */
export function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
}): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? Promise.resolve(openPostgres(options.databaseUrl))
    : openPGlite(options.dataDir);
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
