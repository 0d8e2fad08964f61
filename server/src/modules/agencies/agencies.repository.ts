import {
  type AgencyListQuery,
  type RatingSummary,
  REVIEW_CRITERIA,
  type ReviewDirection,
} from '@yonggong/shared';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { listPage, textSearch } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type { AgenciesTable, AgencyRow } from '../../db/schema-marketplace.ts';

/** The only SQL of the agencies module (plus the rating and tier expressions the marketplace shares). */
export type AgencyScope = (eb: ExpressionBuilder<Database, 'agencies'>) => Expression<SqlBool>;

type NewAgency = Insertable<AgenciesTable>;
export type AgencyPatch = Partial<Omit<AgencyRow, 'id' | 'version' | 'created_at' | 'updated_at'>>;

/**
 * Is the agency `alias` in tier 1 (sees new listings at once)? An alliance member, or rated at
 * least `tier1_min_rating` on average over at least `tier1_min_reviews` visible reviews
 * (marketplace_settings). Used by the order hall and shown on profiles.
 */
export function isTier1Sql(alias: string): RawBuilder<boolean> {
  const a = sql.ref(alias);
  return sql<boolean>`(${a}.alliance IS NOT NULL OR (
    SELECT count(*) >= s.tier1_min_reviews AND avg((r.score_1 + r.score_2 + r.score_3) / 3.0) >= s.tier1_min_rating
    FROM marketplace_reviews r CROSS JOIN marketplace_settings s
    WHERE r.agency_id = ${a}.id AND r.direction = 'enterprise_to_agency' AND NOT r.is_hidden
    GROUP BY s.tier1_min_reviews, s.tier1_min_rating
  ) IS TRUE)`;
}

/**
 * Does the agency `agencyAlias` serve the job order `orderAlias`: a service region covering the
 * order's district (a code ending in 00 covers its whole city or province) and, unless it lists
 * none, an occupation prefix of the order's occupation.
 */
export function servesOrderSql(agencyAlias: string, orderAlias: string): RawBuilder<boolean> {
  const a = sql.ref(agencyAlias);
  const jo = sql.ref(orderAlias);
  return sql<boolean>`(EXISTS (
      SELECT 1 FROM unnest(${a}.service_region_codes) AS sr(code)
      WHERE ${jo}.district_code LIKE regexp_replace(sr.code, '(00)+$', '') || '%'
    ) AND (cardinality(${a}.service_occupation_codes) = 0 OR EXISTS (
      SELECT 1 FROM unnest(${a}.service_occupation_codes) AS so(code)
      WHERE ${jo}.occupation_code = so.code OR ${jo}.occupation_code LIKE so.code || '-%'
    )))`;
}

const AVERAGE = sql<number>`round(avg((r.score_1 + r.score_2 + r.score_3) / 3.0), 2)::float8`;

export async function listAgencies(
  db: Kysely<Database>,
  scope: AgencyScope,
  query: AgencyListQuery,
): Promise<{ rows: AgencyRow[]; total: number }> {
  let q = db.selectFrom('agencies').selectAll('agencies').where(scope);
  if (query.status !== 'all') q = q.where('agencies.status', '=', query.status);
  if (query.alliance !== undefined) q = q.where('agencies.alliance', query.alliance ? 'is not' : 'is', null);
  if (query.serviceRegionCode) {
    const code = query.serviceRegionCode;
    q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM unnest(agencies.service_region_codes) AS sr(code)
      WHERE ${code} LIKE regexp_replace(sr.code, '(00)+$', '') || '%')`);
  }
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      textSearch(eb, text, {
        text: ['agencies.name', 'agencies.licence_number'],
        pinyin: ['agencies.name_initials', 'agencies.name_pinyin'],
      }),
    );
  }
  return listPage(
    q,
    query,
    {
      '-createdAt': (q) => q.orderBy('agencies.created_at', 'desc'),
      name: (q) => q.orderBy('agencies.name_pinyin', 'asc'),
      '-rating': (q) =>
        q.orderBy(
          sql`(SELECT avg((r.score_1 + r.score_2 + r.score_3) / 3.0) FROM marketplace_reviews r
          WHERE r.agency_id = agencies.id AND r.direction = 'enterprise_to_agency' AND NOT r.is_hidden) DESC NULLS LAST`,
        ),
      '-placements': (q) =>
        q.orderBy(
          sql`(SELECT count(*) FROM marketplace_submissions ms JOIN placements p ON p.application_id = ms.application_id
          WHERE ms.agency_id = agencies.id) DESC`,
        ),
    },
    'agencies.id',
  );
}

export async function findAgency(
  db: Kysely<Database>,
  scope: AgencyScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AgencyRow | undefined> {
  let q = db.selectFrom('agencies').selectAll().where('agencies.id', '=', id).where(scope);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findAgencyIdByLicenceKey(
  db: Kysely<Database>,
  key: string,
): Promise<string | undefined> {
  const row = await db.selectFrom('agencies').select('id').where('licence_key', '=', key).executeTakeFirst();
  return row?.id;
}

export async function insertAgency(db: Kysely<Database>, row: NewAgency): Promise<AgencyRow> {
  return db.insertInto('agencies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgencyVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: AgencyPatch,
): Promise<AgencyRow | undefined> {
  return db
    .updateTable('agencies')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Binds an account to its agency (the first staff account of a registration). */
export async function bindUserToAgency(
  db: Kysely<Database>,
  userId: string,
  agencyId: string,
): Promise<void> {
  await db.updateTable('users').set({ agency_id: agencyId }).where('id', '=', userId).execute();
}

/**
 * Rating summaries of agencies (reviews by enterprises) or enterprises (reviews by agencies):
 * the average of each review's three scores, each criterion's average, and the count; hidden
 * reviews never count.
 */
export async function ratingSummaries(
  db: Kysely<Database>,
  side: 'agency' | 'enterprise',
  ids: readonly string[],
): Promise<Map<string, RatingSummary>> {
  const result = new Map<string, RatingSummary>();
  if (ids.length === 0) return result;
  const direction: ReviewDirection = side === 'agency' ? 'enterprise_to_agency' : 'agency_to_enterprise';
  const column = side === 'agency' ? 'r.agency_id' : 'r.enterprise_id';
  const rows = await db
    .selectFrom('marketplace_reviews as r')
    .select([
      sql<string>`${sql.ref(column)}`.as('subject_id'),
      (eb) => eb.fn.countAll<number>().as('n'),
      AVERAGE.as('average'),
      sql<number>`round(avg(r.score_1), 2)::float8`.as('c1'),
      sql<number>`round(avg(r.score_2), 2)::float8`.as('c2'),
      sql<number>`round(avg(r.score_3), 2)::float8`.as('c3'),
    ])
    .where('r.direction', '=', direction)
    .where('r.is_hidden', '=', false)
    .where(sql.ref(column), 'in', [...ids])
    .groupBy(sql.ref(column))
    .execute();
  const [k1, k2, k3] = REVIEW_CRITERIA[direction];
  for (const row of rows)
    result.set(row.subject_id, {
      count: row.n,
      average: row.average,
      criteria: { [k1]: row.c1, [k2]: row.c2, [k3]: row.c3 },
    });
  for (const id of ids)
    if (!result.has(id))
      result.set(id, { count: 0, average: null, criteria: { [k1]: null, [k2]: null, [k3]: null } });
  return result;
}

/** Activity of agencies: active claims, submissions, placements, 90-day retentions. */
export async function agencyStats(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<
  Map<string, { activeClaims: number; submissions: number; placements: number; retained90: number }>
> {
  const result = new Map<
    string,
    { activeClaims: number; submissions: number; placements: number; retained90: number }
  >();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('agencies as a')
    .select([
      'a.id',
      sql<number>`(SELECT count(*) FROM marketplace_claims c WHERE c.agency_id = a.id AND c.status = 'active')`.as(
        'active_claims',
      ),
      sql<number>`(SELECT count(*) FROM marketplace_submissions ms WHERE ms.agency_id = a.id)`.as(
        'submissions',
      ),
      sql<number>`(SELECT count(*) FROM marketplace_submissions ms JOIN placements p ON p.application_id = ms.application_id WHERE ms.agency_id = a.id)`.as(
        'placements',
      ),
      sql<number>`(SELECT count(*) FROM marketplace_submissions ms JOIN placements p ON p.application_id = ms.application_id WHERE ms.agency_id = a.id AND p.retained_90 = 'yes')`.as(
        'retained_90',
      ),
    ])
    .where('a.id', 'in', [...ids])
    .execute();
  for (const row of rows)
    result.set(row.id, {
      activeClaims: row.active_claims,
      submissions: row.submissions,
      placements: row.placements,
      retained90: row.retained_90,
    });
  return result;
}

/** Which of these agencies are in tier 1 now. */
export async function findTier1(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('agencies as a')
    .select('a.id')
    .where('a.id', 'in', [...ids])
    .where(isTier1Sql('a'))
    .execute();
  return new Set(rows.map((row) => row.id));
}
