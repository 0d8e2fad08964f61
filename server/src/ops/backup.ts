import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../db/data-dir-lock.ts';

/**
 * `yonggong backup` / `yonggong restore` for both databases.
 *
 * Embedded: the backup is PGlite's own gzipped tarball of its data folder, taken while holding the
 * folder's lock (so the server must be stopped — the lock says so if it is not). Restore unpacks it
 * into an EMPTY data folder; an existing database is never overwritten silently.
 * PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --no-owner`, the
 * standard tools (same major version as the server).
 * The PII key is never part of a backup: keep it apart (docs/security.md).
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  const lock = lockDataDir(dataDir);
  try {
    if (!fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION')))
      throw new Error(`No embedded database in ${dataDir}`);
    const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pg') });
    try {
      const dump = await pglite.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, bytes);
      return { bytes: bytes.length };
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  const lock = lockDataDir(dataDir);
  try {
    const target = path.join(dataDir, 'pg');
    if (fs.existsSync(target) && fs.readdirSync(target).length > 0)
      throw new Error(`${target} already holds a database; move it away first (restore never overwrites).`);
    const archive = new Blob([fs.readFileSync(file)]);
    const pglite = await PGlite.create({ dataDir: target, loadDataDir: archive });
    await pglite.query('SELECT 1');
    await pglite.close();
  } finally {
    lock.release();
  }
}

export function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  return run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, databaseUrl]);
}

export function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  return run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    `--dbname=${databaseUrl}`,
    file,
  ]);
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) =>
      reject(new Error(`${command} could not run (is the PostgreSQL client installed?): ${error.message}`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.trim()}`)),
    );
  });
}
