import { WORKER_IMPORT_COLUMNS } from '@yonggong/shared';
import ExcelJS from 'exceljs';

/**
 * The .xlsx template officers fill in: the canonical headers (required ones marked 必填), one
 * example row, and the ID-number column formatted as Text so Excel cannot turn numbers into
 * 3.20509E+17.
 */
export async function writeWorkerImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('劳动者名单');
  sheet.addRow(
    WORKER_IMPORT_COLUMNS.map((column) => (column.required ? `${column.header}（必填）` : column.header)),
  );
  sheet.addRow([
    '530602199203154510',
    '张三',
    '13812345678',
    '云南省 昭通市 昭阳区',
    '高中',
    '电焊、叉车',
    '焊工证',
    '6000',
    '2026-03-01',
    '',
    '',
  ]);
  WORKER_IMPORT_COLUMNS.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(12, column.header.length * 3);
    if (column.field === 'idNumber' || column.field === 'phone') sheetColumn.numFmt = '@';
  });
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
