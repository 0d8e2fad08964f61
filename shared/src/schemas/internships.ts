import { z } from 'zod';
import { pageOf, paginationQuery, queryBoolean, timestamp } from './common.ts';
import { mobilePhoneSchema, occupationCodeSchema } from './fields.ts';

/**
 * Internships (顶岗实习 for students still at school, 见习 for graduates and young jobseekers) and
 * new-style apprenticeships (新型学徒制: an enterprise trains its own employees with a school or a
 * training provider). Whether an internship qualifies for the traineeship subsidy is decided by the
 * engine's `traineeshipSubsidy` rule on every write, never typed in.
 */
export const INTERNSHIP_KINDS = ['placement', 'traineeship'] as const;
export type InternshipKind = (typeof INTERNSHIP_KINDS)[number];
export const INTERNSHIP_KIND_LABELS: Readonly<Record<InternshipKind, { 'zh-CN': string; en: string }>> = {
  placement: { 'zh-CN': '顶岗实习', en: 'Placement internship' },
  traineeship: { 'zh-CN': '就业见习', en: 'Traineeship' },
};

export const PROGRAMME_STATUSES = ['planned', 'ongoing', 'completed', 'terminated'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const SUBSIDY_REASONS = [
  'eligible_youth',
  'eligible_graduate',
  'not_traineeship',
  'too_short',
  'too_long',
  'not_youth_or_recent_graduate',
] as const;
export type TraineeshipSubsidyReasonCode = (typeof SUBSIDY_REASONS)[number];

const isoDate = z.iso.date();

function checkPeriod(
  value: { startDate?: string | undefined; endDate?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.startDate && value.endDate && value.startDate > value.endDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], params: { key: 'internship.period' } });
}

const internshipFields = {
  kind: z.enum(INTERNSHIP_KINDS),
  workerId: z.uuid(),
  schoolId: z.uuid().nullable(),
  enterpriseId: z.uuid(),
  position: z.string().trim().min(2).max(60),
  startDate: isoDate,
  endDate: isoDate,
  graduationDate: isoDate.nullable().describe('when the trainee left school (graduates)'),
  monthlyStipend: z.number().int().min(0).max(10_000_000).describe('fen per month'),
  supervisorName: z.string().trim().max(30),
  supervisorPhone: mobilePhoneSchema.nullable(),
  status: z.enum(PROGRAMME_STATUSES),
  notes: z.string().trim().max(1000),
};

export const internshipCreateBody = z
  .object({
    ...internshipFields,
    schoolId: internshipFields.schoolId.default(null),
    graduationDate: internshipFields.graduationDate.default(null),
    supervisorName: internshipFields.supervisorName.default(''),
    supervisorPhone: internshipFields.supervisorPhone.default(null),
    status: internshipFields.status.default('planned'),
    notes: internshipFields.notes.default(''),
  })
  .superRefine(checkPeriod);
export type InternshipCreateBody = z.infer<typeof internshipCreateBody>;
export type InternshipCreateInput = z.input<typeof internshipCreateBody>;

export const internshipUpdateBody = z
  .object({
    position: internshipFields.position.optional(),
    startDate: internshipFields.startDate.optional(),
    endDate: internshipFields.endDate.optional(),
    graduationDate: internshipFields.graduationDate.optional(),
    monthlyStipend: internshipFields.monthlyStipend.optional(),
    supervisorName: internshipFields.supervisorName.optional(),
    supervisorPhone: internshipFields.supervisorPhone.optional(),
    status: internshipFields.status.optional(),
    notes: internshipFields.notes.optional(),
    version: z.number().int().min(1),
  })
  .superRefine(checkPeriod);
export type InternshipUpdateBody = z.infer<typeof internshipUpdateBody>;

export const internshipListQuery = paginationQuery.extend({
  q: z.string().trim().max(30).optional().describe('student or enterprise name'),
  kind: z.enum(INTERNSHIP_KINDS).optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  schoolId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  workerId: z.uuid().optional(),
  subsidyEligible: queryBoolean.optional(),
  startFrom: isoDate.optional(),
  startTo: isoDate.optional(),
  sort: z.enum(['-startDate', 'startDate', 'endDate']).default('-startDate'),
});
export type InternshipListQuery = z.infer<typeof internshipListQuery>;

export const internshipSchema = z.object({
  id: z.uuid(),
  kind: z.enum(INTERNSHIP_KINDS),
  workerId: z.uuid(),
  workerName: z.string(),
  workerIdNumberMasked: z.string(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  position: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  graduationDate: z.string().nullable(),
  monthlyStipend: z.number().int(),
  supervisorName: z.string(),
  supervisorPhoneMasked: z.string().nullable(),
  status: z.enum(PROGRAMME_STATUSES),
  subsidyEligible: z.boolean(),
  subsidyReason: z.enum(SUBSIDY_REASONS),
  notes: z.string(),
  version: z.number().int(),
  createdAt: timestamp,
  can: z.object({ update: z.boolean() }),
});
export type Internship = z.infer<typeof internshipSchema>;
export const internshipPage = pageOf(internshipSchema);
export type InternshipPage = z.infer<typeof internshipPage>;

// ------------------------------------------------------------------------------------------------
// Apprenticeships (新型学徒制)
// ------------------------------------------------------------------------------------------------

const apprenticeshipFields = {
  enterpriseId: z.uuid(),
  schoolId: z.uuid().nullable(),
  providerName: z.string().trim().max(60).describe('training provider, when not a registered school'),
  occupationCode: occupationCodeSchema,
  title: z.string().trim().min(2).max(60),
  startDate: isoDate,
  endDate: isoDate,
  status: z.enum(PROGRAMME_STATUSES),
  notes: z.string().trim().max(1000),
  workerIds: z.array(z.uuid()).max(500),
};

function checkProvider(
  value: { schoolId?: string | null | undefined; providerName?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.schoolId === null && value.providerName === '')
    ctx.addIssue({
      code: 'custom',
      path: ['providerName'],
      params: { key: 'apprenticeship.provider_required' },
    });
}

export const apprenticeshipCreateBody = z
  .object({
    ...apprenticeshipFields,
    schoolId: apprenticeshipFields.schoolId.default(null),
    providerName: apprenticeshipFields.providerName.default(''),
    status: apprenticeshipFields.status.default('planned'),
    notes: apprenticeshipFields.notes.default(''),
    workerIds: apprenticeshipFields.workerIds.default([]),
  })
  .superRefine((value, ctx) => {
    checkPeriod(value, ctx);
    checkProvider(value, ctx);
  });
export type ApprenticeshipCreateBody = z.infer<typeof apprenticeshipCreateBody>;
export type ApprenticeshipCreateInput = z.input<typeof apprenticeshipCreateBody>;

export const apprenticeshipUpdateBody = z
  .object({
    title: apprenticeshipFields.title.optional(),
    occupationCode: apprenticeshipFields.occupationCode.optional(),
    startDate: apprenticeshipFields.startDate.optional(),
    endDate: apprenticeshipFields.endDate.optional(),
    status: apprenticeshipFields.status.optional(),
    notes: apprenticeshipFields.notes.optional(),
    /** Apprentices to add (already listed ones are kept). */
    addWorkerIds: apprenticeshipFields.workerIds.optional(),
    version: z.number().int().min(1),
  })
  .superRefine(checkPeriod);
export type ApprenticeshipUpdateBody = z.infer<typeof apprenticeshipUpdateBody>;

export const apprenticeshipListQuery = paginationQuery.extend({
  q: z.string().trim().max(30).optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  schoolId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  sort: z.enum(['-startDate', 'startDate']).default('-startDate'),
});
export type ApprenticeshipListQuery = z.infer<typeof apprenticeshipListQuery>;

export const apprenticeshipSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  providerName: z.string(),
  occupationCode: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
  notes: z.string(),
  apprentices: z.array(z.object({ workerId: z.uuid(), name: z.string(), idNumberMasked: z.string() })),
  version: z.number().int(),
  createdAt: timestamp,
  can: z.object({ update: z.boolean() }),
});
export type Apprenticeship = z.infer<typeof apprenticeshipSchema>;
export const apprenticeshipPage = pageOf(apprenticeshipSchema);
export type ApprenticeshipPage = z.infer<typeof apprenticeshipPage>;
