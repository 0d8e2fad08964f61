import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { countyCodeSchema, industryCodeSchema, occupationCodeSchema } from './fields.ts';

/**
 * Monitoring (用工动态监测, 三色图): monthly headcount reports of monitored enterprises (every key
 * enterprise plus a sample set), the colour map by district, enterprise and industry, trends,
 * alerts and the late list. Shortage rate = shortage ÷ planned headcount, colours by configurable
 * thresholds (engine/src/monitoring/colour.ts documents the boundaries: exactly 5 % and exactly
 * 15 % are yellow).
 */
export const MONITORING_COLOUR_VALUES = ['green', 'yellow', 'red', 'none'] as const;
export const monitoringColourSchema = z.enum(MONITORING_COLOUR_VALUES);

/** Reasons for a shortage an enterprise ticks (plus free text). */
export const SHORTAGE_REASONS = [
  'orders_growth',
  'seasonal_return',
  'wage_uncompetitive',
  'skills_mismatch',
  'working_conditions',
  'high_turnover',
  'location_transport',
  'other',
] as const;
export type ShortageReason = (typeof SHORTAGE_REASONS)[number];

export const REPORT_SOURCES = ['enterprise', 'officer', 'import'] as const;

/** A report's reconciliation against the month before (the list filter). */
export const RECONCILIATION_STATUSES = ['balanced', 'mismatch', 'no_previous'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

/** `YYYY-MM`. */
export const monthSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
      ctx.addIssue({ code: 'custom', params: { key: 'monitoring.month_format', value } });
  });

const count = z.number().int().min(0).max(10_000_000);

export const shortageLineSchema = z.object({
  occupationCode: occupationCodeSchema,
  shortage: z.number().int().min(1).max(10_000_000),
});

const reportFields = {
  plannedHeadcount: count,
  actualHeadcount: count,
  hires: count,
  separations: count,
  shortage: count,
  shortageByOccupation: z.array(shortageLineSchema).max(50).default([]),
  reasons: z.array(z.enum(SHORTAGE_REASONS)).max(SHORTAGE_REASONS.length).default([]),
  reasonText: z.string().trim().max(500).default(''),
  expectedHires: count.default(0),
  /** Confirms a reconciliation mismatch (previous actual + hires − separations ≠ actual). */
  confirmReconciliation: z.boolean().default(false),
};

export const reportCreateBody = z.object({ enterpriseId: z.uuid(), month: monthSchema, ...reportFields });
export type ReportCreateBody = z.infer<typeof reportCreateBody>;

export const reportUpdateBody = z.object({ version: z.number().int().min(1), ...reportFields });
export type ReportUpdateBody = z.infer<typeof reportUpdateBody>;

const liaisonFilter = z
  .enum(['me'])
  .optional()
  .describe('`me`: only enterprises whose liaison is the caller');

export const reportListQuery = paginationQuery.extend({
  month: monthSchema.optional(),
  enterpriseId: z.uuid().optional(),
  districtCode: countyCodeSchema.optional(),
  colour: monitoringColourSchema.optional(),
  /**
   * `mismatch`: previous actual + hires − separations ≠ actual (confirmed by the reporter);
   * `balanced`: the figures agree; `no_previous`: no report of the month before to check against.
   */
  reconciliation: z.enum(RECONCILIATION_STATUSES).optional(),
  liaison: liaisonFilter,
  sort: z.enum(['month', 'shortageRate', 'name']).default('month'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const monitoringReportSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtCode: z.string(),
  districtName: z.string().nullable(),
  month: z.string(),
  plannedHeadcount: z.number().int(),
  actualHeadcount: z.number().int(),
  hires: z.number().int(),
  separations: z.number().int(),
  shortage: z.number().int(),
  shortageRate: z.number().nullable(),
  colour: monitoringColourSchema,
  expectedHires: z.number().int(),
  shortageByOccupation: z.array(
    z.object({
      occupationCode: z.string(),
      occupationName: z.string().nullable(),
      shortage: z.number().int(),
    }),
  ),
  reasons: z.array(z.string()),
  reasonText: z.string(),
  reconciliation: z.object({
    previousActual: z.number().int().nullable(),
    difference: z.number().int().nullable(),
    confirmed: z.boolean(),
  }),
  source: z.enum(REPORT_SOURCES),
  submittedAt: timestamp,
  submittedByName: z.string().nullable(),
  isLate: z.boolean(),
  version: z.number().int(),
  can: z.object({ update: z.boolean() }),
});
export type MonitoringReport = z.infer<typeof monitoringReportSchema>;
export const monitoringReportPage = pageOf(monitoringReportSchema);

export const thresholdsSchema = z.object({
  /** Lowest yellow rate, inclusive (0.05). */
  yellowFrom: z.number().gt(0).max(1),
  /** Highest yellow rate, inclusive; above it is red (0.15). */
  redAbove: z.number().gt(0).max(1),
  /** Red when at least yellow and rising two months in a row. */
  risingToRed: z.boolean(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const monitoringSettingsSchema = z.object({
  window: z.object({
    fromDay: z.number().int().min(1).max(31),
    toDay: z.number().int().min(1).max(31),
    monthOffset: z.union([z.literal(0), z.literal(1)]),
  }),
  thresholds: thresholdsSchema,
});
export type MonitoringSettings = z.infer<typeof monitoringSettingsSchema>;

const monthQuery = z.object({ month: monthSchema });

export const mapQuery = monthQuery.extend({
  level: z.enum(['district', 'enterprise', 'industry']),
  districtCode: countyCodeSchema.optional(),
  industryCode: industryCodeSchema.optional(),
  liaison: liaisonFilter,
  colour: monitoringColourSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  /** Enterprise level: the most severe first; 1 000 a page by default (a district's key enterprises). */
  pageSize: z.coerce.number().int().min(1).max(LIMITS.mapPageSizeMax).default(1000),
});
export type MapQuery = z.infer<typeof mapQuery>;

const colourCounts = z.object({
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  none: z.number().int(),
});

const aggregateFields = {
  name: z.string(),
  enterprises: z.number().int(),
  reported: z.number().int(),
  plannedHeadcount: z.number().int(),
  actualHeadcount: z.number().int(),
  shortage: z.number().int(),
  shortageRate: z.number().nullable(),
  colour: monitoringColourSchema,
  counts: colourCounts,
};

export const mapDistrictItem = z.object({
  districtCode: z.string(),
  ...aggregateFields,
  openPlaces: z.number().int().nullable(),
  jobSeekers: z.number().int().nullable(),
  seekerRatio: z.number().nullable(),
});
export const mapIndustryItem = z.object({ industryCode: z.string(), ...aggregateFields });
export const mapEnterpriseItem = z.object({
  enterpriseId: z.uuid(),
  name: z.string(),
  districtCode: z.string(),
  industryCode: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  plannedHeadcount: z.number().int().nullable(),
  actualHeadcount: z.number().int().nullable(),
  shortage: z.number().int().nullable(),
  shortageRate: z.number().nullable(),
  colour: monitoringColourSchema,
  previousColour: monitoringColourSchema,
  liaisonUserId: z.uuid().nullable(),
});
export type MapDistrictItem = z.infer<typeof mapDistrictItem>;
export type MapIndustryItem = z.infer<typeof mapIndustryItem>;
export type MapEnterpriseItem = z.infer<typeof mapEnterpriseItem>;

const mapEnvelope = { month: z.string(), thresholds: thresholdsSchema, totals: z.object(aggregateFields) };
export const mapResponse = z.discriminatedUnion('level', [
  z.object({ level: z.literal('district'), ...mapEnvelope, items: z.array(mapDistrictItem) }),
  z.object({ level: z.literal('industry'), ...mapEnvelope, items: z.array(mapIndustryItem) }),
  z.object({
    level: z.literal('enterprise'),
    ...mapEnvelope,
    items: z.array(mapEnterpriseItem),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  }),
]);
export type MapResponse = z.infer<typeof mapResponse>;

export const lateQuery = monthQuery.extend({
  liaison: liaisonFilter,
  districtCode: countyCodeSchema.optional(),
  /** Also list, as `pending`, the enterprises still to report while the window has not closed. */
  includePending: queryBoolean.optional(),
});
export const lateResponse = z.object({
  month: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  /** The window has closed: `missing` lists every monitored enterprise still without a report. */
  isClosed: z.boolean(),
  /** Monitored enterprises not yet reported while the window is open or has not started. */
  pending: z.number().int(),
  items: z.array(
    z.object({
      enterpriseId: z.uuid(),
      enterpriseName: z.string(),
      districtCode: z.string(),
      liaisonUserId: z.uuid().nullable(),
      liaisonName: z.string().nullable(),
      /** `pending` only with `includePending=true`. */
      status: z.enum(['late', 'missing', 'pending']),
      submittedAt: timestamp.nullable(),
    }),
  ),
});
export type LateResponse = z.infer<typeof lateResponse>;

export const alertsQuery = monthQuery.extend({
  liaison: liaisonFilter,
  districtCode: countyCodeSchema.optional(),
});
export const alertsResponse = z.object({
  month: z.string(),
  items: z.array(
    z.object({
      enterpriseId: z.uuid(),
      enterpriseName: z.string(),
      districtCode: z.string(),
      liaisonUserId: z.uuid().nullable(),
      kind: z.enum(['turned_red', 'worsening']),
      colour: monitoringColourSchema,
      previousColour: monitoringColourSchema,
      shortageRate: z.number().nullable(),
      previousShortageRate: z.number().nullable(),
    }),
  ),
});
export type AlertsResponse = z.infer<typeof alertsResponse>;

export const trendsQuery = z.object({
  from: monthSchema,
  to: monthSchema,
  districtCode: countyCodeSchema.optional(),
  industryCode: industryCodeSchema.optional(),
  liaison: liaisonFilter,
});
export type TrendsQuery = z.infer<typeof trendsQuery>;
export const trendsResponse = z.object({
  from: z.string(),
  to: z.string(),
  series: z.array(
    z.object({
      districtCode: z.string().nullable(),
      name: z.string(),
      points: z.array(
        z.object({
          month: z.string(),
          plannedHeadcount: z.number().int(),
          shortage: z.number().int(),
          shortageRate: z.number().nullable(),
          reported: z.number().int(),
          red: z.number().int(),
          openPlaces: z.number().int().nullable(),
          jobSeekers: z.number().int().nullable(),
          seekerRatio: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type TrendsResponse = z.infer<typeof trendsResponse>;

export const enterpriseHistoryQuery = z.object({ from: monthSchema.optional(), to: monthSchema.optional() });
export const enterpriseHistoryResponse = z.object({
  enterprise: z.object({
    id: z.uuid(),
    name: z.string(),
    districtCode: z.string(),
    districtName: z.string().nullable(),
    industryCode: z.string(),
    keyLevel: z.string(),
    isMonitored: z.boolean(),
    isSample: z.boolean(),
    liaisonUserId: z.uuid().nullable(),
    liaisonName: z.string().nullable(),
  }),
  thresholds: thresholdsSchema,
  points: z.array(
    z.object({
      reportId: z.uuid(),
      month: z.string(),
      plannedHeadcount: z.number().int(),
      actualHeadcount: z.number().int(),
      hires: z.number().int(),
      separations: z.number().int(),
      shortage: z.number().int(),
      shortageRate: z.number().nullable(),
      colour: monitoringColourSchema,
    }),
  ),
  can: z.object({ report: z.boolean(), manageSample: z.boolean() }),
});
export type EnterpriseHistory = z.infer<typeof enterpriseHistoryResponse>;

export const monitoredQuery = paginationQuery.extend({
  districtCode: countyCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  liaison: liaisonFilter,
  sampleOnly: queryBoolean.optional(),
});
export const monitoredItem = z.object({
  enterpriseId: z.uuid(),
  name: z.string(),
  districtCode: z.string(),
  keyLevel: z.string(),
  isSample: z.boolean(),
  liaisonUserId: z.uuid().nullable(),
  liaisonName: z.string().nullable(),
});
export const monitoredPage = pageOf(monitoredItem);
export const sampleBody = z.object({ enterpriseId: z.uuid(), note: z.string().trim().max(200).default('') });
export const enterpriseIdParam = z.object({ enterpriseId: z.uuid() });

export const marketSnapshotBody = z.object({ month: monthSchema });
export const marketSnapshotResponse = z.object({
  month: z.string(),
  items: z.array(
    z.object({ districtCode: z.string(), openPlaces: z.number().int(), jobSeekers: z.number().int() }),
  ),
});

export const reportImportResult = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  warnings: z.array(z.object({ row: z.number().int(), message: z.string() })),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
});
export type ReportImportResult = z.infer<typeof reportImportResult>;
