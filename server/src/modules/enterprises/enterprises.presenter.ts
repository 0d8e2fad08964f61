import {
  type Enterprise,
  type EnterpriseSize,
  type EnterpriseStatus,
  findIndustryDivision,
  type KeyLevel,
} from '@yonggong/shared';
import type { ContactRow } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { canChangeManagerFields, canDeactivate, canRevealContact, canUpdate } from './enterprises.policy.ts';
import type { EnterpriseWithLiaison } from './enterprises.repository.ts';

/**
 * Row → API shape. Contacts' phones leave only masked; abilities (`can`) are computed for the
 * caller so the web app's buttons obey the same policy as the server.
 */
export function presentEnterprise(
  row: EnterpriseWithLiaison,
  contacts: readonly ContactRow[],
  actor: Actor,
  regions: RegionIndex,
): Enterprise {
  const industry = findIndustryDivision(row.industry_code);
  return {
    id: row.id,
    creditCode: row.credit_code,
    name: row.name,
    industryCode: row.industry_code,
    industryName: industry ? (actor.locale === 'en' ? industry.nameEn : industry.nameZh) : row.industry_code,
    districtCode: row.district_code,
    districtName: regions.get(row.district_code)?.name ?? row.district_code,
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    size: row.size as EnterpriseSize,
    employeeCount: row.employee_count,
    keyLevel: row.key_level as KeyLevel,
    liaison:
      row.liaison_user_id && row.liaison_display_name
        ? { id: row.liaison_user_id, displayName: row.liaison_display_name }
        : null,
    isMine: row.liaison_user_id !== null && row.liaison_user_id === actor.id,
    contacts: contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      title: contact.title,
      phoneMasked: contact.phone_masked,
    })),
    status: row.status as EnterpriseStatus,
    deactivatedReason: row.deactivated_reason,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: {
      update: row.status === 'active' && canUpdate(actor, row),
      changeManagedFields: row.status === 'active' && canChangeManagerFields(actor, row),
      deactivate: canDeactivate(actor, row),
      revealContact: canRevealContact(actor),
    },
  };
}

/** The audit snapshot of an enterprise: business fields only, phones masked. */
export function snapshotEnterprise(
  row: Pick<
    EnterpriseWithLiaison,
    | 'credit_code'
    | 'name'
    | 'industry_code'
    | 'district_code'
    | 'address'
    | 'size'
    | 'employee_count'
    | 'key_level'
    | 'liaison_user_id'
    | 'status'
    | 'deactivated_reason'
    | 'longitude'
    | 'latitude'
  >,
  contacts: readonly Pick<ContactRow, 'name' | 'title' | 'phone_masked'>[],
): Record<string, unknown> {
  return {
    creditCode: row.credit_code,
    name: row.name,
    industryCode: row.industry_code,
    districtCode: row.district_code,
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    size: row.size,
    employeeCount: row.employee_count,
    keyLevel: row.key_level,
    liaisonUserId: row.liaison_user_id,
    status: row.status,
    deactivatedReason: row.deactivated_reason,
    contacts: contacts.map((contact) => `${contact.name}（${contact.title || '—'}）${contact.phone_masked}`),
  };
}
