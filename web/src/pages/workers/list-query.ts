import { type WORKER_SORTS, type WorkerListQuery, workerListQuery } from '@yonggong/shared';
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
 * The worker list's state lives in the URL (`?originRegionCode=5306&education=senior&page=2`),
 * mapped to and from the typed list query by these pure functions.
 */

export type WorkerSort = (typeof WORKER_SORTS)[number];

/** The list as first opened: every status, newest registrations first. */
export const DEFAULT_WORKER_QUERY: WorkerListQuery = workerListQuery.parse({});

/** Reads the list query from the URL (malformed parameters are dropped). */
export function parseWorkerSearchParams(params: URLSearchParams): WorkerListQuery {
  return readSearchParams(workerListQuery, params);
}

/** Writes the list query to URL parameters, leaving out defaults. */
export function writeWorkerSearchParams(query: WorkerListQuery): URLSearchParams {
  return writeSearchParams(query, DEFAULT_WORKER_QUERY);
}

/** Applies `changes`; a new filter or sort goes back to the first page. */
export function updateWorkerQuery(
  query: WorkerListQuery,
  changes: Partial<WorkerListQuery>,
): WorkerListQuery {
  return applyListChanges(query, changes);
}

/** Whether anything narrows the list beyond the default. */
export function hasActiveWorkerFilters(query: WorkerListQuery): boolean {
  return Boolean(
    query.q ||
      query.originRegionCode ||
      query.districtCode ||
      query.occupationCode ||
      query.channel ||
      query.education ||
      query.ageMin !== undefined ||
      query.ageMax !== undefined ||
      query.possibleDuplicate ||
      query.status !== DEFAULT_WORKER_QUERY.status,
  );
}

/** The query with every filter cleared, keeping the sort and page size. */
export function clearWorkerFilters(query: WorkerListQuery): WorkerListQuery {
  return { ...DEFAULT_WORKER_QUERY, sort: query.sort, pageSize: query.pageSize };
}

/** The sortable columns; expected wage sorts highest first only. */
export const WORKER_SORT_COLUMNS: SortColumns<WorkerSort> = {
  name: { ascend: 'name', descend: '-name' },
  age: { ascend: 'age', descend: '-age' },
  createdAt: { ascend: 'createdAt', descend: '-createdAt' },
  expectedWage: { descend: '-expectedWage' },
};

/** A column's sort indicator for the current `sort`. */
export function readWorkerSortOrder(sort: WorkerSort, column: string): SortOrder | null {
  return readColumnSortOrder(WORKER_SORT_COLUMNS, sort, column);
}

/** The directions a column offers. */
export function listWorkerSortDirections(column: string): SortOrder[] {
  return listSortDirections(WORKER_SORT_COLUMNS, column);
}

/** The `sort` parameter for a table sort change; clearing it returns to the default. */
export function toWorkerSortParam(column: unknown, order: SortOrder | null | undefined): WorkerSort {
  return toColumnSortParam(WORKER_SORT_COLUMNS, column, order, DEFAULT_WORKER_QUERY.sort);
}
