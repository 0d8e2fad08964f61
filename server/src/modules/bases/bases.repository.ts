import { BASE_LIMITS, type BaseListQuery } from '@yonggong/shared';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SqlBool,
  sql,
} from 'kysely';
import { countRows, listPage, takePage, textSearch } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type {
  LabourBaseContactRow,
  LabourBaseEventRow,
  LabourBaseRow,
  LabourBasesTable,
} from '../../db/schema-channels.ts';

/** The only SQL of the labour-bases module. */
export type BaseScope = (eb: ExpressionBuilder<Database, 'labour_bases'>) => Expression<SqlBool>;
export type WorkerScopeClause = (eb: ExpressionBuilder<Database, 'workers'>) => Expression<SqlBool>;

export type BasePatch = Partial<
  Omit<
    LabourBaseRow,
    'id' | 'version' | 'created_at' | 'updated_at' | 'origin_county_code' | 'origin_province_code'
  >
>;

/** Placements credited to base `alias`.id hired in `year` (the delivered count; never typed in). */
function deliveredInYearSql(alias: string, year: string) {
  return sql<number>`(SELECT count(*)::int FROM placements p
    WHERE p.channel = 'base' AND p.channel_ref = ${sql.ref(`${alias}.id`)}
      AND p.hired_on >= ${`${year}-01-01`}::date AND p.hired_on < ${`${Number(year) + 1}-01-01`}::date)`;
}

export async function listBases(
  db: Kysely<Database>,
  scope: BaseScope,
  query: BaseListQuery,
  today: string,
): Promise<{ rows: LabourBaseRow[]; total: number }> {
  let q = db.selectFrom('labour_bases').selectAll('labour_bases').where(scope);
  if (query.status !== 'all') q = q.where('labour_bases.status', '=', query.status);
  if (query.kind) q = q.where('labour_bases.kind', '=', query.kind);
  if (query.originProvinceCode)
    q = q.where('labour_bases.origin_province_code', '=', `${query.originProvinceCode.slice(0, 2)}0000`);
  if (query.originCountyCode)
    q = q.where('labour_bases.origin_county_code', 'like', `${query.originCountyCode}%`);
  if (query.expiringSoon)
    q = q
      .where('labour_bases.agreement_valid_until', 'is not', null)
      .where(
        sql<boolean>`labour_bases.agreement_valid_until <= ${today}::date + ${BASE_LIMITS.expiringWithinDays}::int`,
      );
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      textSearch(eb, text, {
        text: ['labour_bases.name', 'labour_bases.partner_name'],
        pinyin: ['labour_bases.name_initials', 'labour_bases.name_pinyin'],
      }),
    );
  }
  return listPage(
    q,
    query,
    {
      name: (q) => q.orderBy('labour_bases.name_pinyin', 'asc'),
      '-createdAt': (q) => q.orderBy('labour_bases.created_at', 'desc'),
      agreementValidUntil: (q) => q.orderBy(sql`labour_bases.agreement_valid_until ASC NULLS LAST`),
      '-annualTarget': (q) => q.orderBy('labour_bases.annual_target', 'desc'),
      '-deliveredThisYear': (q) =>
        q.orderBy(sql`${deliveredInYearSql('labour_bases', today.slice(0, 4))} DESC`),
    },
    'labour_bases.id',
  );
}

export async function findBase(
  db: Kysely<Database>,
  scope: BaseScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LabourBaseRow | undefined> {
  let q = db.selectFrom('labour_bases').selectAll().where('labour_bases.id', '=', id).where(scope);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Does a base with this id exist (the CLI binding staff accounts)? */
export async function baseExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('labour_bases').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function insertBase(
  db: Kysely<Database>,
  row: Insertable<LabourBasesTable>,
): Promise<LabourBaseRow> {
  return db.insertInto('labour_bases').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateBaseVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: BasePatch,
): Promise<LabourBaseRow | undefined> {
  return db
    .updateTable('labour_bases')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface BaseContactWrite {
  readonly id?: string;
  readonly position: number;
  readonly name: string;
  readonly title: string;
  readonly phone_enc: string;
  readonly phone_hash: string;
  readonly phone_masked: string;
}

export async function listBaseContacts(
  db: Kysely<Database>,
  baseIds: readonly string[],
): Promise<LabourBaseContactRow[]> {
  if (baseIds.length === 0) return [];
  return db
    .selectFrom('labour_base_contacts')
    .selectAll()
    .where('base_id', 'in', [...baseIds])
    .orderBy('base_id')
    .orderBy('position')
    .execute();
}

/** Replaces a base's contacts (kept ids update, new ones insert, the rest are deleted). */
export async function replaceBaseContacts(
  db: Kysely<Database>,
  baseId: string,
  contacts: readonly BaseContactWrite[],
): Promise<void> {
  const keepIds = contacts.flatMap((contact) => (contact.id ? [contact.id] : []));
  let deletion = db.deleteFrom('labour_base_contacts').where('base_id', '=', baseId);
  if (keepIds.length > 0) deletion = deletion.where('id', 'not in', keepIds);
  await deletion.execute();
  for (const contact of contacts) {
    const { id, ...values } = contact;
    if (id)
      await db
        .updateTable('labour_base_contacts')
        .set(values)
        .where('id', '=', id)
        .where('base_id', '=', baseId)
        .execute();
    else
      await db
        .insertInto('labour_base_contacts')
        .values({ ...values, base_id: baseId })
        .execute();
  }
}

export interface BaseStats {
  readonly deliveredThisYear: number;
  readonly workersSupplied: number;
  readonly applications: number;
  readonly placements: number;
  readonly events: number;
}

/**
 * What each base delivered, in one set-based query: placements credited to the base (channel
 * 'base', `channel_ref` = the base) this calendar year and overall, applications credited to it,
 * workers who arrived through it (`worker_channels.source_ref`), and its 劳务对接 events.
 */
export async function baseStats(
  db: Kysely<Database>,
  ids: readonly string[],
  year: string,
): Promise<Map<string, BaseStats>> {
  const result = new Map<string, BaseStats>();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('labour_bases as b')
    .select([
      'b.id',
      deliveredInYearSql('b', year).as('delivered'),
      sql<number>`(SELECT count(DISTINCT wc.worker_id)::int FROM worker_channels wc
        WHERE wc.source_ref = b.id AND wc.channel = 'base')`.as('workers'),
      sql<number>`(SELECT count(*)::int FROM applications a
        WHERE a.channel_ref = b.id AND a.channel = 'base')`.as('applications'),
      sql<number>`(SELECT count(*)::int FROM placements p
        WHERE p.channel_ref = b.id AND p.channel = 'base')`.as('placements'),
      sql<number>`(SELECT count(*)::int FROM labour_base_events e WHERE e.base_id = b.id)`.as('events'),
    ])
    .where('b.id', 'in', [...ids])
    .execute();
  for (const row of rows)
    result.set(row.id, {
      deliveredThisYear: Number(row.delivered),
      workersSupplied: Number(row.workers),
      applications: Number(row.applications),
      placements: Number(row.placements),
      events: Number(row.events),
    });
  return result;
}

export interface AgreementFileMeta {
  readonly base_id: string;
  readonly filename: string;
  readonly content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly size_bytes: number;
  readonly uploaded_at: Date;
}

export async function listAgreementFiles(
  db: Kysely<Database>,
  baseIds: readonly string[],
): Promise<AgreementFileMeta[]> {
  if (baseIds.length === 0) return [];
  return db
    .selectFrom('labour_base_agreement_files')
    .select(['base_id', 'filename', 'content_type', 'size_bytes', 'uploaded_at'])
    .where('base_id', 'in', [...baseIds])
    .execute();
}

/** Stores (or replaces) the base's agreement scan. */
export async function upsertAgreementFile(
  db: Kysely<Database>,
  file: {
    base_id: string;
    filename: string;
    content_type: AgreementFileMeta['content_type'];
    size_bytes: number;
    sha256: string;
    content: Buffer;
    uploaded_by: string;
  },
): Promise<void> {
  await db
    .insertInto('labour_base_agreement_files')
    .values(file)
    .onConflict((oc) =>
      oc.column('base_id').doUpdateSet({
        filename: file.filename,
        content_type: file.content_type,
        size_bytes: file.size_bytes,
        sha256: file.sha256,
        content: file.content,
        uploaded_by: file.uploaded_by,
        uploaded_at: sql`now()`,
      }),
    )
    .execute();
}

export async function findAgreementFile(db: Kysely<Database>, baseId: string) {
  return db
    .selectFrom('labour_base_agreement_files')
    .select(['filename', 'content_type', 'size_bytes', 'sha256', 'content'])
    .where('base_id', '=', baseId)
    .executeTakeFirst();
}

// ---- 劳务对接 events ----

export async function listEvents(db: Kysely<Database>, baseId: string): Promise<LabourBaseEventRow[]> {
  return db
    .selectFrom('labour_base_events')
    .selectAll()
    .where('base_id', '=', baseId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findEvent(
  db: Kysely<Database>,
  baseId: string,
  eventId: string,
): Promise<LabourBaseEventRow | undefined> {
  return db
    .selectFrom('labour_base_events')
    .selectAll()
    .where('id', '=', eventId)
    .where('base_id', '=', baseId)
    .executeTakeFirst();
}

export async function insertEvent(
  db: Kysely<Database>,
  row: {
    base_id: string;
    held_on: string;
    place: string;
    kind: LabourBaseEventRow['kind'];
    notes: string;
    created_by: string;
    updated_by: string;
  },
): Promise<LabourBaseEventRow> {
  return db.insertInto('labour_base_events').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateEventVersioned(
  db: Kysely<Database>,
  eventId: string,
  version: number,
  patch: Partial<Pick<LabourBaseEventRow, 'held_on' | 'place' | 'kind' | 'notes' | 'updated_by'>>,
): Promise<LabourBaseEventRow | undefined> {
  return db
    .updateTable('labour_base_events')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', eventId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Replaces the attending enterprises of an event. */
export async function replaceEventEnterprises(
  db: Kysely<Database>,
  eventId: string,
  enterpriseIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('labour_base_event_enterprises').where('event_id', '=', eventId).execute();
  if (enterpriseIds.length > 0)
    await db
      .insertInto('labour_base_event_enterprises')
      .values(enterpriseIds.map((enterprise_id) => ({ event_id: eventId, enterprise_id })))
      .execute();
}

/**
 * Replaces the sign-ups of an event that the editor can see (`visible`): sign-ups of workers
 * outside the editor's scope stay as they are.
 */
export async function replaceEventWorkers(
  db: Kysely<Database>,
  eventId: string,
  workerIds: readonly string[],
  workerScope: WorkerScopeClause,
): Promise<void> {
  await db
    .deleteFrom('labour_base_event_workers')
    .where('event_id', '=', eventId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('workers')
          .select(eb.lit(1).as('one'))
          .whereRef('workers.id', '=', 'labour_base_event_workers.worker_id')
          .where(workerScope),
      ),
    )
    .execute();
  if (workerIds.length > 0)
    await db
      .insertInto('labour_base_event_workers')
      .values(workerIds.map((worker_id) => ({ event_id: eventId, worker_id })))
      .onConflict((oc) => oc.columns(['event_id', 'worker_id']).doNothing())
      .execute();
}

export async function listEventEnterprises(db: Kysely<Database>, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('labour_base_event_enterprises as ee')
    .innerJoin('enterprises as e', 'e.id', 'ee.enterprise_id')
    .select(['ee.event_id', 'e.id', 'e.name'])
    .where('ee.event_id', 'in', [...eventIds])
    .orderBy('e.name_pinyin')
    .execute();
}

/** The sign-ups of events: those the caller may see by name, and every sign-up counted. */
export async function listEventWorkers(
  db: Kysely<Database>,
  eventIds: readonly string[],
  workerScope: WorkerScopeClause,
) {
  if (eventIds.length === 0) return { visible: [], counts: new Map<string, number>() };
  const visible = await db
    .selectFrom('labour_base_event_workers as ew')
    .innerJoin('workers', 'workers.id', 'ew.worker_id')
    .select(['ew.event_id', 'workers.id', 'workers.name'])
    .where('ew.event_id', 'in', [...eventIds])
    .where(workerScope)
    .orderBy('workers.name_pinyin')
    .execute();
  const counted = await db
    .selectFrom('labour_base_event_workers')
    .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', [...eventIds])
    .groupBy('event_id')
    .execute();
  return { visible, counts: new Map(counted.map((row) => [row.event_id, Number(row.n)])) };
}

// ---- the base's workers ----

/** Workers who arrived through the base and the caller may see, latest arrival first. */
export async function listBaseWorkers(
  db: Kysely<Database>,
  baseId: string,
  workerScope: WorkerScopeClause,
  page: { page: number; pageSize: number },
) {
  const arrivals = db
    .selectFrom('worker_channels')
    .select(['worker_id', (eb) => eb.fn.max('at').as('arrived_at')])
    .where('channel', '=', 'base')
    .where('source_ref', '=', baseId)
    .groupBy('worker_id')
    .as('arr');
  const q = db.selectFrom('workers').innerJoin(arrivals, 'arr.worker_id', 'workers.id').where(workerScope);
  const total = await countRows(q);
  const rows = await takePage(
    q
      .select([
        'workers.id',
        'workers.name',
        'workers.sex',
        'workers.birth_date',
        'workers.origin_region_code',
        'workers.status',
        'arr.arrived_at',
      ])
      .orderBy('arr.arrived_at', 'desc')
      .orderBy('workers.id'),
    page,
  ).execute();
  return { rows, total };
}

/**
 * Channel ties for the match index (integrator): an enterprise is tied to a base when it attended
 * one of the base's 劳务对接 events held in the last two years (730 days before today, inclusive).
 * Sign-ups and placements are not ties: they belong to workers, not enterprises. One row per
 * (enterprise, base) pair; enterprises with no such event are absent.
 */
export async function listBaseTiesOfEnterprises(
  db: Kysely<Database>,
  enterpriseIds: readonly string[],
): Promise<{ enterpriseId: string; baseId: string }[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db
    .selectFrom('labour_base_event_enterprises as ee')
    .innerJoin('labour_base_events as e', 'e.id', 'ee.event_id')
    .select(['ee.enterprise_id', 'e.base_id'])
    .distinct()
    .where('ee.enterprise_id', 'in', [...enterpriseIds])
    .where(sql<boolean>`e.held_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date - 730`)
    .execute();
  return rows.map((row) => ({ enterpriseId: row.enterprise_id, baseId: row.base_id }));
}
