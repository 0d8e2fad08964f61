import type { PGlite } from '@electric-sql/pglite';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * A one-connection "pool" over PGlite for Kysely's PostgresDialect.
 *
 * PGlite is a single PostgreSQL session. Kysely runs a transaction by taking a connection and
 * issuing BEGIN … COMMIT on it, so a second caller must not slip queries into that session while
 * the transaction is open: `connect()` waits on a FIFO mutex and `release()` hands the session to
 * the next waiter. This is exactly PGlite's real concurrency (one statement at a time), made safe.
 * Consequence for code: inside a transaction use the transaction object, never the outer `db`,
 * or the call waits for itself forever.
 */
export class PGlitePool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release: () => void = () => {};
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    let released = false;
    return new PGliteClient(this.pglite, () => {
      if (released) return;
      released = true;
      release();
    });
  }

  async end(): Promise<void> {
    await this.queue;
  }
}

type Command = PostgresQueryResult<unknown>['command'];

class PGliteClient implements PostgresPoolClient {
  constructor(
    private readonly pglite: PGlite,
    readonly release: () => void,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string')
      throw new Error('Cursors are not supported on the embedded database');
    return this.run<R>(sqlOrCursor, parameters ?? []);
  }

  private async run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    // Migration files hold many statements; only the simple protocol (exec) accepts that,
    // and only without parameters. Kysely's own SQL is always a single statement.
    if (parameters.length === 0 && isMultiStatement(sql)) {
      const results = await this.pglite.exec(sql);
      const last = results.at(-1);
      return { command: 'SELECT', rowCount: last?.rows.length ?? 0, rows: (last?.rows ?? []) as R[] };
    }
    const result = await this.pglite.query<R>(sql, parameters as unknown[]);
    return {
      command: normalizeCommand(result.command ?? firstWord(sql)),
      rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
      rows: result.rows,
    };
  }
}

function isMultiStatement(sql: string): boolean {
  return sql.trim().replace(/;+$/, '').includes(';');
}

function firstWord(sql: string): string {
  return sql.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? 'SELECT';
}

function normalizeCommand(command: string): Command {
  const upper = command.toUpperCase();
  if (upper === 'INSERT' || upper === 'UPDATE' || upper === 'DELETE' || upper === 'MERGE') return upper;
  return 'SELECT';
}
