import type { Channel, WorkerListQuery } from '@yonggong/shared';
import { type Kysely, type SqlBool, sql, type Updateable } from 'kysely';
import type {
  Database,
  NewWorker,
  WorkerChannelRow,
  WorkerDuplicateFlagRow,
  WorkerRow,
  WorkersTable,
} from '../../db/schema.ts';
import { escapeLike } from '../../lib/pinyin.ts';
import type { WorkerScopeClause } from './workers.policy.ts';

/** The only SQL of the workers module (imports: worker-imports.repository.ts). Reads take a scope. */

export type WorkerListFilter = Omit<WorkerListQuery, 'page' | 'pageSize' | 'sort' | 'ageMin' | 'ageMax'> & {
  /** Birth-date bounds computed from the age range (inclusive). */
  readonly bornOnOrAfter?: string;
  readonly bornOnOrBefore?: string;
};

/** Sort keys of `WORKER_SORTS`: column and whether ascending on the key means ascending in SQL. */
const SORTS = {
  createdAt: { column: 'workers.created_at', invert: false },
  name: { column: 'workers.name_pinyin', invert: false },
  // Older = earlier birth date: ascending age is descending birth date.
  age: { column: 'workers.birth_date', invert: true },
  expectedWage: { column: 'workers.expected_wage', invert: false },
} as const;

function filtered(db: Kysely<Database>, scope: WorkerScopeClause, filter: WorkerListFilter) {
  let query = db.selectFrom('workers').where(scope);
  if (filter.status !== 'all') query = query.where('workers.status', '=', filter.status);
  if (filter.districtCode) query = query.where('workers.district_code', '=', filter.districtCode);
  if (filter.originRegionCode)
    query = query.where('workers.origin_region_code', 'like', `${escapeLike(filter.originRegionCode)}%`);
  if (filter.education) query = query.where('workers.education', '=', filter.education);
  if (filter.bornOnOrAfter) query = query.where('workers.birth_date', '>=', filter.bornOnOrAfter);
  if (filter.bornOnOrBefore) query = query.where('workers.birth_date', '<=', filter.bornOnOrBefore);
  if (filter.occupationCode) {
    const prefix = `${escapeLike(filter.occupationCode)}%`;
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM unnest(workers.occupation_codes) AS code WHERE code LIKE ${prefix})`,
    );
  }
  const channel = filter.channel;
  if (channel)
    query = query.where((eb) =>
      eb.or([
        eb('workers.source_channel', '=', channel),
        eb.exists(
          eb
            .selectFrom('worker_channels')
            .select(eb.lit(1).as('one'))
            .whereRef('worker_channels.worker_id', '=', 'workers.id')
            .where('worker_channels.channel', '=', channel),
        ),
      ]),
    );
  if (filter.possibleDuplicate) {
    const hasFlag = (eb: Parameters<WorkerScopeClause>[0]) =>
      eb.exists(
        eb
          .selectFrom('worker_duplicate_flags as f')
          .select(eb.lit(1).as('one'))
          .where('f.status', '=', 'open')
          .where((inner) =>
            inner.or([
              inner('f.worker_id', '=', inner.ref('workers.id')),
              inner('f.other_worker_id', '=', inner.ref('workers.id')),
            ]),
          ),
      );
    query = query.where((eb) => (filter.possibleDuplicate === 'true' ? hasFlag(eb) : eb.not(hasFlag(eb))));
  }
  const q = filter.q?.trim();
  if (q) {
    query = query.where((eb) => {
      const compact = q.replace(/\s+/g, '');
      const lower = escapeLike(compact.toLowerCase());
      const alternatives = [
        eb('workers.name', 'like', `%${escapeLike(compact)}%`),
        eb('workers.name_initials', 'like', `${lower}%`),
        eb('workers.name_pinyin', 'like', `${lower}%`),
      ];
      // "尾号 1234": the last four digits of the phone or the ID (whose last may be X).
      if (/^\d{4}$/.test(compact)) alternatives.push(eb('workers.phone_last4', '=', compact));
      if (/^\d{3}[\dXx]$/.test(compact))
        alternatives.push(eb('workers.id_last4', '=', compact.toUpperCase()));
      return eb.or(alternatives);
    });
  }
  return query;
}

/** One page of the scoped, filtered list, plus the total. */
export async function listWorkers(
  db: Kysely<Database>,
  scope: WorkerScopeClause,
  filter: WorkerListFilter,
  sort: string,
  page: { page: number; pageSize: number },
): Promise<{ rows: WorkerRow[]; total: number }> {
  const base = filtered(db, scope, filter);
  const isDescending = sort.startsWith('-');
  const key = (isDescending ? sort.slice(1) : sort) as keyof typeof SORTS;
  const { column, invert } = SORTS[key] ?? SORTS.createdAt;
  const descendingInSql = isDescending !== invert;
  const rows = await base
    .selectAll('workers')
    .orderBy(column, (ob) => (descendingInSql ? ob.desc().nullsLast() : ob.asc().nullsLast()))
    .orderBy('workers.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: count.n };
}

/** A scoped read by id (undefined when missing or out of scope: callers answer 404 for both). */
export async function findWorker(
  db: Kysely<Database>,
  scope: WorkerScopeClause,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<WorkerRow | undefined> {
  let query = db.selectFrom('workers').selectAll().where('workers.id', '=', id).where(scope);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Unscoped lookup by the keyed hash of the ID number — for deduplication only, never returned as is. */
export async function findWorkerIdByIdHash(
  db: Kysely<Database>,
  idNumberHash: string,
): Promise<Pick<WorkerRow, 'id' | 'name'> | undefined> {
  return db
    .selectFrom('workers')
    .select(['id', 'name'])
    .where('id_number_hash', '=', idNumberHash)
    .executeTakeFirst();
}

/** Workers (other than `exceptId`) with this exact name and phone: possible duplicates. */
export async function findSameNameAndPhone(
  db: Kysely<Database>,
  name: string,
  phoneHash: string,
  exceptId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('workers')
    .select('id')
    .where('phone_hash', '=', phoneHash)
    .where('name', '=', name)
    .where('id', '!=', exceptId)
    .execute();
  return rows.map((row) => row.id);
}

export async function insertWorker(db: Kysely<Database>, row: NewWorker): Promise<WorkerRow> {
  return db.insertInto('workers').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Batch insert (demo data); 400 rows per statement keeps under the 65,535-parameter limit. */
export async function insertWorkers(
  db: Kysely<Database>,
  rows: readonly NewWorker[],
): Promise<{ id: string }[]> {
  const inserted: { id: string }[] = [];
  for (let i = 0; i < rows.length; i += 400) {
    inserted.push(
      ...(await db
        .insertInto('workers')
        .values(rows.slice(i, i + 400))
        .returning('id')
        .execute()),
    );
  }
  return inserted;
}

export type WorkerPatch = Omit<
  Updateable<WorkersTable>,
  'id' | 'version' | 'created_at' | 'updated_at' | 'created_by'
>;

/** Updates when `version` still matches; undefined means someone else changed it first. */
export async function updateWorkerVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: WorkerPatch,
): Promise<WorkerRow | undefined> {
  return db
    .updateTable('workers')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface ChannelWrite {
  readonly worker_id: string;
  readonly channel: Channel;
  readonly channel_ref: string;
  readonly registered_by: string | null;
  readonly import_batch_id?: string | null;
  /** The base, school, programme, campaign or agency the arrival belongs to (null: none). */
  readonly source_ref?: string | null;
}

/** Records channels; a (worker, channel, ref) already recorded is left as it is. Returns how many were new. */
export async function insertChannels(db: Kysely<Database>, rows: readonly ChannelWrite[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const result = await db
      .insertInto('worker_channels')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['worker_id', 'channel', 'channel_ref']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

export async function listChannels(
  db: Kysely<Database>,
  workerIds: readonly string[],
): Promise<WorkerChannelRow[]> {
  if (workerIds.length === 0) return [];
  return db
    .selectFrom('worker_channels')
    .selectAll()
    .where('worker_id', 'in', [...workerIds])
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertDuplicateFlags(
  db: Kysely<Database>,
  rows: readonly { worker_id: string; other_worker_id: string; reason: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('worker_duplicate_flags')
    .values([...rows])
    .onConflict((oc) => oc.columns(['worker_id', 'other_worker_id']).doNothing())
    .execute();
}

/** A flag seen from one of its workers: `other_*` is the other worker. */
export interface FlagView {
  readonly flag_id: string;
  readonly subject_id: string;
  readonly other_id: string;
  readonly other_name: string;
  readonly reason: string;
  readonly status: string;
}

/** Open and confirmed flags involving `workerIds`, from each side (dismissed ones are done with). */
export async function listDuplicateFlags(
  db: Kysely<Database>,
  workerIds: readonly string[],
): Promise<FlagView[]> {
  if (workerIds.length === 0) return [];
  const ids = [...workerIds];
  const fromSubject = db
    .selectFrom('worker_duplicate_flags as f')
    .innerJoin('workers as o', 'o.id', 'f.other_worker_id')
    .select([
      'f.id as flag_id',
      'f.worker_id as subject_id',
      'o.id as other_id',
      'o.name as other_name',
      'f.reason',
      'f.status',
    ])
    .where('f.worker_id', 'in', ids)
    .where('f.status', '!=', 'dismissed');
  const fromOther = db
    .selectFrom('worker_duplicate_flags as f')
    .innerJoin('workers as o', 'o.id', 'f.worker_id')
    .select([
      'f.id as flag_id',
      'f.other_worker_id as subject_id',
      'o.id as other_id',
      'o.name as other_name',
      'f.reason',
      'f.status',
    ])
    .where('f.other_worker_id', 'in', ids)
    .where('f.status', '!=', 'dismissed');
  return fromSubject.unionAll(fromOther).orderBy('flag_id').execute();
}

export async function findDuplicateFlag(
  db: Kysely<Database>,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<WorkerDuplicateFlagRow | undefined> {
  let query = db.selectFrom('worker_duplicate_flags').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Resolves an open flag; undefined when it was no longer open. */
export async function resolveDuplicateFlag(
  db: Kysely<Database>,
  id: string,
  status: 'dismissed' | 'confirmed',
  userId: string,
): Promise<WorkerDuplicateFlagRow | undefined> {
  return db
    .updateTable('worker_duplicate_flags')
    .set({ status, resolved_by: userId, resolved_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** Which of `ids` the scope lets the caller see. */
export async function findVisibleWorkerIds(
  db: Kysely<Database>,
  scope: WorkerScopeClause,
  ids: readonly string[],
): Promise<Pick<WorkerRow, 'id' | 'district_code' | 'name'>[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('workers')
    .select(['id', 'district_code', 'name'])
    .where('id', 'in', [...ids])
    .where(scope)
    .execute();
}

/**
 * Locks a worker's row for the rest of the transaction (an agency submission checks the worker is
 * still available and takes ownership while no hire can change them).
 */
export async function lockWorkerForSubmission(db: Kysely<Database>, workerId: string) {
  return db
    .selectFrom('workers')
    .select(['id', 'name', 'status', 'id_number_masked'])
    .where('id', '=', workerId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
