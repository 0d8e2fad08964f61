import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';
import { readTableRows } from '../support/ui.ts';

/**
 * The monthly headcount report (用工监测月报, issue 6), one story in order: `enterprise.1` (HR of
 * the first demo enterprise, whose report for this month the demo leaves to file) sees on its home
 * page that this month is not reported, files it with figures that do not reconcile with last
 * month (last actual + hires − separations ≠ actual), reads the figures in the confirmation,
 * confirms, and finds the report in its list marked as a confirmed mismatch. Then the 吴江 officer
 * opens the late list of last month, grouped by liaison.
 */

const browser = useBrowser();

async function getJson<T>(page: Page, url: string): Promise<T> {
  const reply = await page.request.get(url);
  if (!reply.ok()) throw new Error(`GET ${url}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + m - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

interface ReportPage {
  readonly items: {
    id: string;
    month: string;
    actualHeadcount: number;
    reconciliation: { difference: number | null };
  }[];
}

describe('monthly headcount report', () => {
  it('enterprise HR files this month’s report, confirms a reconciliation mismatch and sees it listed', async () => {
    const page = await browser.newPage();
    await logIn(page, 'enterprise.1');
    const me = await getJson<{ scope: { enterpriseId: string } }>(page, '/api/me');
    const enterpriseId = me.scope.enterpriseId;
    const status = page.getByTestId('reporting-status');
    await status.waitFor();
    await page.getByTestId('reporting-status-missing').waitFor();
    const fileButton = page.getByTestId('reporting-status-file');
    const href = (await fileButton.getAttribute('href')) ?? '';
    const month = new URL(href, 'http://x').searchParams.get('month') ?? '';
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    await screenshot(page, 'monitoring-report-1-home');

    const previous = await getJson<ReportPage>(
      page,
      `/api/monitoring/reports?enterpriseId=${enterpriseId}&month=${addMonths(month, -1)}`,
    );
    const previousActual = previous.items[0]?.actualHeadcount;
    expect(previousActual, 'the demo enterprise reported last month').toBeDefined();
    if (previousActual === undefined) return;
    const hires = 40;
    const separations = 25;
    const actual = previousActual + hires - separations + 7; // 7 more than the books say
    await fileButton.click();
    await page.waitForURL((url) => url.pathname === '/monitoring/reports/new');
    await page.getByTestId('report-window').waitFor();
    await page.getByTestId('report-plannedHeadcount').fill(String(actual + 60));
    await page.getByTestId('report-actualHeadcount').fill(String(actual));
    await page.getByTestId('report-hires').fill(String(hires));
    await page.getByTestId('report-separations').fill(String(separations));
    // The shortage follows planned − actual until typed over.
    await expect.poll(() => page.getByTestId('report-shortage').inputValue()).toBe('60');
    await page.getByTestId('report-expectedHires').fill('45');
    await page.getByRole('checkbox', { name: '订单增长' }).check();
    await page.getByTestId('report-reasonText').fill('新增海外订单，普工缺口较大');
    await expect.poll(() => page.getByTestId('reconciliation-preview').innerText()).toContain(`相差 7`);
    await page.getByTestId('report-submit').click();

    const figures = page.getByTestId('reconciliation-figures');
    await figures.waitFor();
    const text = await figures.innerText();
    expect(text).toContain(`上月实有 ${previousActual}`);
    expect(text).toContain(`相差 7`);
    await screenshot(page, 'monitoring-report-2-confirm');
    await page.getByTestId('reconciliation-confirm').click();

    await page.waitForURL((url) => url.pathname === '/monitoring/reports');
    const table = page.getByTestId('reports-table');
    await expect
      .poll(async () => (await readTableRows(table)).find((row) => row[1] === month)?.join(' ') ?? '')
      .toContain('不一致 +7');
    await page.getByTestId('reporting-status-done').waitFor();
    await screenshot(page, 'monitoring-report-3-listed');
    const filed = await getJson<ReportPage>(
      page,
      `/api/monitoring/reports?enterpriseId=${enterpriseId}&month=${month}`,
    );
    expect(filed.items).toHaveLength(1);
    expect(filed.items[0]?.reconciliation.difference).toBe(7);
  });

  it('an officer opens the late list, grouped by liaison', async () => {
    const page = await browser.newPage();
    await logIn(page, 'officer.wujiang');
    const { month } = await getJson<{ month: string }>(page, '/api/monitoring/months/latest');
    // Last month's late and missing reports; if 吴江 had none, this month's still pending.
    const lastMonth = addMonths(month, -1);
    const late = await getJson<{ items: unknown[] }>(page, `/api/monitoring/late?month=${lastMonth}`);
    const last = late.items.length > 0 ? lastMonth : month;
    await page.goto(`/monitoring/late?month=${last}`);
    const groups = page.getByTestId('late-groups');
    await groups.waitFor();
    expect(await page.getByTestId('late-window').innerText()).toContain(`${last}-20`);
    await expect.poll(() => page.locator('[data-testid^="late-enterprise-"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'monitoring-report-4-late-list');
    await page.locator('[data-testid^="late-enterprise-"]').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/monitoring/enterprises/'));
  });
});
