import { z } from 'zod';
import { pageOf, paginationQuery, timestamp } from './common.ts';
import { occupationCodeSchema, patternField } from './fields.ts';

/**
 * Training programmes in the seeds' model 企业订单、劳动者选单、政府买单: an enterprise's job order
 * asks for a skill, a provider trains a number of seats at the government's cost per trainee, and
 * trainees who complete (with the certificate they earned) are recommended to that order.
 */
export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'dropped'] as const;
export type EnrolmentStatusName = (typeof ENROLMENT_STATUSES)[number];

const isoDate = z.iso.date();

const programmeFields = {
  name: z.string().trim().min(2).max(60),
  occupationCode: occupationCodeSchema,
  skill: z.string().trim().max(30).describe('the skill a completing trainee gains (added to their skills)'),
  provider: z.string().trim().min(2).max(60).describe('the training provider (定点培训机构, 技工院校)'),
  seats: z.number().int().min(1).max(10_000),
  startsOn: isoDate,
  endsOn: isoDate,
  costPerTraineeFen: z.number().int().min(0).max(100_000_00).describe('government cost per trainee, fen'),
  jobOrderId: z.uuid().nullable().describe('the enterprise order the programme trains for'),
  managingDistrictCode: patternField(/^\d{6}$/, 'region_code.format').nullable(),
  notes: z.string().trim().max(500),
};

function checkDates(body: { startsOn?: string; endsOn?: string }, ctx: z.RefinementCtx): void {
  if (body.startsOn && body.endsOn && body.endsOn < body.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], params: { key: 'training.dates_order' } });
}

export const trainingCreateBody = z
  .object({
    ...programmeFields,
    skill: programmeFields.skill.default(''),
    costPerTraineeFen: programmeFields.costPerTraineeFen.default(0),
    jobOrderId: programmeFields.jobOrderId.default(null),
    managingDistrictCode: programmeFields.managingDistrictCode.default(null),
    notes: programmeFields.notes.default(''),
  })
  .superRefine(checkDates);
export type TrainingCreateBody = z.infer<typeof trainingCreateBody>;
export type TrainingCreateInput = z.input<typeof trainingCreateBody>;

export const trainingUpdateBody = z
  .object(programmeFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkDates);
export type TrainingUpdateBody = z.infer<typeof trainingUpdateBody>;

export const trainingListQuery = paginationQuery.extend({
  q: z.string().trim().max(60).optional(),
  phase: z.enum(['all', 'upcoming', 'running', 'finished']).default('all'),
  jobOrderId: z.uuid().optional(),
  sort: z.enum(['-startsOn', 'startsOn', 'name']).default('-startsOn'),
});
export type TrainingListQuery = z.infer<typeof trainingListQuery>;

export const trainingSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  skill: z.string(),
  provider: z.string(),
  seats: z.number().int(),
  /** Seats taken: enrolled and completed trainees. */
  taken: z.number().int(),
  counts: z.object({ enrolled: z.number().int(), completed: z.number().int(), dropped: z.number().int() }),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: z.enum(['upcoming', 'running', 'finished']),
  costPerTraineeFen: z.number().int(),
  /** Completed trainees × cost per trainee (what the government pays). */
  governmentCostFen: z.number().int(),
  jobOrder: z
    .object({
      id: z.uuid(),
      title: z.string(),
      enterpriseName: z.string(),
      status: z.string(),
      headcount: z.number().int(),
      filled: z.number().int(),
    })
    .nullable(),
  managingDistrictCode: z.string().nullable(),
  notes: z.string(),
  version: z.number().int(),
  createdAt: timestamp,
  can: z.object({ update: z.boolean(), enrol: z.boolean() }),
});
export type Training = z.infer<typeof trainingSchema>;
export const trainingPage = pageOf(trainingSchema);

export const enrolBody = z.object({ workerId: z.uuid() });

export const enrolmentSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  worker: z.object({
    id: z.uuid(),
    name: z.string(),
    sex: z.enum(['male', 'female']),
    age: z.number().int(),
  }),
  status: z.enum(ENROLMENT_STATUSES),
  certificate: z.string().nullable(),
  completedOn: z.string().nullable(),
  applicationId: z.uuid().nullable(),
  enrolledAt: timestamp,
});
export type Enrolment = z.infer<typeof enrolmentSchema>;
export const enrolmentList = z.object({ items: z.array(enrolmentSchema) });

export const enrolmentParams = z.object({ id: z.uuid(), enrolmentId: z.uuid() });

/** Completing trainees: each with the certificate earned (null: none). */
export const completeBody = z.object({
  items: z
    .array(
      z.object({
        enrolmentId: z.uuid(),
        certificate: z.string().trim().min(1).max(40).nullable().default(null),
      }),
    )
    .min(1)
    .max(500),
  completedOn: isoDate.optional().describe('today when omitted'),
});
export type CompleteBody = z.infer<typeof completeBody>;

/** What happened to the automatic recommendation of a completing trainee. */
export const RECOMMENDATION_OUTCOMES = [
  'recommended',
  'no_order',
  'already_open',
  'order_closed',
  'order_full',
  'worker_unavailable',
] as const;
export type RecommendationOutcome = (typeof RECOMMENDATION_OUTCOMES)[number];

export const completeResult = z.object({
  items: z.array(
    z.object({
      enrolmentId: z.uuid(),
      workerId: z.uuid(),
      name: z.string(),
      outcome: z.enum(['completed', 'already_completed', 'dropped']),
      certificateAdded: z.boolean(),
      recommendation: z.enum(RECOMMENDATION_OUTCOMES),
      applicationId: z.uuid().nullable(),
    }),
  ),
});
export type CompleteResult = z.infer<typeof completeResult>;
