import fs from 'node:fs';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse as parseCsv } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { AppError } from '../../http/app-error.ts';
import {
  type Cell,
  type ColumnSpec,
  clean,
  type LocatedHeader,
  locateHeader,
  type SheetRow,
} from '../../lib/spreadsheet.ts';

/**
 * Streams the first sheet of an .xlsx or a .csv file row by row with bounded memory — the large-file
 * counterpart of `lib/spreadsheet.ts` `readSheet`, with the same cleaning (full-width folded,
 * blanks trimmed, GB18030 CSVs decoded) and the same header detection (merged title rows above the
 * header are skipped).
 *
 * - .csv: bytes → decoder (UTF-8, or GB18030 when the first 64 KB are not UTF-8 — what Chinese
 *   Excel writes for "CSV (逗号分隔)") → csv-parse's streaming parser.
 * - .xlsx: exceljs' `stream.xlsx.WorkbookReader` (shared strings cached, styles cached so that date
 *   cells arrive as dates; other sheets are skipped).
 * Numbers keep all their digits up to 15 (Excel's precision: a 15-digit ID number stored as a
 * number is intact); larger ones are written as Excel shows them ("3.20509E+17"), so the ID
 * validator can say that Excel destroyed the value.
 * `progress()` is the share of the file's bytes consumed so far, for a progress bar.
 */
export interface SheetStream<F extends string> {
  readonly header: LocatedHeader<F> | null;
  /** Data rows after the header (empty rows skipped). Iterate once. */
  readonly rows: AsyncIterable<SheetRow>;
  progress(): number;
  close(): void;
}

const HEADER_SEARCH_ROWS = 15;
const SNIFF_BYTES = 64 * 1024;

/** Opens `path` (named `filename`, whose extension decides the format) and locates its header. */
export async function openSheetStream<F extends string>(
  path: string,
  filename: string,
  specs: readonly ColumnSpec<F>[],
): Promise<SheetStream<F>> {
  const lower = filename.toLowerCase();
  const isCsv = lower.endsWith('.csv');
  if (!isCsv && !lower.endsWith('.xlsx')) throw new AppError('unsupported_file');
  const totalBytes = Math.max(1, fs.statSync(path).size);
  const input = fs.createReadStream(path, { highWaterMark: SNIFF_BYTES });
  let bytesRead = 0;
  const counted = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytesRead += chunk.length;
        callback(null, chunk);
      },
    }),
  );
  input.on('error', (error) => counted.destroy(error));
  const all = isCsv ? csvRows(counted) : xlsxRows(counted);
  const iterator = all[Symbol.asyncIterator]();

  // Buffer the first rows to find the header; the rest stream through.
  const head: SheetRow[] = [];
  let isExhausted = false;
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      isExhausted = true;
      break;
    }
    if (next.value.cells.some((cell) => cell.text !== '')) head.push(next.value);
  }
  const located = locateHeader(head, specs);
  async function* rest(): AsyncGenerator<SheetRow> {
    if (!located) return;
    yield* located.dataRows;
    if (isExhausted) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (next.value.cells.some((cell) => cell.text !== '')) yield next.value;
    }
  }
  return {
    header: located?.header ?? null,
    rows: rest(),
    progress: () => Math.min(1, bytesRead / totalBytes),
    close: () => {
      input.destroy();
      counted.destroy();
    },
  };
}

async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const parser = input
    .pipe(new DecodeText())
    .pipe(parseCsv({ relax_column_count: true, skip_empty_lines: false, bom: true, relax_quotes: true }));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: record.map((value) => ({ text: cleanFast(value), wasNumber: false })) };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unsupported_file', { cause: error });
  }
}

/** UTF-8 unless the first 64 KB are not valid UTF-8, then GB18030. */
class DecodeText extends Transform {
  private decoder: TextDecoder | null = null;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.decoder) this.decoder = chooseDecoder(chunk);
    callback(null, this.decoder.decode(chunk, { stream: true }));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.decoder?.decode() ?? '');
  }
}

function chooseDecoder(firstChunk: Buffer): TextDecoder {
  try {
    // `stream: true` tolerates a character cut at the chunk's end.
    new TextDecoder('utf-8', { fatal: true }).decode(firstChunk, { stream: true });
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('gb18030');
  }
}

async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  // Loaded on demand: exceljs is large, and most big lists arrive as CSV.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cellOf(cell.value);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= EMPTY;
        yield { rowNumber: row.number, cells };
      }
      // Only the first sheet is imported.
      return;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unsupported_file', { cause: error });
  }
}

const EMPTY: Cell = { text: '', wasNumber: false };

const NEEDS_CLEANING = /[\s\u00a0\uFF01-\uFF5E\u3000]/;

/** `clean`, skipped for the common cell that has nothing to fold or trim. */
function cleanFast(text: string): string {
  return NEEDS_CLEANING.test(text) ? clean(text) : text;
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

/** All digits up to 15 significant ones (Excel's precision); beyond that as Excel shows it. */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (Math.abs(value) >= 1e15)
    return value
      .toPrecision(6)
      .replace('e+', 'E+')
      .replace(/\.?0+E/, 'E');
  return String(value);
}
