import { z } from 'zod';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { mobilePhoneSchema, occupationCodeSchema } from './fields.ts';
import { JOB_ORDER_STATUSES } from './job-orders.ts';

/**
 * 一企一策 service: cases (one per enterprise problem) with a plan of actions, linked job orders
 * and the headcount resolved; visits and consultations (走访, 电话, 座谈); urgent shortage reports
 * (缺工报告) that link to or create job orders and, above the configured threshold, open a case.
 */
export const CASE_CATEGORIES = ['shortage', 'retention', 'policy', 'training', 'other'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
/** open → in_progress → resolved | cancelled; a closed case may be reopened. */
export const CASE_STATUSES = ['open', 'in_progress', 'resolved', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_ACTION_STATUSES = ['todo', 'done', 'dropped'] as const;
export type CaseActionStatus = (typeof CASE_ACTION_STATUSES)[number];
/** 走访 (on site), 电话 (phone), 座谈 (meeting). */
export const VISIT_KINDS = ['visit', 'phone', 'meeting'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

const isoDate = z.iso.date();
const wage = z.number().int().min(0).max(200_000);
const text = (max: number) => z.string().trim().max(max);

// ── Cases ────────────────────────────────────────────────────────────────────────────────────

export const CASE_SORTS = ['-openedAt', 'openedAt', '-overdue', '-resolved', 'enterprise'] as const;

export const caseListQuery = paginationQuery.extend({
  enterpriseId: z.uuid().optional(),
  status: z
    .enum(['active', 'closed', 'all', ...CASE_STATUSES])
    .default('active')
    .describe("'active' = open or in progress; 'closed' = resolved or cancelled"),
  category: z.enum(CASE_CATEGORIES).optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  owner: z.literal('me').optional().describe('only cases the caller owns'),
  overdue: queryBoolean.optional().describe('only cases with an action past its due date'),
  q: z.string().trim().max(60).optional().describe('title or enterprise name'),
  sort: z.enum(CASE_SORTS).default('-openedAt'),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseListItemSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  title: z.string(),
  category: z.enum(CASE_CATEGORIES),
  status: z.enum(CASE_STATUSES),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  isAutoOpened: z.boolean(),
  openedAt: timestamp,
  openedOn: z.string(),
  closedAt: timestamp.nullable(),
  /** Placements counted for the case (see docs/api.md: hired in the case's window, its orders). */
  headcountResolved: z.number().int(),
  /** How many job orders are linked to the case. */
  linkedOrders: z.number().int(),
  actionsTotal: z.number().int(),
  actionsDone: z.number().int(),
  actionsOverdue: z.number().int(),
  nextDueOn: z.string().nullable(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;
export const casePage = pageOf(caseListItemSchema);

export const caseActionSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  title: z.string(),
  ownerUserId: z.uuid().nullable(),
  ownerText: z.string(),
  /** The account's name, else the named party (e.g. 企业人事部). */
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(CASE_ACTION_STATUSES),
  doneOn: z.string().nullable(),
  note: z.string(),
  isOverdue: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type CaseAction = z.infer<typeof caseActionSchema>;

export const caseJobOrderSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  headcount: z.number().int(),
  filled: z.number().int(),
  status: z.enum(JOB_ORDER_STATUSES),
  deadline: z.string(),
  /** Placements on this order counted for the case. */
  resolved: z.number().int(),
});
export type CaseJobOrder = z.infer<typeof caseJobOrderSchema>;

export const visitSchema = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  kind: z.enum(VISIT_KINDS),
  visitedOn: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtCode: z.string(),
  caseId: z.uuid().nullable(),
  caseTitle: z.string().nullable(),
  participants: z.string(),
  notes: z.string(),
  issues: z.string(),
  liaisonUserId: z.uuid(),
  liaisonName: z.string(),
  /** How many enterprises the same note was written to. */
  groupSize: z.number().int(),
  createdAt: timestamp,
});
export type Visit = z.infer<typeof visitSchema>;

export const caseDetailSchema = caseListItemSchema.extend({
  problem: z.string(),
  statusReason: z.string().nullable(),
  shortageReportId: z.uuid().nullable(),
  actions: z.array(caseActionSchema),
  jobOrders: z.array(caseJobOrderSchema),
  /** The latest visits to the enterprise (those linked to this case and the others). */
  visits: z.array(visitSchema),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), logVisit: z.boolean() }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseActionCreateBody = z.object({
  title: z.string().trim().min(2).max(120),
  ownerUserId: z.uuid().nullable().default(null),
  ownerText: text(60).default('').describe('a named owner that is not an account, e.g. 企业人事部'),
  dueOn: isoDate,
  note: text(500).default(''),
});
export type CaseActionCreateBody = z.infer<typeof caseActionCreateBody>;
export type CaseActionCreateInput = z.input<typeof caseActionCreateBody>;

export const caseActionUpdateBody = z.object({
  title: z.string().trim().min(2).max(120).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  ownerText: text(60).optional(),
  dueOn: isoDate.optional(),
  status: z.enum(CASE_ACTION_STATUSES).optional(),
  doneOn: isoDate.nullable().optional().describe('defaults to today when marking done'),
  note: text(500).optional(),
  version: z.number().int().min(1),
});
export type CaseActionUpdateBody = z.infer<typeof caseActionUpdateBody>;

export const caseCreateBody = z.object({
  enterpriseId: z.uuid(),
  title: z.string().trim().min(2).max(120),
  category: z.enum(CASE_CATEGORIES),
  problem: text(2000).default(''),
  /** null = the enterprise's liaison officer. */
  ownerUserId: z.uuid().nullable().default(null),
  jobOrderIds: z.array(z.uuid()).max(50).default([]),
  actions: z.array(caseActionCreateBody).max(30).default([]),
});
export type CaseCreateBody = z.infer<typeof caseCreateBody>;
export type CaseCreateInput = z.input<typeof caseCreateBody>;

export const caseUpdateBody = z.object({
  title: z.string().trim().min(2).max(120).optional(),
  category: z.enum(CASE_CATEGORIES).optional(),
  problem: text(2000).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  version: z.number().int().min(1),
});
export type CaseUpdateBody = z.infer<typeof caseUpdateBody>;

export const caseStatusBody = z.object({
  status: z.enum(CASE_STATUSES),
  reason: text(200).default(''),
  version: z.number().int().min(1),
});
export type CaseStatusBody = z.infer<typeof caseStatusBody>;

export const caseJobOrderLinkBody = z.object({ jobOrderId: z.uuid() });
export const caseJobOrderParams = z.object({ id: z.uuid(), jobOrderId: z.uuid() });
export const caseActionParams = z.object({ id: z.uuid(), actionId: z.uuid() });

/** `GET /api/case-actions`: actions across cases (the liaison's overdue list). */
export const caseActionListQuery = paginationQuery.extend({
  owner: z.literal('me').optional().describe('actions the caller owns, or of cases the caller owns'),
  overdue: queryBoolean.optional(),
  status: z.enum(CASE_ACTION_STATUSES).optional(),
});
export type CaseActionListQuery = z.infer<typeof caseActionListQuery>;
export const caseActionListItemSchema = caseActionSchema.extend({
  caseTitle: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
});
export type CaseActionListItem = z.infer<typeof caseActionListItemSchema>;
export const caseActionPage = pageOf(caseActionListItemSchema);

// ── Visits ───────────────────────────────────────────────────────────────────────────────────

export const visitCreateBody = z
  .object({
    kind: z.enum(VISIT_KINDS),
    visitedOn: isoDate,
    enterpriseIds: z.array(z.uuid()).min(1).max(50),
    participants: text(200).default(''),
    notes: z.string().trim().min(2).max(2000),
    issues: text(2000).default(''),
    caseId: z.uuid().nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (new Set(value.enterpriseIds).size !== value.enterpriseIds.length)
      ctx.addIssue({
        code: 'custom',
        path: ['enterpriseIds'],
        params: { key: 'visit.duplicate_enterprise' },
      });
  });
export type VisitCreateBody = z.infer<typeof visitCreateBody>;
export type VisitCreateInput = z.input<typeof visitCreateBody>;

export const visitCreateReply = z.object({ groupId: z.uuid(), items: z.array(visitSchema) });

export const visitListQuery = paginationQuery.extend({
  enterpriseId: z.uuid().optional(),
  liaison: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .describe("an account id, or 'me'"),
  caseId: z.uuid().optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  kind: z.enum(VISIT_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuery>;
export const visitPage = pageOf(visitSchema);

export const visitStatsQuery = z.object({
  by: z.enum(['liaison', 'district']).default('liaison'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type VisitStatsQuery = z.infer<typeof visitStatsQuery>;

const visitCounts = z.object({
  visits: z.number().int(),
  onSite: z.number().int(),
  phone: z.number().int(),
  meeting: z.number().int(),
  /** Distinct enterprises served (KPI 服务企业数). */
  enterprisesServed: z.number().int(),
});
export const visitStatsReply = z.object({
  by: z.enum(['liaison', 'district']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(visitCounts.extend({ key: z.string(), name: z.string() })),
  totals: visitCounts,
});
export type VisitStats = z.infer<typeof visitStatsReply>;

// ── Urgent shortage reports ──────────────────────────────────────────────────────────────────

export const shortageLineInput = z
  .object({
    occupationCode: occupationCodeSchema,
    headcount: z.number().int().min(1).max(10_000),
    wageMin: wage,
    wageMax: wage,
    neededBy: isoDate,
  })
  .superRefine((value, ctx) => {
    if (value.wageMax < value.wageMin)
      ctx.addIssue({ code: 'custom', path: ['wageMax'], params: { key: 'range.max_below_min' } });
  });

export const SHORTAGE_ORDER_MODES = ['link', 'create'] as const;

export const shortageReportCreateBody = z
  .object({
    enterpriseId: z.uuid(),
    lines: z.array(shortageLineInput).min(1).max(20),
    reason: z.string().trim().min(2).max(1000),
    contactName: z.string().trim().min(1).max(30),
    contactPhone: mobilePhoneSchema.nullable().default(null),
    orderMode: z.enum(SHORTAGE_ORDER_MODES),
    /** orderMode 'link': draft or open orders of the enterprise this shortage belongs to. */
    jobOrderIds: z.array(z.uuid()).max(50).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.orderMode === 'link' && value.jobOrderIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['jobOrderIds'],
        params: { key: 'shortage.link_requires_orders' },
      });
  });
export type ShortageReportCreateBody = z.infer<typeof shortageReportCreateBody>;
export type ShortageReportCreateInput = z.input<typeof shortageReportCreateBody>;

export const shortageReportSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtCode: z.string(),
  reason: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string().nullable(),
  orderMode: z.enum(SHORTAGE_ORDER_MODES),
  totalShortage: z.number().int(),
  plannedHeadcount: z.number().int().nullable(),
  isOverThreshold: z.boolean(),
  caseId: z.uuid().nullable(),
  caseTitle: z.string().nullable(),
  /** This report opened the case (false: it joined the enterprise's active shortage case). */
  hasOpenedCase: z.boolean(),
  lines: z.array(
    z.object({
      occupationCode: z.string(),
      occupationName: z.string(),
      headcount: z.number().int(),
      wageMin: z.number().int(),
      wageMax: z.number().int(),
      neededBy: z.string(),
      jobOrderId: z.uuid().nullable(),
    }),
  ),
  jobOrders: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.enum(JOB_ORDER_STATUSES) })),
  reportedByName: z.string().nullable(),
  createdAt: timestamp,
});
export type ShortageReport = z.infer<typeof shortageReportSchema>;
export const shortageReportPage = pageOf(shortageReportSchema);

export const shortageReportListQuery = paginationQuery.extend({
  enterpriseId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ShortageReportListQuery = z.infer<typeof shortageReportListQuery>;

export const caseSettingsSchema = z.object({
  autoCaseMinPeople: z.number().int(),
  autoCaseMinPercent: z.number().int(),
  updatedAt: timestamp,
});
export type CaseSettings = z.infer<typeof caseSettingsSchema>;
export const caseSettingsUpdateBody = z.object({
  autoCaseMinPeople: z.number().int().min(1).max(100_000),
  autoCaseMinPercent: z.number().int().min(1).max(100),
});
