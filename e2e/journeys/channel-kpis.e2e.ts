import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';
import { readTableRows } from '../support/ui.ts';

/**
 * Channel effectiveness (issue 4): the monitoring analyst opens 渠道成效, finds the labour bases
 * among the channels with their hires and retention, clicks a base's hires figure and sees the very
 * placements it counts — as many as the figure says, names and masked ID numbers.
 */
const browser = useBrowser();

describe('channel effectiveness', () => {
  it('the analyst traces a labour base’s hires to the placements behind them', async () => {
    const page = await browser.newPage();
    await logIn(page, 'analyst', '/kpis/channels');
    const hires = page.locator('[data-testid^="kpi-hires-base-"]').first();
    await hires.waitFor();
    await screenshot(page, 'channel-kpis-01-report', { fullPage: false });

    const figure = Number(await hires.innerText());
    expect(figure).toBeGreaterThan(0);
    await hires.click();
    const drawer = page.getByRole('dialog');
    await drawer.locator('.ant-table-row').first().waitFor();
    await expect
      .poll(async () => drawer.locator('.ant-pagination-total-text').innerText(), { timeout: 15_000 })
      .toContain(String(figure));
    const rows = await readTableRows(drawer.locator('.ant-table'));
    expect(rows.length).toBe(Math.min(figure, 20));
    // Worker, masked ID number, hire date, enterprise, position, status.
    for (const row of rows) expect(row[1]).toMatch(/\*{4}/);
    await screenshot(page, 'channel-kpis-02-hires-of-a-base', { fullPage: false });
  });
});
