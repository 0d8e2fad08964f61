import type { Agency, RatingSummary } from '@yonggong/shared';
import type { AgencyRow } from '../../db/schema-marketplace.ts';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { agencyActions, canApproveAgencies, canUpdateAgency } from './agencies.policy.ts';

export interface AgencyExtras {
  readonly rating: RatingSummary;
  readonly isTier1: boolean;
  readonly stats: Agency['stats'];
}

/** Row → API shape: names for region codes, the masked contact phone, rating, abilities. */
export function presentAgency(
  row: AgencyRow,
  extras: AgencyExtras,
  actor: Actor,
  regions: RegionIndex,
): Agency {
  const regionName = (code: string) => regions.get(code)?.name ?? code;
  return {
    id: row.id,
    licenceNumber: row.licence_number,
    name: row.name,
    regionCode: row.region_code,
    regionName: regionName(row.region_code),
    serviceRegionCodes: row.service_region_codes,
    serviceRegionNames: row.service_region_codes.map(regionName),
    serviceOccupationCodes: row.service_occupation_codes,
    alliance: row.alliance,
    contactName: row.contact_name,
    contactPhoneMasked: row.contact_phone_masked,
    status: row.status,
    statusReason: row.status_reason,
    approvedAt: row.approved_at ? row.approved_at.toISOString() : null,
    rating: extras.rating,
    isTier1: extras.isTier1,
    stats: extras.stats,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: {
      update: canUpdateAgency(actor, row.id),
      setAlliance: canApproveAgencies(actor),
      ...agencyActions(actor, row.status),
    },
  };
}

/** What the audit trail keeps of an agency (the phone masked). */
export function snapshotAgency(row: AgencyRow): Record<string, unknown> {
  return {
    licenceNumber: row.licence_number,
    name: row.name,
    regionCode: row.region_code,
    serviceRegionCodes: row.service_region_codes,
    serviceOccupationCodes: row.service_occupation_codes,
    alliance: row.alliance,
    contact: `${row.contact_name} ${row.contact_phone_masked ?? ''}`.trim(),
    status: row.status,
  };
}
