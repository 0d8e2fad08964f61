import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';

/**
 * Recommendations (推介, issue 5), one story in order: the 吴江 officer opens a worker the matching
 * engine has open orders for, reads why the first one is recommended (the reasons sentence with its
 * points), 推介s the worker to it from the list, and finds the worker on that order's pipeline board
 * in the first column (推介/报名, status 已推介). Then the officer opens 智能推荐, recomputes the
 * batch and watches it finish with its capacity figures. The worker and order come from the demo
 * city; the story picks, through the API, a pair not yet in a pipeline.
 */

const browser = useBrowser();

/** The parts of `GET /api/recommendations?workerId=` this story reads. */
interface OrderRow {
  readonly rank: number;
  readonly reasons: string;
  readonly applicationStatus: string | null;
  readonly jobOrder: { readonly id: string; readonly title: string; readonly enterpriseName: string };
}
interface WorkerFacts {
  readonly id: string;
  readonly name: string;
}
interface ApplicationFacts {
  readonly id: string;
  readonly status: string;
  readonly jobOrder: { readonly id: string };
}
interface RunFacts {
  readonly run: { readonly id: string; readonly status: string; readonly failure: string | null } | null;
}

/** How many demo workers are tried before giving up on finding one with a free recommendation. */
const WORKERS_TRIED = 40;

const story = {
  worker: null as WorkerFacts | null,
  order: null as OrderRow | null,
};

function requireRecommended(): { worker: WorkerFacts; order: OrderRow } {
  const { worker, order } = story;
  if (!worker || !order)
    throw new Error('the 推介 of "recommending from the worker’s list" was not made; see that failure');
  return { worker, order };
}

/** A JSON reply of the API with the cookies of `page`'s signed-in user. */
async function getJson<T>(page: Page, url: string): Promise<T> {
  const reply = await page.request.get(url);
  if (!reply.ok()) throw new Error(`GET ${url}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** The antd message (toast) that says `text`. */
function toast(page: Page, text: string) {
  return page.locator('.ant-message-notice').getByText(text, { exact: true });
}

/** A PNG of one element (a card) as `test-results/e2e/<name>.png`. */
async function screenshotOf(locator: Locator, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await locator.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** The first available worker of the officer's whose list has an order they are not yet 推介ed to. */
async function findWorkerWithFreeRecommendation(
  page: Page,
): Promise<{ worker: WorkerFacts; order: OrderRow }> {
  const workers = await getJson<{ items: WorkerFacts[] }>(
    page,
    `/api/workers?status=available&pageSize=${WORKERS_TRIED}`,
  );
  for (const worker of workers.items) {
    const reply = await getJson<{ orders: OrderRow[] }>(
      page,
      `/api/recommendations?workerId=${worker.id}&k=20`,
    );
    const order = reply.orders.find((row) => row.applicationStatus === null);
    if (order) return { worker, order };
  }
  throw new Error(`none of the first ${workers.items.length} available workers has an order left to 推介 to`);
}

describe('recommendations', () => {
  describe('recommending from the worker’s list', () => {
    it('shows why an order is recommended, 推介s the worker to it, and marks the row as in the pipeline', async () => {
      const page = await browser.newPage();
      await logIn(page, 'officer.wujiang', '/workers');
      const { worker, order } = await findWorkerWithFreeRecommendation(page);
      const orderId = order.jobOrder.id;

      await page.goto(`/workers/${worker.id}`);
      await expect.poll(() => page.getByTestId('worker-name').innerText()).toBe(worker.name);
      const card = page.getByTestId('worker-recommendations');
      const reasons = card.getByTestId(`recommended-order-reasons-${orderId}`);
      await reasons.waitFor();
      const reasonsText = await reasons.innerText();
      expect(reasonsText, 'the reasons are the server’s sentence').toBe(order.reasons);
      expect(reasonsText, 'each reason carries its points').toContain('+');
      expect(await card.getByTestId(`recommended-order-${orderId}`).innerText()).toBe(order.jobOrder.title);

      // The score's breakdown, term by term; the same button closes it.
      const details = card.getByTestId(`recommended-order-details-${orderId}`);
      await details.click();
      const breakdown = page.locator('.ant-popover:visible');
      await breakdown.waitFor();
      expect(await breakdown.innerText()).toMatch(/[+−]\d+/);
      await details.click();
      await breakdown.waitFor({ state: 'hidden' });

      const button = card.getByTestId(`recommended-order-recommend-${orderId}`);
      expect(await button.isEnabled()).toBe(true);
      await button.click();
      await toast(page, `已推介：${order.jobOrder.enterpriseName}「${order.jobOrder.title}」`).waitFor();

      // The list is refetched: the row now says it is in the pipeline, and 推介 is no longer offered.
      const status = card.getByTestId(`recommended-order-status-${orderId}`);
      await status.waitFor();
      expect(await status.innerText()).toBe('已在流程：已推介');
      await expect.poll(() => button.isDisabled(), { message: 'no second 推介 of the same pair' }).toBe(true);

      // The toast would cover the card's header in the picture.
      await toast(page, `已推介：${order.jobOrder.enterpriseName}「${order.jobOrder.title}」`).waitFor({
        state: 'hidden',
      });
      await card.scrollIntoViewIfNeeded();
      await screenshotOf(card, '14-recommendations-worker-card');
      story.worker = worker;
      story.order = order;
    });
  });

  describe('the order’s pipeline after the 推介', () => {
    it('shows the worker on the order’s board in the first column, as 已推介', async () => {
      const { worker, order } = requireRecommended();
      const page = await browser.newPage();
      await logIn(page, 'officer.wujiang', `/workers/${worker.id}`);
      // Through the order's link on the worker's list, as a person goes there.
      const link = page.getByTestId(`recommended-order-${order.jobOrder.id}`);
      await link.click();
      await page.waitForURL((url) => url.pathname === `/job-orders/${order.jobOrder.id}`);
      await expect.poll(() => page.getByTestId('job-order-title').innerText()).toBe(order.jobOrder.title);

      const applications = await getJson<{ items: ApplicationFacts[] }>(
        page,
        `/api/applications?workerId=${worker.id}`,
      );
      const application = applications.items.find((item) => item.jobOrder.id === order.jobOrder.id);
      expect(application?.status, 'the 推介 made a recommended application').toBe('recommended');

      const column = page.getByTestId('pipeline-column-new');
      expect(await column.getAttribute('aria-label')).toBe('推介/报名');
      const pipelineCard = column.getByTestId(`pipeline-card-${application?.id ?? ''}`);
      await pipelineCard.waitFor();
      expect(await pipelineCard.innerText()).toContain(worker.name);
      await column.scrollIntoViewIfNeeded();
      await screenshotOf(column, '15-recommendations-order-pipeline-column');
      // The order's own list of recommended workers, below the board.
      const orderCard = page.getByTestId('order-recommendations');
      await orderCard.locator('[data-testid^="recommended-worker-reasons-"]').first().waitFor();
      await orderCard.scrollIntoViewIfNeeded();
      await screenshotOf(orderCard, '16-recommendations-order-card');
    });
  });

  describe('the batch', () => {
    it('explains the batch, recomputes it on request and shows the run finished with its figures', async () => {
      const page = await browser.newPage();
      await logIn(page, 'officer.wujiang');
      await page.getByRole('menuitem', { name: '智能推荐' }).click();
      await page.waitForURL((url) => url.pathname === '/recommendations');
      expect(await page.getByTestId('match-run-intro').innerText()).toContain('前 20 名');

      // The server starts a batch on its own when it has none: let that one finish first.
      const start = page.getByTestId('match-run-start');
      await expect
        .poll(() => start.isEnabled(), { message: 'no batch is running', timeout: 90_000 })
        .toBe(true);
      const before = await getJson<RunFacts>(page, '/api/recommendations/runs/latest');

      await start.click();
      await toast(page, '已开始重新计算').waitFor();
      /** The new run once it has ended (done or failed), else null. */
      const readEndedRun = async () => {
        const { run } = await getJson<RunFacts>(page, '/api/recommendations/runs/latest');
        return run && run.id !== before.run?.id && run.status !== 'running' ? run : null;
      };
      await expect
        .poll(readEndedRun, { message: 'the new run ends', timeout: 90_000, interval: 1000 })
        .not.toBeNull();
      const ended = await readEndedRun();
      expect(ended?.status, `the run failed: ${ended?.failure ?? ''}`).toBe('done');
      // The page polls while the run goes: it shows the end without a reload.
      await expect
        .poll(() => page.getByTestId('match-run-status').innerText(), { timeout: 10_000 })
        .toBe('已完成');
      const progress = page.getByRole('progressbar');
      expect(await progress.getAttribute('aria-valuenow'), 'the progress bar is full').toBe('100');
      // The capacity re-ranking's figures, before and after.
      await page.getByTestId('match-run-comparisons').waitFor();
      expect(await page.getByTestId('match-run-metrics').innerText()).toContain('重排后');
      await screenshot(page, '17-recommendations-batch');
    });
  });
});
