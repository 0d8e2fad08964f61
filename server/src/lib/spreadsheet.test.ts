import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../test/xlsx.ts';
import { clean, locateHeader, readSheet } from './spreadsheet.ts';

const SPECS = [
  { field: 'id', header: '身份证号', aliases: ['身份证号码', '公民身份号码'], required: true },
  { field: 'name', header: '姓名', aliases: [], required: true },
  { field: 'phone', header: '手机', aliases: ['联系电话'], required: false },
] as const;

describe('spreadsheet reading', () => {
  it('cleans full-width characters and blanks', () => {
    expect(clean('  ３２０５　０９ ')).toBe('3205 09');
  });

  it('finds the header below merged title rows, by name variants', async () => {
    const file = await writeXlsx(
      [
        ['2026 年春季返岗人员名单'],
        ['填报单位：吴江区'],
        ['序号', '姓名 *', '公民身份号码（必填）', '联系电话'],
        [1, '张三', '320509199001011234', '13800000000'],
      ],
      ['A1:D1'],
    );
    const rows = await readSheet('list.xlsx', file);
    const located = locateHeader(rows, SPECS);
    expect(located?.header.headerRowNumber).toBe(3);
    expect(located?.header.columns.get('id')).toBe(2);
    expect(located?.dataRows[0]?.rowNumber).toBe(4);
  });

  it('shows large numbers as Excel does and marks them as numbers', async () => {
    const rows = await readSheet(
      'n.xlsx',
      await writeXlsx([
        ['身份证号', '姓名'],
        [Number('320509199001011234'), '李四'],
      ]),
    );
    // The digits past double precision are gone: exactly why such cells are refused as codes.
    expect(rows[1]?.cells[0]?.wasNumber).toBe(true);
    expect(rows[1]?.cells[0]?.text).toMatch(/^3\.2050919\d*E\+17$/);
  });

  it('reads CSV with a BOM', async () => {
    const rows = await readSheet('a.csv', Buffer.from('\ufeff身份证号,姓名\r\n1,王五\r\n'));
    expect(rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['身份证号', '姓名'],
      ['1', '王五'],
    ]);
  });
});
