import { type SelectQueryBuilder, sql } from 'kysely';

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
