import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRandom, generateIdNumber } from '@yonggong/engine';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';
import { useTempFolder } from '../support/spreadsheet.ts';

/**
 * A school's staff account at work (issue 4): `school.1` (苏州高新技师学院, demo) signs in to its
 * overview, opens its order class that has no students yet, imports a list of 30 students (a CSV
 * built here), then delivers the whole class into an open order of the partner enterprise and sees
 * 30 recommendations — one per student — in the result and on the roster.
 */
const browser = useBrowser();
const folder = useTempFolder();
const seed = crypto.randomInt(1, 2 ** 31);
const rand = createRandom(seed);
const tag = `校${seed % 10_000}`;
const CLASS_NAME = '2026届高新—智能制造订单班';

async function api<T>(page: Page, url: string): Promise<T> {
  const reply = await page.request.get(url);
  if (!reply.ok()) throw new Error(`GET ${url}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

describe('school order class', () => {
  it('school.1 imports 30 students into its order class and delivers the class into the enterprise’s order', async () => {
    const lines = ['身份证号码,姓名,手机号码,学历'];
    for (let i = 0; i < 30; i++) {
      const birth = `2006-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const id = generateIdNumber(rand, '320505', birth, i % 3 === 0 ? 'female' : 'male');
      const phone = `158${String((seed + i * 7919) % 100_000_000).padStart(8, '0')}`;
      lines.push(`${id},学生${tag}${String(i + 1).padStart(2, '0')},${phone},中专`);
    }
    const file = path.join(folder, '智能制造订单班学生名单.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);

    const page = await browser.newPage();
    await logIn(page, 'school.1', '/school-overview');
    await page.getByText(CLASS_NAME).first().waitFor();
    await screenshot(page, 'school-01-overview', { fullPage: false });

    const classes = await api<{ items: { id: string; name: string; enrolled: number }[] }>(
      page,
      '/api/order-classes?pageSize=100',
    );
    const cls = classes.items.find((item) => item.name === CLASS_NAME);
    if (!cls) throw new Error(`school.1 has no class named ${CLASS_NAME}`);
    await page.goto(`/order-classes/${cls.id}`);
    await page.getByTestId('student-import').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles(file);
    const result = page.getByTestId('student-import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain('加入班级 30 人');
    await screenshot(page, 'school-02-imported-30-students', { fullPage: false });
    await dialog
      .getByRole('button', { name: /close|关闭/i })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('class-enrolled').innerText()).toBe('30/40');

    await page.getByTestId('class-deliver').click();
    const deliver = page.getByRole('dialog');
    await deliver.waitFor();
    await deliver.getByTestId('deliver-order').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByTestId('deliver-submit').click();
    const delivered = page.getByTestId('deliver-result');
    await delivered.waitFor({ timeout: 15_000 });
    expect(await delivered.innerText()).toContain('推介 30 人，跳过 0 人');
    await screenshot(page, 'school-03-class-delivered', { fullPage: false });

    const detail = await api<{ deliveredJobOrderId: string }>(page, `/api/order-classes/${cls.id}`);
    const applications = await api<{ total: number; items: { channel: string }[] }>(
      page,
      `/api/applications?jobOrderId=${detail.deliveredJobOrderId}&pageSize=100`,
    );
    expect(applications.total).toBe(30);
    expect(new Set(applications.items.map((item) => item.channel))).toEqual(new Set(['school']));
    await deliver
      .getByRole('button', { name: /close|关闭|cancel|取消/i })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('student-application').count()).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'school-04-roster-with-applications');
  });
});
