import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { countyCodeSchema, mobilePhoneSchema, occupationCodeSchema } from './fields.ts';

/**
 * Licensed HR agencies (人力资源服务机构) of the marketplace. Registration (by the agency itself
 * or by an officer on its behalf) creates a `pending` agency; an officer approves it; a suspended
 * agency keeps its history but cannot claim.
 */
export const AGENCY_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export const AGENCY_ACTIONS = ['approve', 'reject', 'suspend', 'reinstate'] as const;
export type AgencyAction = (typeof AGENCY_ACTIONS)[number];

/** 人力资源服务许可证编号: kept as written; uniqueness ignores spaces, width and case. */
export const licenceNumberSchema = z.string().trim().min(6).max(60);

/** The key a licence number is unique by: half-width, no spaces, upper-case. */
export function normalizeLicenceNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .toUpperCase();
}

const agencyFields = {
  licenceNumber: licenceNumberSchema,
  name: z.string().trim().min(4).max(60),
  regionCode: countyCodeSchema.describe('where the agency is registered (county code)'),
  serviceRegionCodes: z
    .array(countyCodeSchema)
    .min(1)
    .max(30)
    .describe('districts served; a code ending in 00 covers its whole city'),
  serviceOccupationCodes: z
    .array(occupationCodeSchema)
    .max(30)
    .describe('occupation code prefixes recruited for; empty = every occupation'),
  contactName: z.string().trim().max(30),
  contactPhone: mobilePhoneSchema.nullable(),
};

/** A first staff account (role `agency`) created together with the agency. */
export const agencyAccountBody = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[a-zA-Z0-9._-]+$/),
  displayName: z.string().trim().min(2).max(30),
  password: z.string().min(LIMITS.passwordMinLength).max(200),
});
export type AgencyAccountBody = z.infer<typeof agencyAccountBody>;

/** `POST /api/agencies` (an officer registers an agency; the account is optional). */
export const agencyCreateBody = z.object({
  ...agencyFields,
  serviceOccupationCodes: agencyFields.serviceOccupationCodes.default([]),
  contactName: agencyFields.contactName.default(''),
  contactPhone: agencyFields.contactPhone.default(null),
  alliance: z.string().trim().min(2).max(60).nullable().default(null),
  account: agencyAccountBody.nullable().default(null),
});
export type AgencyCreateBody = z.infer<typeof agencyCreateBody>;
export type AgencyCreateInput = z.input<typeof agencyCreateBody>;

/** `POST /api/agencies/register` (the agency applies itself, with its first staff account). */
export const agencyRegisterBody = z.object({
  ...agencyFields,
  serviceOccupationCodes: agencyFields.serviceOccupationCodes.default([]),
  contactName: agencyFields.contactName.default(''),
  contactPhone: agencyFields.contactPhone.default(null),
  account: agencyAccountBody,
});
export type AgencyRegisterBody = z.infer<typeof agencyRegisterBody>;

/** `PATCH /api/agencies/:id`: the fields named change; `alliance` only by officers. */
export const agencyUpdateBody = z.object({
  name: agencyFields.name.optional(),
  regionCode: agencyFields.regionCode.optional(),
  serviceRegionCodes: agencyFields.serviceRegionCodes.optional(),
  serviceOccupationCodes: agencyFields.serviceOccupationCodes.optional(),
  contactName: agencyFields.contactName.optional(),
  contactPhone: agencyFields.contactPhone.optional(),
  alliance: z.string().trim().min(2).max(60).nullable().optional(),
  version: z.number().int().min(1),
});
export type AgencyUpdateBody = z.infer<typeof agencyUpdateBody>;

export const agencyActionBody = z.object({
  action: z.enum(AGENCY_ACTIONS),
  reason: z.string().trim().max(200).default(''),
  version: z.number().int().min(1),
});
export type AgencyActionBody = z.infer<typeof agencyActionBody>;

export const AGENCY_SORTS = ['-createdAt', 'name', '-rating', '-placements'] as const;

export const agencyListQuery = paginationQuery.extend({
  status: z.enum(['all', ...AGENCY_STATUSES]).default('all'),
  q: z.string().trim().max(60).optional(),
  alliance: queryBoolean.optional(),
  serviceRegionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  sort: z.enum(AGENCY_SORTS).default('-createdAt'),
});
export type AgencyListQuery = z.infer<typeof agencyListQuery>;

/** Averages (1–5, two decimals) with the count they are over; null when nothing was rated. */
export const ratingSummarySchema = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  criteria: z.record(z.string(), z.number().nullable()),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

export const agencySchema = z.object({
  id: z.uuid(),
  licenceNumber: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  serviceRegionCodes: z.array(z.string()),
  serviceRegionNames: z.array(z.string()),
  serviceOccupationCodes: z.array(z.string()),
  alliance: z.string().nullable(),
  contactName: z.string(),
  contactPhoneMasked: z.string().nullable(),
  status: z.enum(AGENCY_STATUSES),
  statusReason: z.string().nullable(),
  approvedAt: timestamp.nullable(),
  rating: ratingSummarySchema,
  /** Sees new listings at once (alliance member, or rated at least the threshold). */
  isTier1: z.boolean(),
  stats: z.object({
    activeClaims: z.number().int(),
    submissions: z.number().int(),
    placements: z.number().int(),
    retained90: z.number().int(),
  }),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  can: z.object({
    update: z.boolean(),
    setAlliance: z.boolean(),
    approve: z.boolean(),
    reject: z.boolean(),
    suspend: z.boolean(),
    reinstate: z.boolean(),
  }),
});
export type Agency = z.infer<typeof agencySchema>;
export const agencyPage = pageOf(agencySchema);
