import type { Locator, Page } from 'playwright-core';

/**
 * The few Ant Design widgets the journeys read or operate, handled the way a person does: open the
 * select, type to narrow it, click the option that shows the words.
 */

/**
 * Opens the select `testId`, optionally types `search` into it, and clicks the option labelled `label`.
 * With `isServerSearch` the options come from the server as one types: it first waits, as a person
 * does, until every option shown contains `search`, because a click on the list being replaced can
 * be lost.
 */
export async function chooseOption(
  page: Page,
  testId: string,
  label: string,
  options: { readonly search?: string; readonly isServerSearch?: boolean } = {},
): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  if (options.search !== undefined) await select.locator('input').fill(options.search);
  if (options.search !== undefined && options.isServerSearch)
    await page.waitForFunction((search) => {
      const shown = Array.from(
        document.querySelectorAll<HTMLElement>(
          '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
        ),
        (option) => option.innerText,
      );
      return shown.length > 0 && shown.every((text) => text.includes(search));
    }, options.search);
  // The open dropdown is rendered at the end of <body>, not inside the select.
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
    has: page.getByText(label, { exact: true }),
  });
  await option.click();
}

/** The text of each cell of each data row of the antd table `table` (placeholder rows excluded). */
export function readTableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr.ant-table-row')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.innerText.trim())),
    );
}

/** The value shown by the antd `Statistic` titled `title` inside `scope`. */
export async function readStatistic(scope: Locator, title: string): Promise<number> {
  const statistic = scope.locator('.ant-statistic', {
    has: scope.page().locator('.ant-statistic-title').getByText(title, { exact: true }),
  });
  const text = await statistic.locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d.-]/g, ''));
}

/** Types `text` into the antd search box `testId` and presses Enter, as a person searching does. */
export async function search(page: Page, testId: string, text: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  await input.fill(text);
  await input.press('Enter');
}

/** The content of the row labelled `label` of the antd `Descriptions` inside `scope`. */
export function readDescription(scope: Locator, label: string): Promise<string> {
  const whole = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return scope
    .locator('.ant-descriptions-item-label', { hasText: whole })
    .locator('xpath=following-sibling::*[1]')
    .innerText();
}

/** Signs out through the user menu in the header and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}
