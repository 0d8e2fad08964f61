import { z } from 'zod';
import { APPLICATION_STATUSES } from './applications.ts';
import { pageOf, paginationQuery, timestamp } from './common.ts';
import { SCHOOL_TYPES } from './schools.ts';
import { WORKER_STATUSES, workerCreateBody, workerImportStatus } from './workers.ts';

/**
 * Order and named classes (订单班/冠名班) and 产业学院 cohorts: a school trains a class of one major
 * for one enterprise; at graduation the bureau (or the school) delivers the whole class into one of
 * the enterprise's open job orders in one step. Students are workers of channel `school`.
 */
export const ORDER_CLASS_KINDS = ['order', 'named', 'industry_college'] as const;
export type OrderClassKind = (typeof ORDER_CLASS_KINDS)[number];

export const ORDER_CLASS_KIND_LABELS: Readonly<Record<OrderClassKind, { 'zh-CN': string; en: string }>> = {
  order: { 'zh-CN': '订单班', en: 'Order class' },
  named: { 'zh-CN': '冠名班', en: 'Named class' },
  industry_college: { 'zh-CN': '产业学院', en: 'Industry college cohort' },
};

/** Derived: studying (before graduation), graduated (not yet delivered), delivered. */
export const ORDER_CLASS_STAGES = ['studying', 'graduated', 'delivered'] as const;
export type OrderClassStage = (typeof ORDER_CLASS_STAGES)[number];

const isoDate = z.iso.date();

const classFields = {
  schoolId: z.uuid(),
  enterpriseId: z.uuid(),
  agreementId: z.uuid().nullable(),
  kind: z.enum(ORDER_CLASS_KINDS),
  name: z.string().trim().min(2).max(60),
  majorName: z.string().trim().min(2).max(40),
  classSize: z.number().int().min(1).max(500).describe('planned size (招生计划人数)'),
  startDate: isoDate,
  graduationDate: isoDate,
};

function checkDates(
  value: { startDate?: string | undefined; graduationDate?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.startDate && value.graduationDate && value.startDate > value.graduationDate)
    ctx.addIssue({ code: 'custom', path: ['graduationDate'], params: { key: 'order_class.period' } });
}

export const orderClassCreateBody = z
  .object({ ...classFields, agreementId: classFields.agreementId.default(null) })
  .superRefine(checkDates);
export type OrderClassCreateBody = z.infer<typeof orderClassCreateBody>;
export type OrderClassCreateInput = z.input<typeof orderClassCreateBody>;

export const orderClassUpdateBody = z
  .object({
    agreementId: classFields.agreementId.optional(),
    kind: classFields.kind.optional(),
    name: classFields.name.optional(),
    majorName: classFields.majorName.optional(),
    classSize: classFields.classSize.optional(),
    startDate: classFields.startDate.optional(),
    graduationDate: classFields.graduationDate.optional(),
    version: z.number().int().min(1),
  })
  .superRefine(checkDates);
export type OrderClassUpdateBody = z.infer<typeof orderClassUpdateBody>;

export const orderClassListQuery = paginationQuery.extend({
  q: z.string().trim().max(60).optional(),
  schoolId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  kind: z.enum(ORDER_CLASS_KINDS).optional(),
  stage: z.enum(ORDER_CLASS_STAGES).optional(),
  /** Graduating on or before (upcoming graduations). */
  graduatingBy: isoDate.optional(),
  sort: z.enum(['graduationDate', '-graduationDate', '-createdAt', 'name']).default('graduationDate'),
});
export type OrderClassListQuery = z.infer<typeof orderClassListQuery>;

export const orderClassSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  schoolType: z.enum(SCHOOL_TYPES),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  agreementId: z.uuid().nullable(),
  kind: z.enum(ORDER_CLASS_KINDS),
  name: z.string(),
  majorName: z.string(),
  classSize: z.number().int(),
  /** Students enrolled now (withdrawn ones not counted). */
  enrolled: z.number().int(),
  startDate: z.string(),
  graduationDate: z.string(),
  stage: z.enum(ORDER_CLASS_STAGES),
  deliveredAt: timestamp.nullable(),
  deliveredJobOrderId: z.uuid().nullable(),
  deliveredJobOrderTitle: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  can: z.object({ update: z.boolean(), manageStudents: z.boolean(), deliver: z.boolean() }),
});
export type OrderClass = z.infer<typeof orderClassSchema>;
export const orderClassPage = pageOf(orderClassSchema);
export type OrderClassPage = z.infer<typeof orderClassPage>;

/** One student of the roster: PII masked; the application to the delivered order if any. */
export const classStudentSchema = z.object({
  workerId: z.uuid(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  education: z.string(),
  workerStatus: z.enum(WORKER_STATUSES),
  status: z.enum(['enrolled', 'withdrawn']),
  addedAt: timestamp,
  /** The student's application to the order the class was delivered to. */
  deliveredApplicationStatus: z.enum(APPLICATION_STATUSES).nullable(),
});
export type ClassStudent = z.infer<typeof classStudentSchema>;
export const classStudentPage = pageOf(classStudentSchema);
export type ClassStudentPage = z.infer<typeof classStudentPage>;

export const classStudentListQuery = paginationQuery.extend({
  q: z.string().trim().max(30).optional(),
  status: z.enum(['enrolled', 'withdrawn', 'all']).default('enrolled'),
});

/** `POST /api/order-classes/:id/students`: the registration form (as POST /api/workers). */
export const classStudentCreateBody = workerCreateBody.omit({ channel: true, districtCode: true });
export type ClassStudentCreateBody = z.infer<typeof classStudentCreateBody>;
export type ClassStudentCreateInput = z.input<typeof classStudentCreateBody>;

export const classStudentAddReply = z.object({
  outcome: z.enum(['created', 'linked_existing', 'already_in_class']),
  workerId: z.uuid(),
  enrolled: z.number().int(),
  classSize: z.number().int(),
  /** More students than the planned size: allowed, shown as a warning. */
  overSize: z.boolean(),
});
export type ClassStudentAddReply = z.infer<typeof classStudentAddReply>;

/** `POST /api/order-classes/:id/students/:workerId/withdraw` and `/reinstate`. */
export const classStudentParams = z.object({ id: z.uuid(), workerId: z.uuid() });

/** The worker import's status plus how many of its people joined the class. */
export const classImportStatus = workerImportStatus.extend({
  classId: z.uuid(),
  /** Students of the file attached to the class (new and already registered people). */
  attached: z.number().int(),
  enrolled: z.number().int(),
  classSize: z.number().int(),
  overSize: z.boolean(),
});
export type ClassImportStatus = z.infer<typeof classImportStatus>;
export const classImportParams = z.object({ id: z.uuid(), importId: z.uuid() });

// ------------------------------------------------------------------------------------------------
// Deliver the class (整班输送)
// ------------------------------------------------------------------------------------------------

export const deliverClassBody = z.object({ jobOrderId: z.uuid() });
export type DeliverClassBody = z.infer<typeof deliverClassBody>;

export const DELIVERY_OUTCOMES = [
  'created',
  'skipped_employed',
  'skipped_inactive',
  'skipped_open_application',
  'skipped_withdrawn',
] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

export const deliverClassReply = z.object({
  classId: z.uuid(),
  jobOrderId: z.uuid(),
  jobOrderTitle: z.string(),
  created: z.number().int(),
  skipped: z.number().int(),
  results: z.array(
    z.object({
      workerId: z.uuid(),
      name: z.string(),
      outcome: z.enum(DELIVERY_OUTCOMES),
      applicationId: z.uuid().nullable(),
    }),
  ),
});
export type DeliverClassReply = z.infer<typeof deliverClassReply>;

/** An open order of the class's enterprise (the choices of the deliver dialog). */
export const deliverableOrderSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  occupationCode: z.string(),
  headcount: z.number().int(),
  filled: z.number().int(),
  deadline: z.string(),
});
export const deliverableOrderList = z.object({ items: z.array(deliverableOrderSchema) });
export type DeliverableOrder = z.infer<typeof deliverableOrderSchema>;
