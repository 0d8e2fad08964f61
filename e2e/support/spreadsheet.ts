import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';

/** A sheet as officers hand them in: a merged title row, then the header, then one row per record. */
export interface SheetContent {
  readonly title: string;
  readonly header: readonly string[];
  /** Cells by header text; a header a row does not mention is left blank. */
  readonly rows: readonly Readonly<Record<string, string | number>>[];
}

/**
 * Writes `content` as `<folder>/<name>.xlsx` and returns the file's path. Codes are written as
 * strings, as in a sheet whose code column is formatted as text.
 */
export async function writeWorkbook(folder: string, name: string, content: SheetContent): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名单');
  sheet.mergeCells(1, 1, 1, content.header.length);
  const title = sheet.getCell(1, 1);
  title.value = content.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.addRow([...content.header]).font = { bold: true };
  for (const row of content.rows) sheet.addRow(content.header.map((header) => row[header] ?? ''));
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  const file = path.join(folder, `${name}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A temporary folder for the calling test file's generated files, deleted after its last test. */
export function useTempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yonggong-e2e-files-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}
