import { type Kysely, sql } from 'kysely';
import type { Database, NewUser, UserRow } from '../../db/schema.ts';

/** The only SQL of the users module. */

export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Do the labour base and the school a staff account is bound to exist? (A simple select on each
 * table; a binding to a record that is not there is refused before the foreign key would.)
 */
export async function findAccountBindings(
  db: Kysely<Database>,
  binding: { baseId: string | null; schoolId: string | null },
): Promise<{ hasBase: boolean; hasSchool: boolean }> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const base =
    binding.baseId && uuid.test(binding.baseId)
      ? await db.selectFrom('labour_bases').select('id').where('id', '=', binding.baseId).executeTakeFirst()
      : undefined;
  const school =
    binding.schoolId && uuid.test(binding.schoolId)
      ? await sql<{ id: string }>`SELECT id FROM schools WHERE id = ${binding.schoolId}::uuid`.execute(db)
      : undefined;
  return { hasBase: base !== undefined, hasSchool: (school?.rows.length ?? 0) > 0 };
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  patch: Partial<
    Pick<UserRow, 'password_hash' | 'is_disabled' | 'locale' | 'display_name' | 'roles' | 'district_codes'>
  >,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Users holding `role` (any when omitted) whose districts include `districtCode` (any when omitted). */
export async function listDirectory(
  db: Kysely<Database>,
  filter: { role?: string; districtCode?: string; districtCodesWithin?: readonly string[] | null },
): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().where('is_disabled', '=', false);
  if (filter.role) query = query.where(sql<boolean>`${filter.role} = ANY(roles)`);
  if (filter.districtCode) query = query.where(sql<boolean>`${filter.districtCode} = ANY(district_codes)`);
  if (filter.districtCodesWithin)
    query = query.where(sql<boolean>`district_codes && ${sql.val([...filter.districtCodesWithin])}::text[]`);
  return query.orderBy('display_name').limit(500).execute();
}

/** Names of users by id, for presenters. */
export async function findUserNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, { id: string; username: string; displayName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((row) => [row.id, { id: row.id, username: row.username, displayName: row.display_name }]),
  );
}
