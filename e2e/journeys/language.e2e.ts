import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { breakCheckDigit, buildCreditCode } from '../support/credit-code.ts';
import { logIn } from '../support/login.ts';
import { readTableRows } from '../support/ui.ts';

/** Chinese first, English on request: the switch in the header changes every word on screen at once. */

const browser = useBrowser();
const CHINESE = /[\u3400-\u9fff]/;

describe('language switch', () => {
  it('shows the enterprise list and the form’s validation messages in English, then Chinese again', async () => {
    const page = await browser.newPage();
    const switcher = page.getByTestId('lang-switch');
    await logIn(page, 'officer.wujiang', '/enterprises');
    const table = page.getByTestId('enterprise-table');
    await expect.poll(() => readTableRows(table).then((rows) => rows.length)).toBeGreaterThan(0);

    await switcher.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 3 }).innerText()).toBe('Enterprises');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers).toEqual(expect.arrayContaining(['Name', 'Unified social credit code', 'District']));
    expect(await page.getByTestId('enterprise-new').innerText()).toBe('New enterprise');
    expect(await page.getByTestId('enterprise-import').innerText()).toBe('Import');
    expect(await page.getByTestId('enterprise-export').innerText()).toBe('Export');
    expect(headers.join(' '), 'no table header is left in Chinese').not.toMatch(CHINESE);
    await screenshot(page, '07-language-english-list');

    const creditCode = buildCreditCode();
    await page.getByTestId('enterprise-new').click();
    await page.getByTestId('ent-creditCode').fill(breakCheckDigit(creditCode));
    await page.getByTestId('ent-submit').click();
    const creditCodeHelp = page.locator('#creditCode_help');
    await expect.poll(() => creditCodeHelp.innerText()).toContain('Check digit mismatch');
    expect(await creditCodeHelp.innerText()).toContain(`"${creditCode.charAt(17)}"`);
    const messages = await page.locator('.ant-form-item-explain-error').allInnerTexts();
    expect(messages.length, 'the empty required fields are reported too').toBeGreaterThan(1);
    for (const message of messages) expect(message).not.toMatch(CHINESE);
    await screenshot(page, '08-language-english-form');

    // Back to Chinese on the same form: the messages already shown follow the language.
    await switcher.getByText('中文', { exact: true }).click();
    await expect.poll(() => creditCodeHelp.innerText()).toContain('校验位');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByTestId('ent-submit').innerText()).toMatch(/^保\s*存$/);
  });
});
