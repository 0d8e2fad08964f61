import { ENTERPRISE_SORTS, type EnterpriseListQuery, enterpriseListQuery } from '@yonggong/shared';
import { readSearchParams, writeSearchParams } from '../../app/search-params.ts';

/**
 * The enterprise list's state lives in the URL (`?q=…&districtCode=…&page=2&sort=-name`) so that
 * reloading, sharing a link or going back shows the same list. These pure functions map between
 * the URL and the typed list query that the API takes.
 */

export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];
/** A sortable field: the ascending spelling of a sort. */
type SortField = Exclude<EnterpriseSort, `-${string}`>;
export type SortOrder = 'ascend' | 'descend';

/** The list as first opened: active enterprises by name, first page. */
export const DEFAULT_LIST_QUERY: EnterpriseListQuery = enterpriseListQuery.parse({});

const PAGING_KEYS: ReadonlySet<string> = new Set(['page', 'pageSize']);

/** Reads the list query from the URL (malformed parameters are dropped). */
export function parseListSearchParams(params: URLSearchParams): EnterpriseListQuery {
  return readSearchParams(enterpriseListQuery, params);
}

/** Writes the list query to URL parameters, leaving out defaults. */
export function writeListSearchParams(query: EnterpriseListQuery): URLSearchParams {
  return writeSearchParams(query, DEFAULT_LIST_QUERY);
}

/**
 * Applies `changes` to the query. Changing what is listed (a filter, the search, the sort) goes
 * back to the first page; turning pages keeps the filters.
 */
export function updateListQuery(
  query: EnterpriseListQuery,
  changes: Partial<EnterpriseListQuery>,
): EnterpriseListQuery {
  const next = { ...query, ...changes };
  const isRefiltered = Object.keys(changes).some(
    (key) =>
      !PAGING_KEYS.has(key) &&
      changes[key as keyof EnterpriseListQuery] !== query[key as keyof EnterpriseListQuery],
  );
  const isResized = changes.pageSize !== undefined && changes.pageSize !== query.pageSize;
  return isRefiltered || isResized ? { ...next, page: 1 } : next;
}

/** Whether anything narrows the list beyond the default (for "no match" vs "nothing yet"). */
export function hasActiveFilters(query: EnterpriseListQuery): boolean {
  return Boolean(
    query.q ||
      query.districtCode ||
      query.industryCode ||
      query.industrySection ||
      query.keyLevel ||
      query.liaisonUserId ||
      query.mine ||
      query.status !== DEFAULT_LIST_QUERY.status,
  );
}

/** The query with every filter cleared, keeping the sort and page size. */
export function clearListFilters(query: EnterpriseListQuery): EnterpriseListQuery {
  return { ...DEFAULT_LIST_QUERY, sort: query.sort, pageSize: query.pageSize };
}

function isSortField(field: string): field is SortField {
  return !field.startsWith('-') && (ENTERPRISE_SORTS as readonly string[]).includes(field);
}

/** A table column's sort indicator for the current `sort` parameter. */
export function readSortOrder(sort: EnterpriseSort, field: SortField): SortOrder | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** The `sort` parameter for a table sort change; clearing the sort returns to the default. */
export function toSortParam(field: unknown, order: SortOrder | null | undefined): EnterpriseSort {
  if (typeof field !== 'string' || !isSortField(field) || !order) return DEFAULT_LIST_QUERY.sort;
  return order === 'ascend' ? field : `-${field}`;
}
