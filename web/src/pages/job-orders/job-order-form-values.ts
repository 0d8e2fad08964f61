import type {
  EducationLevel,
  JobOrder,
  JobOrderCreateInput,
  MEALS,
  SHIFTS,
  Urgency,
  Visibility,
} from '@yonggong/shared';
import type { JobOrderUpdateInput } from '../../api/job-orders.ts';

/**
 * The job-order form's values and their mapping to and from the API. Dates stay `YYYY-MM-DD`
 * strings in the form; wages are whole yuan per month. The contact phone is never sent to the
 * browser in full: when editing, its field starts empty with the masked number as a hint, and
 * leaving it empty keeps the stored number.
 */
export interface JobOrderFormValues {
  readonly enterpriseId?: string | undefined;
  readonly title?: string | undefined;
  readonly occupationCode?: string | undefined;
  readonly headcount?: number | null | undefined;
  readonly wageMin?: number | null | undefined;
  readonly wageMax?: number | null | undefined;
  readonly ageMin?: number | null | undefined;
  readonly ageMax?: number | null | undefined;
  readonly educationMin?: EducationLevel | undefined;
  readonly skills?: readonly string[] | undefined;
  readonly certificates?: readonly string[] | undefined;
  readonly districtCode?: string | undefined;
  readonly address?: string | undefined;
  readonly shifts?: (typeof SHIFTS)[number] | undefined;
  readonly dormitory?: boolean | undefined;
  readonly meals?: (typeof MEALS)[number] | undefined;
  readonly startDate?: string | null | undefined;
  readonly deadline?: string | undefined;
  readonly urgency?: Urgency | undefined;
  readonly visibility?: readonly Visibility[] | undefined;
  readonly contactName?: string | undefined;
  readonly contactPhone?: string | undefined;
  readonly description?: string | undefined;
}

/** The fields the form shows (server issues on other paths are listed above the form). */
export const JOB_ORDER_FORM_FIELDS: ReadonlySet<string> = new Set([
  'enterpriseId',
  'title',
  'occupationCode',
  'headcount',
  'wageMin',
  'wageMax',
  'ageMin',
  'ageMax',
  'educationMin',
  'skills',
  'certificates',
  'districtCode',
  'address',
  'shifts',
  'dormitory',
  'meals',
  'startDate',
  'deadline',
  'urgency',
  'visibility',
  'contactName',
  'contactPhone',
  'description',
]);

/** Days from today to the deadline a new order starts with. */
const DEFAULT_DEADLINE_DAYS = 30;

function addDays(today: Date, days: number): string {
  const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** A blank order: the schema's defaults, a deadline a month ahead, and what is known of the poster. */
export function buildEmptyJobOrderValues(
  preset: { readonly enterpriseId?: string | undefined; readonly districtCode?: string | undefined },
  today: Date = new Date(),
): JobOrderFormValues {
  return {
    enterpriseId: preset.enterpriseId,
    districtCode: preset.districtCode,
    educationMin: 'none',
    skills: [],
    certificates: [],
    shifts: 'day',
    dormitory: false,
    meals: 'none',
    urgency: 'normal',
    visibility: ['public'],
    deadline: addDays(today, DEFAULT_DEADLINE_DAYS),
    startDate: null,
  };
}

/** The form's starting values for editing `order`. */
export function toJobOrderFormValues(order: JobOrder): JobOrderFormValues {
  return {
    enterpriseId: order.enterprise.id,
    title: order.title,
    occupationCode: order.occupationCode,
    headcount: order.headcount,
    wageMin: order.wageMin,
    wageMax: order.wageMax,
    ageMin: order.ageMin,
    ageMax: order.ageMax,
    educationMin: order.educationMin,
    skills: order.skills,
    certificates: order.certificates,
    districtCode: order.districtCode,
    address: order.address,
    shifts: order.shifts,
    dormitory: order.dormitory,
    meals: order.meals,
    startDate: order.startDate,
    deadline: order.deadline,
    urgency: order.urgency,
    visibility: order.visibility,
    contactName: order.contactName,
    contactPhone: '',
    description: order.description,
  };
}

function trimText(value: string | undefined): string {
  return (value ?? '').trim();
}

/** A required number; the form's validation guarantees it, so a gap is a programming error. */
function requireNumber(value: number | null | undefined, field: string): number {
  if (typeof value !== 'number') throw new Error(`The job-order form was submitted without ${field}`);
  return value;
}

/** Every field but the enterprise, as both bodies carry them. */
function buildCommonFields(values: JobOrderFormValues) {
  return {
    title: trimText(values.title),
    occupationCode: values.occupationCode ?? '',
    headcount: requireNumber(values.headcount, 'headcount'),
    wageMin: requireNumber(values.wageMin, 'wageMin'),
    wageMax: requireNumber(values.wageMax, 'wageMax'),
    ageMin: values.ageMin ?? null,
    ageMax: values.ageMax ?? null,
    educationMin: values.educationMin ?? 'none',
    skills: (values.skills ?? []).map((skill) => skill.trim()).filter(Boolean),
    certificates: (values.certificates ?? []).map((certificate) => certificate.trim()).filter(Boolean),
    districtCode: values.districtCode ?? '',
    address: trimText(values.address),
    shifts: values.shifts ?? 'day',
    dormitory: values.dormitory ?? false,
    meals: values.meals ?? 'none',
    startDate: values.startDate || null,
    deadline: values.deadline ?? '',
    urgency: values.urgency ?? 'normal',
    visibility: [...(values.visibility ?? [])],
    contactName: trimText(values.contactName),
    description: trimText(values.description),
  };
}

/** The `POST /api/job-orders` body; `publish: false` saves a draft. */
export function buildJobOrderCreateBody(values: JobOrderFormValues, publish: boolean): JobOrderCreateInput {
  const phone = trimText(values.contactPhone);
  return {
    enterpriseId: values.enterpriseId ?? '',
    ...buildCommonFields(values),
    contactPhone: phone || null,
    publish,
  };
}

/** The `PATCH /api/job-orders/:id` body: every field, the loaded version, the phone only when typed. */
export function buildJobOrderUpdateBody(
  values: JobOrderFormValues,
  order: Pick<JobOrder, 'version'>,
): JobOrderUpdateInput {
  const phone = trimText(values.contactPhone);
  return { ...buildCommonFields(values), ...(phone ? { contactPhone: phone } : {}), version: order.version };
}
