import { type JOB_ORDER_SORTS, type JobOrderListQuery, jobOrderListQuery } from '@yonggong/shared';
import {
  applyListChanges,
  listSortDirections,
  readColumnSortOrder,
  type SortColumns,
  type SortOrder,
  toColumnSortParam,
} from '../../app/list-state.ts';
import { readSearchParams, writeSearchParams } from '../../app/search-params.ts';

/**
 * The job-order list's state lives in the URL (`?districtCode=…&urgency=critical&page=2`) so that
 * reloading, sharing a link or going back shows the same list. These pure functions map between
 * the URL and the typed list query that the API takes.
 */

export type JobOrderSort = (typeof JOB_ORDER_SORTS)[number];

/** The list as first opened: active (draft or open) orders, newest first. */
export const DEFAULT_JOB_ORDER_QUERY: JobOrderListQuery = jobOrderListQuery.parse({});

/** Reads the list query from the URL (malformed parameters are dropped). */
export function parseJobOrderSearchParams(params: URLSearchParams): JobOrderListQuery {
  return readSearchParams(jobOrderListQuery, params);
}

/** Writes the list query to URL parameters, leaving out defaults. */
export function writeJobOrderSearchParams(query: JobOrderListQuery): URLSearchParams {
  return writeSearchParams(query, DEFAULT_JOB_ORDER_QUERY);
}

/** Applies `changes`; a new filter or sort goes back to the first page. */
export function updateJobOrderQuery(
  query: JobOrderListQuery,
  changes: Partial<JobOrderListQuery>,
): JobOrderListQuery {
  return applyListChanges(query, changes);
}

/** Whether anything narrows the list beyond the default (for "no match" vs "nothing yet"). */
export function hasActiveJobOrderFilters(query: JobOrderListQuery): boolean {
  return Boolean(
    query.q ||
      query.districtCode ||
      query.occupationCode ||
      query.enterpriseId ||
      query.keyOnly ||
      query.urgency ||
      query.wageAtLeast !== undefined ||
      query.dormitory !== undefined ||
      query.status !== DEFAULT_JOB_ORDER_QUERY.status,
  );
}

/** The query with every filter cleared, keeping the sort and page size. */
export function clearJobOrderFilters(query: JobOrderListQuery): JobOrderListQuery {
  return { ...DEFAULT_JOB_ORDER_QUERY, sort: query.sort, pageSize: query.pageSize };
}

/**
 * The sortable columns. The API sorts wages by the low end upwards and by the high end downwards
 * ("best paid first"), and urgency and remaining places only downwards.
 */
export const JOB_ORDER_SORT_COLUMNS: SortColumns<JobOrderSort> = {
  createdAt: { ascend: 'createdAt', descend: '-createdAt' },
  deadline: { ascend: 'deadline', descend: '-deadline' },
  wage: { ascend: 'wageMin', descend: '-wageMax' },
  urgency: { descend: '-urgency' },
  remaining: { descend: '-remaining' },
};

/** A column's sort indicator for the current `sort`. */
export function readJobOrderSortOrder(sort: JobOrderSort, column: string): SortOrder | null {
  return readColumnSortOrder(JOB_ORDER_SORT_COLUMNS, sort, column);
}

/** The directions a column offers. */
export function listJobOrderSortDirections(column: string): SortOrder[] {
  return listSortDirections(JOB_ORDER_SORT_COLUMNS, column);
}

/** The `sort` parameter for a table sort change; clearing it returns to the default. */
export function toJobOrderSortParam(column: unknown, order: SortOrder | null | undefined): JobOrderSort {
  return toColumnSortParam(JOB_ORDER_SORT_COLUMNS, column, order, DEFAULT_JOB_ORDER_QUERY.sort);
}
