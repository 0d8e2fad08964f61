import { z } from 'zod';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { mobilePhoneSchema, patternField } from './fields.ts';
import { EDUCATION_LEVELS } from './job-orders.ts';
import { idNumberSchema } from './workers.ts';

/**
 * Rural labour surveys (农村劳动力摸排): a campaign in one township (or a county) over a period,
 * with one record per labourer by village — willing to work away, skills, preferred destinations,
 * earliest date, household notes. Records convert to workers once, deduplicated by ID number.
 */
export const WILLINGNESS = ['yes', 'no', 'undecided'] as const;
export type Willingness = (typeof WILLINGNESS)[number];

const countyCode = patternField(/^\d{6}$/, 'region_code.format');
const townshipCode = patternField(/^\d{9}$/, 'region_code.format');
const isoDate = z.iso.date();

const campaignFields = {
  name: z.string().trim().min(2).max(60),
  countyCode,
  townshipCode: townshipCode
    .nullable()
    .describe('9 digits beginning with the county code; null: the whole county'),
  townshipName: z.string().trim().max(30).describe('as written, when the code is not in the region tree'),
  organiser: z.string().trim().min(2).max(60).describe('e.g. 镇雄县人社局 with 以勒镇人民政府'),
  periodStart: isoDate,
  periodEnd: isoDate,
  notes: z.string().trim().max(500),
};

function checkPeriod(body: { periodStart?: string; periodEnd?: string }, ctx: z.RefinementCtx): void {
  if (body.periodStart && body.periodEnd && body.periodEnd < body.periodStart)
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], params: { key: 'survey.period_order' } });
}

export const surveyCampaignCreateBody = z
  .object({
    ...campaignFields,
    townshipCode: campaignFields.townshipCode.default(null),
    townshipName: campaignFields.townshipName.default(''),
    notes: campaignFields.notes.default(''),
  })
  .superRefine(checkPeriod);
export type SurveyCampaignCreateBody = z.infer<typeof surveyCampaignCreateBody>;
export type SurveyCampaignCreateInput = z.input<typeof surveyCampaignCreateBody>;

export const surveyCampaignUpdateBody = z
  .object(campaignFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkPeriod);
export type SurveyCampaignUpdateBody = z.infer<typeof surveyCampaignUpdateBody>;

export const surveyCampaignListQuery = paginationQuery.extend({
  q: z.string().trim().max(60).optional(),
  countyCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .describe('province, prefecture or county prefix'),
  sort: z.enum(['-periodStart', 'name']).default('-periodStart'),
});
export type SurveyCampaignListQuery = z.infer<typeof surveyCampaignListQuery>;

export const coverageCountsSchema = z.object({
  surveyed: z.number().int(),
  willing: z.number().int(),
  converted: z.number().int(),
  /** Converted workers with a placement hired on or after their conversion. */
  placed: z.number().int(),
});
export type CoverageCounts = z.infer<typeof coverageCountsSchema>;

export const surveyCampaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  townshipCode: z.string().nullable(),
  townshipName: z.string(),
  organiser: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  notes: z.string(),
  totals: coverageCountsSchema,
  version: z.number().int(),
  createdAt: timestamp,
  can: z.object({ update: z.boolean(), addRecords: z.boolean(), convert: z.boolean() }),
});
export type SurveyCampaign = z.infer<typeof surveyCampaignSchema>;
export const surveyCampaignPage = pageOf(surveyCampaignSchema);

const recordFields = {
  village: z.string().trim().min(1).max(40),
  name: z.string().trim().min(2).max(30),
  idNumber: idNumberSchema,
  phone: mobilePhoneSchema,
  education: z.enum(EDUCATION_LEVELS),
  willing: z.enum(WILLINGNESS),
  skills: z.array(z.string().trim().min(1).max(30)).max(30),
  preferredRegionCodes: z
    .array(patternField(/^\d{6}$/, 'region_code.format'))
    .max(10)
    .describe('province, prefecture or county codes'),
  earliestDate: isoDate.nullable(),
  householdNotes: z.string().trim().max(500),
};

/** One record entered by hand (the import builds the same body per row). */
export const surveyRecordCreateBody = z.object({
  ...recordFields,
  education: recordFields.education.default('junior'),
  skills: recordFields.skills.default([]),
  preferredRegionCodes: recordFields.preferredRegionCodes.default([]),
  earliestDate: recordFields.earliestDate.default(null),
  householdNotes: recordFields.householdNotes.default(''),
});
export type SurveyRecordCreateBody = z.infer<typeof surveyRecordCreateBody>;
export type SurveyRecordCreateInput = z.input<typeof surveyRecordCreateBody>;

/**
 * A correction of one record: the named fields change (an ID number or phone left out keeps the
 * stored one). `version` is the record's version as loaded; a record changed since answers 409.
 */
export const surveyRecordUpdateBody = z
  .object(recordFields)
  .partial()
  .extend({
    version: z.number().int().min(1).describe('the `version` of the record as loaded (optimistic check)'),
  });
export type SurveyRecordUpdateBody = z.infer<typeof surveyRecordUpdateBody>;
export type SurveyRecordUpdateInput = z.input<typeof surveyRecordUpdateBody>;

export const surveyRecordParams = z.object({ id: z.uuid(), recordId: z.uuid() });

export const surveyRecordListQuery = paginationQuery.extend({
  q: z.string().trim().max(60).optional().describe('name or the last 4 digits of the ID number'),
  village: z.string().trim().max(40).optional(),
  willing: z.enum(WILLINGNESS).optional(),
  converted: queryBoolean.optional(),
});
export type SurveyRecordListQuery = z.infer<typeof surveyRecordListQuery>;

export const surveyRecordSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  village: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  education: z.enum(EDUCATION_LEVELS),
  willing: z.enum(WILLINGNESS),
  skills: z.array(z.string()),
  preferredRegionCodes: z.array(z.string()),
  preferredRegionNames: z.array(z.string()),
  earliestDate: z.string().nullable(),
  householdNotes: z.string(),
  conversion: z.object({ workerId: z.uuid(), isNewWorker: z.boolean(), convertedAt: timestamp }).nullable(),
  /** Raised by every correction; send it back with an edit. */
  version: z.number().int(),
});
export type SurveyRecord = z.infer<typeof surveyRecordSchema>;
export const surveyRecordPage = pageOf(surveyRecordSchema);

/** Convert the named records, or every willing one not yet converted. */
export const surveyConvertBody = z.union([
  z.object({ recordIds: z.array(z.uuid()).min(1).max(500) }),
  z.object({ allWilling: z.literal(true) }),
]);
export type SurveyConvertBody = z.infer<typeof surveyConvertBody>;

export const CONVERSION_OUTCOMES = ['created', 'linked', 'already_converted'] as const;
export const surveyConvertResult = z.object({
  created: z.number().int(),
  linked: z.number().int(),
  alreadyConverted: z.number().int(),
  items: z.array(
    z.object({
      recordId: z.uuid(),
      name: z.string(),
      outcome: z.enum(CONVERSION_OUTCOMES),
      workerId: z.uuid(),
    }),
  ),
});
export type SurveyConvertResult = z.infer<typeof surveyConvertResult>;

/** Coverage of one campaign by village, or of campaigns by township. */
export const surveyCoverageSchema = z.object({
  rows: z.array(coverageCountsSchema.extend({ key: z.string(), label: z.string() })),
  totals: coverageCountsSchema,
});
export type SurveyCoverage = z.infer<typeof surveyCoverageSchema>;

export const surveyCoverageQuery = z.object({
  countyCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
});

/** Import columns in order: the header as survey sheets write it, with accepted variants. */
export const SURVEY_IMPORT_COLUMNS = [
  {
    field: 'village',
    header: '村（社区）',
    aliases: ['村', '村名', '行政村', '村组', '社区', '村(社区)'],
    required: true,
  },
  { field: 'name', header: '姓名', aliases: ['劳动力姓名'], required: true },
  {
    field: 'idNumber',
    header: '身份证号码',
    aliases: ['身份证号', '公民身份号码', '身份证', '证件号码'],
    required: true,
  },
  { field: 'phone', header: '手机号码', aliases: ['手机', '手机号', '联系电话', '电话'], required: true },
  { field: 'education', header: '学历', aliases: ['文化程度'], required: false },
  {
    field: 'willing',
    header: '是否愿意外出务工',
    aliases: ['外出意愿', '是否愿意外出', '务工意愿', '愿意外出'],
    required: true,
  },
  { field: 'skills', header: '技能特长', aliases: ['技能', '特长', '专业技能'], required: false },
  {
    field: 'preferredRegions',
    header: '意向务工地',
    aliases: ['意向地区', '意向务工地区', '期望务工地'],
    required: false,
  },
  {
    field: 'earliestDate',
    header: '最早可外出日期',
    aliases: ['可外出日期', '最早外出时间', '可外出时间'],
    required: false,
  },
  { field: 'householdNotes', header: '家庭情况备注', aliases: ['家庭情况', '备注'], required: false },
] as const;
export type SurveyImportField = (typeof SURVEY_IMPORT_COLUMNS)[number]['field'];

/** Willingness as surveyors write it. */
export const WILLINGNESS_WORDS: Readonly<Record<string, Willingness>> = {
  是: 'yes',
  愿意: 'yes',
  有: 'yes',
  yes: 'yes',
  y: 'yes',
  否: 'no',
  不愿意: 'no',
  无: 'no',
  no: 'no',
  n: 'no',
  待定: 'undecided',
  未定: 'undecided',
  考虑中: 'undecided',
  undecided: 'undecided',
};
