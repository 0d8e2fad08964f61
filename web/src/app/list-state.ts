/**
 * The paging rule every server-paged list follows: changing what is listed (a filter, the search,
 * the sort) goes back to the first page; turning pages keeps the filters; a new page size starts
 * over on page 1. Pure, so each list's URL state is tested without a browser.
 */
export function applyListChanges<Q extends { readonly page: number; readonly pageSize: number }>(
  query: Q,
  changes: Partial<Q>,
): Q {
  const next = { ...query, ...changes };
  const isRefiltered = (Object.keys(changes) as (keyof Q)[]).some(
    (key) => key !== 'page' && key !== 'pageSize' && changes[key] !== query[key],
  );
  const isResized = changes.pageSize !== undefined && changes.pageSize !== query.pageSize;
  return isRefiltered || isResized ? { ...next, page: 1 } : next;
}

/** Ascending / descending as antd tables name them. */
export type SortOrder = 'ascend' | 'descend';

/**
 * A sortable column and the `sort` parameter each direction sends. Some lists sort a column one
 * way only (e.g. "most urgent first"); the missing direction is then not offered.
 */
export type SortColumns<S extends string> = Readonly<Record<string, Readonly<Partial<Record<SortOrder, S>>>>>;

/** The column's sort indicator for the current `sort` parameter. */
export function readColumnSortOrder<S extends string>(
  columns: SortColumns<S>,
  sort: S,
  column: string,
): SortOrder | null {
  const directions = columns[column];
  if (!directions) return null;
  if (directions.ascend === sort) return 'ascend';
  if (directions.descend === sort) return 'descend';
  return null;
}

/** The directions a column offers, for antd's `sortDirections`. */
export function listSortDirections<S extends string>(columns: SortColumns<S>, column: string): SortOrder[] {
  const directions = columns[column] ?? {};
  return (['ascend', 'descend'] as const).filter((order) => directions[order] !== undefined);
}

/** The `sort` parameter for a table sort change; a cleared or unknown sort returns to `fallback`. */
export function toColumnSortParam<S extends string>(
  columns: SortColumns<S>,
  column: unknown,
  order: SortOrder | null | undefined,
  fallback: S,
): S {
  if (typeof column !== 'string' || !order) return fallback;
  return columns[column]?.[order] ?? fallback;
}
