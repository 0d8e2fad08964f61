import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';

/**
 * The three-colour map (用工监测三色图, issue 6): the 吴江 officer opens the map of the latest month
 * (screenshot, with the schematic-boundary notice on it), clicks 吴江 in the district table, sees its
 * monitored enterprises most severe first, opens a red enterprise with an open 一企一策 case (its
 * monthly history chart), and follows the case link to the case page. The enterprise comes from the
 * demo city, chosen through the API as a red one with a case.
 */

const browser = useBrowser();
const WUJIANG = '320509';

async function getJson<T>(page: Page, url: string): Promise<T> {
  const reply = await page.request.get(url);
  if (!reply.ok()) throw new Error(`GET ${url}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

describe('monitoring map', () => {
  it('drills down from the city map to a red enterprise and on to its 一企一策 case', async () => {
    const page = await browser.newPage();
    await logIn(page, 'officer.wujiang', '/monitoring');
    const { month } = await getJson<{ month: string }>(page, '/api/monitoring/months/latest');
    await expect.poll(() => page.getByTestId('monitoring-month').innerText()).toBe(month);
    const district = page.getByTestId(`district-${WUJIANG}`);
    await district.waitFor();
    await page.getByTestId('monitoring-map-chart').locator('canvas').first().waitFor();
    expect(await page.getByTestId('boundary-notice').innerText()).toContain('示意边界，非测绘成果');
    // The charts draw without animation (charts/monitoring-options.ts): once every query has
    // answered, the map and the trend lines are complete on their canvases.
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'monitoring-map');

    const red = await getJson<{ items: { enterpriseId: string; name: string }[] }>(
      page,
      `/api/monitoring/map?level=enterprise&month=${month}&districtCode=${WUJIANG}&colour=red`,
    );
    let target: { enterpriseId: string; name: string; caseId: string } | null = null;
    for (const item of red.items) {
      const cases = await getJson<{ items: { id: string; status: string }[] }>(
        page,
        `/api/cases?enterpriseId=${item.enterpriseId}`,
      );
      const open = cases.items[0];
      if (open) {
        target = { ...item, caseId: open.id };
        break;
      }
    }
    expect(target, 'the demo has a red 吴江 enterprise with a case').not.toBeNull();
    if (!target) return;

    await district.click();
    const link = page.getByTestId(`enterprise-${target.enterpriseId}`);
    await link.waitFor();
    await screenshot(page, 'monitoring-district');
    await link.click();
    await page.waitForURL((url) => url.pathname === `/monitoring/enterprises/${target.enterpriseId}`);
    await expect.poll(() => page.getByTestId('enterprise-colour').innerText()).toContain('红');
    const caseLink = page.getByTestId(`case-${target.caseId}`);
    await caseLink.waitFor();
    await screenshot(page, 'monitoring-enterprise');
    await caseLink.click();
    await page.waitForURL((url) => url.pathname === `/cases/${target.caseId}`);
    await expect.poll(() => page.locator('main').innerText()).toContain(target.name);
    await screenshot(page, 'monitoring-case');
  });
});
