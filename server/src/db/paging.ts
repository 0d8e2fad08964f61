import {
  type Expression,
  type ExpressionBuilder,
  type OrderByExpression,
  type SelectQueryBuilder,
  type SqlBool,
  type StringReference,
  sql,
} from 'kysely';
import { escapeLike } from '../lib/pinyin.ts';

/**
 * The two halves of every paginated list (`{items, page, pageSize, total}`, DESIGN §5), shared by
 * the repositories: the total of a filtered query, and one page of it. Pages count from 1; the
 * caller orders the query (with a unique tie-breaker) before taking a page.
 */
export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

/** How many rows the filtered query `q` matches (its select list and order are dropped). */
export async function countRows<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
): Promise<number> {
  const row = await q
    .clearSelect()
    .clearOrderBy()
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number((row as { n: string | number }).n);
}

/** Page `page.page` of the ordered query `q`. */
export function takePage<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
): SelectQueryBuilder<DB, TB, O> {
  return q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
}

/** One ordering per sort key of a list query (applied before the unique tie-breaker). */
export type Orderings<S extends string, Q> = { readonly [K in S]: (q: Q) => Q };

/**
 * The ordered page of `q`: `orderings[page.sort]`, then the unique `tieBreaker` (so pages never
 * overlap), then page `page.page`.
 */
export function sortedPage<DB, TB extends keyof DB, O, S extends string>(
  q: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest & { readonly sort: S },
  orderings: Orderings<NoInfer<S>, NoInfer<SelectQueryBuilder<DB, TB, O>>>,
  tieBreaker: OrderByExpression<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return takePage(orderings[page.sort](q).orderBy(tieBreaker), page);
}

/** The total of the filtered query `q` and its rows on the requested page (see `sortedPage`). */
export async function listPage<DB, TB extends keyof DB, O, S extends string>(
  q: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest & { readonly sort: S },
  orderings: Orderings<NoInfer<S>, NoInfer<SelectQueryBuilder<DB, TB, O>>>,
  tieBreaker: OrderByExpression<DB, TB, O>,
): Promise<{ rows: O[]; total: number }> {
  const total = await countRows(q);
  const rows = await sortedPage(q, page, orderings, tieBreaker).execute();
  return { rows, total };
}

/**
 * The search clause of list queries: `q` anywhere in any of the `text` columns (any case), or,
 * lower-cased, anywhere in any of the `pinyin` columns (full pinyin and initials are stored lower
 * case). LIKE wildcards in `q` match themselves.
 */
export function textSearch<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  q: string,
  columns: {
    readonly text: readonly StringReference<DB, TB>[];
    readonly pinyin?: readonly StringReference<DB, TB>[];
  },
): Expression<SqlBool> {
  const text = `%${escapeLike(q)}%`;
  const lower = `%${escapeLike(q.toLowerCase())}%`;
  return eb.or([
    ...columns.text.map((column) => sql<SqlBool>`${sql.ref(column)} ilike ${text}`),
    ...(columns.pinyin ?? []).map((column) => sql<SqlBool>`${sql.ref(column)} like ${lower}`),
  ]);
}
