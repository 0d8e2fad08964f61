import { z } from 'zod';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { countyCodeSchema, mobilePhoneSchema, occupationCodeSchema } from './fields.ts';

/** Education levels, lowest first (order matters: requirements compare by index). */
export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'junior',
  'senior',
  'vocational',
  'college',
  'bachelor',
  'master',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const JOB_ORDER_STATUSES = ['draft', 'open', 'filled', 'closed', 'expired'] as const;
export type JobOrderStatus = (typeof JOB_ORDER_STATUSES)[number];

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const VISIBILITIES = ['public', 'agencies', 'bases', 'schools'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const SHIFTS = ['day', 'two_shift', 'three_shift', 'flexible'] as const;
export const MEALS = ['none', 'subsidy', 'free'] as const;

const isoDate = z.iso.date();

/** Wage range in whole yuan per month (the API's money elsewhere is fen; wages are quoted in yuan). */
const wage = z.number().int().min(0).max(200_000);

const jobOrderFields = z.object({
  enterpriseId: z.uuid(),
  title: z.string().trim().min(2).max(60),
  occupationCode: occupationCodeSchema,
  headcount: z.number().int().min(1).max(10_000),
  wageMin: wage,
  wageMax: wage,
  ageMin: z.number().int().min(16).max(70).nullable().default(null),
  ageMax: z.number().int().min(16).max(70).nullable().default(null),
  educationMin: z.enum(EDUCATION_LEVELS).default('none'),
  skills: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  certificates: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  districtCode: countyCodeSchema,
  address: z.string().trim().max(200).default(''),
  shifts: z.enum(SHIFTS).default('day'),
  dormitory: z.boolean().default(false),
  meals: z.enum(MEALS).default('none'),
  startDate: isoDate.nullable().default(null),
  deadline: isoDate,
  urgency: z.enum(URGENCIES).default('normal'),
  visibility: z.array(z.enum(VISIBILITIES)).min(1).default(['public']),
  contactName: z.string().trim().max(30).default(''),
  contactPhone: mobilePhoneSchema.nullable().default(null),
  description: z.string().trim().max(2000).default(''),
  /** false = save as draft; true = publish now. */
  publish: z.boolean().default(true),
});

/** Cross-field rules shared by create and update. */
function checkRanges(
  value: { wageMin?: number; wageMax?: number; ageMin?: number | null; ageMax?: number | null },
  ctx: z.RefinementCtx,
): void {
  if (value.wageMin !== undefined && value.wageMax !== undefined && value.wageMax < value.wageMin)
    ctx.addIssue({ code: 'custom', path: ['wageMax'], params: { key: 'range.max_below_min' } });
  if (value.ageMin != null && value.ageMax != null && value.ageMax < value.ageMin)
    ctx.addIssue({ code: 'custom', path: ['ageMax'], params: { key: 'range.max_below_min' } });
}

export const jobOrderCreateBody = jobOrderFields.superRefine(checkRanges);
export type JobOrderCreateBody = z.infer<typeof jobOrderCreateBody>;
export type JobOrderCreateInput = z.input<typeof jobOrderCreateBody>;

/**
 * A partial update. Built from the fields WITHOUT their defaults: in zod 4 `.partial()` keeps
 * inner defaults, so an omitted field would be reset to its default by every PATCH.
 */
export const jobOrderUpdateBody = z
  .object({
    title: z.string().trim().min(2).max(60),
    occupationCode: occupationCodeSchema,
    headcount: z.number().int().min(1).max(10_000),
    wageMin: wage,
    wageMax: wage,
    ageMin: z.number().int().min(16).max(70).nullable(),
    ageMax: z.number().int().min(16).max(70).nullable(),
    educationMin: z.enum(EDUCATION_LEVELS),
    skills: z.array(z.string().trim().min(1).max(30)).max(20),
    certificates: z.array(z.string().trim().min(1).max(40)).max(10),
    districtCode: countyCodeSchema,
    address: z.string().trim().max(200),
    shifts: z.enum(SHIFTS),
    dormitory: z.boolean(),
    meals: z.enum(MEALS),
    startDate: isoDate.nullable(),
    deadline: isoDate,
    urgency: z.enum(URGENCIES),
    visibility: z.array(z.enum(VISIBILITIES)).min(1),
    contactName: z.string().trim().max(30),
    contactPhone: mobilePhoneSchema.nullable(),
    description: z.string().trim().max(2000),
  })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkRanges);
export type JobOrderUpdateBody = z.infer<typeof jobOrderUpdateBody>;

export const JOB_ORDER_ACTIONS = ['publish', 'close', 'reopen'] as const;
export const jobOrderActionBody = z.object({
  action: z.enum(JOB_ORDER_ACTIONS),
  reason: z.string().trim().max(200).default(''),
  version: z.number().int().min(1),
});

export const JOB_ORDER_SORTS = [
  '-createdAt',
  'createdAt',
  'deadline',
  '-deadline',
  '-wageMax',
  'wageMin',
  '-urgency',
  '-remaining',
] as const;

export const jobOrderListQuery = paginationQuery.extend({
  q: z.string().trim().max(100).optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  occupationCode: z
    .string()
    .regex(/^\d(-\d{2}){0,3}$/)
    .optional()
    .describe('a code or a prefix group'),
  enterpriseId: z.uuid().optional(),
  keyOnly: queryBoolean.optional(),
  urgency: z.enum(URGENCIES).optional(),
  status: z
    .enum([...JOB_ORDER_STATUSES, 'active', 'all'])
    .default('active')
    .describe("'active' = draft or open"),
  wageAtLeast: z.coerce.number().int().min(0).optional(),
  dormitory: queryBoolean.optional(),
  sort: z.enum(JOB_ORDER_SORTS).default('-createdAt'),
});
export type JobOrderListQuery = z.infer<typeof jobOrderListQuery>;

export const jobOrderSchema = z.object({
  id: z.uuid(),
  enterprise: z.object({ id: z.uuid(), name: z.string(), keyLevel: z.string(), districtCode: z.string() }),
  title: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  headcount: z.number().int(),
  filled: z.number().int(),
  remaining: z.number().int(),
  wageMin: z.number().int(),
  wageMax: z.number().int(),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  educationMin: z.enum(EDUCATION_LEVELS),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  districtCode: z.string(),
  districtName: z.string(),
  address: z.string(),
  shifts: z.enum(SHIFTS),
  dormitory: z.boolean(),
  meals: z.enum(MEALS),
  startDate: z.string().nullable(),
  deadline: z.string(),
  urgency: z.enum(URGENCIES),
  visibility: z.array(z.enum(VISIBILITIES)),
  contactName: z.string(),
  contactPhoneMasked: z.string().nullable(),
  description: z.string(),
  status: z.enum(JOB_ORDER_STATUSES),
  statusReason: z.string().nullable(),
  staffAssisted: z.boolean().describe('posted by an officer on the enterprise’s behalf'),
  pipeline: z.record(z.string(), z.number().int()).describe('applications per status'),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  can: z.object({
    update: z.boolean(),
    publish: z.boolean(),
    close: z.boolean(),
    reopen: z.boolean(),
    recommend: z.boolean(),
  }),
});
export type JobOrder = z.infer<typeof jobOrderSchema>;
export const jobOrderPage = pageOf(jobOrderSchema);
