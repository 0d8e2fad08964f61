import type { EnterpriseListQuery } from '@yonggong/shared';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type {
  ContactRow,
  Database,
  EnterpriseRow,
  EnterpriseUpdate,
  NewEnterprise,
} from '../../db/schema.ts';
import { escapeLike } from '../../lib/pinyin.ts';

/** The only SQL of the enterprises module. Every read takes the caller's scope clause. */

export type ScopeClause = (eb: ExpressionBuilder<Database, 'enterprises'>) => Expression<SqlBool>;

export interface EnterpriseWithLiaison extends EnterpriseRow {
  readonly liaison_display_name: string | null;
}

export type ListFilter = Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort'> & {
  readonly mineUserId?: string | null;
};

const SORT_COLUMNS = {
  name: 'enterprises.name_pinyin',
  createdAt: 'enterprises.created_at',
  updatedAt: 'enterprises.updated_at',
  districtCode: 'enterprises.district_code',
  employeeCount: 'enterprises.employee_count',
} as const;

function filtered(db: Kysely<Database>, scope: ScopeClause, filter: ListFilter) {
  let query = db.selectFrom('enterprises').where(scope);
  if (filter.status !== 'all') query = query.where('enterprises.status', '=', filter.status);
  if (filter.districtCode) query = query.where('enterprises.district_code', '=', filter.districtCode);
  if (filter.industryCode) query = query.where('enterprises.industry_code', '=', filter.industryCode);
  if (filter.industrySection)
    query = query.where('enterprises.industry_code', 'in', sectionDivisions(filter.industrySection));
  if (filter.keyLevel === 'key') query = query.where('enterprises.key_level', '!=', 'none');
  else if (filter.keyLevel) query = query.where('enterprises.key_level', '=', filter.keyLevel);
  if (filter.liaisonUserId) query = query.where('enterprises.liaison_user_id', '=', filter.liaisonUserId);
  if (filter.mine && filter.mineUserId)
    query = query.where('enterprises.liaison_user_id', '=', filter.mineUserId);
  const q = filter.q?.trim();
  if (q) {
    const lower = escapeLike(q.toLowerCase().replace(/\s+/g, ''));
    const upper = escapeLike(q.toUpperCase());
    query = query.where((eb) =>
      eb.or([
        eb('enterprises.name', 'ilike', `%${escapeLike(q)}%`),
        eb('enterprises.name_initials', 'like', `%${lower}%`),
        eb('enterprises.name_pinyin', 'like', `%${lower}%`),
        eb('enterprises.credit_code', 'like', `${upper}%`),
      ]),
    );
  }
  return query;
}

/** Division codes of a GB/T 4754 section, by the standard's fixed ranges. */
function sectionDivisions(section: string): string[] {
  const ranges: Record<string, [number, number]> = {
    A: [1, 5],
    B: [6, 12],
    C: [13, 43],
    D: [44, 46],
    E: [47, 50],
    F: [51, 52],
    G: [53, 60],
    H: [61, 62],
    I: [63, 65],
    J: [66, 69],
    K: [70, 70],
    L: [71, 72],
    M: [73, 75],
    N: [76, 79],
    O: [80, 82],
    P: [83, 83],
    Q: [84, 85],
    R: [86, 90],
    S: [91, 96],
    T: [97, 97],
  };
  const [from, to] = ranges[section] ?? [0, -1];
  const codes: string[] = [];
  for (let code = from; code <= to; code++) codes.push(String(code).padStart(2, '0'));
  return codes.length > 0 ? codes : ['--'];
}

/** One page of the scoped, filtered list, plus the total. `mineFirstUserId` floats a liaison's own. */
export async function listEnterprises(
  db: Kysely<Database>,
  scope: ScopeClause,
  filter: ListFilter,
  order: { sort: string; mineFirstUserId: string | null },
  page: { page: number; pageSize: number },
): Promise<{ rows: EnterpriseWithLiaison[]; total: number }> {
  const base = filtered(db, scope, filter);
  const descending = order.sort.startsWith('-');
  const key = (descending ? order.sort.slice(1) : order.sort) as keyof typeof SORT_COLUMNS;
  const column = SORT_COLUMNS[key] ?? SORT_COLUMNS.name;
  let rowsQuery = base
    .leftJoin('users as liaison', 'liaison.id', 'enterprises.liaison_user_id')
    .selectAll('enterprises')
    .select('liaison.display_name as liaison_display_name');
  if (order.mineFirstUserId)
    rowsQuery = rowsQuery.orderBy(
      sql`(enterprises.liaison_user_id IS NOT DISTINCT FROM ${order.mineFirstUserId}::uuid)`,
      'desc',
    );
  const rows = await rowsQuery
    .orderBy(column, (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast()))
    .orderBy('enterprises.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: count.n };
}

/** A scoped read by id (undefined when missing or out of scope: callers answer 404 for both). */
export async function findEnterprise(
  db: Kysely<Database>,
  scope: ScopeClause,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<EnterpriseWithLiaison | undefined> {
  let query = db
    .selectFrom('enterprises')
    .leftJoin('users as liaison', 'liaison.id', 'enterprises.liaison_user_id')
    .selectAll('enterprises')
    .select('liaison.display_name as liaison_display_name')
    .where('enterprises.id', '=', id)
    .where(scope);
  if (options.forUpdate) query = query.forUpdate('enterprises');
  return query.executeTakeFirst();
}

/** Unscoped lookup by credit code — for duplicate checks only; never returned as is. */
export async function findByCreditCodes(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Pick<EnterpriseRow, 'id' | 'name' | 'credit_code' | 'district_code' | 'liaison_user_id'>[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('enterprises')
    .select(['id', 'name', 'credit_code', 'district_code', 'liaison_user_id'])
    .where('credit_code', 'in', [...codes])
    .execute();
}

/** Which of `ids` the scope lets the caller see. */
export async function findVisibleIds(
  db: Kysely<Database>,
  scope: ScopeClause,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('enterprises')
    .select('id')
    .where('id', 'in', [...ids])
    .where(scope)
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function insertEnterprises(
  db: Kysely<Database>,
  rows: readonly NewEnterprise[],
): Promise<EnterpriseRow[]> {
  const inserted: EnterpriseRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    inserted.push(
      ...(await db
        .insertInto('enterprises')
        .values(rows.slice(i, i + 500))
        .returningAll()
        .execute()),
    );
  }
  return inserted;
}

/** Updates when `version` still matches; undefined means someone else changed it first. */
export async function updateEnterpriseVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: EnterpriseUpdate,
): Promise<EnterpriseRow | undefined> {
  return db
    .updateTable('enterprises')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function listContacts(
  db: Kysely<Database>,
  enterpriseIds: readonly string[],
): Promise<ContactRow[]> {
  if (enterpriseIds.length === 0) return [];
  return db
    .selectFrom('enterprise_contacts')
    .selectAll()
    .where('enterprise_id', 'in', [...enterpriseIds])
    .orderBy('enterprise_id')
    .orderBy('position')
    .execute();
}

export interface ContactWrite {
  readonly id?: string;
  readonly position: number;
  readonly name: string;
  readonly title: string;
  readonly phone_enc: string;
  readonly phone_hash: string;
  readonly phone_masked: string;
}

/** Replaces an enterprise's contacts with `contacts` (kept ids update, others insert, rest delete). */
export async function replaceContacts(
  db: Kysely<Database>,
  enterpriseId: string,
  contacts: readonly ContactWrite[],
): Promise<void> {
  const keepIds = contacts.flatMap((contact) => (contact.id ? [contact.id] : []));
  let deletion = db.deleteFrom('enterprise_contacts').where('enterprise_id', '=', enterpriseId);
  if (keepIds.length > 0) deletion = deletion.where('id', 'not in', keepIds);
  await deletion.execute();
  for (const contact of contacts) {
    const { id, ...values } = contact;
    if (id) {
      await db
        .updateTable('enterprise_contacts')
        .set(values)
        .where('id', '=', id)
        .where('enterprise_id', '=', enterpriseId)
        .execute();
    } else {
      await db
        .insertInto('enterprise_contacts')
        .values({ ...values, enterprise_id: enterpriseId })
        .execute();
    }
  }
}

export async function insertContacts(
  db: Kysely<Database>,
  rows: readonly (ContactWrite & { enterprise_id: string })[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('enterprise_contacts')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function findContact(
  db: Kysely<Database>,
  enterpriseId: string,
  contactId: string,
): Promise<ContactRow | undefined> {
  return db
    .selectFrom('enterprise_contacts')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('id', '=', contactId)
    .executeTakeFirst();
}

/** Liaison candidates: existing, enabled accounts holding the liaison role. */
export async function findLiaisons(
  db: Kysely<Database>,
  by: { ids?: readonly string[]; usernames?: readonly string[] },
): Promise<{ id: string; username: string; district_codes: string[] }[]> {
  let query = db
    .selectFrom('users')
    .select(['id', 'username', 'district_codes'])
    .where(sql<boolean>`'liaison' = ANY(roles)`)
    .where('is_disabled', '=', false);
  if (by.ids) query = by.ids.length > 0 ? query.where('id', 'in', [...by.ids]) : query.where(sql.lit(false));
  if (by.usernames)
    query =
      by.usernames.length > 0
        ? query.where(
            sql`lower(username)`,
            'in',
            by.usernames.map((name) => name.toLowerCase()),
          )
        : query.where(sql.lit(false));
  return query.execute();
}
