import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

/**
 * The browser side of the journeys: Debian's Chromium driven by playwright-core, one browser per
 * test file and a fresh context (cookies, storage) per page, so two people in one test never share
 * a session.
 */

/** Where screenshots go: the repository's `test-results/e2e/` (git-ignored). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'e2e');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium keeps calling home, which floods a closed network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** The UI language a fresh browser has chosen (see `newPage`). */
const LOCALE_STORAGE_KEY = 'yonggong.locale';

/** Starts Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A page in a fresh context: 1366×900, zh-CN, and the base URL of the server under test, so
 * `page.goto('/enterprises')` works.
 *
 * The page starts in Chinese as a browser on which someone once chose 中文: without a remembered
 * choice the app adopts the language saved on the account, and a journey that switched an account
 * to English and then failed must not turn the next journey's screens English.
 */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  await context.addInitScript((key: string) => {
    if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, 'zh-CN');
  }, LOCALE_STORAGE_KEY);
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[browser] uncaught: ${error.message}\n`));
  return page;
}

/**
 * Saves a PNG as `test-results/e2e/<name>.png` and returns its path: the whole page by default, the
 * viewport with `fullPage: false` (a dialog, whose mask covers the viewport only).
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { readonly fullPage?: boolean } = {},
): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return file;
}

/**
 * Registers the browser for the calling test file: launched before its first test, closed after
 * the last. Pages opened in a test are closed after it; when the test failed, each is first saved
 * as `failed-<test name>-<n>.png`, which is usually all one needs to see why.
 */
export function useBrowser(): { readonly newPage: () => Promise<Page> } {
  let browser: Browser | null = null;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async ({ task }) => {
    const open = contexts;
    contexts = [];
    if (task.result?.state === 'fail') {
      const pages = open.flatMap((context) => context.pages());
      for (const [index, page] of pages.entries()) {
        const name = `failed-${slugOf(task.name)}-${index + 1}`;
        await screenshot(page, name).then(
          (file) => process.stderr.write(`[e2e] the page at the failure: ${file}\n`),
          // The test's own error is the one that matters; a page too broken to capture only gets a note.
          (error: unknown) =>
            process.stderr.write(`[e2e] no screenshot of ${page.url()}: ${String(error)}\n`),
        );
      }
    }
    await Promise.all(open.map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });

  return {
    async newPage() {
      if (!browser) throw new Error('useBrowser(): the browser starts in beforeAll; open pages inside tests');
      const page = await newPage(browser);
      contexts.push(page.context());
      return page;
    },
  };
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
