import crypto from 'node:crypto';
import { ageOn, createRandom, generateIdNumber } from '@yonggong/engine';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { type DemoUser, logIn } from '../support/login.ts';
import { chooseOption, readDescription, signOut } from '../support/ui.ts';

/**
 * A worker from registration to 到岗, one story told in order (issue 3): the 吴江 officer registers
 * a worker (a wrong check digit, then the corrected number and its preview) and recommends them to
 * an open order of the first demo enterprise and to a second order; that enterprise's HR moves the
 * card across the pipeline board (once by drag and drop, then by the card's menu) to 已到岗 and sees
 * the order's filled count rise; the officer finds the hire on the worker's timeline and the other
 * application made obsolete. Later chapters use what earlier ones
 * created (kept in `story`); nothing here relies on another file.
 */

const browser = useBrowser();
/** Makes this run's worker unique (name, ID number, phone). */
const seed = crypto.randomInt(1, 2 ** 31);
const tag = `E2E${seed % 100_000}`;

/** HR of the first demo enterprise (吴江), which has open orders. */
const ENTERPRISE_HR: DemoUser = 'enterprise.1';

const BIRTH_DATE = '1996-03-08';
/** Today where the app's users are (the browser runs in Asia/Shanghai). */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The parts of `GET /api/job-orders` and `GET /api/applications` items this story reads. */
interface OrderFacts {
  readonly id: string;
  readonly title: string;
  readonly remaining: number;
  readonly enterprise: { readonly id: string; readonly name: string };
}
interface ApplicationFacts {
  readonly id: string;
  readonly status: string;
  readonly jobOrder: { readonly id: string };
}

const story = {
  worker: {
    id: '',
    name: `李测试${tag}`,
    idNumber: generateIdNumber(createRandom(seed), '530602', BIRTH_DATE, 'male'),
    phone: `139${String(seed % 100_000_000).padStart(8, '0')}`,
  },
  /** The order the worker is hired into, and the one whose application becomes obsolete. */
  orders: { hiredInto: null as OrderFacts | null, other: null as OrderFacts | null },
  /** Application ids by order. */
  applications: { hiredInto: '', other: '' },
};

function requireWorker(): typeof story.worker {
  if (story.worker.id === '')
    throw new Error('the worker of "registering a worker" was not created; see that failure');
  return story.worker;
}

function requireRecommended(): {
  hiredInto: OrderFacts;
  other: OrderFacts;
  applications: typeof story.applications;
} {
  const { hiredInto, other } = story.orders;
  if (!hiredInto || !other || story.applications.hiredInto === '' || story.applications.other === '')
    throw new Error('the recommendations of "recommending the worker" were not made; see that failure');
  return { hiredInto, other, applications: story.applications };
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

/** `id` with its check character replaced by another one. */
function breakIdCheckDigit(id: string): string {
  const expected = id.charAt(17);
  return id.slice(0, 17) + (expected === '0' ? '1' : '0');
}

/** How the recommend dialog's picker names an open order. */
function optionLabelOf(order: OrderFacts): string {
  return `${order.enterprise.name}「${order.title}」 · 尚缺 ${order.remaining} 人`;
}

/** The order's filled count as its page shows it (招聘进度 “3/35 人”). */
async function readFilled(page: Page): Promise<number> {
  const progress = await readDescription(page.locator('body'), '招聘进度');
  const match = /(\d+)\s*\/\s*(\d+)\s*人/.exec(progress);
  if (!match) throw new Error(`招聘进度 reads "${progress}"`);
  return Number(match[1]);
}

describe('worker pipeline', () => {
  describe('registering a worker', () => {
    it('names the expected check digit, previews what the corrected ID number encodes, and saves', async () => {
      const page = await browser.newPage();
      const { name, idNumber, phone } = story.worker;
      const wrongId = breakIdCheckDigit(idNumber);

      await logIn(page, 'officer.wujiang');
      await page.getByRole('menuitem', { name: '劳动者' }).click();
      await page.getByTestId('worker-new').click();
      await page.waitForURL(/\/workers\/new$/);
      await page.getByTestId('wk-name').fill(name);
      await page.getByTestId('wk-phone').fill(phone);
      await page.getByTestId('wk-idNumber').fill(wrongId);
      await page.getByTestId('wk-submit').click();

      const idHelp = page.locator('#idNumber_help');
      await expect.poll(() => idHelp.innerText()).toContain('校验位');
      expect(await idHelp.innerText(), 'the message names the character it expects').toContain(
        `“${idNumber.charAt(17)}”`,
      );
      expect(await page.getByTestId('wk-id-preview').count(), 'no preview of an invalid number').toBe(0);
      expect(page.url(), 'nothing was saved').toMatch(/\/workers\/new$/);
      await screenshot(page, '09-worker-wrong-id-check-digit');

      await page.getByTestId('wk-idNumber').fill(idNumber);
      const preview = page.getByTestId('wk-id-preview');
      await preview.waitFor();
      // antd fades the message out: it is gone once the animation ends.
      await expect.poll(() => idHelp.count(), { message: 'the check-digit message is gone' }).toBe(0);
      const age = ageOn(BIRTH_DATE, new Date(`${TODAY}T12:00:00`));
      expect(await page.getByTestId('wk-birthDate').innerText()).toContain(BIRTH_DATE);
      expect(await page.getByTestId('wk-sex').innerText()).toContain('男');
      expect(await page.getByTestId('wk-age').innerText()).toMatch(new RegExp(`\\b${age}$`));
      await screenshot(page, '10-worker-id-preview', { fullPage: false });

      await page.getByTestId('wk-submit').click();
      await page.waitForURL(/\/workers\/[0-9a-f-]{36}$/);
      story.worker.id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      await expect.poll(() => page.getByTestId('worker-name').innerText()).toBe(name);
      expect(await page.getByTestId('worker-linked-existing').count(), 'a new worker, not a known one').toBe(
        0,
      );
      expect(await page.locator('body').innerText()).toContain(`男 · ${age} 岁`);
    });
  });

  describe('recommending the worker', () => {
    it('recommends the worker to an open order of the enterprise and to a second one, and shows both on the timeline', async () => {
      const worker = requireWorker();

      const page = await browser.newPage();
      await logIn(page, 'officer.wujiang', `/workers/${worker.id}`);
      await expect.poll(() => page.getByTestId('worker-name').innerText()).toBe(worker.name);
      // The open orders the officer may recommend to, picked by the words of the picker's options.
      const offered = (
        await getJson<{ items: (OrderFacts & { can: { recommend: boolean } })[] }>(
          page,
          '/api/job-orders?status=open&pageSize=200',
        )
      ).items.filter((order) => order.can.recommend && order.remaining > 0);
      const isUnmistakable = (order: OrderFacts) =>
        offered.filter((candidate) => optionLabelOf(candidate) === optionLabelOf(order)).length === 1;

      // The enterprise's HR sees its own orders only; the worker goes to one of them …
      const hr = await browser.newPage();
      await logIn(hr, ENTERPRISE_HR, '/job-orders');
      const own = (await getJson<{ items: OrderFacts[] }>(hr, '/api/job-orders?status=open&pageSize=200'))
        .items;
      await hr.context().close();
      const enterprises = new Set(own.map((order) => order.enterprise.id));
      expect(enterprises.size, 'the orders of one enterprise').toBe(1);
      const [enterpriseId] = enterprises;
      const hiredInto = offered.find(
        (order) => order.enterprise.id === enterpriseId && isUnmistakable(order),
      );
      // … and also to a second order, told apart by its words: another job of the same enterprise when
      // it has one (the demo gives it one to three orders, sometimes with the same title), else any.
      const others = offered.filter(
        (order) =>
          isUnmistakable(order) && (order.enterprise.id !== enterpriseId || order.title !== hiredInto?.title),
      );
      const other = others.find((order) => order.enterprise.id === enterpriseId) ?? others[0];
      if (!hiredInto || !other)
        throw new Error(
          `no two open orders to recommend to (the enterprise's: ${JSON.stringify(own.map(optionLabelOf))})`,
        );
      story.orders = { hiredInto, other };

      const dialog = page.getByRole('dialog', { name: '推介到岗位' });
      for (const order of [hiredInto, other]) {
        await page.getByTestId('worker-recommend').click();
        await dialog.waitFor();
        // The picker asks the server for titles and enterprise names as one types.
        await chooseOption(page, 'recommend-order', optionLabelOf(order), {
          search: order.enterprise.name,
          isServerSearch: true,
        });
        await page.getByTestId('recommend-submit').click();
        await dialog.waitFor({ state: 'hidden' });
        await toast(page, `已推介到 ${order.enterprise.name}「${order.title}」`).waitFor();
      }

      const applications = await getJson<{ items: ApplicationFacts[] }>(
        page,
        `/api/applications?workerId=${worker.id}`,
      );
      const applicationOf = (order: OrderFacts) =>
        applications.items.find((application) => application.jobOrder.id === order.id)?.id ?? '';
      story.applications = { hiredInto: applicationOf(hiredInto), other: applicationOf(other) };
      expect(applications.items.map((application) => application.status)).toEqual([
        'recommended',
        'recommended',
      ]);

      const timeline = page.getByTestId('worker-timeline');
      for (const order of [hiredInto, other]) {
        const step = timeline.getByTestId(`timeline-step-${applicationOf(order)}-recommended`);
        await step.waitFor();
        const text = await step.innerText();
        expect(text).toContain(`${order.enterprise.name}「${order.title}」`);
        expect(text).toContain('已推介');
      }
      await screenshot(page, '11-worker-recommended-twice');

      await signOut(page);
    });
  });

  describe('hiring on the pipeline board', () => {
    it('lets the enterprise’s HR move the card to 已到岗, and the order’s filled count rises by one', async () => {
      const { name } = requireWorker();
      const { hiredInto, applications } = requireRecommended();
      const id = applications.hiredInto;
      const page = await browser.newPage();
      await logIn(page, ENTERPRISE_HR, `/job-orders/${hiredInto.id}`);
      await expect.poll(() => page.getByTestId('job-order-title').innerText()).toBe(hiredInto.title);
      const filledBefore = await readFilled(page);

      const card = page.getByTestId(`pipeline-card-${id}`);
      const column = (key: string) => page.getByTestId(`pipeline-column-${key}`);
      await column('new').getByTestId(`pipeline-card-${id}`).waitFor();
      expect(await card.innerText()).toContain(name);

      // Once by drag and drop (HTML5), as most people do it …
      await card.dragTo(column('screening'));
      await column('screening').getByTestId(`pipeline-card-${id}`).waitFor();

      // … then through the card's menu, which also works from the keyboard.
      for (const to of ['interview', 'offered']) {
        await page.getByTestId(`pipeline-move-${id}`).click();
        await page.getByTestId(`pipeline-move-${id}-${to}`).click();
        await column(to).getByTestId(`pipeline-card-${id}`).waitFor();
      }
      await page.getByTestId(`pipeline-move-${id}`).click();
      await page.getByTestId(`pipeline-move-${id}-hired`).click();
      const hireDialog = page.getByRole('dialog', { name: `移到“已到岗”：${name}` });
      await hireDialog.waitFor();
      const dateInput = hireDialog.locator('input');
      expect(await dateInput.inputValue(), 'the 到岗 date is today unless changed').toBe(TODAY);
      await page.getByTestId('move-dialog-submit').click();
      await hireDialog.waitFor({ state: 'hidden' });

      await column('hired').getByTestId(`pipeline-card-${id}`).waitFor();
      await toast(page, `${name} 已移到“已到岗”`).waitFor();
      expect(await card.innerText()).toContain(`到岗 ${TODAY}`);
      await expect
        .poll(() => readFilled(page), { message: 'the order’s filled count' })
        .toBe(filledBefore + 1);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, '12-pipeline-hired');
    });
  });

  describe('the worker’s timeline after the hire', () => {
    it('shows the officer the hire and the other application made obsolete', async () => {
      const worker = requireWorker();
      const { hiredInto, other, applications } = requireRecommended();
      const page = await browser.newPage();
      await logIn(page, 'officer.wujiang', `/workers/${worker.id}`);
      await expect.poll(() => page.getByTestId('worker-name').innerText()).toBe(worker.name);

      const timeline = page.getByTestId('worker-timeline');
      const hired = timeline.getByTestId(`timeline-step-${applications.hiredInto}-hired`);
      await hired.waitFor();
      const hiredText = await hired.innerText();
      expect(hiredText).toContain(`${hiredInto.enterprise.name}「${hiredInto.title}」`);
      expect(hiredText).toContain('已到岗');
      expect(hiredText).toContain(`到岗日期 ${TODAY}`);

      const obsolete = timeline.getByTestId(`timeline-step-${applications.other}-obsolete`);
      await obsolete.waitFor();
      const obsoleteText = await obsolete.innerText();
      expect(obsoleteText).toContain(`${other.enterprise.name}「${other.title}」`);
      expect(obsoleteText).toContain('已在他处到岗');
      expect(await page.locator('body').innerText(), 'the worker is now employed').toContain('已就业');
      await screenshot(page, '13-worker-timeline-hired-obsolete');
    });
  });
});
