import crypto from 'node:crypto';
import { createRandom, generateIdNumber } from '@yonggong/engine';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/login.ts';

/**
 * The agency marketplace (issue 7), one story told in order: `enterprise.1` publishes an order to
 * agencies with two places; `agency.1` and `agency.2`, each in its own browser, claim both places
 * at the same instant and never hold more than two together (the loser is told how many remain);
 * the winner submits a candidate; the enterprise hires them; both sides rate each other. Later
 * chapters use what earlier ones created (kept in `story`); nothing relies on another file.
 */

const browser = useBrowser();
const seed = crypto.randomInt(1, 2 ** 31);
const tag = `E2E${seed % 100_000}`;

interface ClaimFacts {
  readonly id: string;
  readonly places: number;
  readonly status: string;
  readonly agency: { readonly id: string; readonly name: string };
}

const story = {
  orderId: '',
  winner: null as null | { username: 'agency.1' | 'agency.2'; claimId: string },
  candidate: {
    name: `周候选${tag}`,
    idNumber: generateIdNumber(createRandom(seed), '530602', '1995-06-18', 'male'),
    phone: `138${String(seed % 100_000_000).padStart(8, '0')}`,
  },
  applicationId: '',
};

/** Calls the API with `page`'s session (and its CSRF token for writes). */
async function api<T>(page: Page, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const me = await page.request.get('/api/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const reply =
    method === 'GET'
      ? await page.request.get(url)
      : await page.request.post(url, { data: body ?? {}, headers: { 'x-csrf-token': csrfToken } });
  if (!reply.ok()) throw new Error(`${method} ${url}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** Types into an antd InputNumber found by its test id (on the input itself or its wrapper). */
async function fillNumber(page: Page, testId: string, value: string): Promise<void> {
  const target = page.getByTestId(testId);
  const isInput = (await target.evaluate((element) => element.tagName)) === 'INPUT';
  await (isInput ? target : target.locator('input')).fill(value);
}

function requireOrder(): string {
  if (!story.orderId) throw new Error('the order of "publishing" was not created; see that failure');
  return story.orderId;
}

describe('agency marketplace', () => {
  it('enterprise.1 publishes a fresh order to agencies with two places', async () => {
    const page = await browser.newPage();
    await logIn(page, 'enterprise.1', '/job-orders');
    const existing = await api<{ items: { enterprise: { id: string } }[] }>(
      page,
      'GET',
      '/api/job-orders?pageSize=1',
    );
    const enterpriseId = existing.items[0]?.enterprise.id ?? '';
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const order = await api<{ id: string }>(page, 'POST', '/api/job-orders', {
      enterpriseId,
      title: `普工（机构抢单）${tag}`,
      occupationCode: '6-25-04-01',
      headcount: 6,
      wageMin: 5500,
      wageMax: 7200,
      districtCode: '320509',
      deadline,
      urgency: 'critical',
      visibility: ['public', 'agencies'],
    });
    story.orderId = order.id;
    await page.goto(`/job-orders/${order.id}`);
    await page.getByTestId('job-order-marketplace').click();
    await page.waitForURL((url) => url.pathname === `/marketplace/orders/${order.id}`);
    await fillNumber(page, 'listing-places', '2');
    await page.getByTestId('listing-publish').click();
    await expect.poll(() => page.getByTestId('listing-remaining').innerText()).toContain('2');
    await screenshot(page, 'marketplace-01-published');
  });

  it('agency.1 and agency.2 claim the last two places at once and never hold more than two together', async () => {
    const orderId = requireOrder();
    const first = await browser.newPage();
    const second = await browser.newPage();
    await logIn(first, 'agency.1', '/marketplace/hall');
    await logIn(second, 'agency.2', '/marketplace/hall');
    for (const page of [first, second]) {
      await page.getByTestId(`claim-${orderId}`).waitFor();
      await fillNumber(page, `claim-places-${orderId}`, '2');
    }
    await screenshot(first, 'marketplace-02-hall');
    await Promise.all([
      first.getByTestId(`claim-${orderId}`).click(),
      second.getByTestId(`claim-${orderId}`).click(),
    ]);
    // The winner lands on its claim; the loser is told at once (a toast lasts seconds, so it is
    // read before anything else) how many places remain.
    const landed = (page: typeof first) =>
      page
        .waitForURL((url) => url.pathname.startsWith('/marketplace/claims/'), { timeout: 20_000 })
        .then(() => page);
    const winnerPage = await Promise.any([landed(first), landed(second)]);
    const loserPage = winnerPage === first ? second : first;
    await expect.poll(() => loserPage.locator('.ant-message').innerText()).toContain('名额不足');
    await screenshot(loserPage, 'marketplace-03-loser', { fullPage: false });

    const enterprise = await browser.newPage();
    await logIn(enterprise, 'enterprise.1', `/marketplace/orders/${orderId}`);
    const active = async () =>
      (
        await api<{ claims: ClaimFacts[] }>(enterprise, 'GET', `/api/job-orders/${orderId}/claims`)
      ).claims.filter((claim) => claim.status === 'active');
    await expect.poll(async () => (await active()).length).toBe(1);
    const claims = await active();
    expect(claims.reduce((sum, claim) => sum + claim.places, 0)).toBe(2);
    const won = claims[0];
    if (!won) throw new Error('no claim won');
    expect(new URL(winnerPage.url()).pathname).toBe(`/marketplace/claims/${won.id}`);
    story.winner = { username: winnerPage === first ? 'agency.1' : 'agency.2', claimId: won.id };
  });

  it('the winner submits a candidate, who appears in the enterprise’s pipeline', async () => {
    const winner = story.winner;
    if (!winner) throw new Error('no claim was won; see the previous failure');
    const page = await browser.newPage();
    await logIn(page, winner.username, `/marketplace/claims/${winner.claimId}`);
    await page.getByTestId('claim-submit').click();
    await page.getByTestId('submission-name').fill(story.candidate.name);
    await page.getByTestId('submission-id-number').fill(story.candidate.idNumber);
    await page.getByTestId('submission-phone').fill(story.candidate.phone);
    await page.getByTestId('submission-submit').click();
    await expect
      .poll(() => page.getByTestId(`submission-status-${story.candidate.name}`).innerText())
      .toBe('已推介');
    await screenshot(page, 'marketplace-04-submitted');
    const enterprise = await browser.newPage();
    await logIn(enterprise, 'enterprise.1', '/job-orders');
    const pipeline = await api<{ items: { id: string; channel: string; worker: { name: string } }[] }>(
      enterprise,
      'GET',
      `/api/applications?jobOrderId=${requireOrder()}`,
    );
    const application = pipeline.items.find((item) => item.worker.name === story.candidate.name);
    expect(application?.channel).toBe('agency');
    story.applicationId = application?.id ?? '';
  });

  it('enterprise.1 hires the candidate and the agency sees the hire', async () => {
    const winner = story.winner;
    if (!winner || !story.applicationId) throw new Error('nothing submitted; see the previous failure');
    const enterprise = await browser.newPage();
    await logIn(enterprise, 'enterprise.1', '/job-orders');
    for (const to of ['interview', 'offered', 'hired']) {
      const current = await api<{ version: number }>(
        enterprise,
        'GET',
        `/api/applications/${story.applicationId}`,
      );
      await api(enterprise, 'POST', `/api/applications/${story.applicationId}/move`, {
        to,
        reason: '',
        version: current.version,
      });
    }
    const agency = await browser.newPage();
    await logIn(agency, winner.username, `/marketplace/claims/${winner.claimId}`);
    await expect
      .poll(() => agency.getByTestId(`submission-status-${story.candidate.name}`).innerText())
      .toBe('已到岗');
  });

  it('both sides rate each other, once', async () => {
    const winner = story.winner;
    if (!winner) throw new Error('no hire; see the previous failure');
    const enterprise = await browser.newPage();
    await logIn(enterprise, 'enterprise.1', `/marketplace/orders/${requireOrder()}`);
    await enterprise.getByTestId(`review-claim-${winner.claimId}`).click();
    await enterprise.getByTestId('review-comment').fill('到岗及时，人员稳定');
    await enterprise.getByTestId('review-submit').click();
    await expect.poll(() => enterprise.getByTestId(`review-claim-${winner.claimId}`).count()).toBe(0);
    await screenshot(enterprise, 'marketplace-05-enterprise-reviewed');

    const agency = await browser.newPage();
    await logIn(agency, winner.username, `/marketplace/claims/${winner.claimId}`);
    await agency.getByTestId('claim-review').click();
    await agency.getByTestId('review-comment').fill('岗位信息真实，工资按约');
    await agency.getByTestId('review-submit').click();
    await expect.poll(() => agency.getByTestId('claim-review').count()).toBe(0);
    const claim = await api<{ reviews: { byEnterprise: boolean; byAgency: boolean } }>(
      enterprise,
      'GET',
      `/api/claims/${winner.claimId}`,
    );
    expect(claim.reviews).toEqual({ byEnterprise: true, byAgency: true });
    await screenshot(agency, 'marketplace-06-agency-reviewed');
  });
});
