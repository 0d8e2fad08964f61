import { validateIdNumber } from '@yonggong/engine';
import { z } from 'zod';
import { pageOf, paginationQuery, timestamp } from './common.ts';
import { IMPORT_MODES, importRowError } from './enterprises.ts';
import { mobilePhoneSchema, occupationCodeSchema, patternField } from './fields.ts';
import { EDUCATION_LEVELS } from './job-orders.ts';

/** How a worker reached the system (every placement records its channel). */
export const CHANNELS = [
  'officer',
  'import',
  'self',
  'base',
  'school',
  'agency',
  'survey',
  'fair',
  'shared',
  'training',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const WORKER_STATUSES = ['available', 'employed', 'inactive'] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

/**
 * Resident ID number (GB 11643). Parses to the engine's reading of it (`IdNumberInfo`: the number
 * normalised to 18 characters — 15-digit numbers converted — with the birth date and sex it encodes).
 */
export const idNumberSchema = z.string().transform((input, ctx) => {
  const result = validateIdNumber(input);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', params: { key: result.error.code, ...result.error } });
  return z.NEVER;
});

const regionCode = patternField(/^\d{6}(\d{3})?$/, 'region_code.format');

/** The editable fields, without defaults (an update must not reset what it does not name). */
const workerFields = {
  name: z.string().trim().min(2).max(30),
  phone: mobilePhoneSchema,
  originRegionCode: regionCode.nullable(),
  currentRegionCode: regionCode.nullable(),
  currentAddress: z.string().trim().max(200),
  education: z.enum(EDUCATION_LEVELS),
  skills: z.array(z.string().trim().min(1).max(30)).max(30),
  certificates: z.array(z.string().trim().min(1).max(40)).max(20),
  occupationCodes: z.array(occupationCodeSchema).max(5),
  expectedWage: z.number().int().min(0).max(200_000).nullable(),
  availableFrom: z.iso.date().nullable(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .describe('the district that serves this worker'),
  notes: z.string().trim().max(500),
};

export const workerCreateBody = z.object({
  name: workerFields.name,
  idNumber: idNumberSchema,
  phone: workerFields.phone,
  originRegionCode: workerFields.originRegionCode.default(null),
  currentRegionCode: workerFields.currentRegionCode.default(null),
  currentAddress: workerFields.currentAddress.default(''),
  education: workerFields.education.default('junior'),
  skills: workerFields.skills.default([]),
  certificates: workerFields.certificates.default([]),
  occupationCodes: workerFields.occupationCodes.default([]),
  expectedWage: workerFields.expectedWage.default(null),
  availableFrom: workerFields.availableFrom.default(null),
  districtCode: workerFields.districtCode.default(null),
  channel: z.enum(CHANNELS).default('officer'),
  notes: workerFields.notes.default(''),
});
export type WorkerCreateBody = z.infer<typeof workerCreateBody>;
export type WorkerCreateInput = z.input<typeof workerCreateBody>;

/**
 * A partial update (ID number and channel are not editable); `version` is the version the editor
 * loaded. Built from fields WITHOUT defaults: zod 4's `.partial()` keeps inner defaults, which
 * would silently reset every field the request does not name.
 */
export const workerUpdateBody = z
  .object(workerFields)
  .partial()
  .extend({ status: z.enum(WORKER_STATUSES).optional(), version: z.number().int().min(1) });
export type WorkerUpdateBody = z.infer<typeof workerUpdateBody>;

export const WORKER_SORTS = [
  '-createdAt',
  'createdAt',
  'name',
  '-name',
  'age',
  '-age',
  '-expectedWage',
] as const;

export const workerListQuery = paginationQuery.extend({
  q: z
    .string()
    .trim()
    .max(60)
    .optional()
    .describe('name, pinyin initials, or the last 4 digits of the phone/ID'),
  status: z.enum([...WORKER_STATUSES, 'all']).default('all'),
  originRegionCode: z
    .string()
    .regex(/^\d{2,9}$/)
    .optional()
    .describe('code or prefix (province "53", prefecture "5306")'),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  occupationCode: z
    .string()
    .regex(/^\d(-\d{2}){0,3}$/)
    .optional(),
  channel: z.enum(CHANNELS).optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
  ageMin: z.coerce.number().int().min(16).max(80).optional(),
  ageMax: z.coerce.number().int().min(16).max(80).optional(),
  possibleDuplicate: z.enum(['true', 'false']).optional(),
  sort: z.enum(WORKER_SORTS).default('-createdAt'),
});
export type WorkerListQuery = z.infer<typeof workerListQuery>;

export const workerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  sex: z.enum(['male', 'female']),
  originRegionCode: z.string().nullable(),
  originRegionName: z.string().nullable(),
  currentRegionCode: z.string().nullable(),
  currentAddress: z.string(),
  education: z.enum(EDUCATION_LEVELS),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  occupationCodes: z.array(z.string()),
  expectedWage: z.number().int().nullable(),
  availableFrom: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  status: z.enum(WORKER_STATUSES),
  sourceChannel: z.enum(CHANNELS).describe('the channel through which the worker first arrived'),
  channels: z.array(z.object({ channel: z.enum(CHANNELS), at: timestamp })),
  possibleDuplicates: z.array(
    z.object({
      flagId: z.uuid(),
      workerId: z.uuid().describe('the other worker'),
      name: z.string(),
      reason: z.string(),
      status: z.enum(['open', 'confirmed']),
    }),
  ),
  notes: z.string(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  can: z.object({ update: z.boolean(), reveal: z.boolean(), recommend: z.boolean() }),
});
export type Worker = z.infer<typeof workerSchema>;
export const workerPage = pageOf(workerSchema);
export type WorkerPage = z.infer<typeof workerPage>;

/** `POST /api/workers`: a new worker, or the existing one the ID number already belongs to. */
export const workerRegisterReply = z.object({
  outcome: z.enum(['created', 'linked_existing']),
  worker: workerSchema,
  /** Set for `linked_existing`: the catalogue key (`worker.linked_existing`, param `name`) … */
  messageKey: z.literal('worker.linked_existing').optional(),
  /** … and that message rendered in the caller's language. */
  message: z.string().optional(),
});
export type WorkerRegisterReply = z.infer<typeof workerRegisterReply>;

export const revealFieldBody = z.object({ field: z.enum(['idNumber', 'phone']) });
export type RevealFieldBody = z.infer<typeof revealFieldBody>;
export const revealFieldReply = z.object({ value: z.string() });

/** Same name and phone, different ID number: flagged for a person to look at, never merged. */
export const DUPLICATE_FLAG_STATUSES = ['open', 'dismissed', 'confirmed'] as const;
export const duplicateFlagResolveBody = z.object({
  status: z.enum(['dismissed', 'confirmed']).describe('dismissed = two people; confirmed = one person'),
});
export const duplicateFlagSchema = z.object({
  id: z.uuid(),
  workerId: z.uuid(),
  otherWorkerId: z.uuid(),
  reason: z.string(),
  status: z.enum(DUPLICATE_FLAG_STATUSES),
  resolvedAt: timestamp.nullable(),
});
export type DuplicateFlag = z.infer<typeof duplicateFlagSchema>;

// ---------------------------------------------------------------------------------------------
// Import of worker lists (劳动者名单导入): an asynchronous job.
//
// `POST /api/workers/import?mode=all|valid[&districtCode=]` (multipart field `file`, .xlsx/.csv)
// answers 202 with a `workerImportStatus`; the server waits up to `WORKER_IMPORT_LIMITS.waitMs`
// before answering, so small files usually come back `done`. While `status` is `running`, poll
// `GET /api/workers/import/:importId` (every second or so) for the same document.
// ---------------------------------------------------------------------------------------------

export const WORKER_IMPORT_LIMITS = {
  /** Upload size limit (a 1,000,000-row CSV is about 120 MB). */
  maxBytes: 300 * 1024 * 1024,
  /** Row errors kept and shown (all are counted in `errorCount`). */
  maxErrors: 1000,
  /** How long the upload request waits for the job before answering `running`. */
  waitMs: 3000,
} as const;

export const workerImportQuery = z.object({
  mode: z.enum(IMPORT_MODES).default('all').describe('all = all or nothing; valid = import the valid rows'),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('the district that serves the imported workers (default: the importer’s own district)'),
});
export type WorkerImportQuery = z.infer<typeof workerImportQuery>;

export const IMPORT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export const workerImportStatus = z.object({
  importId: z.uuid(),
  filename: z.string(),
  mode: z.enum(IMPORT_MODES),
  /** running → done (finished; see `committed`) or failed (crashed or interrupted; nothing imported). */
  status: z.enum(IMPORT_JOB_STATUSES),
  /** True once the rows are in: `created` new workers, `linked` already registered (channel added). */
  committed: z.boolean(),
  processedRows: z.number().int().describe('data rows read so far'),
  totalRows: z.number().int().nullable().describe('known when the job has read the whole file'),
  progress: z.number().min(0).max(1).describe('share of the file read (by bytes), for a progress bar'),
  created: z.number().int(),
  linked: z.number().int().describe('rows whose ID number was already registered: linked, not duplicated'),
  failed: z.number().int().describe('rows with at least one error'),
  errorCount: z.number().int().describe('all row errors; `errors` holds the first 1,000'),
  errors: z.array(importRowError),
  /** Why a `failed` job failed, in the caller's language. */
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type WorkerImportStatus = z.infer<typeof workerImportStatus>;

/**
 * Import columns: the header as officers write it, with the variants accepted (compared without
 * blanks, asterisks and bracketed notes). Birth date and sex are never read: they come from the ID.
 */
export const WORKER_IMPORT_COLUMNS = [
  {
    field: 'idNumber',
    header: '身份证号码',
    aliases: ['身份证号', '公民身份号码', '身份证', '证件号码', '身份证件号码'],
    required: true,
  },
  { field: 'name', header: '姓名', aliases: ['劳动者姓名', '名字'], required: true },
  {
    field: 'phone',
    header: '手机号码',
    aliases: ['手机', '手机号', '联系电话', '电话', '联系方式'],
    required: true,
  },
  {
    field: 'origin',
    header: '户籍地',
    aliases: ['籍贯', '户籍所在地', '户籍', '户口所在地', '户籍地址'],
    required: false,
  },
  { field: 'education', header: '学历', aliases: ['文化程度', '最高学历'], required: false },
  { field: 'skills', header: '技能', aliases: ['专业技能', '技能特长', '特长'], required: false },
  {
    field: 'certificates',
    header: '证书',
    aliases: ['资格证书', '职业资格证书', '持有证书'],
    required: false,
  },
  {
    field: 'expectedWage',
    header: '期望工资',
    aliases: ['期望薪资', '期望月薪', '期望薪酬'],
    required: false,
  },
  {
    field: 'availableFrom',
    header: '可到岗日期',
    aliases: ['到岗日期', '可上岗日期', '可到岗时间'],
    required: false,
  },
  { field: 'currentAddress', header: '现住址', aliases: ['现居住地', '现住地址'], required: false },
  { field: 'notes', header: '备注', aliases: [], required: false },
] as const;
export type WorkerImportField = (typeof WORKER_IMPORT_COLUMNS)[number]['field'];

/** Education as officers write it in spreadsheets (学历 column) → level. */
export const EDUCATION_WORDS: Readonly<Record<string, (typeof EDUCATION_LEVELS)[number]>> = {
  无: 'none',
  文盲: 'none',
  半文盲: 'none',
  小学: 'primary',
  初中: 'junior',
  初小: 'junior',
  高中: 'senior',
  普高: 'senior',
  中专: 'vocational',
  中职: 'vocational',
  职高: 'vocational',
  技校: 'vocational',
  技工学校: 'vocational',
  大专: 'college',
  专科: 'college',
  高职: 'college',
  本科: 'bachelor',
  大学: 'bachelor',
  学士: 'bachelor',
  硕士: 'master',
  研究生: 'master',
  博士: 'master',
};
