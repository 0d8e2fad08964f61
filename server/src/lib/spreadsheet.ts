import { normalizeFullWidth } from '@yonggong/engine';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../http/app-error.ts';

/**
 * Reads the first sheet of an .xlsx or a .csv into text cells, and finds its header row.
 *
 * Real files from bureaus, bases and schools have merged title rows above the header, full-width
 * digits, trailing blanks, Excel dates and numbers, and CSVs saved by Chinese Excel in GB18030.
 * This is the one place that knows; imports see `{ rowNumber, cells }` with trimmed half-width text.
 */
export interface SheetRow {
  /** The row number the spreadsheet shows (1-based, counting title rows). */
  readonly rowNumber: number;
  readonly cells: readonly Cell[];
}

/** A cell as text, plus whether Excel stored it as a number (codes lose digits that way). */
export interface Cell {
  readonly text: string;
  readonly wasNumber: boolean;
}

const EMPTY: Cell = { text: '', wasNumber: false };

/** Reads a whole (small) file. Large imports stream with exceljs' WorkbookReader instead. */
export async function readSheet(filename: string, content: Buffer): Promise<SheetRow[]> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return readCsv(content);
  if (lower.endsWith('.xlsx')) return readXlsx(content);
  throw new AppError('unsupported_file');
}

async function readXlsx(content: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('unsupported_file', { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellOf(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= EMPTY;
    rows.push({ rowNumber, cells });
  });
  return rows;
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { text: numberText(value), wasNumber: true };
  if (typeof value === 'string') return { text: clean(value), wasNumber: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', wasNumber: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), wasNumber: false };
  if ('richText' in value)
    return { text: clean(value.richText.map((part) => part.text).join('')), wasNumber: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    if (result === undefined || result === null || typeof result === 'object') return EMPTY;
    return cellOf(result);
  }
  if ('text' in value && typeof value.text === 'string') return { text: clean(value.text), wasNumber: false };
  return EMPTY;
}

/** Numbers as Excel shows them in General format: large ones in scientific notation. */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  if (Math.abs(value) >= 1e11)
    return value
      .toExponential()
      .replace('e+', 'E+')
      .replace(/\.?0+E/, 'E');
  return String(value);
}

function readCsv(content: Buffer): SheetRow[] {
  const text = decodeText(content);
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    throw new AppError('unsupported_file', { cause: error });
  }
  return records
    .map((record, index) => ({
      rowNumber: index + 1,
      cells: record.map((value) => ({ text: clean(value), wasNumber: false })),
    }))
    .filter((row) => row.cells.some((cell) => cell.text !== ''));
}

/** UTF-8 when valid, else GB18030 (what Chinese Excel writes for "CSV (逗号分隔)"). */
function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

/** Half-width, trimmed, inner runs of blanks collapsed. */
export function clean(text: string): string {
  return normalizeFullWidth(text)
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}

export interface ColumnSpec<F extends string> {
  readonly field: F;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

export interface LocatedHeader<F extends string> {
  readonly headerRowNumber: number;
  /** field → column index */
  readonly columns: ReadonlyMap<F, number>;
  readonly missing: readonly ColumnSpec<F>[];
}

/**
 * Finds the header: the first of the top 15 rows in which every required column's name (or a
 * variant) appears. Names compare without blanks, asterisks and bracketed notes ("统一社会信用代码
 * （必填）"). Returns null when no row qualifies.
 */
export function locateHeader<F extends string>(
  rows: readonly SheetRow[],
  specs: readonly ColumnSpec<F>[],
): { header: LocatedHeader<F>; dataRows: SheetRow[] } | null {
  for (let index = 0; index < Math.min(rows.length, 15); index++) {
    const row = rows[index];
    if (!row) continue;
    const names = row.cells.map((cell) => headerKey(cell.text));
    const columns = new Map<F, number>();
    for (const spec of specs) {
      const accepted = [spec.header, ...spec.aliases].map(headerKey);
      const position = names.findIndex((name) => accepted.includes(name));
      if (position >= 0) columns.set(spec.field, position);
    }
    const missing = specs.filter((spec) => spec.required && !columns.has(spec.field));
    const requiredCount = specs.filter((spec) => spec.required).length;
    if (missing.length === 0 || (missing.length < requiredCount / 2 && columns.size >= 2)) {
      return {
        header: { headerRowNumber: row.rowNumber, columns, missing },
        dataRows: rows.slice(index + 1),
      };
    }
  }
  return null;
}

function headerKey(text: string): string {
  return clean(text)
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/** The text of `field` in `row` ('' when the column is absent). */
export function cellText<F extends string>(row: SheetRow, header: LocatedHeader<F>, field: F): Cell {
  const index = header.columns.get(field);
  return index === undefined ? EMPTY : (row.cells[index] ?? EMPTY);
}
