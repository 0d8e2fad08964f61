import { Permission } from '@yonggong/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationKeys, placementKeys } from '../../api/applications.ts';
import { ApiError } from '../../api/client.ts';
import { jobOrderKeys } from '../../api/job-orders.ts';
import { recommendationKeys } from '../../api/recommendations.ts';
import { regionKeys } from '../../api/regions.ts';
import { workerKeys } from '../../api/workers.ts';
import { AppLayout } from '../../app/layout/AppLayout.tsx';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import {
  buildJobOrder,
  buildMe,
  buildWorker,
  CITY,
  JOB_ORDER_ID,
  OTHER_WORKER_ID,
  WORKER_ID,
} from '../../test/fixtures.ts';
import {
  buildMatchRun,
  buildOrderReply,
  buildWorkerReply,
  OTHER_ORDER_ID,
  REASONS_ZH,
  THIRD_ORDER_ID,
} from '../../test/recommendation-fixtures.ts';
import { renderPageToHtml as renderPage, type QuerySeed as Seed } from '../../test/render-page.tsx';
import { JobOrderDetailPage } from '../job-orders/JobOrderDetailPage.tsx';
import { WorkerDetailPage } from '../workers/WorkerDetailPage.tsx';
import { RecommendationsPage } from './RecommendationsPage.tsx';

/**
 * The recommendation cards of the worker and order pages and the /recommendations page, rendered
 * to HTML in Node with their data already in the query cache (as pages.render.test.tsx does): a
 * crash, a missing test id or an untranslated string shows up here without a browser.
 */

function listTestIds(html: string): string[] {
  return [...html.matchAll(/data-testid="([^"]+)"/g)].map((match) => match[1] ?? '');
}

/** Test ids on disabled buttons. */
function listDisabledButtons(html: string): string[] {
  return [...html.matchAll(/<button\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => /\sdisabled=""/.test(tag))
    .flatMap((tag) => listTestIds(tag));
}

const PROVINCES = [
  { code: '530000', name: '云南省', level: 'province' as const, parentCode: null, hasChildren: true },
];
const emptyPage = { items: [], page: 1, pageSize: 200, total: 0 };
const workerList = recommendationKeys.list({ workerId: WORKER_ID }, {});
const orderList = recommendationKeys.list({ jobOrderId: JOB_ORDER_ID }, {});

const workerSeed: Seed = [
  [workerKeys.detail(WORKER_ID), buildWorker()],
  [regionKeys.city(), CITY],
  [applicationKeys.list({ workerId: WORKER_ID }), emptyPage],
  [placementKeys.list({ workerId: WORKER_ID }), emptyPage],
  [workerList, buildWorkerReply()],
];
const orderSeed: Seed = [
  [jobOrderKeys.detail(JOB_ORDER_ID), buildJobOrder()],
  [regionKeys.city(), CITY],
  [regionKeys.children(null), PROVINCES],
  [applicationKeys.list({ jobOrderId: JOB_ORDER_ID }), emptyPage],
  [placementKeys.list({ jobOrderId: JOB_ORDER_ID }), emptyPage],
  [orderList, buildOrderReply()],
];

/** A liaison-like reader: may see recommendations, may not 推介 or start a batch. */
const reader = buildMe({
  roles: ['analyst'],
  permissions: [Permission.RegionRead, Permission.WorkerRead, Permission.JobOrderRead, Permission.MatchRead],
});
/** An account without `match.read`. */
const noMatch = buildMe({
  roles: ['analyst'],
  permissions: [
    Permission.RegionRead,
    Permission.WorkerRead,
    Permission.JobOrderRead,
    Permission.ApplicationRead,
  ],
});

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

describe.each([
  [
    'zh-CN',
    {
      orders: '推荐岗位',
      workers: '推荐劳动者',
      recommend: '推介',
      overCapacity: '推荐已饱和',
      inPipeline: '已在流程：已推介',
      interview: '已在流程：面试',
      cityKey: '市级重点',
      dormitory: '提供宿舍',
      emptyOrders: '暂无符合条件的岗位',
      emptyWhy: '硬性条件',
      emptyWorkers: '暂无符合条件的劳动者',
      error: '出错了',
      matching: '智能推荐',
      recompute: '重新计算',
      running: '计算中',
      failed: '本次计算失败',
      none: '还没有进行过批量计算',
      before: '重排前',
      perPlace: '每个空缺的推荐人数上限',
      intro: '前 20 名',
      education: '高中',
    },
  ],
  [
    'en',
    {
      orders: 'Recommended orders',
      workers: 'Recommended workers',
      recommend: 'Recommend',
      overCapacity: 'Over capacity',
      inPipeline: 'In the pipeline: Recommended',
      interview: 'In the pipeline: Interview',
      cityKey: 'City key',
      dormitory: 'Dormitory',
      emptyOrders: 'No suitable orders',
      emptyWhy: 'hard requirements',
      emptyWorkers: 'No suitable workers',
      error: 'Something went wrong',
      matching: 'Matching',
      recompute: 'Recompute',
      running: 'Running',
      failed: 'This run failed',
      none: 'No batch has run yet',
      before: 'Before',
      perPlace: 'Recommendations per place (cap)',
      intro: '20 best matches',
      education: 'Senior secondary',
    },
  ],
] as const)('recommendations in %s', (language, text) => {
  beforeAll(async () => {
    await i18next.changeLanguage(language);
  });

  it('lists a worker’s recommended orders with reasons, tags, details and 推介 per row and in bulk', () => {
    const html = renderPage(
      `/workers/${WORKER_ID}`,
      '/workers/:id',
      <WorkerDetailPage />,
      buildMe(),
      workerSeed,
    );
    const ids = listTestIds(html);
    expect(ids).toEqual(
      expect.arrayContaining([
        'worker-recommendations',
        'worker-recommendations-occupation',
        'worker-recommendations-key',
        'worker-recommendations-district',
        ...[JOB_ORDER_ID, OTHER_ORDER_ID, THIRD_ORDER_ID].flatMap((id) => [
          `recommended-order-${id}`,
          `recommended-order-reasons-${id}`,
          `recommended-order-details-${id}`,
          `recommended-order-recommend-${id}`,
          `recommended-order-select-${id}`,
        ]),
        `recommended-order-status-${OTHER_ORDER_ID}`,
      ]),
    );
    expect(html).toContain(text.orders);
    expect(html).toContain(REASONS_ZH);
    expect(html).toContain(`href="/job-orders/${JOB_ORDER_ID}"`);
    expect(html).toContain('5,500–7,000');
    expect(html).toContain(text.cityKey);
    expect(html).toContain(text.dormitory);
    expect(html).toContain(text.overCapacity);
    expect(html).toContain(text.inPipeline);
    // Already in that order's pipeline: 推介 is not offered again.
    const disabled = listDisabledButtons(html);
    expect(disabled).toContain(`recommended-order-recommend-${OTHER_ORDER_ID}`);
    expect(disabled).not.toContain(`recommended-order-recommend-${JOB_ORDER_ID}`);
  });

  it('shows a reader without application.create the list but no 推介 or selection', () => {
    const ids = listTestIds(
      renderPage(`/workers/${WORKER_ID}`, '/workers/:id', <WorkerDetailPage />, reader, workerSeed),
    );
    expect(ids).toContain(`recommended-order-reasons-${JOB_ORDER_ID}`);
    expect(ids).not.toContain(`recommended-order-recommend-${JOB_ORDER_ID}`);
    expect(ids).not.toContain(`recommended-order-select-${JOB_ORDER_ID}`);
  });

  it('leaves the card out without match.read', () => {
    const html = renderPage(
      `/workers/${WORKER_ID}`,
      '/workers/:id',
      <WorkerDetailPage />,
      noMatch,
      workerSeed,
    );
    expect(listTestIds(html)).not.toContain('worker-recommendations');
    expect(html).not.toContain(text.orders);
  });

  it('says why a worker has no recommended orders', () => {
    const seed: Seed = [...workerSeed, [workerList, { ...buildWorkerReply(), orders: [] }]];
    const html = renderPage(`/workers/${WORKER_ID}`, '/workers/:id', <WorkerDetailPage />, buildMe(), seed);
    expect(listTestIds(html)).toContain('worker-recommendations-empty');
    expect(html).toContain(text.emptyOrders);
    expect(html).toContain(text.emptyWhy);
  });

  it('shows a failed list as an error with a retry', () => {
    const seed = workerSeed.filter(([key]) => key !== workerList);
    const failure = new ApiError({ status: 500, code: 'internal', detail: '', requestId: 'req-9' });
    const html = renderPage(`/workers/${WORKER_ID}`, '/workers/:id', <WorkerDetailPage />, buildMe(), seed, [
      [workerList, failure],
    ]);
    expect(listTestIds(html)).toContain('worker-recommendations');
    expect(html).toContain(text.error);
    expect(html).toContain('req-9');
  });

  it('lists an open order’s recommended workers with their facts and 推介', () => {
    const html = renderPage(
      `/job-orders/${JOB_ORDER_ID}`,
      '/job-orders/:id',
      <JobOrderDetailPage />,
      buildMe(),
      orderSeed,
    );
    const ids = listTestIds(html);
    expect(ids).toEqual(
      expect.arrayContaining([
        'pipeline-board',
        'order-recommendations',
        'order-recommendations-occupation',
        ...[WORKER_ID, OTHER_WORKER_ID].flatMap((id) => [
          `recommended-worker-${id}`,
          `recommended-worker-reasons-${id}`,
          `recommended-worker-details-${id}`,
          `recommended-worker-recommend-${id}`,
        ]),
        `recommended-worker-status-${OTHER_WORKER_ID}`,
      ]),
    );
    expect(ids).not.toContain('order-recommendations-key');
    expect(html).toContain(text.workers);
    expect(html).toContain(`href="/workers/${WORKER_ID}"`);
    expect(html).toContain('139****5678');
    expect(html).toContain('云南省');
    expect(html).toContain(text.education);
    expect(html).toContain('工种相近 +30 · 技能证书匹配 2 项 +16');
    expect(html).toContain(text.interview);
    expect(html).toContain('+1');
    expect(listDisabledButtons(html)).toContain(`recommended-worker-recommend-${OTHER_WORKER_ID}`);
  });

  it('offers no recommendations on an order that is not open, or without match.read', () => {
    const draftSeed: Seed = [
      ...orderSeed,
      [jobOrderKeys.detail(JOB_ORDER_ID), buildJobOrder({ status: 'draft' })],
    ];
    const draft = renderPage(
      `/job-orders/${JOB_ORDER_ID}`,
      '/job-orders/:id',
      <JobOrderDetailPage />,
      buildMe(),
      draftSeed,
    );
    expect(listTestIds(draft)).not.toContain('order-recommendations');
    const unauthorised = renderPage(
      `/job-orders/${JOB_ORDER_ID}`,
      '/job-orders/:id',
      <JobOrderDetailPage />,
      noMatch,
      orderSeed,
    );
    expect(listTestIds(unauthorised)).not.toContain('order-recommendations');
  });

  it('says why an order has no recommended workers', () => {
    const seed: Seed = [...orderSeed, [orderList, { ...buildOrderReply(), workers: [] }]];
    const html = renderPage(
      `/job-orders/${JOB_ORDER_ID}`,
      '/job-orders/:id',
      <JobOrderDetailPage />,
      buildMe(),
      seed,
    );
    expect(listTestIds(html)).toContain('order-recommendations-empty');
    expect(html).toContain(text.emptyWorkers);
  });

  it('renders the batch page with a running run, its progress and the recompute button', () => {
    const seed: Seed = [
      [
        recommendationKeys.latestRun(),
        { run: buildMatchRun({ status: 'running', progress: 0.42, finishedAt: null, metrics: {} }) },
      ],
    ];
    const html = renderPage('/recommendations', '/recommendations', <RecommendationsPage />, buildMe(), seed);
    const ids = listTestIds(html);
    expect(ids).toEqual(
      expect.arrayContaining([
        'match-run',
        'match-run-status',
        'match-run-progress',
        'match-run-start',
        'match-run-intro',
      ]),
    );
    expect(html).toContain(text.matching);
    expect(html).toContain(text.intro);
    expect(html).toContain(text.running);
    expect(html).toContain('42%');
    expect(html).toContain('12,345');
    // A second run cannot start while one is going.
    expect(listDisabledButtons(html)).toContain('match-run-start');
  });

  it('lays out a finished run’s capacity re-ranking figures as before/after rows', () => {
    const seed: Seed = [[recommendationKeys.latestRun(), { run: buildMatchRun() }]];
    const html = renderPage('/recommendations', '/recommendations', <RecommendationsPage />, reader, seed);
    const ids = listTestIds(html);
    expect(ids).toEqual(
      expect.arrayContaining(['match-run-metrics', 'match-run-comparisons', 'match-run-figures']),
    );
    expect(ids).not.toContain('match-run-start');
    expect(html).toContain(text.before);
    expect(html).toContain('overExposedOrders');
    expect(html).toContain('top1Share');
    expect(html).toContain('0.318');
    expect(html).toContain(text.perPlace);
    expect(html).toContain('260,460');
  });

  it('shows a failed run with its reason, and the page before any run', () => {
    const failedSeed: Seed = [
      [
        recommendationKeys.latestRun(),
        { run: buildMatchRun({ status: 'failed', progress: 0.3, failure: 'out of memory' }) },
      ],
    ];
    const failed = renderPage(
      '/recommendations',
      '/recommendations',
      <RecommendationsPage />,
      buildMe(),
      failedSeed,
    );
    expect(listTestIds(failed)).toContain('match-run-failure');
    expect(failed).toContain(text.failed);
    expect(failed).toContain('out of memory');

    const none = renderPage('/recommendations', '/recommendations', <RecommendationsPage />, buildMe(), [
      [recommendationKeys.latestRun(), { run: null }],
    ]);
    expect(listTestIds(none)).toEqual(expect.arrayContaining(['match-run-none', 'match-run-start']));
    expect(none).toContain(text.none);
  });

  it('offers 智能推荐 in the menu to holders of match.read only', () => {
    expect(renderPage('/', '/', <AppLayout />, reader)).toContain(text.matching);
    expect(renderPage('/', '/', <AppLayout />, noMatch)).not.toContain(text.matching);
  });
});
