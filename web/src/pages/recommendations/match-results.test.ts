import { describe, expect, it } from 'vitest';
import { JOB_ORDER_ID, OTHER_WORKER_ID, WORKER_ID } from '../../test/fixtures.ts';
import {
  buildOrderRecommendation,
  buildOrderReply,
  buildWorkerReply,
  OTHER_ORDER_ID,
  THIRD_ORDER_ID,
} from '../../test/recommendation-fixtures.ts';
import {
  BULK_RECOMMEND_LIMIT,
  buildBulkRecommendBody,
  buildMetricRows,
  formatMetricValue,
  isRecommendable,
  listFailedIds,
  pairOf,
  readBulkOutcomes,
  readRowId,
  readRunPercent,
  rowIdOfPair,
} from './match-results.ts';

const forWorker = { workerId: WORKER_ID };
const forOrder = { jobOrderId: JOB_ORDER_ID };

describe('recommendation rows', () => {
  it('names a row by the other side of the pair and turns it into the pair and back', () => {
    const [order] = buildWorkerReply().orders;
    const [worker] = buildOrderReply().workers;
    expect(order && readRowId(order)).toBe(JOB_ORDER_ID);
    expect(worker && readRowId(worker)).toBe(WORKER_ID);
    expect(pairOf(forWorker, OTHER_ORDER_ID)).toEqual({ workerId: WORKER_ID, jobOrderId: OTHER_ORDER_ID });
    expect(pairOf(forOrder, OTHER_WORKER_ID)).toEqual({
      workerId: OTHER_WORKER_ID,
      jobOrderId: JOB_ORDER_ID,
    });
    expect(rowIdOfPair(forWorker, pairOf(forWorker, OTHER_ORDER_ID))).toBe(OTHER_ORDER_ID);
    expect(rowIdOfPair(forOrder, pairOf(forOrder, OTHER_WORKER_ID))).toBe(OTHER_WORKER_ID);
  });

  it('offers 推介 only while the two have no open application', () => {
    expect(isRecommendable({ applicationStatus: null })).toBe(true);
    expect(isRecommendable({ applicationStatus: 'recommended' })).toBe(false);
    expect(isRecommendable({ applicationStatus: 'interview' })).toBe(false);
  });
});

describe('the bulk 推介 request', () => {
  const rows = buildWorkerReply().orders;

  it('sends the selected rows in rank order, each pair once, with the note trimmed', () => {
    const shuffled = [...rows].reverse();
    const body = buildBulkRecommendBody(
      forWorker,
      shuffled,
      new Set([THIRD_ORDER_ID, JOB_ORDER_ID]),
      ' 有焊工证 ',
    );
    expect(body).toEqual({
      items: [
        { workerId: WORKER_ID, jobOrderId: JOB_ORDER_ID },
        { workerId: WORKER_ID, jobOrderId: THIRD_ORDER_ID },
      ],
      note: '有焊工证',
    });
  });

  it('leaves out rows already in the pipeline and ids no longer listed', () => {
    const body = buildBulkRecommendBody(forWorker, rows, new Set([OTHER_ORDER_ID, JOB_ORDER_ID, 'gone']));
    expect(body?.items).toEqual([{ workerId: WORKER_ID, jobOrderId: JOB_ORDER_ID }]);
  });

  it('is null when nothing is left to send', () => {
    expect(buildBulkRecommendBody(forWorker, rows, new Set())).toBeNull();
    expect(buildBulkRecommendBody(forWorker, rows, new Set([OTHER_ORDER_ID]))).toBeNull();
  });

  it('pairs an order’s selected workers with that order', () => {
    const workers = buildOrderReply().workers;
    const body = buildBulkRecommendBody(forOrder, workers, new Set([WORKER_ID, OTHER_WORKER_ID]));
    // The second worker is already in the order's pipeline.
    expect(body?.items).toEqual([{ workerId: WORKER_ID, jobOrderId: JOB_ORDER_ID }]);
  });

  it('never sends more pairs than one request takes', () => {
    const many = Array.from({ length: BULK_RECOMMEND_LIMIT + 5 }, (_, index) =>
      buildOrderRecommendation({
        rank: index + 1,
        jobOrder: { id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` },
      }),
    );
    const body = buildBulkRecommendBody(forWorker, many, new Set(many.map(readRowId)));
    expect(body?.items.map((pair) => pair.jobOrderId)).toEqual(
      many.slice(0, BULK_RECOMMEND_LIMIT).map(readRowId),
    );
  });
});

describe('bulk 推介 results', () => {
  const reply = {
    created: 1,
    results: [
      {
        workerId: WORKER_ID,
        jobOrderId: JOB_ORDER_ID,
        ok: true,
        applicationId: JOB_ORDER_ID,
        code: null,
        message: null,
      },
      {
        workerId: WORKER_ID,
        jobOrderId: THIRD_ORDER_ID,
        ok: false,
        applicationId: null,
        code: 'application.duplicate',
        message: '该劳动者已在此岗位的招聘流程中',
      },
      {
        workerId: WORKER_ID,
        jobOrderId: OTHER_ORDER_ID,
        ok: false,
        applicationId: null,
        code: 'order_full',
        message: null,
      },
    ],
  };
  const names = new Map([
    [JOB_ORDER_ID, '吴江精工「电子装配工」'],
    [THIRD_ORDER_ID, '吴江精工「仓库管理员」'],
  ]);

  it('names each pair by its row and keeps the server’s reason, or its code when it sent none', () => {
    expect(readBulkOutcomes(forWorker, reply, (id) => names.get(id))).toEqual([
      { id: JOB_ORDER_ID, name: '吴江精工「电子装配工」', isOk: true, message: null },
      {
        id: THIRD_ORDER_ID,
        name: '吴江精工「仓库管理员」',
        isOk: false,
        message: '该劳动者已在此岗位的招聘流程中',
      },
      { id: OTHER_ORDER_ID, name: OTHER_ORDER_ID, isOk: false, message: 'order_full' },
    ]);
  });

  it('keeps the refused rows selected', () => {
    const outcomes = readBulkOutcomes(forWorker, reply, (id) => names.get(id));
    expect([...listFailedIds(outcomes)]).toEqual([THIRD_ORDER_ID, OTHER_ORDER_ID]);
  });

  it('reads the worker side of an order’s results', () => {
    const orderReply = {
      created: 1,
      results: [
        {
          workerId: OTHER_WORKER_ID,
          jobOrderId: JOB_ORDER_ID,
          ok: true,
          applicationId: null,
          code: null,
          message: null,
        },
      ],
    };
    expect(readBulkOutcomes(forOrder, orderReply, () => '王芳')).toEqual([
      { id: OTHER_WORKER_ID, name: '王芳', isOk: true, message: null },
    ]);
  });
});

describe('batch run metrics', () => {
  it('pairs before/after figures however the batch nests or names them, and keeps the rest as figures', () => {
    const rows = buildMetricRows({
      overExposedOrders: { before: 42, after: 3 },
      top1ShareBefore: 0.318,
      top1ShareAfter: 0.121,
      capacity: { before: { ordersShown: 500 }, after: { ordersShown: 640 } },
      gini_before: 0.6,
      gini_after: 0.4,
      afterGiniTop: 1,
      perPlace: 20,
      thereafter: 'x',
      k: 20,
    });
    expect(rows.comparisons).toEqual([
      { key: 'overExposedOrders', before: 42, after: 3 },
      { key: 'top1Share', before: 0.318, after: 0.121 },
      { key: 'capacity.ordersShown', before: 500, after: 640 },
      { key: 'gini', before: 0.6, after: 0.4 },
      { key: 'giniTop', before: undefined, after: 1 },
    ]);
    expect(rows.figures).toEqual([
      { key: 'perPlace', value: 20 },
      { key: 'thereafter', value: 'x' },
      { key: 'k', value: 20 },
    ]);
  });

  it('joins nested keys with dots and shows lists and deep objects as JSON', () => {
    const rows = buildMetricRows({
      timing: { loadMs: 120, rank: { ms: 30, chunks: { a: 1 } } },
      sample: [1, 2],
      note: null,
    });
    expect(rows.figures).toEqual([
      { key: 'timing.loadMs', value: 120 },
      { key: 'timing.rank.ms', value: 30 },
      { key: 'timing.rank.chunks', value: '{"a":1}' },
      { key: 'sample', value: '[1,2]' },
      { key: 'note', value: null },
    ]);
    expect(rows.comparisons).toEqual([]);
  });

  it('formats values for the reader', () => {
    const words = { yes: '是', no: '否', empty: '—' };
    expect(formatMetricValue(260460, 'zh-CN', words)).toBe('260,460');
    expect(formatMetricValue(0.31849, 'en', words)).toBe('0.318');
    expect(formatMetricValue(true, 'zh-CN', words)).toBe('是');
    expect(formatMetricValue(null, 'zh-CN', words)).toBe('—');
    expect(formatMetricValue(undefined, 'zh-CN', words)).toBe('—');
    expect(formatMetricValue('ok', 'zh-CN', words)).toBe('ok');
  });

  it('shows a finished run at 100 % and a running one at its progress', () => {
    expect(readRunPercent({ status: 'done', progress: 0.97 })).toBe(100);
    expect(readRunPercent({ status: 'running', progress: 0.426 })).toBe(43);
    expect(readRunPercent({ status: 'failed', progress: 0.5 })).toBe(50);
    expect(readRunPercent({ status: 'running', progress: -1 })).toBe(0);
  });
});
