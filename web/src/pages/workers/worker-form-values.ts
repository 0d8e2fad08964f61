import type { Channel, EducationLevel, Worker, WorkerCreateInput } from '@yonggong/shared';
import type { WorkerUpdateInput } from '../../api/workers.ts';
import { toRegionPath } from '../../components/region-path.ts';

/**
 * The worker form's values and their mapping to and from the API. The origin is a cascader path
 * (province → township) of which the last code is sent. Birth date, age and sex are never part of
 * the form: they follow from the ID number. The ID number and phone are never sent to the browser
 * in full: when editing, the ID cannot change and the phone field starts empty (left empty, the
 * stored number is kept).
 */
export interface WorkerFormValues {
  readonly name?: string | undefined;
  readonly idNumber?: string | undefined;
  readonly phone?: string | undefined;
  readonly origin?: readonly string[] | undefined;
  readonly districtCode?: string | null | undefined;
  readonly currentAddress?: string | undefined;
  readonly education?: EducationLevel | undefined;
  readonly skills?: readonly string[] | undefined;
  readonly certificates?: readonly string[] | undefined;
  readonly occupationCodes?: readonly string[] | undefined;
  readonly expectedWage?: number | null | undefined;
  readonly availableFrom?: string | null | undefined;
  readonly channel?: Channel | undefined;
  readonly notes?: string | undefined;
}

/** The fields the form shows (server issues on other paths are listed above the form). */
export const WORKER_FORM_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'idNumber',
  'phone',
  'origin',
  'districtCode',
  'currentAddress',
  'education',
  'skills',
  'certificates',
  'occupationCodes',
  'expectedWage',
  'availableFrom',
  'channel',
  'notes',
]);

/** The form field a server issue belongs to: `originRegionCode` is the `origin` cascader. */
export function toWorkerFormPath(path: string): string {
  return path === 'originRegionCode' ? 'origin' : path;
}

/** A blank registration: the schema's defaults, the officer's district when they have only one. */
export function buildEmptyWorkerValues(districtCode?: string): WorkerFormValues {
  return {
    districtCode: districtCode ?? null,
    education: 'junior',
    skills: [],
    certificates: [],
    occupationCodes: [],
    channel: 'officer',
    origin: [],
  };
}

/** The form's starting values for editing `worker`. */
export function toWorkerFormValues(worker: Worker): WorkerFormValues {
  return {
    name: worker.name,
    phone: '',
    origin: toRegionPath(worker.originRegionCode),
    districtCode: worker.districtCode,
    currentAddress: worker.currentAddress,
    education: worker.education,
    skills: worker.skills,
    certificates: worker.certificates,
    occupationCodes: worker.occupationCodes,
    expectedWage: worker.expectedWage,
    availableFrom: worker.availableFrom,
    notes: worker.notes,
  };
}

function trimText(value: string | undefined): string {
  return (value ?? '').trim();
}

function trimList(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((value) => value.trim()).filter(Boolean);
}

/** Every field both bodies carry. */
function buildCommonFields(values: WorkerFormValues) {
  return {
    name: trimText(values.name),
    originRegionCode: values.origin?.at(-1) ?? null,
    districtCode: values.districtCode ?? null,
    currentAddress: trimText(values.currentAddress),
    education: values.education ?? 'junior',
    skills: trimList(values.skills),
    certificates: trimList(values.certificates),
    occupationCodes: [...(values.occupationCodes ?? [])],
    expectedWage: values.expectedWage ?? null,
    availableFrom: values.availableFrom || null,
    notes: trimText(values.notes),
  };
}

/** The `POST /api/workers` body. The server normalises and validates everything again. */
export function buildWorkerCreateBody(values: WorkerFormValues): WorkerCreateInput {
  return {
    ...buildCommonFields(values),
    idNumber: trimText(values.idNumber),
    phone: trimText(values.phone),
    channel: values.channel ?? 'officer',
  };
}

/** The `PATCH /api/workers/:id` body: the loaded version, the phone only when typed. */
export function buildWorkerUpdateBody(
  values: WorkerFormValues,
  worker: Pick<Worker, 'version'>,
): WorkerUpdateInput {
  const phone = trimText(values.phone);
  return { ...buildCommonFields(values), ...(phone ? { phone } : {}), version: worker.version };
}
