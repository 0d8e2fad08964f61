import type { Base, BaseCreateInput, BaseKindName } from '@yonggong/shared';
import type { BaseUpdateInput } from '../../api/bases.ts';
import { toRegionPath } from '../../components/region-path.ts';
import type { ContactFormValue } from '../enterprises/enterprise-form-values.ts';

/**
 * The base form's values and their mapping to and from the API. The origin is a cascader path
 * (province → prefecture → county → township) whose last code is sent; the managing district's
 * "city" choice is a sentinel because a Select cannot hold null. Contacts work as on the
 * enterprise form: an existing contact's phone starts empty with the masked number as a hint.
 */
export const CITY_LEVEL = 'city';

export interface BaseFormValues {
  readonly name?: string | undefined;
  readonly kind?: BaseKindName | undefined;
  readonly originRegionCode?: readonly string[] | undefined;
  readonly originTownshipName?: string | undefined;
  readonly partnerName?: string | undefined;
  readonly address?: string | undefined;
  readonly managingDistrictCode?: string | undefined;
  readonly agreementNumber?: string | undefined;
  readonly agreementSignedOn?: string | undefined;
  readonly agreementValidUntil?: string | undefined;
  readonly annualTarget?: number | null | undefined;
  readonly contacts?: readonly ContactFormValue[] | undefined;
  readonly notes?: string | undefined;
}

/** The top-level fields the form shows (server issues on other paths are listed above the form). */
export const BASE_FORM_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'kind',
  'originRegionCode',
  'originTownshipName',
  'partnerName',
  'address',
  'managingDistrictCode',
  'agreementNumber',
  'agreementSignedOn',
  'agreementValidUntil',
  'annualTarget',
  'contacts',
  'notes',
]);

/** A blank form; the managing district is preset to the officer's one district, else the city. */
export function buildEmptyBaseValues(managingDistrictCode: string | undefined): BaseFormValues {
  return {
    kind: 'labour_cooperation',
    managingDistrictCode: managingDistrictCode ?? CITY_LEVEL,
    annualTarget: 0,
    contacts: [],
  };
}

export function toBaseFormValues(base: Base): BaseFormValues {
  return {
    name: base.name,
    kind: base.kind,
    originRegionCode: toRegionPath(base.originRegionCode),
    originTownshipName: base.originTownshipName,
    partnerName: base.partnerName,
    address: base.address,
    managingDistrictCode: base.managingDistrictCode ?? CITY_LEVEL,
    agreementNumber: base.agreementNumber,
    agreementSignedOn: base.agreementSignedOn ?? undefined,
    agreementValidUntil: base.agreementValidUntil ?? undefined,
    annualTarget: base.annualTarget,
    contacts: base.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      title: contact.title,
      phone: '',
      phoneMasked: contact.phoneMasked,
    })),
    notes: base.notes,
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

/** The `POST /api/bases` body. The server validates everything again. */
export function buildBaseCreateBody(values: BaseFormValues): BaseCreateInput {
  return {
    name: trim(values.name),
    kind: values.kind ?? 'labour_cooperation',
    originRegionCode: values.originRegionCode?.at(-1) ?? '',
    originTownshipName: trim(values.originTownshipName),
    partnerName: trim(values.partnerName),
    address: trim(values.address),
    managingDistrictCode:
      !values.managingDistrictCode || values.managingDistrictCode === CITY_LEVEL
        ? null
        : values.managingDistrictCode,
    agreementNumber: trim(values.agreementNumber),
    agreementSignedOn: values.agreementSignedOn ?? null,
    agreementValidUntil: values.agreementValidUntil ?? null,
    annualTarget: values.annualTarget ?? 0,
    contacts: (values.contacts ?? []).map(toContactInput),
    notes: trim(values.notes),
  };
}

/** The `PATCH /api/bases/:id` body: every field, with the version the form was loaded from. */
export function buildBaseUpdateBody(values: BaseFormValues, base: Pick<Base, 'version'>): BaseUpdateInput {
  return { ...buildBaseCreateBody(values), version: base.version };
}
