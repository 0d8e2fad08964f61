import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { breakCheckDigit, buildCreditCode } from '../support/credit-code.ts';
import { logIn } from '../support/login.ts';
import { useTempFolder, writeWorkbook } from '../support/spreadsheet.ts';
import { chooseOption, readStatistic, readTableRows, search } from '../support/ui.ts';

/**
 * The enterprise register as its users meet it, one story told in order: the 吴江 officer registers
 * an enterprise by hand and imports a spreadsheet, the 相城 officer cannot see them, and the
 * administrator finds all of it in the audit trail. Later chapters use what earlier ones created
 * (kept in `story`); nothing here relies on another file.
 */

const browser = useBrowser();
const folder = useTempFolder();
/**
 * Makes this run's names unique, so a search finds exactly what this run created. Letters then
 * digits: no pinyin contains a digit and no demo credit code has an E before a digit.
 */
const tag = `E2E${crypto.randomInt(10_000, 100_000)}`;

const story = {
  /** Registered by hand in the first chapter. */
  registered: { id: '', name: `吴江测试精密机械有限公司${tag}`, creditCode: buildCreditCode() },
  imported: {
    fileName: `e2e-import-${tag}.xlsx`,
    names: ['吴江测试纺织有限公司', '吴江测试电子有限公司', '吴江测试物流有限公司'].map((name) => name + tag),
    /** The rows with a wrong check digit and an unknown industry. */
    badNames: ['吴江测试错码有限公司', '吴江测试未知行业有限公司'].map((name) => name + tag),
  },
};

/** The header row, in the words of `ENTERPRISE_COLUMNS` (shared/src/schemas/enterprises.ts). */
const IMPORT_HEADER = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '所属区县代码',
  '地址',
  '企业规模',
  '职工人数',
  '重点企业级别',
  '挂钩联络员账号',
  '联系人',
  '联系人职务',
  '联系电话',
];

/** A valid 吴江区 row of the import sheet. */
function wujiangRow(name: string, industryCode: string): Record<string, string | number> {
  return {
    统一社会信用代码: buildCreditCode(),
    企业名称: name,
    行业代码: industryCode,
    所属区县代码: '320509',
    企业规模: '小型',
  };
}

function requireRegistered(): typeof story.registered {
  if (story.registered.id === '')
    throw new Error(
      'the enterprise of "registering an enterprise by hand" was not created; see that failure',
    );
  return story.registered;
}

describe('enterprise register', () => {
  describe('registering an enterprise by hand', () => {
    it('rejects a wrong check digit and accepts the corrected code', async () => {
      const page = await browser.newPage();
      const { name, creditCode } = story.registered;
      const wrongCode = breakCheckDigit(creditCode);
      const expectedChar = creditCode.charAt(17);

      await logIn(page, 'officer.wujiang', '/enterprises');
      const table = page.getByTestId('enterprise-table');
      await expect.poll(() => readTableRows(table).then((rows) => rows.length)).toBeGreaterThan(0);
      const districts = (await readTableRows(table)).map((cells) => cells[2]);
      expect(new Set(districts), 'an officer of 吴江区 sees only 吴江区 enterprises').toEqual(
        new Set(['吴江区']),
      );

      await page.getByTestId('enterprise-new').click();
      await page.getByTestId('ent-creditCode').fill(wrongCode);
      await page.getByTestId('ent-name').fill(name);
      await chooseOption(page, 'ent-industryCode', '34 通用设备制造业', { search: '34' });
      await chooseOption(page, 'ent-districtCode', '吴江区');
      await chooseOption(page, 'ent-size', '中型');
      await page.getByTestId('ent-submit').click();

      const creditCodeHelp = page.locator('#creditCode_help');
      await expect.poll(() => creditCodeHelp.innerText()).toContain('校验位');
      expect(await creditCodeHelp.innerText(), 'the message names the character it expects').toContain(
        `“${expectedChar}”`,
      );
      expect(page.url(), 'nothing was saved').toMatch(/\/enterprises\/new$/);
      await screenshot(page, '01-register-wrong-check-digit');

      await page.getByTestId('ent-creditCode').fill(creditCode);
      await page.getByTestId('ent-submit').click();
      await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
      story.registered.id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      await expect.poll(() => page.getByTestId('enterprise-name').innerText()).toBe(name);

      await page.goto('/enterprises');
      await search(page, 'enterprise-search', name);
      await expect
        .poll(() => readTableRows(table).then((rows) => rows.map((cells) => cells.slice(0, 3))))
        .toEqual([[name, creditCode, '吴江区']]);
      await screenshot(page, '02-register-saved-in-list');
    });
  });

  describe('importing enterprises from a spreadsheet', () => {
    it('reports every bad row, imports only when asked, and never imports a row twice', async () => {
      const { names, badNames, fileName } = story.imported;
      const [textile = '', electronics = '', logistics = ''] = names;
      const [wrongCheckDigit = '', unknownIndustry = ''] = badNames;
      const file = await writeWorkbook(folder, path.basename(fileName, '.xlsx'), {
        title: '2026 年重点企业名单',
        header: IMPORT_HEADER,
        // Spreadsheet rows 3–7 (row 1 is the title, row 2 the header); the bad ones are rows 4 and 6.
        rows: [
          { ...wujiangRow(textile, '17'), 地址: '盛泽镇', 职工人数: 420, 重点企业级别: '否' },
          { ...wujiangRow(wrongCheckDigit, '34'), 统一社会信用代码: breakCheckDigit(buildCreditCode()) },
          {
            ...wujiangRow(electronics, '39'),
            所属区县代码: '吴江区',
            企业规模: '大型',
            重点企业级别: '区级',
            联系人: '王芳',
            联系人职务: '人事经理',
            联系电话: '13912345678',
          },
          wujiangRow(unknownIndustry, '99'),
          wujiangRow(logistics, '59'),
        ],
      });
      const page = await browser.newPage();
      await logIn(page, 'officer.wujiang', '/enterprises');
      const dialog = page.getByRole('dialog', { name: '批量导入企业' });
      const stats = page.getByTestId('import-stats');
      /**
       * Picks the file and waits until the dialog lists it: the list row pushes the submit button
       * down, and a click aimed before that lands on the drop zone instead.
       */
      const chooseFile = async (picked: string) => {
        await page.getByTestId('import-file').setInputFiles(picked);
        await dialog.locator('.ant-upload-list').getByText(fileName).waitFor();
      };

      // All or nothing: the two bad rows are reported and nothing is imported.
      await page.getByTestId('enterprise-import').click();
      await page.getByTestId('import-mode-all').check();
      await chooseFile(file);
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-nothing-imported').waitFor();
      const errors = await readTableRows(page.getByTestId('import-errors'));
      expect(errors.map(([row, column]) => [row, column])).toEqual([
        ['4', '统一社会信用代码'],
        ['6', '行业代码'],
      ]);
      expect(errors[0]?.[2]).toContain('校验位');
      expect(errors[1]?.[2]).toContain('99');
      expect(await readStatistic(stats, '新增')).toBe(0);
      expect(await readStatistic(stats, '失败')).toBe(2);
      await screenshot(page, '03-import-error-report', { fullPage: false });

      // Only the valid rows: three created, the same two rows still reported.
      await dialog.getByRole('button', { name: '导入另一个文件' }).click();
      await page.getByTestId('import-mode-valid').check();
      await chooseFile(file);
      await page.getByTestId('import-submit').click();
      await stats.waitFor();
      expect(await readStatistic(stats, '新增'), 'the all-or-nothing attempt left nothing behind').toBe(3);
      expect(await readStatistic(stats, '已存在')).toBe(0);
      expect(await readStatistic(stats, '失败')).toBe(2);
      expect(await readTableRows(page.getByTestId('import-errors'))).toHaveLength(2);
      await screenshot(page, '04-import-valid-rows', { fullPage: false });

      // The same file again: nothing new, the three rows already exist.
      await dialog.getByRole('button', { name: '导入另一个文件' }).click();
      await chooseFile(file);
      await page.getByTestId('import-submit').click();
      await stats.waitFor();
      expect(await readStatistic(stats, '新增')).toBe(0);
      expect(await readStatistic(stats, '已存在')).toBe(3);

      // The footer's button (the corner ✕ is also named 关闭). antd spaces it out as “关 闭”, and its
      // name may keep a "loading" prefix: React reuses the 开始导入 button for it (see the report).
      await dialog
        .locator('.ant-modal-footer')
        .getByRole('button', { name: /关\s*闭$/ })
        .click();
      // The list has the three imported enterprises and neither bad row.
      await search(page, 'enterprise-search', tag);
      const listedNames = () =>
        readTableRows(page.getByTestId('enterprise-table')).then((rows) => rows.map(([name]) => name));
      await expect.poll(listedNames).toEqual(expect.arrayContaining(names));
      const listed = await listedNames();
      expect(listed).not.toContain(wrongCheckDigit);
      expect(listed).not.toContain(unknownIndustry);
    });
  });

  describe('district scoping', () => {
    it('hides another district’s enterprise from the 相城 officer, in the list and by its address', async () => {
      const { id, name } = requireRegistered();
      const page = await browser.newPage();
      await logIn(page, 'officer.xiangcheng', '/enterprises');
      await search(page, 'enterprise-search', name);
      const table = page.getByTestId('enterprise-table');
      await expect.poll(() => table.innerText()).toContain('没有符合条件的企业');
      expect(await readTableRows(table)).toEqual([]);

      await page.goto(`/enterprises/${id}`);
      await expect
        .poll(() => page.getByRole('alert').first().innerText())
        .toContain('记录不存在或您无权查看');
      expect(await page.getByTestId('enterprise-name').count(), 'the record is not shown').toBe(0);
      expect(await page.locator('body').innerText()).not.toContain(name);
      await screenshot(page, '05-scoping-not-found');
    });
  });

  describe('audit trail', () => {
    it('shows the administrator the registration and the import', async () => {
      const { name } = requireRegistered();
      const page = await browser.newPage();
      await logIn(page, 'admin');
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      const table = page.getByTestId('audit-table');
      await expect.poll(() => readTableRows(table).then((rows) => rows.length)).toBeGreaterThan(0);
      // Columns: expand toggle, time, actor, action, record, summary.
      const events = (await readTableRows(table)).map((cells) => cells.slice(2));
      expect(events).toContainEqual(expect.arrayContaining(['新增企业', '企业', `登记企业 ${name}`]));
      expect(events).toContainEqual(
        expect.arrayContaining([
          '导入企业',
          `导入企业文件 ${story.imported.fileName}：新增 3，已存在 0，失败 2 行`,
        ]),
      );
      for (const imported of story.imported.names)
        expect(events).toContainEqual(expect.arrayContaining(['新增企业', `导入企业 ${imported}`]));
      await screenshot(page, '06-audit-trail');
    });
  });
});
