import type { AgreementListQuery, AgreementScope, SchoolListQuery } from '@yonggong/shared';
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
  SchoolAgreementRow,
  SchoolAgreementsTable,
  SchoolRow,
  SchoolsTable,
} from '../../db/schema-schools.ts';

/** The only SQL of the schools module: schools, majors, contacts, cooperation agreements. */
export type SchoolScope = (eb: ExpressionBuilder<Database, 'schools'>) => Expression<SqlBool>;
/** A cooperation scope already bound to the agreement columns (`school_agreements`). */
export type AgreementScopeClause = (
  eb: ExpressionBuilder<Database, 'school_agreements'>,
) => Expression<SqlBool>;

export type SchoolPatch = Partial<Omit<SchoolRow, 'id' | 'version' | 'created_at' | 'updated_at'>>;
export type AgreementPatch = Partial<
  Omit<SchoolAgreementRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'school_id' | 'enterprise_id'>
>;

/** Derived status of an agreement on `today`: upcoming, active or expired. */
export function agreementStatusSql(alias: string, today: string) {
  const a = sql.ref(alias);
  return sql<'upcoming' | 'active' | 'expired'>`CASE
    WHEN ${a}.valid_from > ${today}::date THEN 'upcoming'
    WHEN ${a}.valid_until < ${today}::date THEN 'expired'
    ELSE 'active' END`;
}

export async function listSchools(
  db: Kysely<Database>,
  scope: SchoolScope,
  query: SchoolListQuery,
  today: string,
): Promise<{ rows: SchoolRow[]; total: number }> {
  let q = db.selectFrom('schools').selectAll('schools').where(scope);
  if (query.type) q = q.where('schools.type', '=', query.type);
  if (query.regionCode) {
    // A code ending in 00 (city, province) covers everything under it.
    const prefix = query.regionCode.replace(/(00)+$/, '');
    q = q.where('schools.region_code', 'like', `${prefix}%`);
  }
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      textSearch(eb, text, {
        text: ['schools.name'],
        pinyin: ['schools.name_initials', 'schools.name_pinyin'],
      }),
    );
  }
  if (query.hasActiveAgreement !== undefined) {
    const active = sql<boolean>`EXISTS (SELECT 1 FROM school_agreements a WHERE a.school_id = schools.id
      AND a.valid_from <= ${today}::date AND a.valid_until >= ${today}::date)`;
    q = q.where(query.hasActiveAgreement ? active : sql<boolean>`NOT ${active}`);
  }
  if (query.enterpriseId)
    q = q.where(
      sql<boolean>`EXISTS (SELECT 1 FROM school_agreements a WHERE a.school_id = schools.id AND a.enterprise_id = ${query.enterpriseId}::uuid)`,
    );
  return listPage(
    q,
    query,
    {
      name: (q) => q.orderBy('schools.name_pinyin', 'asc'),
      '-createdAt': (q) => q.orderBy('schools.created_at', 'desc'),
      '-agreements': (q) =>
        q.orderBy(sql`(SELECT count(*) FROM school_agreements a WHERE a.school_id = schools.id) DESC`),
      '-graduates': (q) =>
        q.orderBy(
          sql`(SELECT coalesce(sum(g.graduates), 0) FROM school_majors m JOIN school_major_graduates g ON g.major_id = m.id
          WHERE m.school_id = schools.id AND g.year = (SELECT max(g2.year) FROM school_majors m2
            JOIN school_major_graduates g2 ON g2.major_id = m2.id WHERE m2.school_id = schools.id)) DESC`,
        ),
    },
    'schools.id',
  );
}

export async function findSchool(
  db: Kysely<Database>,
  scope: SchoolScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SchoolRow | undefined> {
  let q = db.selectFrom('schools').selectAll().where('schools.id', '=', id).where(scope);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findSchoolIdByNameKey(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('schools').select('id').where('name_key', '=', key).executeTakeFirst();
  return row?.id;
}

export async function insertSchool(db: Kysely<Database>, row: Insertable<SchoolsTable>): Promise<SchoolRow> {
  return db.insertInto('schools').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSchoolVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: SchoolPatch,
): Promise<SchoolRow | undefined> {
  return db
    .updateTable('schools')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface MajorWrite {
  readonly name: string;
  readonly occupationCode: string | null;
  readonly graduates: readonly { year: number; graduates: number }[];
}

/** Replaces a school's majors and their graduate numbers. */
export async function replaceMajors(
  db: Kysely<Database>,
  schoolId: string,
  majors: readonly MajorWrite[],
): Promise<void> {
  await db.deleteFrom('school_majors').where('school_id', '=', schoolId).execute();
  if (majors.length === 0) return;
  const inserted = await db
    .insertInto('school_majors')
    .values(
      majors.map((major, position) => ({
        school_id: schoolId,
        name: major.name,
        occupation_code: major.occupationCode,
        position,
      })),
    )
    .returning(['id', 'position'])
    .execute();
  const graduates = inserted.flatMap((row) =>
    (majors[row.position]?.graduates ?? []).map((entry) => ({
      major_id: row.id,
      year: entry.year,
      graduates: entry.graduates,
    })),
  );
  if (graduates.length > 0) await db.insertInto('school_major_graduates').values(graduates).execute();
}

export interface MajorView {
  readonly id: string;
  readonly schoolId: string;
  readonly name: string;
  readonly occupationCode: string | null;
  readonly graduates: { year: number; graduates: number }[];
}

export async function listMajors(db: Kysely<Database>, schoolIds: readonly string[]): Promise<MajorView[]> {
  if (schoolIds.length === 0) return [];
  const majors = await db
    .selectFrom('school_majors')
    .selectAll()
    .where('school_id', 'in', [...schoolIds])
    .orderBy('school_id')
    .orderBy('position')
    .execute();
  if (majors.length === 0) return [];
  const graduates = await db
    .selectFrom('school_major_graduates')
    .selectAll()
    .where(
      'major_id',
      'in',
      majors.map((major) => major.id),
    )
    .orderBy('year', 'desc')
    .execute();
  const byMajor = new Map<string, { year: number; graduates: number }[]>();
  for (const row of graduates) {
    const list = byMajor.get(row.major_id) ?? [];
    list.push({ year: row.year, graduates: row.graduates });
    byMajor.set(row.major_id, list);
  }
  return majors.map((major) => ({
    id: major.id,
    schoolId: major.school_id,
    name: major.name,
    occupationCode: major.occupation_code,
    graduates: byMajor.get(major.id) ?? [],
  }));
}

export interface SchoolContactWrite {
  readonly id?: string;
  readonly position: number;
  readonly name: string;
  readonly title: string;
  readonly phone_enc: string;
  readonly phone_hash: string;
  readonly phone_masked: string;
}

export async function listSchoolContacts(db: Kysely<Database>, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .selectFrom('school_contacts')
    .selectAll()
    .where('school_id', 'in', [...schoolIds])
    .orderBy('school_id')
    .orderBy('position')
    .execute();
}

export async function replaceSchoolContacts(
  db: Kysely<Database>,
  schoolId: string,
  contacts: readonly SchoolContactWrite[],
): Promise<void> {
  await db.deleteFrom('school_contacts').where('school_id', '=', schoolId).execute();
  if (contacts.length === 0) return;
  await db
    .insertInto('school_contacts')
    .values(contacts.map((contact) => ({ ...contact, school_id: schoolId })))
    .execute();
}

export interface SchoolStats {
  readonly activeAgreements: number;
  readonly agreements: number;
  readonly orderClasses: number;
  readonly students: number;
}

/** Agreements (all, active today), order classes and enrolled students per school. */
export async function schoolStats(
  db: Kysely<Database>,
  ids: readonly string[],
  today: string,
): Promise<Map<string, SchoolStats>> {
  const result = new Map<string, SchoolStats>();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('schools as s')
    .select([
      's.id',
      sql<number>`(SELECT count(*)::int FROM school_agreements a WHERE a.school_id = s.id)`.as('agreements'),
      sql<number>`(SELECT count(*)::int FROM school_agreements a WHERE a.school_id = s.id
        AND a.valid_from <= ${today}::date AND a.valid_until >= ${today}::date)`.as('active_agreements'),
      sql<number>`(SELECT count(*)::int FROM order_classes c WHERE c.school_id = s.id)`.as('order_classes'),
      sql<number>`(SELECT count(DISTINCT st.worker_id)::int FROM order_classes c
        JOIN order_class_students st ON st.class_id = c.id AND st.status = 'enrolled' WHERE c.school_id = s.id)`.as(
        'students',
      ),
    ])
    .where('s.id', 'in', [...ids])
    .execute();
  for (const row of rows)
    result.set(row.id, {
      activeAgreements: row.active_agreements,
      agreements: row.agreements,
      orderClasses: row.order_classes,
      students: row.students,
    });
  return result;
}

// ------------------------------------------------------------------------------------------------
// Agreements
// ------------------------------------------------------------------------------------------------

export interface AgreementView extends SchoolAgreementRow {
  readonly school_name: string;
  readonly school_type: SchoolRow['type'];
  readonly enterprise_name: string;
  readonly enterprise_district_code: string;
}

function agreementsBase(db: Kysely<Database>) {
  return db
    .selectFrom('school_agreements')
    .innerJoin('schools as s', 's.id', 'school_agreements.school_id')
    .innerJoin('enterprises as e', 'e.id', 'school_agreements.enterprise_id')
    .selectAll('school_agreements')
    .select([
      's.name as school_name',
      's.type as school_type',
      'e.name as enterprise_name',
      'e.district_code as enterprise_district_code',
    ]);
}

export async function listAgreements(
  db: Kysely<Database>,
  scope: AgreementScopeClause,
  query: AgreementListQuery,
  today: string,
): Promise<{ rows: AgreementView[]; total: number }> {
  let q = agreementsBase(db).where(scope);
  if (query.schoolId) q = q.where('school_agreements.school_id', '=', query.schoolId);
  if (query.enterpriseId) q = q.where('school_agreements.enterprise_id', '=', query.enterpriseId);
  if (query.scope) q = q.where(sql<boolean>`${query.scope} = ANY(school_agreements.scopes)`);
  if (query.signedFrom) q = q.where('school_agreements.signed_on', '>=', query.signedFrom);
  if (query.signedTo) q = q.where('school_agreements.signed_on', '<=', query.signedTo);
  if (query.districtCode) q = q.where('e.district_code', '=', query.districtCode);
  if (query.status)
    q = q.where(sql<boolean>`${agreementStatusSql('school_agreements', today)} = ${query.status}`);
  return listPage(
    q,
    query,
    {
      '-signedOn': (q) => q.orderBy('school_agreements.signed_on', 'desc'),
      validUntil: (q) => q.orderBy('school_agreements.valid_until', 'asc'),
      school: (q) => q.orderBy('s.name_pinyin', 'asc'),
    },
    'school_agreements.id',
  );
}

export async function findAgreement(
  db: Kysely<Database>,
  scope: AgreementScopeClause,
  id: string,
): Promise<AgreementView | undefined> {
  return agreementsBase(db).where('school_agreements.id', '=', id).where(scope).executeTakeFirst();
}

export async function insertAgreement(
  db: Kysely<Database>,
  row: Insertable<SchoolAgreementsTable> & { scopes: AgreementScope[] },
): Promise<SchoolAgreementRow> {
  return db.insertInto('school_agreements').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgreementVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: AgreementPatch,
): Promise<SchoolAgreementRow | undefined> {
  return db
    .updateTable('school_agreements')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * New cooperation in a period (the bureau's "100 new school–enterprise bases in two years"):
 * agreements signed in [from, to]; schools whose first agreement with any enterprise falls in it;
 * school–enterprise pairs whose first agreement falls in it; and agreements active on `today`.
 * All within `scope` (the caller's cooperation scope).
 */
export async function summarizeAgreements(
  db: Kysely<Database>,
  scope: AgreementScopeClause,
  period: { from: string; to: string; districtCode?: string | undefined },
  today: string,
) {
  let visible = db
    .selectFrom('school_agreements')
    .innerJoin('enterprises as e', 'e.id', 'school_agreements.enterprise_id')
    .select([
      'school_agreements.school_id',
      'school_agreements.enterprise_id',
      'school_agreements.signed_on',
      'school_agreements.valid_from',
      'school_agreements.valid_until',
    ])
    .where(scope);
  if (period.districtCode) visible = visible.where('e.district_code', '=', period.districtCode);
  const row = await db
    .with('v', () => visible)
    .selectFrom('v')
    .select([
      sql<number>`count(*) FILTER (WHERE v.signed_on BETWEEN ${period.from}::date AND ${period.to}::date)::int`.as(
        'agreements',
      ),
      sql<number>`count(*) FILTER (WHERE v.valid_from <= ${today}::date AND v.valid_until >= ${today}::date)::int`.as(
        'active_now',
      ),
      sql<number>`(SELECT count(*)::int FROM (SELECT school_id, min(signed_on) AS first FROM v GROUP BY school_id) f
        WHERE f.first BETWEEN ${period.from}::date AND ${period.to}::date)`.as('new_schools'),
      sql<number>`(SELECT count(*)::int FROM (SELECT school_id, enterprise_id, min(signed_on) AS first FROM v
        GROUP BY school_id, enterprise_id) f WHERE f.first BETWEEN ${period.from}::date AND ${period.to}::date)`.as(
        'new_pairs',
      ),
    ])
    .executeTakeFirstOrThrow();
  return {
    agreements: row.agreements,
    activeNow: row.active_now,
    newSchools: row.new_schools,
    newPairs: row.new_pairs,
  };
}

/**
 * For the match index's channel ties (the integrator's): which schools each of these enterprises
 * has an agreement with that is active today (valid_from ≤ today ≤ valid_until, by the database's
 * current date) — a student of such a school is "tied" to the enterprise (its cooperation base).
 * One row per (enterprise, school) pair, whatever the number of agreements or their scopes.
 */
export async function listSchoolTiesOfEnterprises(
  db: Kysely<Database>,
  enterpriseIds: readonly string[],
): Promise<{ enterpriseId: string; schoolId: string }[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db
    .selectFrom('school_agreements')
    .select(['enterprise_id', 'school_id'])
    .distinct()
    .where('enterprise_id', 'in', [...enterpriseIds])
    .where('valid_from', '<=', sql<string>`current_date`)
    .where('valid_until', '>=', sql<string>`current_date`)
    .orderBy('enterprise_id')
    .orderBy('school_id')
    .execute();
  return rows.map((row) => ({ enterpriseId: row.enterprise_id, schoolId: row.school_id }));
}

/** The enterprise a cooperation record is for, with its district (write rules). */
export async function findEnterpriseBrief(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('enterprises')
    .select(['id', 'name', 'district_code', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}
