import type { MatchRun, RecommendationReply } from '@yonggong/shared';
import type { OrderRecommendation, WorkerRecommendation } from '../api/recommendations.ts';
import { ENTERPRISE_ID, JOB_ORDER_ID, OTHER_WORKER_ID, WORKER_ID } from './fixtures.ts';

/** Recommendation replies and batch runs in the shapes the API sends, for pages and helpers. */

export const OTHER_ORDER_ID = '5d4c3b2a-1928-4f7e-8d6c-5b4a3a291827';
export const THIRD_ORDER_ID = '6e5d4c3b-2a39-4a8f-9e7d-6c5b4b3a2938';
export const MATCH_RUN_ID = 'd4000000-0000-4000-8000-000000000001';

export const REASONS_ZH = '工种一致 +40 · 薪资满足期望 +20 · 提供宿舍 +10 · 距离 35 公里 −5';

export function buildOrderRecommendation(
  overrides: Omit<Partial<OrderRecommendation>, 'jobOrder'> & {
    readonly jobOrder?: Partial<OrderRecommendation['jobOrder']>;
  } = {},
): OrderRecommendation {
  const { jobOrder, ...rest } = overrides;
  return {
    rank: 1,
    score: 65,
    overCapacity: false,
    terms: [
      { code: 'occupation_detail', points: 40, params: {}, label: '工种一致 +40' },
      { code: 'wage_meets', points: 20, params: {}, label: '薪资满足期望 +20' },
      { code: 'dormitory', points: 10, params: {}, label: '提供宿舍 +10' },
      { code: 'distance', points: -5, params: { km: 35 }, label: '距离 35 公里 −5' },
    ],
    reasons: REASONS_ZH,
    applicationStatus: null,
    ...rest,
    jobOrder: {
      id: JOB_ORDER_ID,
      title: '电子装配工',
      enterpriseId: ENTERPRISE_ID,
      enterpriseName: '吴江精工电子有限公司',
      keyLevel: 'city',
      occupationCode: '6-25-04-01',
      districtCode: '320509',
      wageMin: 5500,
      wageMax: 7000,
      remaining: 3,
      dormitory: true,
      urgency: 'urgent',
      deadline: '2099-12-31',
      ...jobOrder,
    },
  };
}

export function buildWorkerRecommendation(
  overrides: Omit<Partial<WorkerRecommendation>, 'worker'> & {
    readonly worker?: Partial<WorkerRecommendation['worker']>;
  } = {},
): WorkerRecommendation {
  const { worker, ...rest } = overrides;
  return {
    rank: 1,
    score: 58,
    overCapacity: false,
    terms: [
      { code: 'occupation_small', points: 30, params: {}, label: '工种相近 +30' },
      { code: 'skills', points: 16, params: { count: 2 }, label: '技能证书匹配 2 项 +16' },
      { code: 'channel_tie', points: 12, params: {}, label: '合作渠道输送 +12' },
    ],
    reasons: '工种相近 +30 · 技能证书匹配 2 项 +16 · 合作渠道输送 +12',
    applicationStatus: null,
    ...rest,
    worker: {
      id: WORKER_ID,
      name: '李四',
      age: 28,
      sex: 'male',
      education: 'senior',
      originRegionCode: '530621',
      districtCode: '320509',
      phoneMasked: '139****5678',
      skills: ['焊接', '叉车', '电工', '钳工'],
      expectedWage: 6000,
      ...worker,
    },
  };
}

/** A worker's list: the first order, one already in the pipeline, one over capacity. */
export function buildWorkerReply(): RecommendationReply {
  return {
    subject: 'worker',
    computedAt: '2025-03-05T10:00:00+08:00',
    orders: [
      buildOrderRecommendation(),
      buildOrderRecommendation({
        rank: 2,
        score: 50,
        applicationStatus: 'recommended',
        jobOrder: {
          id: OTHER_ORDER_ID,
          title: '注塑工',
          keyLevel: 'none',
          urgency: 'normal',
          dormitory: false,
        },
      }),
      buildOrderRecommendation({
        rank: 3,
        score: 44,
        overCapacity: true,
        jobOrder: { id: THIRD_ORDER_ID, title: '仓库管理员', keyLevel: 'district', urgency: 'critical' },
      }),
    ],
    workers: [],
  };
}

/** An order's list: two workers, the second already in its pipeline. */
export function buildOrderReply(): RecommendationReply {
  return {
    subject: 'order',
    computedAt: '2025-03-05T10:00:00+08:00',
    orders: [],
    workers: [
      buildWorkerRecommendation(),
      buildWorkerRecommendation({
        rank: 2,
        score: 41,
        applicationStatus: 'interview',
        worker: {
          id: OTHER_WORKER_ID,
          name: '王芳',
          sex: 'female',
          age: 24,
          skills: [],
          originRegionCode: null,
        },
      }),
    ],
  };
}

export function buildMatchRun(overrides: Partial<MatchRun> = {}): MatchRun {
  return {
    id: MATCH_RUN_ID,
    status: 'done',
    progress: 1,
    workers: 12_345,
    orders: 678,
    stored: 260_460,
    metrics: {
      overExposedOrders: { before: 42, after: 3 },
      top1ShareBefore: 0.318,
      top1ShareAfter: 0.121,
      perPlace: 20,
      k: 20,
    },
    failure: null,
    startedAt: '2025-03-05T02:00:00+08:00',
    finishedAt: '2025-03-05T02:03:10+08:00',
    ...overrides,
  };
}
