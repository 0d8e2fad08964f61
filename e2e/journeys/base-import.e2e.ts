import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { computeIdCheckDigit, createRandom, generateIdNumber } from '@yonggong/engine';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';
import { useTempFolder } from '../support/spreadsheet.ts';
import { readTableRows } from '../support/ui.ts';

/**
 * A labour base's staff account at work (issue 4): `base.1` (the 昭阳 base in 云南昭通) signs in,
 * lands on its base's workbench, imports a list of its people with one bad row, sees that row
 * reported with its reason, and finds the good rows among its workers — credited to its base.
 */
const browser = useBrowser();
const folder = useTempFolder();
const seed = crypto.randomInt(1, 2 ** 31);
const tag = `基地${seed % 10_000}`;
const rand = createRandom(seed);

describe('base staff import', () => {
  it('base.1 imports a list with a bad row, sees it reported, and finds the good rows among its workers', async () => {
    const good = [
      { name: `杨正${tag}`, id: generateIdNumber(rand, '530602', '1994-05-12', 'male') },
      { name: `李芳${tag}`, id: generateIdNumber(rand, '530602', '1998-11-03', 'female') },
    ];
    const badBase = generateIdNumber(rand, '530602', '1990-01-20', 'male');
    const wrongDigit = computeIdCheckDigit(badBase.slice(0, 17)) === '0' ? '1' : '0';
    const bad = `${badBase.slice(0, 17)}${wrongDigit}`;
    const phone = (index: number) => `139${String((seed + index * 7919) % 100_000_000).padStart(8, '0')}`;
    const csv = [
      '身份证号码,姓名,手机号码,户籍地,技能',
      `${good[0]?.id},${good[0]?.name},${phone(1)},云南省 昭通市 昭阳区,电焊`,
      `${bad},错号${tag},${phone(2)},云南省 昭通市 昭阳区,`,
      `${good[1]?.id},${good[1]?.name},${phone(3)},云南省 昭通市 昭阳区,缝纫`,
    ].join('\n');
    const file = path.join(folder, '昭阳基地输送名单.csv');
    fs.writeFileSync(file, csv);

    const page = await browser.newPage();
    await logIn(page, 'base.1', '/bases');
    await page.getByTestId('my-base').waitFor();
    await screenshot(page, 'base-01-workbench', { fullPage: false });

    await page.getByTestId('my-base-import').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The radio's label is what a person clicks (the dialog may still be opening).
    await dialog
      .locator('label')
      .filter({ has: page.getByTestId('worker-import-mode-valid') })
      .click();
    await expect.poll(() => page.getByTestId('worker-import-mode-valid').isChecked()).toBe(true);
    await page.getByTestId('worker-import-file').setInputFiles(file);
    await dialog.locator('.ant-upload-list').getByText('昭阳基地输送名单.csv').waitFor();
    await page.getByTestId('worker-import-submit').click();
    const errors = page.getByTestId('worker-import-errors');
    await errors.waitFor();
    const rows = await readTableRows(errors);
    expect(rows.map(([row, column]) => [row, column])).toEqual([['3', '身份证号码']]);
    expect(rows[0]?.[2]).toContain('校验位');
    await screenshot(page, 'base-02-import-bad-row-reported', { fullPage: false });

    await page.goto('/workers');
    await expect
      .poll(async () => await page.locator('body').innerText(), { timeout: 15_000 })
      .toContain(good[0]?.name ?? '');
    const body = await page.locator('body').innerText();
    expect(body).toContain(good[1]?.name ?? '');
    expect(body).not.toContain(`错号${tag}`);
    await screenshot(page, 'base-03-workers-of-the-base', { fullPage: false });
  });
});
