import type { ImportMode, ImportResult, ImportRowError } from '@yonggong/shared';

/**
 * The outcome of a spreadsheet import as the API returns it. `failed` counts the rows with at
 * least one error (a row with two bad cells is one failed row) unless the caller counted them.
 */
export function importResult(
  mode: ImportMode,
  committed: boolean,
  totalRows: number,
  created: number,
  unchanged: number,
  errors: ImportRowError[],
  failed = new Set(errors.map((error) => error.row)).size,
): ImportResult {
  return { mode, committed, totalRows, created, unchanged, failed, errors };
}
