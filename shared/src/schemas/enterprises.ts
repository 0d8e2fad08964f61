import { z } from 'zod';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { countyCodeSchema, creditCodeSchema, industryCodeSchema, mobilePhoneSchema } from './fields.ts';

/** Enterprise size classes (统计上大中小微型企业划分办法). */
export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/** Key-enterprise level: none, district-level key enterprise, city-level key enterprise. */
export const KEY_LEVELS = ['none', 'district', 'city'] as const;
export type KeyLevel = (typeof KEY_LEVELS)[number];

export const ENTERPRISE_STATUSES = ['active', 'inactive'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const ENTERPRISE_SORTS = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'districtCode',
  '-districtCode',
  'employeeCount',
  '-employeeCount',
] as const;

/**
 * A contact person. A new contact needs a phone; an existing one (with `id`) keeps its stored phone
 * when `phone` is omitted, because clients only ever see it masked.
 */
export const contactInput = z
  .object({
    id: z.uuid().optional(),
    name: z.string().trim().min(1).max(50),
    title: z.string().trim().max(50).default(''),
    phone: mobilePhoneSchema.optional(),
  })
  .superRefine((contact, ctx) => {
    if (!contact.id && contact.phone === undefined)
      ctx.addIssue({ code: 'custom', path: ['phone'], params: { key: 'phone.empty' } });
  });
export type ContactInput = z.infer<typeof contactInput>;

const enterpriseFields = {
  creditCode: creditCodeSchema,
  name: z.string().trim().min(2).max(100),
  industryCode: industryCodeSchema,
  districtCode: countyCodeSchema,
  address: z.string().trim().max(200).default(''),
  longitude: z.number().min(73).max(136).nullable().default(null),
  latitude: z.number().min(3).max(54).nullable().default(null),
  size: z.enum(ENTERPRISE_SIZES),
  employeeCount: z.number().int().min(0).max(2_000_000).nullable().default(null),
  keyLevel: z.enum(KEY_LEVELS).default('none'),
  liaisonUserId: z.uuid().nullable().default(null),
  contacts: z.array(contactInput).max(10).default([]),
};

export const enterpriseCreateBody = z.object(enterpriseFields);
export type EnterpriseCreateBody = z.infer<typeof enterpriseCreateBody>;
export type EnterpriseCreateInput = z.input<typeof enterpriseCreateBody>;

/** A partial update; `version` is the version the editor loaded (optimistic concurrency). */
export const enterpriseUpdateBody = z
  .object({
    creditCode: enterpriseFields.creditCode,
    name: enterpriseFields.name,
    industryCode: enterpriseFields.industryCode,
    districtCode: enterpriseFields.districtCode,
    address: z.string().trim().max(200),
    longitude: z.number().min(73).max(136).nullable(),
    latitude: z.number().min(3).max(54).nullable(),
    size: z.enum(ENTERPRISE_SIZES),
    employeeCount: z.number().int().min(0).max(2_000_000).nullable(),
    keyLevel: z.enum(KEY_LEVELS),
    liaisonUserId: z.uuid().nullable(),
    contacts: z.array(contactInput).max(10),
  })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type EnterpriseUpdateBody = z.infer<typeof enterpriseUpdateBody>;

export const deactivateBody = z.object({
  reason: z.string().trim().min(2).max(200),
  version: z.number().int().min(1),
});

export const enterpriseListQuery = paginationQuery.extend({
  q: z.string().trim().max(100).optional().describe('name, pinyin, pinyin initials or credit code'),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  industryCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  industrySection: z
    .string()
    .regex(/^[A-T]$/)
    .optional(),
  keyLevel: z
    .enum([...KEY_LEVELS, 'key'])
    .optional()
    .describe("'key' = city or district level"),
  liaisonUserId: z.uuid().optional(),
  status: z.enum([...ENTERPRISE_STATUSES, 'all']).default('active'),
  mine: queryBoolean.optional().describe('only my enterprises (liaison)'),
  sort: z.enum(ENTERPRISE_SORTS).default('name'),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  phoneMasked: z.string(),
});

export const enterpriseSchema = z.object({
  id: z.uuid(),
  creditCode: z.string(),
  name: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  address: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  size: z.enum(ENTERPRISE_SIZES),
  employeeCount: z.number().int().nullable(),
  keyLevel: z.enum(KEY_LEVELS),
  liaison: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  isMine: z.boolean().describe('the caller is its liaison officer'),
  contacts: z.array(contactSchema),
  status: z.enum(ENTERPRISE_STATUSES),
  deactivatedReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  can: z.object({
    update: z.boolean(),
    /** May change identity, district, key level and liaison (the bureau's decisions). */
    changeManagedFields: z.boolean(),
    deactivate: z.boolean(),
    revealContact: z.boolean(),
  }),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const enterprisePage = pageOf(enterpriseSchema);
export type EnterprisePage = z.infer<typeof enterprisePage>;

export const revealReply = z.object({ phone: z.string() });

export const IMPORT_MODES = ['all', 'valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const importQuery = z.object({
  mode: z.enum(IMPORT_MODES).default('all').describe('all = all or nothing; valid = import the valid rows'),
});

export const importRowError = z.object({
  row: z.number().int().describe('row number as the spreadsheet shows it'),
  column: z.string(),
  message: z.string(),
  code: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importResult = z.object({
  mode: z.enum(IMPORT_MODES),
  committed: z.boolean(),
  totalRows: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int().describe('rows whose credit code was already registered'),
  failed: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportResult = z.infer<typeof importResult>;

/**
 * Import/export columns in order: the header text (Chinese as officers write it, with accepted
 * variants) and the field it fills.
 */
export const ENTERPRISE_COLUMNS = [
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true },
  { field: 'name', header: '企业名称', aliases: ['单位名称', '名称'], required: true },
  { field: 'industryCode', header: '行业代码', aliases: ['行业大类代码', '行业'], required: true },
  {
    field: 'districtCode',
    header: '所属区县代码',
    aliases: ['区县代码', '所属区县', '区县'],
    required: true,
  },
  { field: 'address', header: '地址', aliases: ['详细地址', '企业地址'], required: false },
  { field: 'size', header: '企业规模', aliases: ['规模'], required: true },
  { field: 'employeeCount', header: '职工人数', aliases: ['员工人数', '在职人数'], required: false },
  { field: 'keyLevel', header: '重点企业级别', aliases: ['重点企业'], required: false },
  {
    field: 'liaisonUsername',
    header: '挂钩联络员账号',
    aliases: ['联络员账号', '挂钩联络员'],
    required: false,
  },
  { field: 'contactName', header: '联系人', aliases: ['联系人姓名'], required: false },
  { field: 'contactTitle', header: '联系人职务', aliases: ['职务'], required: false },
  { field: 'contactPhone', header: '联系电话', aliases: ['手机', '手机号码', '联系人电话'], required: false },
] as const;

/** Labels officers use for sizes and key levels in spreadsheets, both directions. */
export const SIZE_LABELS: Readonly<Record<EnterpriseSize, string>> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};
export const KEY_LEVEL_LABELS: Readonly<Record<KeyLevel, string>> = {
  none: '否',
  district: '区级',
  city: '市级',
};
