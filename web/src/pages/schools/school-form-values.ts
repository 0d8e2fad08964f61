import type { School, SchoolCreateInput, SchoolType } from '@yonggong/shared';
import type { SchoolUpdateInput } from '../../api/schools.ts';
import { toRegionPath } from '../../components/region-path.ts';
import type { ContactFormValue } from '../enterprises/enterprise-form-values.ts';

/**
 * The school form's values and their mapping to and from the API. The region is a cascader path
 * (province → prefecture → county) whose last code is sent; majors are an editable list, each with
 * its graduates by year; contacts work as on the enterprise form (an existing contact's phone
 * starts empty with the masked number as a hint and is kept unless retyped).
 */
export interface GraduatesFormValue {
  readonly year?: number | null | undefined;
  readonly graduates?: number | null | undefined;
}

export interface MajorFormValue {
  readonly name?: string | undefined;
  readonly occupationCode?: string | null | undefined;
  readonly graduates?: readonly GraduatesFormValue[] | undefined;
}

export interface SchoolFormValues {
  readonly name?: string | undefined;
  readonly type?: SchoolType | undefined;
  readonly regionCode?: readonly string[] | undefined;
  readonly address?: string | undefined;
  readonly notes?: string | undefined;
  readonly majors?: readonly MajorFormValue[] | undefined;
  readonly contacts?: readonly ContactFormValue[] | undefined;
}

/** The top-level fields the form shows (server issues on other paths are listed above the form). */
export const SCHOOL_FORM_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'type',
  'regionCode',
  'address',
  'notes',
  'majors',
  'contacts',
]);

/** The register's fields only officers change; a school's own staff see them read-only. */
export const SCHOOL_REGISTER_FIELDS = ['name', 'type', 'regionCode'] as const;

export function buildEmptySchoolValues(): SchoolFormValues {
  return { type: 'technician', majors: [], contacts: [] };
}

export function toSchoolFormValues(school: School): SchoolFormValues {
  return {
    name: school.name,
    type: school.type,
    regionCode: toRegionPath(school.regionCode),
    address: school.address,
    notes: school.notes,
    majors: school.majors.map((major) => ({
      name: major.name,
      occupationCode: major.occupationCode,
      graduates: major.graduates.map((entry) => ({ year: entry.year, graduates: entry.graduates })),
    })),
    contacts: school.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      title: contact.title,
      phone: '',
      phoneMasked: contact.phoneMasked,
    })),
  };
}

const trim = (value: string | undefined) => (value ?? '').trim();

function toContactInput(contact: ContactFormValue) {
  const phone = trim(contact.phone);
  return {
    ...(contact.id ? { id: contact.id } : {}),
    name: trim(contact.name),
    title: trim(contact.title),
    ...(phone ? { phone } : {}),
  };
}

/**
 * Majors as the API takes them. A half-filled graduates row (a year without a number) is sent as
 * it is so that the server's message lands on it rather than the row silently disappearing.
 */
function toMajorsInput(majors: readonly MajorFormValue[] | undefined) {
  return (majors ?? []).map((major) => ({
    name: trim(major.name),
    occupationCode: major.occupationCode ?? null,
    graduates: (major.graduates ?? []).map((entry) => ({
      year: entry.year ?? Number.NaN,
      graduates: entry.graduates ?? Number.NaN,
    })),
  }));
}

/** The `POST /api/schools` body. The server validates everything again. */
export function buildSchoolCreateBody(values: SchoolFormValues): SchoolCreateInput {
  return {
    name: trim(values.name),
    type: values.type ?? 'technician',
    regionCode: values.regionCode?.at(-1) ?? '',
    address: trim(values.address),
    notes: trim(values.notes),
    majors: toMajorsInput(values.majors),
    contacts: (values.contacts ?? []).map(toContactInput),
  };
}

/**
 * The `PATCH /api/schools/:id` body with the version the form was loaded from. Without the
 * record's `can.update` (a school's own staff) only the profile — majors, contacts, address,
 * notes — is sent, which is all the server lets them change.
 */
export function buildSchoolUpdateBody(
  values: SchoolFormValues,
  school: Pick<School, 'version' | 'can'>,
): SchoolUpdateInput {
  const { name, type, regionCode, ...profile } = buildSchoolCreateBody(values);
  const body = {
    address: profile.address ?? '',
    notes: profile.notes ?? '',
    majors: profile.majors ?? [],
    contacts: profile.contacts ?? [],
    version: school.version,
  };
  return school.can.update ? { ...body, name, type, regionCode } : body;
}
