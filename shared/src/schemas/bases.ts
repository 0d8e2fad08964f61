import { z } from 'zod';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { contactInput, contactSchema } from './enterprises.ts';
import { patternField } from './fields.ts';

/**
 * Labour cooperation bases (劳务合作基地) and their kin in labour-exporting areas: township
 * directed-training bases for industrial workers (产业工人定向培养基地) and internship practice
 * bases (实习实践基地). A base has an origin (county or township), a partner organisation (usually
 * the county HR bureau), an agreement with its scan, and an annual delivery target; what it
 * delivered is computed from placements credited to it, never typed in.
 */
export const BASE_KINDS = ['labour_cooperation', 'directed_training', 'internship_practice'] as const;
export type BaseKindName = (typeof BASE_KINDS)[number];

/** 劳务对接: a visit to the base, a meeting (座谈会/招聘会), or an online session (直播带岗). */
export const BASE_EVENT_KINDS = ['visit', 'meeting', 'online'] as const;
export type BaseEventKindName = (typeof BASE_EVENT_KINDS)[number];

export const BASE_LIMITS = {
  /** Agreement scans: PDF, JPEG or PNG up to this size. */
  agreementMaxBytes: 10 * 1024 * 1024,
  /** "Expiring soon" in the list filter: valid until within this many days. */
  expiringWithinDays: 90,
  eventEnterprisesMax: 200,
  eventWorkersMax: 1000,
} as const;

export const AGREEMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** A county (6 digits) or township (9 digits) code of the origin area. */
const originRegionCode = patternField(/^\d{6}(\d{3})?$/, 'region_code.format');
const districtCode = patternField(/^\d{6}$/, 'region_code.format');
const isoDate = z.iso.date();

const baseFields = {
  name: z.string().trim().min(2).max(60),
  kind: z.enum(BASE_KINDS),
  originRegionCode,
  originTownshipName: z
    .string()
    .trim()
    .max(30)
    .describe('the township as written, when its code is not in the region tree'),
  partnerName: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .describe('the partner organisation, e.g. 昭阳区人力资源和社会保障局'),
  address: z.string().trim().max(200),
  managingDistrictCode: districtCode
    .nullable()
    .describe('null: a base of the city; else the district that built it'),
  agreementNumber: z.string().trim().max(60),
  agreementSignedOn: isoDate.nullable(),
  agreementValidUntil: isoDate.nullable(),
  annualTarget: z.number().int().min(0).max(1_000_000).describe('workers to deliver per calendar year'),
  contacts: z.array(contactInput).max(10),
  notes: z.string().trim().max(500),
};

function checkAgreementDates(
  body: { agreementSignedOn?: string | null; agreementValidUntil?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (body.agreementSignedOn && body.agreementValidUntil && body.agreementValidUntil < body.agreementSignedOn)
    ctx.addIssue({ code: 'custom', path: ['agreementValidUntil'], params: { key: 'base.agreement_dates' } });
}

export const baseCreateBody = z
  .object({
    ...baseFields,
    originTownshipName: baseFields.originTownshipName.default(''),
    address: baseFields.address.default(''),
    managingDistrictCode: baseFields.managingDistrictCode.default(null),
    agreementNumber: baseFields.agreementNumber.default(''),
    agreementSignedOn: baseFields.agreementSignedOn.default(null),
    agreementValidUntil: baseFields.agreementValidUntil.default(null),
    annualTarget: baseFields.annualTarget.default(0),
    contacts: baseFields.contacts.default([]),
    notes: baseFields.notes.default(''),
  })
  .superRefine(checkAgreementDates);
export type BaseCreateBody = z.infer<typeof baseCreateBody>;
export type BaseCreateInput = z.input<typeof baseCreateBody>;

/** A partial update; `version` is the version the editor loaded. */
export const baseUpdateBody = z
  .object({ ...baseFields, status: z.enum(['active', 'inactive']) })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkAgreementDates);
export type BaseUpdateBody = z.infer<typeof baseUpdateBody>;

export const BASE_SORTS = [
  'name',
  '-createdAt',
  'agreementValidUntil',
  '-annualTarget',
  '-deliveredThisYear',
] as const;

export const baseListQuery = paginationQuery.extend({
  q: z.string().trim().max(60).optional().describe('name, pinyin initials or partner'),
  kind: z.enum(BASE_KINDS).optional(),
  originProvinceCode: z
    .string()
    .regex(/^\d{2}(0000)?$/)
    .optional()
    .describe('province, "53" or "530000"'),
  originCountyCode: z
    .string()
    .regex(/^\d{4}(\d{2})?$/)
    .optional()
    .describe('prefecture "5306" or county "530602"'),
  expiringSoon: queryBoolean
    .optional()
    .describe(`agreement valid until within ${BASE_LIMITS.expiringWithinDays} days`),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  sort: z.enum(BASE_SORTS).default('name'),
});
export type BaseListQuery = z.infer<typeof baseListQuery>;

export const agreementFileSchema = z.object({
  filename: z.string(),
  contentType: z.enum(AGREEMENT_CONTENT_TYPES),
  sizeBytes: z.number().int(),
  uploadedAt: timestamp,
});

export const baseStatsSchema = z.object({
  /** Placements credited to the base with a hire date in the current calendar year. */
  deliveredThisYear: z.number().int(),
  /** Workers who arrived through the base (registered, imported or signed up there). */
  workersSupplied: z.number().int(),
  applications: z.number().int(),
  placements: z.number().int(),
  events: z.number().int(),
});

export const baseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(BASE_KINDS),
  originRegionCode: z.string(),
  originName: z.string().describe('province city county (township)'),
  originCountyCode: z.string(),
  originProvinceCode: z.string(),
  originTownshipName: z.string(),
  partnerName: z.string(),
  address: z.string(),
  managingDistrictCode: z.string().nullable(),
  managingDistrictName: z.string().nullable(),
  agreementNumber: z.string(),
  agreementSignedOn: z.string().nullable(),
  agreementValidUntil: z.string().nullable(),
  /** Days until the agreement lapses (negative: lapsed); null without an end date. */
  agreementDaysLeft: z.number().int().nullable(),
  agreementFile: agreementFileSchema.nullable(),
  annualTarget: z.number().int(),
  stats: baseStatsSchema,
  contacts: z.array(contactSchema),
  notes: z.string(),
  status: z.enum(['active', 'inactive']),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  can: z.object({ update: z.boolean(), recordEvents: z.boolean(), uploadAgreement: z.boolean() }),
});
export type Base = z.infer<typeof baseSchema>;
export const basePage = pageOf(baseSchema);
export type BasePage = z.infer<typeof basePage>;

const eventFields = {
  heldOn: isoDate,
  place: z.string().trim().min(2).max(100),
  kind: z.enum(BASE_EVENT_KINDS),
  enterpriseIds: z.array(z.uuid()).max(BASE_LIMITS.eventEnterprisesMax),
  workerIds: z.array(z.uuid()).max(BASE_LIMITS.eventWorkersMax),
  notes: z.string().trim().max(1000),
};

export const baseEventCreateBody = z.object({
  ...eventFields,
  enterpriseIds: eventFields.enterpriseIds.default([]),
  workerIds: eventFields.workerIds.default([]),
  notes: eventFields.notes.default(''),
});
export type BaseEventCreateBody = z.infer<typeof baseEventCreateBody>;

/** Named lists replace the event's lists. */
export const baseEventUpdateBody = z
  .object(eventFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export type BaseEventUpdateBody = z.infer<typeof baseEventUpdateBody>;

export const baseEventSchema = z.object({
  id: z.uuid(),
  baseId: z.uuid(),
  heldOn: z.string(),
  place: z.string(),
  kind: z.enum(BASE_EVENT_KINDS),
  notes: z.string(),
  enterprises: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Sign-ups the caller may see (others are counted in `workerCount`). */
  workers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  workerCount: z.number().int(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type BaseEvent = z.infer<typeof baseEventSchema>;
export const baseEventList = z.object({ items: z.array(baseEventSchema) });

export const baseEventParams = z.object({ id: z.uuid(), eventId: z.uuid() });

/** The workers who arrived through a base, as its page lists them. */
export const baseWorkerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  originRegionCode: z.string().nullable(),
  originName: z.string().nullable(),
  status: z.enum(['available', 'employed', 'inactive']),
  arrivedAt: timestamp,
});
export const baseWorkerPage = pageOf(baseWorkerSchema);
export type BaseWorker = z.infer<typeof baseWorkerSchema>;
export const baseWorkerQuery = paginationQuery;
