import type { ClassStudentPage, OrderClassListQuery } from '@yonggong/shared';
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
import type { OrderClassesTable, OrderClassRow, SchoolRow } from '../../db/schema-schools.ts';

/** The statuses of the unique open-application index (migration 0200): one such per worker and order. */
const HELD_APPLICATION_STATUSES = [
  'recommended',
  'applied',
  'screening',
  'interview',
  'offered',
  'hired',
  'retained_30',
  'retained_90',
] as const;

/** The only SQL of the order-classes module. */
export type OrderClassScope = (eb: ExpressionBuilder<Database, 'order_classes'>) => Expression<SqlBool>;
export type OrderClassPatch = Partial<
  Omit<OrderClassRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'school_id' | 'enterprise_id'>
>;

export interface OrderClassView extends OrderClassRow {
  readonly school_name: string;
  readonly school_type: SchoolRow['type'];
  readonly enterprise_name: string;
  readonly enterprise_district_code: string;
  readonly delivered_job_order_title: string | null;
  readonly enrolled: number;
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('order_classes')
    .innerJoin('schools as s', 's.id', 'order_classes.school_id')
    .innerJoin('enterprises as e', 'e.id', 'order_classes.enterprise_id')
    .leftJoin('job_orders as jo', 'jo.id', 'order_classes.delivered_job_order_id')
    .selectAll('order_classes')
    .select([
      's.name as school_name',
      's.type as school_type',
      'e.name as enterprise_name',
      'e.district_code as enterprise_district_code',
      'jo.title as delivered_job_order_title',
      sql<number>`(SELECT count(*)::int FROM order_class_students st
        WHERE st.class_id = order_classes.id AND st.status = 'enrolled')`.as('enrolled'),
    ]);
}

export async function listOrderClasses(
  db: Kysely<Database>,
  scope: OrderClassScope,
  query: OrderClassListQuery,
  today: string,
): Promise<{ rows: OrderClassView[]; total: number }> {
  let q = base(db).where(scope);
  if (query.schoolId) q = q.where('order_classes.school_id', '=', query.schoolId);
  if (query.enterpriseId) q = q.where('order_classes.enterprise_id', '=', query.enterpriseId);
  if (query.kind) q = q.where('order_classes.kind', '=', query.kind);
  if (query.graduatingBy) q = q.where('order_classes.graduation_date', '<=', query.graduatingBy);
  switch (query.stage) {
    case undefined:
      break;
    case 'delivered':
      q = q.where('order_classes.delivered_at', 'is not', null);
      break;
    case 'graduated':
      q = q
        .where('order_classes.delivered_at', 'is', null)
        .where('order_classes.graduation_date', '<=', today);
      break;
    case 'studying':
      q = q
        .where('order_classes.delivered_at', 'is', null)
        .where('order_classes.graduation_date', '>', today);
      break;
    default: {
      const exhaustive: never = query.stage;
      return exhaustive;
    }
  }
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      textSearch(eb, text, { text: ['order_classes.name', 'order_classes.major_name', 's.name', 'e.name'] }),
    );
  }
  return listPage(
    q,
    query,
    {
      graduationDate: (q) => q.orderBy('order_classes.graduation_date', 'asc'),
      '-graduationDate': (q) => q.orderBy('order_classes.graduation_date', 'desc'),
      '-createdAt': (q) => q.orderBy('order_classes.created_at', 'desc'),
      name: (q) => q.orderBy('order_classes.name', 'asc'),
    },
    'order_classes.id',
  );
}

export async function findOrderClass(
  db: Kysely<Database>,
  scope: OrderClassScope,
  id: string,
): Promise<OrderClassView | undefined> {
  return base(db).where('order_classes.id', '=', id).where(scope).executeTakeFirst();
}

/** Locks the class row (deliveries and imports of one class run one at a time). */
export async function lockOrderClass(db: Kysely<Database>, id: string): Promise<OrderClassRow | undefined> {
  return db.selectFrom('order_classes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertOrderClass(
  db: Kysely<Database>,
  row: Insertable<OrderClassesTable>,
): Promise<OrderClassRow> {
  return db.insertInto('order_classes').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrderClassVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: OrderClassPatch,
): Promise<OrderClassRow | undefined> {
  return db
    .updateTable('order_classes')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** An agreement between this school and enterprise (any dates), for linking a class to it. */
export async function findAgreementBetween(
  db: Kysely<Database>,
  schoolId: string,
  enterpriseId: string,
  agreementId?: string,
) {
  let q = db
    .selectFrom('school_agreements')
    .select(['id', 'valid_from', 'valid_until'])
    .where('school_id', '=', schoolId)
    .where('enterprise_id', '=', enterpriseId);
  if (agreementId) q = q.where('id', '=', agreementId);
  return q.executeTakeFirst();
}

export async function listRoster(
  db: Kysely<Database>,
  cls: Pick<OrderClassRow, 'id' | 'delivered_job_order_id'>,
  query: { q?: string | undefined; status: 'enrolled' | 'withdrawn' | 'all'; page: number; pageSize: number },
) {
  let q = db
    .selectFrom('order_class_students as st')
    .innerJoin('workers as w', 'w.id', 'st.worker_id')
    .where('st.class_id', '=', cls.id);
  if (query.status !== 'all') q = q.where('st.status', '=', query.status);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      eb.or([
        textSearch(eb, text, { text: ['w.name'], pinyin: ['w.name_initials'] }),
        eb('w.id_last4', '=', text),
      ]),
    );
  }
  const total = await countRows(q);
  const orderId = cls.delivered_job_order_id;
  const ordered = q
    .select([
      'w.id as worker_id',
      'w.name',
      'w.sex',
      'w.birth_date',
      'w.id_number_masked',
      'w.phone_masked',
      'w.education',
      'w.status as worker_status',
      'st.status',
      'st.added_at',
      orderId
        ? sql<string | null>`(SELECT a.status FROM applications a WHERE a.worker_id = w.id
            AND a.job_order_id = ${orderId}::uuid ORDER BY a.created_at DESC LIMIT 1)`.as('delivered_status')
        : sql<string | null>`NULL::text`.as('delivered_status'),
    ])
    .orderBy('w.name_pinyin')
    .orderBy('w.id');
  const rows = await takePage(ordered, query).execute();
  return { rows, total };
}

export type RosterRow = Awaited<ReturnType<typeof listRoster>>['rows'][number];
export type { ClassStudentPage };

/** Enrols a worker (a withdrawn student comes back). Returns whether anything changed. */
export async function enrolStudent(
  db: Kysely<Database>,
  row: { class_id: string; worker_id: string; added_by: string; import_id: string | null },
): Promise<boolean> {
  const result = await db
    .insertInto('order_class_students')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['class_id', 'worker_id'])
        .doUpdateSet({ status: 'enrolled' })
        .where('order_class_students.status', '=', 'withdrawn'),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setStudentStatus(
  db: Kysely<Database>,
  classId: string,
  workerId: string,
  status: 'enrolled' | 'withdrawn',
): Promise<boolean> {
  const result = await db
    .updateTable('order_class_students')
    .set({ status })
    .where('class_id', '=', classId)
    .where('worker_id', '=', workerId)
    .where('status', '<>', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countEnrolled(db: Kysely<Database>, classId: string): Promise<number> {
  const row = await db
    .selectFrom('order_class_students')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .where('status', '=', 'enrolled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new student registered for the school gets the school as their source record. */
export async function creditNewWorkerToSchool(db: Kysely<Database>, workerId: string, schoolId: string) {
  await db
    .updateTable('workers')
    .set({ source_ref: schoolId })
    .where('id', '=', workerId)
    .where('source_channel', '=', 'school')
    .where('source_ref', 'is', null)
    .execute();
}

// ------------------------------------------------------------------------------------------------
// Imports
// ------------------------------------------------------------------------------------------------

export async function insertClassImport(
  db: Kysely<Database>,
  row: { import_id: string; class_id: string; created_by: string },
): Promise<void> {
  await db.insertInto('order_class_imports').values(row).execute();
}

export async function findClassImport(db: Kysely<Database>, classId: string, importId: string) {
  return db
    .selectFrom('order_class_imports')
    .selectAll()
    .where('class_id', '=', classId)
    .where('import_id', '=', importId)
    .executeTakeFirst();
}

/** Whether the class has an import still running (one list at a time per class). */
export async function hasRunningImport(db: Kysely<Database>, classId: string): Promise<boolean> {
  const row = await db
    .selectFrom('order_class_imports as ci')
    .innerJoin('worker_imports as wi', 'wi.id', 'ci.import_id')
    .select('ci.import_id')
    .where('ci.class_id', '=', classId)
    .where('wi.status', '=', 'running')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Attaches everyone the import brought in or linked (their worker_channels rows carry the import's
 * id) to the class in one statement, and marks the import attached. Only once: a second call finds
 * attached_at set and changes nothing. Also credits new workers to the school. Returns how many
 * students the import attached (null: it was attached already).
 */
export async function attachImportedStudents(
  db: Kysely<Database>,
  options: { classId: string; importId: string; schoolId: string; actorId: string | null },
): Promise<number | null> {
  const claimed = await db
    .updateTable('order_class_imports')
    .set({ attached_at: sql`now()` })
    .where('import_id', '=', options.importId)
    .where('attached_at', 'is', null)
    .returning('import_id')
    .executeTakeFirst();
  if (!claimed) return null;
  const result = await sql<{ n: number }>`
    WITH attached AS (
      INSERT INTO order_class_students (class_id, worker_id, import_id, added_by)
      SELECT DISTINCT ${options.classId}::uuid, wc.worker_id, ${options.importId}::uuid, ${options.actorId}::uuid
      FROM worker_channels wc
      WHERE wc.import_batch_id = ${options.importId}::uuid
      ON CONFLICT (class_id, worker_id) DO UPDATE SET status = 'enrolled'
        WHERE order_class_students.status = 'withdrawn'
      RETURNING worker_id)
    SELECT count(*)::int AS n FROM attached`.execute(db);
  const attached = result.rows[0]?.n ?? 0;
  await db
    .updateTable('order_class_imports')
    .set({ attached })
    .where('import_id', '=', options.importId)
    .execute();
  await sql`UPDATE workers w SET source_ref = ${options.schoolId}::uuid
    FROM worker_channels wc
    WHERE wc.import_batch_id = ${options.importId}::uuid AND wc.worker_id = w.id
      AND w.source_channel = 'school' AND w.source_ref IS NULL`.execute(db);
  return attached;
}

// ------------------------------------------------------------------------------------------------
// Delivery
// ------------------------------------------------------------------------------------------------

/** Open orders of an enterprise with places left (the deliver dialog's choices). */
export async function listDeliverableOrders(db: Kysely<Database>, enterpriseId: string) {
  return db
    .selectFrom('job_orders')
    .select(['id', 'title', 'occupation_code', 'headcount', 'filled', 'deadline'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'open')
    .whereRef('filled', '<', 'headcount')
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}

/** The order to deliver into, locked against a concurrent close. */
export async function lockJobOrder(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('job_orders')
    .select(['id', 'title', 'enterprise_id', 'status', 'headcount', 'filled'])
    .where('id', '=', id)
    .forShare()
    .executeTakeFirst();
}

/** Every student of the class with what decides their delivery outcome. */
export async function listDeliveryCandidates(db: Kysely<Database>, classId: string, jobOrderId: string) {
  return db
    .selectFrom('order_class_students as st')
    .innerJoin('workers as w', 'w.id', 'st.worker_id')
    .select([
      'w.id as worker_id',
      'w.name',
      'w.status as worker_status',
      'st.status',
      sql<boolean>`EXISTS (SELECT 1 FROM applications a WHERE a.worker_id = w.id
        AND a.job_order_id = ${jobOrderId}::uuid AND a.status IN (${sql.join([...HELD_APPLICATION_STATUSES])}))`.as(
        'has_open_application',
      ),
    ])
    .where('st.class_id', '=', classId)
    .orderBy('w.name_pinyin')
    .orderBy('w.id')
    .execute();
}

/**
 * Creates the 'recommended' applications in one statement. The unique open-application index
 * decides races (a concurrent application of the same person to the same order): such a worker is
 * skipped, not doubled. Returns the created rows.
 */
export async function insertDeliveredApplications(
  db: Kysely<Database>,
  options: {
    workerIds: readonly string[];
    jobOrderId: string;
    enterpriseId: string;
    schoolId: string;
    note: string;
    actorId: string;
  },
): Promise<{ id: string; worker_id: string }[]> {
  if (options.workerIds.length === 0) return [];
  const result = await sql<{ id: string; worker_id: string }>`
    INSERT INTO applications (worker_id, job_order_id, enterprise_id, status, channel, channel_ref, note, created_by)
    SELECT w, ${options.jobOrderId}::uuid, ${options.enterpriseId}::uuid, 'recommended', 'school',
      ${options.schoolId}::uuid, ${options.note}, ${options.actorId}::uuid
    FROM unnest(${[...options.workerIds]}::uuid[]) AS w
    ON CONFLICT (worker_id, job_order_id)
      WHERE status IN ('recommended', 'applied', 'screening', 'interview', 'offered', 'hired', 'retained_30', 'retained_90')
      DO NOTHING
    RETURNING id, worker_id`.execute(db);
  return result.rows;
}

export async function markDelivered(
  db: Kysely<Database>,
  classId: string,
  jobOrderId: string,
  actorId: string,
): Promise<void> {
  await db
    .updateTable('order_classes')
    .set({
      delivered_at: sql`now()`,
      delivered_job_order_id: jobOrderId,
      delivered_by: actorId,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', classId)
    .execute();
}
