import {
  type Enterprise,
  type EnterpriseCreateInput,
  type EnterpriseSize,
  formatMessage,
  type KeyLevel,
  type Locale,
  mobilePhoneSchema,
} from '@yonggong/shared';
import type { EnterpriseUpdateInput } from '../../api/enterprises.ts';
import { findFieldError } from '../../forms/zod-rules.ts';

/**
 * The enterprise form's values and their mapping to and from the API. Phones are never sent to
 * the browser in full, so an existing contact's phone field starts empty with the masked number
 * as a hint; leaving it empty keeps the stored number.
 */

export interface ContactFormValue {
  readonly id?: string | undefined;
  readonly name?: string | undefined;
  readonly title?: string | undefined;
  readonly phone?: string | undefined;
  /** Shown as the phone field's placeholder; never sent. */
  readonly phoneMasked?: string | undefined;
}

export interface EnterpriseFormValues {
  readonly creditCode?: string | undefined;
  readonly name?: string | undefined;
  readonly industryCode?: string | undefined;
  readonly districtCode?: string | undefined;
  readonly address?: string | undefined;
  readonly size?: EnterpriseSize | undefined;
  readonly employeeCount?: number | null | undefined;
  readonly keyLevel?: KeyLevel | undefined;
  readonly liaisonUserId?: string | null | undefined;
  readonly contacts?: readonly ContactFormValue[] | undefined;
}

/** Contacts per enterprise, as `contacts: z.array(contactInput).max(10)` allows (a test keeps them equal). */
export const MAX_CONTACTS = 10;

/** The top-level fields the form shows (server issues on other paths are listed above the form). */
export const ENTERPRISE_FORM_FIELDS: ReadonlySet<string> = new Set([
  'creditCode',
  'name',
  'industryCode',
  'districtCode',
  'address',
  'size',
  'employeeCount',
  'keyLevel',
  'liaisonUserId',
  'contacts',
]);

/** A blank form; `districtCode` is preset for a user bound to one district. */
export function buildEmptyFormValues(districtCode?: string): EnterpriseFormValues {
  return { districtCode, keyLevel: 'none', contacts: [] };
}

/** The form's starting values for editing `enterprise`. */
export function toFormValues(enterprise: Enterprise): EnterpriseFormValues {
  return {
    creditCode: enterprise.creditCode,
    name: enterprise.name,
    industryCode: enterprise.industryCode,
    districtCode: enterprise.districtCode,
    address: enterprise.address,
    size: enterprise.size,
    employeeCount: enterprise.employeeCount,
    keyLevel: enterprise.keyLevel,
    liaisonUserId: enterprise.liaison?.id ?? null,
    contacts: enterprise.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      title: contact.title,
      phone: '',
      phoneMasked: contact.phoneMasked,
    })),
  };
}

function trimText(value: string | undefined): string {
  return (value ?? '').trim();
}

function toContactInput(contact: ContactFormValue) {
  const phone = trimText(contact.phone);
  return {
    ...(contact.id ? { id: contact.id } : {}),
    name: trimText(contact.name),
    title: trimText(contact.title),
    ...(phone ? { phone } : {}),
  };
}

/** A required choice; the form's own validation guarantees it, so a gap is a programming error. */
function requireChoice<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`The enterprise form was submitted without ${field}`);
  return value;
}

/** The `POST /api/enterprises` body. The server normalises and validates everything again. */
export function buildCreateBody(values: EnterpriseFormValues): EnterpriseCreateInput {
  return {
    creditCode: trimText(values.creditCode),
    name: trimText(values.name),
    industryCode: values.industryCode ?? '',
    districtCode: values.districtCode ?? '',
    address: trimText(values.address),
    size: requireChoice(values.size, 'size'),
    employeeCount: values.employeeCount ?? null,
    keyLevel: values.keyLevel ?? 'none',
    liaisonUserId: values.liaisonUserId ?? null,
    contacts: (values.contacts ?? []).map(toContactInput),
  };
}

/**
 * The fields only a manager of the enterprise's district may change (`can.changeManagedFields`):
 * identity, district, key level and liaison are the bureau's decisions. The form shows them
 * read-only to anyone else, and the update leaves them out.
 */
export const MANAGED_FIELDS = ['creditCode', 'name', 'districtCode', 'keyLevel', 'liaisonUserId'] as const;
export type ManagedField = (typeof MANAGED_FIELDS)[number];

/**
 * The `PATCH /api/enterprises/:id` body: every field the user may change, plus the version the
 * form was loaded from. Without `can.changeManagedFields` the managed fields are never sent.
 */
export function buildUpdateBody(
  values: EnterpriseFormValues,
  enterprise: Pick<Enterprise, 'version' | 'can'>,
): EnterpriseUpdateInput {
  const body = buildCreateBody(values);
  if (enterprise.can.changeManagedFields) return { ...body, version: enterprise.version };
  const {
    creditCode: _creditCode,
    name: _name,
    districtCode: _districtCode,
    keyLevel: _keyLevel,
    liaisonUserId: _liaisonUserId,
    ...open
  } = body;
  return { ...open, version: enterprise.version };
}

/**
 * The error of a contact's phone field: a new contact needs a valid number; an existing one may
 * leave it empty to keep its stored number, but what is typed must be valid.
 */
export function findContactPhoneError(
  phone: string | undefined,
  isExisting: boolean,
  locale: Locale,
): string | null {
  const text = (phone ?? '').trim();
  if (text === '') return isExisting ? null : formatMessage(locale, 'phone.empty');
  return findFieldError(mobilePhoneSchema, text, locale);
}
