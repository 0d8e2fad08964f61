import { z } from 'zod';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { contactInput, contactSchema } from './enterprises.ts';
import { countyCodeSchema, occupationCodeSchema } from './fields.ts';

/**
 * Schools (院校) of school–enterprise cooperation (校企合作) and their cooperation agreements
 * (校企合作协议). A school is a vocational school of any province (most supply students from
 * labour-exporting regions); an agreement ties one school to one enterprise of the city for a
 * period and one or more kinds of cooperation. A school is the cooperation base (校企合作基地) of
 * every enterprise it has an agreement with.
 */
export const SCHOOL_TYPES = [
  'technician',
  'higher_vocational',
  'secondary_vocational',
  'undergraduate',
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SCHOOL_TYPE_LABELS: Readonly<Record<SchoolType, { 'zh-CN': string; en: string }>> = {
  technician: { 'zh-CN': '技工院校', en: 'Technician school' },
  higher_vocational: { 'zh-CN': '高职院校', en: 'Higher vocational college' },
  secondary_vocational: { 'zh-CN': '中职学校', en: 'Secondary vocational school' },
  undergraduate: { 'zh-CN': '本科院校', en: 'University' },
};

/** What a cooperation agreement covers (several at once). */
export const AGREEMENT_SCOPES = [
  'order_class',
  'internship_base',
  'apprenticeship',
  'industry_college',
  'training',
  'employment_base',
] as const;
export type AgreementScope = (typeof AGREEMENT_SCOPES)[number];

export const AGREEMENT_SCOPE_LABELS: Readonly<Record<AgreementScope, { 'zh-CN': string; en: string }>> = {
  order_class: { 'zh-CN': '订单班/冠名班', en: 'Order / named classes' },
  internship_base: { 'zh-CN': '实习基地', en: 'Internship base' },
  apprenticeship: { 'zh-CN': '新型学徒制', en: 'Apprenticeships' },
  industry_college: { 'zh-CN': '共建产业学院', en: 'Co-built industry college' },
  training: { 'zh-CN': '职工培训', en: 'Staff training' },
  employment_base: { 'zh-CN': '就业基地', en: 'Employment base' },
};

/** Derived from the dates and today: upcoming (not yet valid), active, expired. */
export const AGREEMENT_STATUSES = ['upcoming', 'active', 'expired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

const isoDate = z.iso.date();
const year = z.number().int().min(2000).max(2100);

/** A major (专业) with its graduates by year of graduation (届). */
export const majorInput = z
  .object({
    name: z.string().trim().min(2).max(40),
    occupationCode: occupationCodeSchema.nullable().default(null),
    graduates: z
      .array(z.object({ year, graduates: z.number().int().min(0).max(20_000) }))
      .max(20)
      .default([]),
  })
  .superRefine((major, ctx) => {
    const seen = new Set<number>();
    major.graduates.forEach((entry, index) => {
      if (seen.has(entry.year))
        ctx.addIssue({
          code: 'custom',
          path: ['graduates', index, 'year'],
          params: { key: 'school.graduate_year_twice', year: entry.year },
        });
      seen.add(entry.year);
    });
  });
export type MajorInput = z.infer<typeof majorInput>;

const majorsField = z
  .array(majorInput)
  .max(60)
  .superRefine((majors, ctx) => {
    const seen = new Set<string>();
    majors.forEach((major, index) => {
      if (seen.has(major.name))
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          params: { key: 'school.major_twice', name: major.name },
        });
      seen.add(major.name);
    });
  });

const schoolFields = {
  name: z.string().trim().min(4).max(60),
  type: z.enum(SCHOOL_TYPES),
  regionCode: countyCodeSchema.describe('county-level code of where the school is'),
  address: z.string().trim().max(200),
  notes: z.string().trim().max(1000),
};

/** `POST /api/schools` (officers). */
export const schoolCreateBody = z.object({
  ...schoolFields,
  address: schoolFields.address.default(''),
  notes: schoolFields.notes.default(''),
  majors: majorsField.default([]),
  contacts: z.array(contactInput).max(10).default([]),
});
export type SchoolCreateBody = z.infer<typeof schoolCreateBody>;
export type SchoolCreateInput = z.input<typeof schoolCreateBody>;

/**
 * `PATCH /api/schools/:id`: named fields change; `majors` and `contacts` replace the lists. School
 * staff may change only `majors`, `contacts`, `address` and `notes` of their own school.
 */
export const schoolUpdateBody = z.object({
  name: schoolFields.name.optional(),
  type: schoolFields.type.optional(),
  regionCode: schoolFields.regionCode.optional(),
  address: schoolFields.address.optional(),
  notes: schoolFields.notes.optional(),
  majors: majorsField.optional(),
  contacts: z.array(contactInput).max(10).optional(),
  version: z.number().int().min(1),
});
export type SchoolUpdateBody = z.infer<typeof schoolUpdateBody>;

export const SCHOOL_SORTS = ['name', '-createdAt', '-agreements', '-graduates'] as const;

export const schoolListQuery = paginationQuery.extend({
  q: z.string().trim().max(60).optional(),
  type: z.enum(SCHOOL_TYPES).optional(),
  /** A county code, or a prefix-bearing city/province code (ending 00) for all of it. */
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  hasActiveAgreement: queryBoolean.optional(),
  enterpriseId: z.uuid().optional().describe('schools cooperating with this enterprise'),
  sort: z.enum(SCHOOL_SORTS).default('name'),
});
export type SchoolListQuery = z.infer<typeof schoolListQuery>;

export const majorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  occupationCode: z.string().nullable(),
  graduates: z.array(z.object({ year: z.number().int(), graduates: z.number().int() })),
});

export const schoolSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(SCHOOL_TYPES),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  notes: z.string(),
  majors: z.array(majorSchema),
  contacts: z.array(contactSchema),
  stats: z.object({
    activeAgreements: z.number().int(),
    agreements: z.number().int(),
    orderClasses: z.number().int(),
    students: z.number().int(),
    /** Graduates of all majors in the latest year any major reports. */
    latestGraduates: z.number().int(),
    latestGraduateYear: z.number().int().nullable(),
  }),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  can: z.object({ update: z.boolean(), updateProfile: z.boolean(), addAgreement: z.boolean() }),
});
export type School = z.infer<typeof schoolSchema>;
export const schoolPage = pageOf(schoolSchema);
export type SchoolPage = z.infer<typeof schoolPage>;

// ------------------------------------------------------------------------------------------------
// Cooperation agreements
// ------------------------------------------------------------------------------------------------

const agreementFields = {
  enterpriseId: z.uuid(),
  title: z.string().trim().max(100),
  signedOn: isoDate,
  validFrom: isoDate,
  validUntil: isoDate,
  scopes: z.array(z.enum(AGREEMENT_SCOPES)).min(1).max(AGREEMENT_SCOPES.length),
  notes: z.string().trim().max(1000),
};

function checkPeriod(
  value: { signedOn?: string | undefined; validFrom?: string | undefined; validUntil?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.validFrom && value.validUntil && value.validFrom > value.validUntil)
    ctx.addIssue({ code: 'custom', path: ['validUntil'], params: { key: 'school.agreement_period' } });
}

/** `POST /api/schools/:id/agreements` (officers). */
export const agreementCreateBody = z
  .object({
    ...agreementFields,
    title: agreementFields.title.default(''),
    notes: agreementFields.notes.default(''),
  })
  .superRefine(checkPeriod);
export type AgreementCreateBody = z.infer<typeof agreementCreateBody>;
export type AgreementCreateInput = z.input<typeof agreementCreateBody>;

/** `PATCH /api/school-agreements/:id` (renewals move `validUntil`). */
export const agreementUpdateBody = z
  .object({
    title: agreementFields.title.optional(),
    signedOn: agreementFields.signedOn.optional(),
    validFrom: agreementFields.validFrom.optional(),
    validUntil: agreementFields.validUntil.optional(),
    scopes: agreementFields.scopes.optional(),
    notes: agreementFields.notes.optional(),
    version: z.number().int().min(1),
  })
  .superRefine(checkPeriod);
export type AgreementUpdateBody = z.infer<typeof agreementUpdateBody>;

export const agreementListQuery = paginationQuery.extend({
  schoolId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  scope: z.enum(AGREEMENT_SCOPES).optional(),
  /** Signed on or after (the "new agreements in a period" count of the KPI). */
  signedFrom: isoDate.optional(),
  signedTo: isoDate.optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('the enterprise’s district'),
  sort: z.enum(['-signedOn', 'validUntil', 'school']).default('-signedOn'),
});
export type AgreementListQuery = z.infer<typeof agreementListQuery>;

export const agreementSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  schoolType: z.enum(SCHOOL_TYPES),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  enterpriseDistrictCode: z.string(),
  enterpriseDistrictName: z.string(),
  title: z.string(),
  signedOn: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  scopes: z.array(z.enum(AGREEMENT_SCOPES)),
  status: z.enum(AGREEMENT_STATUSES),
  notes: z.string(),
  version: z.number().int(),
  createdAt: timestamp,
  can: z.object({ update: z.boolean() }),
});
export type Agreement = z.infer<typeof agreementSchema>;
export const agreementPage = pageOf(agreementSchema);
export type AgreementPage = z.infer<typeof agreementPage>;

/** `GET /api/school-agreements/summary?signedFrom=&signedTo=`: new agreements and bases in a period. */
export const agreementSummaryQuery = z.object({
  signedFrom: isoDate,
  signedTo: isoDate,
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export const agreementSummarySchema = z.object({
  signedFrom: z.string(),
  signedTo: z.string(),
  /** Agreements signed in the period. */
  agreements: z.number().int(),
  /** Schools that signed their first agreement with any city enterprise in the period (new bases). */
  newSchools: z.number().int(),
  /** School–enterprise pairs whose first agreement was signed in the period (new cooperation bases). */
  newPairs: z.number().int(),
  /** Agreements active today. */
  activeNow: z.number().int(),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;
