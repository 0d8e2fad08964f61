import { z } from 'zod';
import { pageOf, paginationQuery, timestamp } from './common.ts';
import { CHANNELS } from './workers.ts';

/**
 * The pipeline of DESIGN §2. Open states move forward; terminal states end an application.
 * `hired` makes a placement; retention is confirmed at 30 and 90 days.
 */
export const APPLICATION_STATUSES = [
  'recommended',
  'applied',
  'screening',
  'interview',
  'offered',
  'hired',
  'retained_30',
  'retained_90',
  'rejected',
  'withdrawn',
  'no_show',
  'obsolete',
  'expired',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** How people name the states, for messages and the UI. */
export const APPLICATION_STATUS_LABELS: Readonly<
  Record<ApplicationStatus, { readonly 'zh-CN': string; readonly en: string }>
> = {
  recommended: { 'zh-CN': '已推介', en: 'recommended' },
  applied: { 'zh-CN': '已报名', en: 'applied' },
  screening: { 'zh-CN': '筛选中', en: 'screening' },
  interview: { 'zh-CN': '面试', en: 'interview' },
  offered: { 'zh-CN': '已录用待到岗', en: 'offered' },
  hired: { 'zh-CN': '已到岗', en: 'hired' },
  retained_30: { 'zh-CN': '留存满 30 天', en: 'retained 30 days' },
  retained_90: { 'zh-CN': '留存满 90 天', en: 'retained 90 days' },
  rejected: { 'zh-CN': '未通过', en: 'rejected' },
  withdrawn: { 'zh-CN': '已放弃', en: 'withdrawn' },
  no_show: { 'zh-CN': '未报到', en: 'no-show' },
  obsolete: { 'zh-CN': '已失效（已在他处到岗）', en: 'obsolete (hired elsewhere)' },
  expired: { 'zh-CN': '已过期', en: 'expired' },
};

/** States in which an application still competes for the order. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'recommended',
  'applied',
  'screening',
  'interview',
  'offered',
];

/**
 * The legal moves. Anything else is refused with a message naming both states. `obsolete` and
 * `expired` are set by the system (another hire, inactivity), never by a person.
 */
export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  recommended: ['applied', 'screening', 'interview', 'rejected', 'withdrawn'],
  applied: ['screening', 'interview', 'offered', 'rejected', 'withdrawn'],
  screening: ['interview', 'offered', 'rejected', 'withdrawn'],
  interview: ['offered', 'rejected', 'withdrawn', 'no_show'],
  offered: ['hired', 'rejected', 'withdrawn', 'no_show'],
  hired: ['retained_30', 'no_show'],
  retained_30: ['retained_90'],
  retained_90: [],
  rejected: [],
  withdrawn: [],
  no_show: [],
  obsolete: [],
  expired: [],
};

export const applicationCreateBody = z.object({
  workerId: z.uuid(),
  jobOrderId: z.uuid(),
  /** recommended (推介, by an officer) or applied (by the worker or for them). */
  kind: z.enum(['recommended', 'applied']).default('recommended'),
  channel: z.enum(CHANNELS).optional().describe('defaults to the channel of the account creating it'),
  note: z.string().trim().max(300).default(''),
});
export type ApplicationCreateBody = z.infer<typeof applicationCreateBody>;

export const applicationMoveBody = z.object({
  to: z.enum(APPLICATION_STATUSES),
  reason: z.string().trim().max(300).default(''),
  /** The 到岗 date for `hired`; today when omitted. */
  date: z.iso.date().optional(),
  version: z.number().int().min(1),
});
export type ApplicationMoveBody = z.infer<typeof applicationMoveBody>;

export const applicationBulkMoveBody = z.object({
  ids: z.array(z.uuid()).min(1).max(200),
  to: z.enum(APPLICATION_STATUSES),
  reason: z.string().trim().max(300).default(''),
});

export const applicationListQuery = paginationQuery.extend({
  jobOrderId: z.uuid().optional(),
  workerId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  status: z.enum([...APPLICATION_STATUSES, 'open']).optional(),
  channel: z.enum(CHANNELS).optional(),
});

export const applicationEventSchema = z.object({
  from: z.enum(APPLICATION_STATUSES).nullable(),
  to: z.enum(APPLICATION_STATUSES),
  at: timestamp,
  actor: z.string().nullable(),
  reason: z.string(),
});

export const applicationSchema = z.object({
  id: z.uuid(),
  worker: z.object({
    id: z.uuid(),
    name: z.string(),
    age: z.number().int(),
    sex: z.enum(['male', 'female']),
    phoneMasked: z.string(),
  }),
  jobOrder: z.object({ id: z.uuid(), title: z.string(), enterpriseId: z.uuid(), enterpriseName: z.string() }),
  status: z.enum(APPLICATION_STATUSES),
  channel: z.enum(CHANNELS),
  createdBy: z.string().nullable(),
  hiredOn: z.string().nullable(),
  note: z.string(),
  events: z.array(applicationEventSchema),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  can: z.object({ moveTo: z.array(z.enum(APPLICATION_STATUSES)) }),
});
export type Application = z.infer<typeof applicationSchema>;
export const applicationPage = pageOf(applicationSchema);

export const bulkMoveReply = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      status: z.enum(APPLICATION_STATUSES).nullable(),
      message: z.string().nullable(),
    }),
  ),
});

/** `POST /api/placements/:id/retention`: version is the application's (the board holds it). */
export const retentionBody = z.object({
  checkpoint: z.union([z.literal(30), z.literal(90)]),
  retained: z.boolean(),
  version: z.number().int().min(1),
});

export const placementSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  workerId: z.uuid(),
  workerName: z.string(),
  jobOrderId: z.uuid(),
  jobOrderTitle: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  channel: z.enum(CHANNELS),
  hiredOn: z.string(),
  retained30: z.enum(['pending', 'yes', 'no']),
  retained90: z.enum(['pending', 'yes', 'no']),
  createdAt: timestamp,
});
export const placementPage = pageOf(placementSchema);
export const placementListQuery = paginationQuery.extend({
  enterpriseId: z.uuid().optional(),
  jobOrderId: z.uuid().optional(),
  workerId: z.uuid().optional(),
  channel: z.enum(CHANNELS).optional(),
  hiredFrom: z.iso.date().optional(),
  hiredTo: z.iso.date().optional(),
});
