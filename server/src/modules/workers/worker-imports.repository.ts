import type { Channel, ImportJobStatus, ImportMode } from '@yonggong/shared';
import { type Kysely, sql } from 'kysely';
import type { Database, WorkerImportRow } from '../../db/schema.ts';
import type { ProtectedBatch, StoredRowError } from './worker-import-rows.ts';

/**
 * The SQL of worker imports: the job row, the staging table, and the set-based move of staged rows
 * into `workers` (see migration 20261122_0300_worker_imports.sql for why a staging table).
 */

export async function insertImportJob(
  db: Kysely<Database>,
  job: {
    filename: string;
    mode: ImportMode;
    channel: Channel;
    /** The base or school (…) an import by its staff is credited to. */
    sourceRef?: string | null;
    districtCode: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('worker_imports')
    .values({
      filename: job.filename,
      mode: job.mode,
      channel: job.channel,
      source_ref: job.sourceRef ?? null,
      district_code: job.districtCode,
      created_by: job.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findImportJob(db: Kysely<Database>, id: string): Promise<WorkerImportRow | undefined> {
  return db.selectFrom('worker_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ImportCounters {
  readonly processedRows: number;
  readonly progress: number;
  readonly failed: number;
  readonly errorCount: number;
  readonly errors: readonly StoredRowError[];
}

/** Records progress and proves the job alive; false when the job is no longer running (swept). */
export async function touchImportJob(
  db: Kysely<Database>,
  id: string,
  counters: ImportCounters,
): Promise<boolean> {
  const result = await db
    .updateTable('worker_imports')
    .set({
      processed_rows: counters.processedRows,
      progress: counters.progress,
      failed: counters.failed,
      error_count: counters.errorCount,
      errors: JSON.stringify(counters.errors),
      heartbeat_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends a job (only a running one: a swept job stays failed). */
export async function finishImportJob(
  db: Kysely<Database>,
  id: string,
  end: ImportCounters & {
    status: Exclude<ImportJobStatus, 'running'>;
    committed: boolean;
    totalRows: number | null;
    created: number;
    linked: number;
    failureCode: string | null;
  },
): Promise<void> {
  await db
    .updateTable('worker_imports')
    .set({
      status: end.status,
      committed: end.committed,
      processed_rows: end.processedRows,
      total_rows: end.totalRows,
      progress: end.progress,
      created: end.created,
      linked: end.linked,
      failed: end.failed,
      error_count: end.errorCount,
      errors: JSON.stringify(end.errors),
      failure_code: end.failureCode,
      heartbeat_at: sql`now()`,
      finished_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/**
 * A batch travels as ONE JSON parameter unpacked server-side by `json_to_recordset` (no
 * parameter-count limit, one round trip; JSON.stringify is native, where per-element escaping of
 * array literals is not). The record definition matches `StagedWorker`'s keys.
 */
const RECORD = sql.raw(`t(row_number int, worker_id uuid, name text, name_pinyin text, name_initials text,
  id_number_enc text, id_number_hash text, id_number_masked text, phone_enc text, phone_hash text,
  phone_masked text, phone_last4 text, id_last4 text, birth_date date, sex text, origin_region_code text,
  current_address text, education text, skills text[], certificates text[], expected_wage int,
  available_from date, notes text)`);

function recordsetOf(batch: ProtectedBatch) {
  return sql`json_to_recordset(${batch.json}::json) AS ${RECORD}`;
}

/**
 * Whether the database is the embedded one (PGlite): a single session, where a long transaction
 * would block every other request. Asked once per database (the answer cannot change).
 */
export async function isSingleSessionDatabase(db: Kysely<Database>): Promise<boolean> {
  const known = singleSession.get(db);
  if (known !== undefined) return known;
  const row = await sql<{ version: string }>`SELECT version() AS version`.execute(db);
  const isEmbedded = (row.rows[0]?.version ?? '').includes('PGlite');
  singleSession.set(db, isEmbedded);
  return isEmbedded;
}
const singleSession = new WeakMap<Kysely<Database>, boolean>();

/**
 * Stages a batch with one statement (embedded database path). Rows are already unique within the
 * file (the importer drops repeats first); the unique key is the last line of defence.
 */
export async function stageRows(
  db: Kysely<Database>,
  importId: string,
  batch: ProtectedBatch,
): Promise<void> {
  if (batch.workerIds.length === 0) return;
  await sql`
    INSERT INTO worker_import_rows (
      import_id, row_number, worker_id, name, name_pinyin, name_initials,
      id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash, phone_masked,
      phone_last4, id_last4, birth_date, sex, origin_region_code, current_address, education,
      skills, certificates, expected_wage, available_from, notes)
    SELECT ${importId}::uuid, t.row_number, t.worker_id, t.name, t.name_pinyin, t.name_initials,
      t.id_number_enc, t.id_number_hash, t.id_number_masked, t.phone_enc, t.phone_hash, t.phone_masked,
      t.phone_last4, t.id_last4, t.birth_date, t.sex, t.origin_region_code, t.current_address, t.education,
      t.skills, t.certificates, t.expected_wage, t.available_from, t.notes
    FROM ${recordsetOf(batch)}
    ON CONFLICT (import_id, id_number_hash) DO NOTHING`.execute(db);
}

/**
 * Opens the PostgreSQL path of an import, inside its transaction: a temporary table that collects
 * the ids of the workers this import creates (dropped at commit or rollback; temporary tables
 * are private to the connection and write no WAL), for `flagSameNamePhone` at the end.
 */
export async function beginDirectImport(db: Kysely<Database>): Promise<void> {
  await sql`CREATE TEMPORARY TABLE import_new_workers (id uuid NOT NULL) ON COMMIT DROP`.execute(db);
}

/**
 * Writes a batch straight into `workers` inside the import's transaction (PostgreSQL path), in one
 * statement: new people inserted (`ON CONFLICT (id_number_hash) DO NOTHING`), their channel rows,
 * and their ids noted in `import_new_workers`. Returns the ids created; rows not created are
 * people already registered (`linkExisting`). Same-name-and-phone flags come once, set-based,
 * after the last batch (`flagSameNamePhone`): probing the phone index per batch was a fifth of the
 * database's work on a large import.
 */
export async function insertWorkerBatch(
  db: Kysely<Database>,
  options: CommitOptions,
  batch: ProtectedBatch,
): Promise<Set<string>> {
  if (batch.workerIds.length === 0) return new Set();
  const { importId, districtCode, channel, channelRef, sourceRef, actorId } = options;
  const result = await sql<{ id: string }>`
    WITH ins AS (
      INSERT INTO workers (
        id, name, name_pinyin, name_initials, id_number_enc, id_number_hash, id_number_masked,
        phone_enc, phone_hash, phone_masked, phone_last4, id_last4, birth_date, sex,
        origin_region_code, current_address, education, skills, certificates, expected_wage,
        available_from, district_code, source_channel, source_ref, notes, created_by, updated_by)
      SELECT t.worker_id, t.name, t.name_pinyin, t.name_initials, t.id_number_enc, t.id_number_hash,
        t.id_number_masked, t.phone_enc, t.phone_hash, t.phone_masked, t.phone_last4, t.id_last4,
        t.birth_date, t.sex, t.origin_region_code, t.current_address, t.education,
        t.skills, t.certificates, t.expected_wage, t.available_from, ${districtCode}::text, ${channel}::text, ${sourceRef}::uuid, t.notes,
        ${actorId}::uuid, ${actorId}::uuid
      FROM ${recordsetOf(batch)}
      ON CONFLICT (id_number_hash) DO NOTHING
      RETURNING id),
    channels AS (
      INSERT INTO worker_channels (worker_id, channel, channel_ref, source_ref, registered_by, import_batch_id)
      SELECT id, ${channel}::text, ${channelRef}::text, ${sourceRef}::uuid, ${actorId}::uuid, ${importId}::uuid FROM ins
      ON CONFLICT (worker_id, channel, channel_ref) DO NOTHING),
    noted AS (
      INSERT INTO import_new_workers (id) SELECT id FROM ins)
    SELECT id FROM ins`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/**
 * Flags every worker this import created (`import_new_workers`) who shares name and phone with
 * another worker — one set-based statement after the last batch (PostgreSQL path). A pair of two
 * new workers is flagged once; a new worker and one registered before, as (new, earlier).
 */
export async function flagSameNamePhone(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE import_new_workers`.execute(db);
  await sql`
    INSERT INTO worker_duplicate_flags (worker_id, other_worker_id, reason)
    SELECT n.id, o.id, 'same_name_phone'
    FROM import_new_workers t
    JOIN workers n ON n.id = t.id
    JOIN workers o ON o.phone_hash = n.phone_hash AND o.name = n.name AND o.id <> n.id
    WHERE o.id > n.id OR NOT EXISTS (SELECT 1 FROM import_new_workers t2 WHERE t2.id = o.id)
    ON CONFLICT (worker_id, other_worker_id) DO NOTHING`.execute(db);
}

/** Links people already registered (by their ID hashes) to the import's channel (PostgreSQL path). */
export async function linkExisting(
  db: Kysely<Database>,
  options: CommitOptions,
  idNumberHashes: readonly string[],
): Promise<void> {
  if (idNumberHashes.length === 0) return;
  const { importId, channel, channelRef, sourceRef, actorId } = options;
  await sql`
    INSERT INTO worker_channels (worker_id, channel, channel_ref, source_ref, registered_by, import_batch_id)
    SELECT w.id, ${channel}::text, ${channelRef}::text, ${sourceRef}::uuid, ${actorId}::uuid, ${importId}::uuid
    FROM workers w
    WHERE w.id_number_hash = ANY(${[...idNumberHashes]}::text[])
    ON CONFLICT (worker_id, channel, channel_ref) DO NOTHING`.execute(db);
}

export async function deleteStagedRows(db: Kysely<Database>, importId: string): Promise<void> {
  await db.deleteFrom('worker_import_rows').where('import_id', '=', importId).execute();
}

/** Locks a job for its commit; false when it is no longer running (a sweep took it). */
export async function lockRunningImport(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('worker_imports')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row?.status === 'running';
}

export interface CommitOptions {
  readonly importId: string;
  readonly districtCode: string | null;
  readonly channel: Channel;
  /** `worker_channels.channel_ref`: the importing account ('' from the command line). */
  readonly channelRef: string;
  /** `source_ref` of the new workers and channel rows: the importing base's or school's record. */
  readonly sourceRef: string | null;
  readonly actorId: string | null;
}

/**
 * Moves an import's staged rows into `workers`, inside the caller's transaction, in three set-based
 * statements: new people are inserted (`ON CONFLICT (id_number_hash) DO NOTHING`: a person already
 * registered — before or concurrently — is not inserted twice); every row's person gets the
 * channel with the import's id (already recorded ones are left alone, so a re-import adds nothing);
 * same name + phone pairs are flagged. (Embedded database path; see `insertWorkerBatch`.)
 */
export async function commitStagedRows(
  db: Kysely<Database>,
  options: CommitOptions,
): Promise<{ created: number; staged: number; flagged: number }> {
  const { importId, districtCode, channel, channelRef, sourceRef, actorId } = options;
  const staged = await db
    .selectFrom('worker_import_rows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_id', '=', importId)
    .executeTakeFirstOrThrow();

  const created = await sql<{ n: number }>`
    WITH inserted AS (
      INSERT INTO workers (
        id, name, name_pinyin, name_initials, id_number_enc, id_number_hash, id_number_masked,
        phone_enc, phone_hash, phone_masked, phone_last4, id_last4, birth_date, sex,
        origin_region_code, current_address, education, skills, certificates, expected_wage,
        available_from, district_code, source_channel, source_ref, notes, created_by, updated_by)
      SELECT worker_id, name, name_pinyin, name_initials, id_number_enc, id_number_hash, id_number_masked,
        phone_enc, phone_hash, phone_masked, phone_last4, id_last4, birth_date, sex,
        origin_region_code, current_address, education, skills, certificates, expected_wage,
        available_from, ${districtCode}::text, ${channel}::text, ${sourceRef}::uuid, notes, ${actorId}::uuid, ${actorId}::uuid
      FROM worker_import_rows
      WHERE import_id = ${importId}::uuid
      ON CONFLICT (id_number_hash) DO NOTHING
      RETURNING 1)
    SELECT count(*)::int AS n FROM inserted`.execute(db);

  await sql`
    INSERT INTO worker_channels (worker_id, channel, channel_ref, source_ref, registered_by, import_batch_id)
    SELECT w.id, ${channel}::text, ${channelRef}::text, ${sourceRef}::uuid, ${actorId}::uuid, ${importId}::uuid
    FROM worker_import_rows s
    JOIN workers w ON w.id_number_hash = s.id_number_hash
    WHERE s.import_id = ${importId}::uuid
    ON CONFLICT (worker_id, channel, channel_ref) DO NOTHING`.execute(db);

  // New worker n, other worker o with the same name and phone; a pair of two new workers once.
  const flagged = await sql<{ n: number }>`
    WITH flagged AS (
      INSERT INTO worker_duplicate_flags (worker_id, other_worker_id, reason)
      SELECT n.id, o.id, 'same_name_phone'
      FROM worker_import_rows s
      JOIN workers n ON n.id = s.worker_id
      JOIN workers o ON o.phone_hash = n.phone_hash AND o.name = n.name AND o.id <> n.id
      LEFT JOIN worker_import_rows so
        ON so.import_id = ${importId}::uuid AND so.id_number_hash = o.id_number_hash AND so.worker_id = o.id
      WHERE s.import_id = ${importId}::uuid AND (so.worker_id IS NULL OR o.id > n.id)
      ON CONFLICT (worker_id, other_worker_id) DO NOTHING
      RETURNING 1)
    SELECT count(*)::int AS n FROM flagged`.execute(db);

  return { created: created.rows[0]?.n ?? 0, staged: staged.n, flagged: flagged.rows[0]?.n ?? 0 };
}

/**
 * Marks running jobs whose heartbeat is older than `staleSeconds` as failed (their process died)
 * and deletes their staging rows. A job being committed holds its row lock, so this waits for
 * the commit and then leaves it alone. `exceptIds`: jobs alive in this process.
 */
export async function sweepInterruptedImports(
  db: Kysely<Database>,
  options: { staleSeconds: number; exceptIds: readonly string[]; onlyId?: string },
): Promise<string[]> {
  let query = db
    .updateTable('worker_imports')
    .set({ status: 'failed', failure_code: 'worker.import_interrupted', finished_at: sql`now()` })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${options.staleSeconds})`);
  if (options.exceptIds.length > 0) query = query.where('id', 'not in', [...options.exceptIds]);
  if (options.onlyId) query = query.where('id', '=', options.onlyId);
  const swept = await query.returning('id').execute();
  for (const { id } of swept) await deleteStagedRows(db, id);
  return swept.map((row) => row.id);
}
