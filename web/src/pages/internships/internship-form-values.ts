import type {
  ApprenticeshipCreateInput,
  Internship,
  InternshipCreateInput,
  InternshipKind,
  InternshipUpdateBody,
  ProgrammeStatus,
} from '@yonggong/shared';

/**
 * The internship and apprenticeship forms' values and their mapping to the API. Stipends are typed
 * in yuan (元/月, two decimals at most) and sent in fen as every amount is; the supervisor's phone
 * of an edited record starts empty with the masked number as a hint and is kept unless retyped.
 */

/** Yuan as typed → integer fen (rounded to the fen, so 2500.005 is not sent as a fraction). */
export function yuanToFen(yuan: number | null | undefined): number {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return 0;
  return Math.round(yuan * 100);
}

/** Fen → yuan for the input. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

export interface InternshipFormValues {
  readonly kind?: InternshipKind | undefined;
  readonly workerId?: string | undefined;
  readonly schoolId?: string | undefined;
  readonly enterpriseId?: string | undefined;
  readonly position?: string | undefined;
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
  readonly graduationDate?: string | undefined;
  readonly stipendYuan?: number | null | undefined;
  readonly supervisorName?: string | undefined;
  readonly supervisorPhone?: string | undefined;
  readonly status?: ProgrammeStatus | undefined;
  readonly notes?: string | undefined;
}

/** The form shows the stipend in yuan: the server's `monthlyStipend` issues land on `stipendYuan`. */
export const INTERNSHIP_FORM_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'workerId',
  'schoolId',
  'enterpriseId',
  'position',
  'startDate',
  'endDate',
  'graduationDate',
  'stipendYuan',
  'supervisorName',
  'supervisorPhone',
  'status',
  'notes',
]);

/** Server issue paths → the form's field names (only the stipend differs). */
export function toInternshipFormPath(path: string): string {
  return path === 'monthlyStipend' ? 'stipendYuan' : path;
}

const trim = (value: string | undefined) => (value ?? '').trim();

export function toInternshipFormValues(internship: Internship): InternshipFormValues {
  return {
    kind: internship.kind,
    workerId: internship.workerId,
    schoolId: internship.schoolId ?? undefined,
    enterpriseId: internship.enterpriseId,
    position: internship.position,
    startDate: internship.startDate,
    endDate: internship.endDate,
    graduationDate: internship.graduationDate ?? undefined,
    stipendYuan: fenToYuan(internship.monthlyStipend),
    supervisorName: internship.supervisorName,
    supervisorPhone: '',
    status: internship.status,
    notes: internship.notes,
  };
}

/** The `POST /api/internships` body. */
export function buildInternshipCreateBody(values: InternshipFormValues): InternshipCreateInput {
  const phone = trim(values.supervisorPhone);
  return {
    kind: values.kind ?? 'placement',
    workerId: values.workerId ?? '',
    schoolId: values.schoolId ?? null,
    enterpriseId: values.enterpriseId ?? '',
    position: trim(values.position),
    startDate: values.startDate ?? '',
    endDate: values.endDate ?? '',
    graduationDate: values.graduationDate ?? null,
    monthlyStipend: yuanToFen(values.stipendYuan),
    supervisorName: trim(values.supervisorName),
    supervisorPhone: phone === '' ? null : phone,
    status: values.status ?? 'planned',
    notes: trim(values.notes),
  };
}

/**
 * The `PATCH /api/internships/:id` body. An empty phone keeps the stored one when there is one
 * (the field shows it masked); typing a number replaces it.
 */
export function buildInternshipUpdateBody(
  values: InternshipFormValues,
  internship: Pick<Internship, 'version' | 'supervisorPhoneMasked'>,
): InternshipUpdateBody {
  const body = buildInternshipCreateBody(values);
  const phone = trim(values.supervisorPhone);
  return {
    position: body.position,
    startDate: body.startDate,
    endDate: body.endDate,
    graduationDate: body.graduationDate ?? null,
    monthlyStipend: body.monthlyStipend,
    supervisorName: body.supervisorName ?? '',
    ...(phone !== ''
      ? { supervisorPhone: phone }
      : internship.supervisorPhoneMasked
        ? {}
        : { supervisorPhone: null }),
    status: body.status ?? 'planned',
    notes: body.notes ?? '',
    version: internship.version,
  };
}

export interface ApprenticeshipFormValues {
  readonly enterpriseId?: string | undefined;
  readonly providerKind?: 'school' | 'provider' | undefined;
  readonly schoolId?: string | undefined;
  readonly providerName?: string | undefined;
  readonly occupationCode?: string | undefined;
  readonly title?: string | undefined;
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
  readonly status?: ProgrammeStatus | undefined;
  readonly notes?: string | undefined;
  readonly workerIds?: readonly string[] | undefined;
}

export const APPRENTICESHIP_FORM_FIELDS: ReadonlySet<string> = new Set([
  'enterpriseId',
  'schoolId',
  'providerName',
  'occupationCode',
  'title',
  'startDate',
  'endDate',
  'status',
  'notes',
  'workerIds',
  'addWorkerIds',
]);

/** The `POST /api/apprenticeships` body: a registered school, or a provider named in words. */
export function buildApprenticeshipCreateBody(values: ApprenticeshipFormValues): ApprenticeshipCreateInput {
  const isSchool = (values.providerKind ?? 'school') === 'school';
  return {
    enterpriseId: values.enterpriseId ?? '',
    schoolId: isSchool ? (values.schoolId ?? null) : null,
    providerName: isSchool ? '' : trim(values.providerName),
    occupationCode: values.occupationCode ?? '',
    title: trim(values.title),
    startDate: values.startDate ?? '',
    endDate: values.endDate ?? '',
    status: values.status ?? 'planned',
    notes: trim(values.notes),
    workerIds: [...(values.workerIds ?? [])],
  };
}
