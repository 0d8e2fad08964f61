import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';

/**
 * A district officer builds school–enterprise cooperation through the forms (issue 4): the 吴江
 * officer registers a partner school in 云南昭通 (region picked level by level, a major with its
 * graduates, a contact), records a cooperation agreement with a 吴江 enterprise found by typing
 * part of its name — the request carries an `Idempotency-Key` and a double click records one
 * agreement — and opens an order class for that enterprise under the agreement.
 */
const browser = useBrowser();
const tag = crypto.randomInt(1000, 10_000);
const schoolName = `昭通市第${tag}技工学校`;
const className = `2028届昭通—吴江订单班${tag}`;

async function api<T>(page: Page, url: string): Promise<T> {
  const reply = await page.request.get(url);
  if (!reply.ok()) throw new Error(`GET ${url}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** Clicks the open cascader's option `label` in column `column` (0 = provinces). */
async function pickCascaderOption(page: Page, column: number, label: string): Promise<void> {
  const menu = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu').nth(column);
  await menu.locator('.ant-cascader-menu-item', { hasText: label }).first().click();
}

/** The text input of the antd control `testId` (the test id sits on the input or on its wrapper). */
function inputOf(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first();
}

/** Types `value` into the date picker `testId` and confirms it. */
async function fillDate(page: Page, testId: string, value: string): Promise<void> {
  const input = inputOf(page, testId);
  await input.click();
  await input.fill(value);
  // Tab, not Enter: Enter in a form field submits the form.
  await input.press('Tab');
}

/**
 * Types `search` into the searchable select `testId`, waits until the server's results all match,
 * and clicks the first option that also contains `narrow`; returns the option's text.
 */
async function pickBySearch(page: Page, testId: string, search: string, narrow: string): Promise<string> {
  await page.getByTestId(testId).click();
  await inputOf(page, testId).fill(search);
  await page.waitForFunction(
    ([text, also]) => {
      const shown = Array.from(
        document.querySelectorAll<HTMLElement>(
          '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
        ),
        (option) => option.innerText,
      );
      return (
        shown.length > 0 &&
        shown.every((label) => label.includes(text)) &&
        shown.some((l) => l.includes(also))
      );
    },
    [search, narrow] as const,
  );
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: narrow })
    .first();
  const label = (await option.innerText()).trim();
  await option.click();
  return label;
}

describe('school officer', () => {
  it('officer.wujiang registers a school, signs an agreement with an enterprise found by search, and opens an order class', async () => {
    const page = await browser.newPage();
    await logIn(page, 'officer.wujiang', '/schools');

    // 1. Register the school through the form.
    await page.getByTestId('school-create').click();
    const form = page.getByTestId('school-form');
    await form.waitFor();
    await page.getByTestId('school-submit').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);

    await page.getByTestId('school-name').fill(schoolName);
    await page.getByTestId('school-region').click();
    await pickCascaderOption(page, 0, '云南省');
    await pickCascaderOption(page, 1, '昭通市');
    await pickCascaderOption(page, 2, '昭阳区');
    await page.keyboard.press('Escape');
    await page.getByTestId('school-address').fill('昭阳区海楼路 88 号');
    await page.getByTestId('major-add').click();
    await page.getByTestId('major-name-0').fill('机电一体化技术');
    await form.getByRole('button', { name: /添加一届毕业生人数/ }).click();
    const graduates = form.getByTestId('graduates-row').first().locator('input');
    await graduates.nth(0).fill('2027');
    await graduates.nth(1).fill('160');
    await page.getByTestId('contact-add').click();
    await page.getByTestId('contact-name-0').fill('杨老师');
    await page.getByTestId('contact-title-0').fill('招生就业处');
    await page.getByTestId('contact-phone-0').fill('13887005678');
    await screenshot(page, 'school-officer-01-school-form', { fullPage: false });
    await page.getByTestId('school-submit').click();

    await page.waitForURL((url) => /^\/schools\/[0-9a-f-]{36}$/.test(url.pathname));
    const schoolId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await page.getByTestId('agreement-add').waitFor();
    const detail = await page.locator('.ant-layout-content').innerText();
    expect(detail).toContain(schoolName);
    expect(detail).toContain('云南省 昭通市 昭阳区');
    expect(detail).toContain('2027: 160');
    expect(detail).toContain('138****5678');

    // 2. The agreement, with the enterprise found by typing part of its name.
    const agreementPosts: (string | null)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/schools/${schoolId}/agreements`))
        agreementPosts.push(request.headers()['idempotency-key'] ?? null);
    });
    await page.getByTestId('agreement-add').click();
    await page.getByTestId('agreement-form').waitFor();
    const enterpriseLabel = await pickBySearch(page, 'agreement-enterprise', '电子', '吴江区');
    const enterpriseName = enterpriseLabel.split(' · ')[0] ?? '';
    await fillDate(page, 'agreement-signed-on', '2026-03-01');
    await fillDate(page, 'agreement-valid-from', '2026-03-01');
    await fillDate(page, 'agreement-valid-until', '2029-02-28');
    await screenshot(page, 'school-officer-02-agreement-form', { fullPage: false });
    await page.getByTestId('agreement-submit').dblclick();
    await page.getByTestId('agreement-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.ant-layout-content').innerText()).toContain(enterpriseName);
    expect(agreementPosts.length).toBeGreaterThan(0);
    for (const key of agreementPosts) expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(agreementPosts).size).toBe(1);
    const agreements = await api<{ total: number }>(page, `/api/school-agreements?schoolId=${schoolId}`);
    expect(agreements.total).toBe(1);
    await screenshot(page, 'school-officer-03-agreement-recorded', { fullPage: false });

    // 3. An order class for that enterprise under the agreement.
    await page.getByTestId('class-create').click();
    const classForm = page.getByTestId('class-form');
    await classForm.waitFor();
    expect(await page.getByTestId('class-school').innerText()).toContain(schoolName);
    await pickBySearch(page, 'class-enterprise', enterpriseName, enterpriseName);
    await page.getByTestId('class-agreement').click();
    // The enterprise's dropdown may still be closing: click the agreement's own option by its dates.
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2026-03-01 — 2029-02-28' })
      .click();
    await page.getByTestId('class-name').fill(className);
    await inputOf(page, 'class-major').fill('机电一体化技术');
    await page.keyboard.press('Escape');
    await page.getByTestId('class-size').fill('40');
    await fillDate(page, 'class-start', '2026-09-01');
    await fillDate(page, 'class-graduation', '2028-06-30');
    await screenshot(page, 'school-officer-04-class-form', { fullPage: false });
    await page.getByTestId('class-submit').click();

    await page.waitForURL((url) => /^\/order-classes\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.getByTestId('class-enrolled').innerText()).toBe('0/40');
    const header = await page.locator('.ant-layout-content').innerText();
    expect(header).toContain(className);
    expect(header).toContain(`${schoolName} · ${enterpriseName}`);
    const classId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const created = await api<{ agreementId: string | null; enterpriseName: string }>(
      page,
      `/api/order-classes/${classId}`,
    );
    expect(created.agreementId).not.toBeNull();
    expect(created.enterpriseName).toBe(enterpriseName);
    await screenshot(page, 'school-officer-05-class-opened', { fullPage: false });
  });
});
