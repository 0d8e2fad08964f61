import ExcelJS from 'exceljs';

/** Reads the first sheet of an .xlsx reply into rows of cell text. */
export async function readXlsxRows(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}

/** Builds an .xlsx from rows; `merge` merges cells like 'A1:L1' (title rows above the header). */
export async function writeXlsx(
  rows: readonly (readonly (string | number | null)[])[],
  merge: readonly string[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  for (const range of merge) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
