import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';

/**
 * A district officer tends a labour base (issue 4): the 吴江 officer registers a base in 云南镇雄
 * through the form (origin picked region by region, a contact, an annual target), records a
 * 劳务对接 meeting there choosing two attending enterprises by searching their names, and reads the
 * base's card of deliveries against the target.
 */
const browser = useBrowser();
const tag = crypto.randomInt(1000, 10_000);
const baseName = `吴江—镇雄劳务合作基地${tag}`;

/** Clicks the open cascader's option `label` in column `column` (0 = provinces). */
async function pickCascaderOption(page: Page, column: number, label: string): Promise<void> {
  const menu = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu').nth(column);
  await menu.locator('.ant-cascader-menu-item', { hasText: label }).first().click();
}

/** Types `value` into the date picker `testId` and confirms it. */
async function fillDate(page: Page, testId: string, value: string): Promise<void> {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`));
  await input.first().click();
  await input.first().fill(value);
  // Tab, not Enter: Enter in a form field submits the form.
  await input.first().press('Tab');
}

describe('base officer', () => {
  it('officer.wujiang registers a base, records a 劳务对接 with two enterprises picked by search, and sees the target card', async () => {
    const page = await browser.newPage();
    await logIn(page, 'officer.wujiang', '/bases');
    await page.getByTestId('base-create').click();
    const form = page.getByTestId('base-form');
    await form.waitFor();

    // Submitting empty shows the schema's messages on the fields and sends nothing.
    await page.getByTestId('base-submit').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);

    await page.getByTestId('base-name').fill(baseName);
    await page.getByTestId('base-origin').click();
    await pickCascaderOption(page, 0, '云南省');
    await pickCascaderOption(page, 1, '昭通市');
    await pickCascaderOption(page, 2, '镇雄县');
    await page.keyboard.press('Escape');
    await page.getByTestId('base-partner').fill('镇雄县人力资源和社会保障局');
    await page.getByTestId('base-agreement-number').fill(`WJLW-2026-${tag}`);
    await page.getByTestId('base-target').fill('120');
    await fillDate(page, 'base-signed-on', '2026-03-01');
    await fillDate(page, 'base-valid-until', '2029-02-28');
    await page.getByTestId('contact-add').click();
    await page.getByTestId('contact-name-0').fill('陈科长');
    await page.getByTestId('contact-title-0').fill('就业股股长');
    await page.getByTestId('contact-phone-0').fill('13887001234');
    await screenshot(page, 'base-officer-01-form', { fullPage: false });
    await page.getByTestId('base-submit').click();

    await page.waitForURL((url) => /^\/bases\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('base-edit').waitFor();
    const body = await page.locator('.ant-layout-content').innerText();
    expect(body).toContain(baseName);
    expect(body).toContain('云南省 昭通市 镇雄县');
    expect(body).toContain('吴江区');
    expect(body).toContain('138****1234');

    // 劳务对接: two enterprises found by typing part of their names.
    await page.getByTestId('base-event-record').click();
    const eventForm = page.getByTestId('base-event-form');
    await eventForm.waitFor();
    await fillDate(page, 'base-event-date', '2026-03-15');
    await page.getByTestId('base-event-place').fill('镇雄县人力资源市场');
    const picker = page.getByTestId('base-event-enterprises');
    await picker.click();
    await picker.locator('input').fill('电子');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await page.waitForFunction(() => {
      const shown = Array.from(
        document.querySelectorAll<HTMLElement>(
          '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
        ),
        (option) => option.innerText,
      );
      return shown.length >= 2 && shown.every((text) => text.includes('电子'));
    });
    const chosen = [
      (await options.nth(0).innerText()).split(' · ')[0] ?? '',
      (await options.nth(1).innerText()).split(' · ')[0] ?? '',
    ];
    await options.nth(0).click();
    await options.nth(1).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.locator('.ant-select-selection-item').count()).toBe(2);
    await screenshot(page, 'base-officer-02-event-enterprises-picked', { fullPage: false });
    await page.getByTestId('base-event-submit').click();
    await eventForm.waitFor({ state: 'detached' });

    await expect.poll(async () => await page.locator('body').innerText()).toContain('镇雄县人力资源市场');
    const events = await page.locator('body').innerText();
    for (const name of chosen) expect(events).toContain(name);

    // The card of what the base delivered this year against its target (nothing placed yet).
    const card = page.getByTestId('base-delivered');
    await expect.poll(async () => await card.innerText()).toContain('/ 120');
    expect(await card.innerText()).toContain('0 / 120');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'base-officer-03-base-with-event-and-target', { fullPage: true });
  });
});
