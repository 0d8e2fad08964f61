import type { ApprenticeshipListQuery, InternshipListQuery } from '@yonggong/shared';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SqlBool,
  sql,
} from 'kysely';
import { listPage, textSearch } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type {
  ApprenticeshipRow,
  ApprenticeshipsTable,
  InternshipRow,
  InternshipsTable,
} from '../../db/schema-schools.ts';

/** The only SQL of internships and apprenticeships. */
export type InternshipScope = (eb: ExpressionBuilder<Database, 'internships'>) => Expression<SqlBool>;
export type ApprenticeshipScope = (eb: ExpressionBuilder<Database, 'apprenticeships'>) => Expression<SqlBool>;
export type InternshipPatch = Partial<
  Omit<InternshipRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'worker_id' | 'enterprise_id' | 'kind'>
>;
export type ApprenticeshipPatch = Partial<
  Omit<ApprenticeshipRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'enterprise_id'>
>;

function internshipBase(db: Kysely<Database>) {
  return db
    .selectFrom('internships')
    .innerJoin('workers as w', 'w.id', 'internships.worker_id')
    .innerJoin('enterprises as e', 'e.id', 'internships.enterprise_id')
    .leftJoin('schools as s', 's.id', 'internships.school_id')
    .selectAll('internships')
    .select([
      'w.name as worker_name',
      'w.id_number_masked as worker_id_number_masked',
      'w.birth_date as worker_birth_date',
      'e.name as enterprise_name',
      'e.district_code as enterprise_district_code',
      's.name as school_name',
    ]);
}

export type InternshipView = NonNullable<Awaited<ReturnType<typeof findInternship>>>;

export async function listInternships(
  db: Kysely<Database>,
  scope: InternshipScope,
  query: InternshipListQuery,
) {
  let q = internshipBase(db).where(scope);
  if (query.kind) q = q.where('internships.kind', '=', query.kind);
  if (query.status) q = q.where('internships.status', '=', query.status);
  if (query.schoolId) q = q.where('internships.school_id', '=', query.schoolId);
  if (query.enterpriseId) q = q.where('internships.enterprise_id', '=', query.enterpriseId);
  if (query.workerId) q = q.where('internships.worker_id', '=', query.workerId);
  if (query.subsidyEligible !== undefined)
    q = q.where('internships.subsidy_eligible', '=', query.subsidyEligible);
  if (query.startFrom) q = q.where('internships.start_date', '>=', query.startFrom);
  if (query.startTo) q = q.where('internships.start_date', '<=', query.startTo);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) => textSearch(eb, text, { text: ['w.name', 'e.name', 'internships.position'] }));
  }
  return listPage(
    q,
    query,
    {
      '-startDate': (q) => q.orderBy('internships.start_date', 'desc'),
      startDate: (q) => q.orderBy('internships.start_date', 'asc'),
      endDate: (q) => q.orderBy('internships.end_date', 'asc'),
    },
    'internships.id',
  );
}

export async function findInternship(db: Kysely<Database>, scope: InternshipScope, id: string) {
  return internshipBase(db).where('internships.id', '=', id).where(scope).executeTakeFirst();
}

export async function insertInternship(
  db: Kysely<Database>,
  row: Insertable<InternshipsTable>,
): Promise<InternshipRow> {
  return db.insertInto('internships').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateInternshipVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: InternshipPatch,
): Promise<InternshipRow | undefined> {
  return db
    .updateTable('internships')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The school of a student's most recent order class (default school of an internship). */
export async function findStudentSchool(db: Kysely<Database>, workerId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('order_class_students as st')
    .innerJoin('order_classes as c', 'c.id', 'st.class_id')
    .select('c.school_id')
    .where('st.worker_id', '=', workerId)
    .orderBy('c.graduation_date', 'desc')
    .executeTakeFirst();
  return row?.school_id;
}

// ------------------------------------------------------------------------------------------------
// Apprenticeships
// ------------------------------------------------------------------------------------------------

function apprenticeshipBase(db: Kysely<Database>) {
  return db
    .selectFrom('apprenticeships')
    .innerJoin('enterprises as e', 'e.id', 'apprenticeships.enterprise_id')
    .leftJoin('schools as s', 's.id', 'apprenticeships.school_id')
    .selectAll('apprenticeships')
    .select([
      'e.name as enterprise_name',
      'e.district_code as enterprise_district_code',
      's.name as school_name',
    ]);
}

export type ApprenticeshipView = NonNullable<Awaited<ReturnType<typeof findApprenticeship>>>;

export async function listApprenticeships(
  db: Kysely<Database>,
  scope: ApprenticeshipScope,
  query: ApprenticeshipListQuery,
) {
  let q = apprenticeshipBase(db).where(scope);
  if (query.status) q = q.where('apprenticeships.status', '=', query.status);
  if (query.schoolId) q = q.where('apprenticeships.school_id', '=', query.schoolId);
  if (query.enterpriseId) q = q.where('apprenticeships.enterprise_id', '=', query.enterpriseId);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      textSearch(eb, text, { text: ['apprenticeships.title', 'e.name', 'apprenticeships.provider_name'] }),
    );
  }
  return listPage(
    q,
    query,
    {
      '-startDate': (q) => q.orderBy('apprenticeships.start_date', 'desc'),
      startDate: (q) => q.orderBy('apprenticeships.start_date', 'asc'),
    },
    'apprenticeships.id',
  );
}

export async function findApprenticeship(db: Kysely<Database>, scope: ApprenticeshipScope, id: string) {
  return apprenticeshipBase(db).where('apprenticeships.id', '=', id).where(scope).executeTakeFirst();
}

export async function insertApprenticeship(
  db: Kysely<Database>,
  row: Insertable<ApprenticeshipsTable>,
): Promise<ApprenticeshipRow> {
  return db.insertInto('apprenticeships').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateApprenticeshipVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: ApprenticeshipPatch,
): Promise<ApprenticeshipRow | undefined> {
  return db
    .updateTable('apprenticeships')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function addApprentices(
  db: Kysely<Database>,
  apprenticeshipId: string,
  workerIds: readonly string[],
  actorId: string,
): Promise<number> {
  if (workerIds.length === 0) return 0;
  const result = await db
    .insertInto('apprentices')
    .values(
      workerIds.map((workerId) => ({
        apprenticeship_id: apprenticeshipId,
        worker_id: workerId,
        added_by: actorId,
      })),
    )
    .onConflict((oc) => oc.columns(['apprenticeship_id', 'worker_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function listApprentices(db: Kysely<Database>, apprenticeshipIds: readonly string[]) {
  if (apprenticeshipIds.length === 0) return [];
  return db
    .selectFrom('apprentices as a')
    .innerJoin('workers as w', 'w.id', 'a.worker_id')
    .select(['a.apprenticeship_id', 'w.id as worker_id', 'w.name', 'w.id_number_masked'])
    .where('a.apprenticeship_id', 'in', [...apprenticeshipIds])
    .orderBy('w.name_pinyin')
    .execute();
}

/** A worker as the actor sees them (workerScope), with what the subsidy rule needs. */
export async function findScopedWorker(
  db: Kysely<Database>,
  scope: (eb: ExpressionBuilder<Database, 'workers'>) => Expression<SqlBool>,
  id: string,
) {
  return db
    .selectFrom('workers')
    .select(['id', 'name', 'birth_date', 'id_number_masked'])
    .where('id', '=', id)
    .where(scope)
    .executeTakeFirst();
}

/** Which of these workers the actor sees (apprentices must all be visible). */
export async function findScopedWorkerIds(
  db: Kysely<Database>,
  scope: (eb: ExpressionBuilder<Database, 'workers'>) => Expression<SqlBool>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('workers')
    .select('id')
    .where('id', 'in', [...ids])
    .where(scope)
    .execute();
  return new Set(rows.map((row) => row.id));
}
