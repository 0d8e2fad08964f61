import { z } from 'zod';
import { pageOf, paginationQuery } from './common.ts';
import { CHANNELS } from './workers.ts';

/**
 * Channel effectiveness (渠道成效, `/api/kpis/channels`): for every channel record — each labour
 * base, school, training programme, survey campaign and agency, and the channels that have no
 * record (self-registered, officer-registered, imported, fairs) — the workers it supplied, their
 * applications, hires and 30-/90-day retention over a period and district. Every figure can be
 * opened as the list of records it counts (`/api/kpis/channels/records`).
 */

/** The figures a channel row carries, and the records each one counts. */
export const CHANNEL_METRICS = ['supplied', 'applications', 'hires', 'retained30', 'retained90'] as const;
export type ChannelMetric = (typeof CHANNEL_METRICS)[number];

const period = {
  from: z.iso.date().optional().describe('first day (default: 1 January of this year)'),
  to: z.iso.date().optional().describe('last day (default: today)'),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('only the district’s enterprises (and its workers, for supply)'),
};

export const channelKpiQuery = z.object({
  ...period,
  channel: z.enum(CHANNELS).optional(),
});
export type ChannelKpiQuery = z.infer<typeof channelKpiQuery>;

const retention = z.object({
  retained: z.number().int(),
  lost: z.number().int(),
  pending: z.number().int().describe('due but not yet checked'),
  rate: z.number().nullable().describe('retained ÷ (retained + lost); null when nothing was checked'),
});

const figures = {
  supplied: z.number().int().describe('distinct workers who arrived through the channel in the period'),
  applications: z.number().int(),
  hires: z.number().int(),
  hireRate: z.number().nullable().describe('hires ÷ workers supplied'),
  retention30: retention,
  retention90: retention,
};

export const channelKpiRow = z.object({
  channel: z.enum(CHANNELS),
  ref: z
    .uuid()
    .nullable()
    .describe('the base, school, programme, campaign or agency; null: the channel kind'),
  name: z.string().nullable().describe('the record’s name (null for channels without records)'),
  ...figures,
});
export type ChannelKpiRow = z.infer<typeof channelKpiRow>;

export const channelKpiReport = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  districtCode: z.string().nullable(),
  items: z.array(channelKpiRow),
  totals: z.object(figures),
});
export type ChannelKpiReport = z.infer<typeof channelKpiReport>;

export const channelRecordsQuery = paginationQuery.extend({
  ...period,
  channel: z.enum(CHANNELS),
  ref: z
    .union([z.uuid(), z.literal('none')])
    .describe("the record's id, or 'none' for the channel kind itself"),
  metric: z.enum(CHANNEL_METRICS),
});
export type ChannelRecordsQuery = z.infer<typeof channelRecordsQuery>;

/** One record behind a figure: the worker, and the application or placement where there is one. */
export const channelRecord = z.object({
  workerId: z.uuid(),
  workerName: z.string(),
  idNumberMasked: z.string(),
  date: z.iso.date().describe('arrival, application or hire date'),
  applicationId: z.uuid().nullable(),
  placementId: z.uuid().nullable(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  jobOrderTitle: z.string().nullable(),
  status: z.string().nullable().describe('application status, or the retention outcome'),
});
export type ChannelRecord = z.infer<typeof channelRecord>;

export const channelRecordPage = pageOf(channelRecord);

/** Channel kinds as reports name them (the Excel export; the web app has its own copy in i18n). */
export const CHANNEL_REPORT_LABELS: Readonly<
  Record<(typeof CHANNELS)[number], { 'zh-CN': string; en: string }>
> = {
  officer: { 'zh-CN': '经办人登记', en: 'Registered by officers' },
  import: { 'zh-CN': '批量导入', en: 'Imported lists' },
  self: { 'zh-CN': '本人注册', en: 'Self-registered' },
  base: { 'zh-CN': '劳务合作基地', en: 'Labour base' },
  school: { 'zh-CN': '校企合作', en: 'School' },
  agency: { 'zh-CN': '人力资源服务机构', en: 'HR agency' },
  survey: { 'zh-CN': '农村劳动力摸排', en: 'Rural survey' },
  fair: { 'zh-CN': '招聘会/直播带岗', en: 'Job fair / livestream' },
  shared: { 'zh-CN': '共享用工', en: 'Shared staff' },
  training: { 'zh-CN': '培训项目', en: 'Training programme' },
};
