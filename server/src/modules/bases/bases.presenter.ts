import { ageOn } from '@yonggong/engine';
import type { Base, BaseEvent, BaseWorker } from '@yonggong/shared';
import type { LabourBaseContactRow, LabourBaseEventRow, LabourBaseRow } from '../../db/schema-channels.ts';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { baseAbilities } from './bases.policy.ts';
import type { AgreementFileMeta, BaseStats } from './bases.repository.ts';

export interface BaseExtras {
  readonly stats: BaseStats;
  readonly contacts: readonly LabourBaseContactRow[];
  readonly file: AgreementFileMeta | undefined;
  readonly today: string;
}

const EMPTY_STATS: BaseStats = {
  deliveredThisYear: 0,
  workersSupplied: 0,
  applications: 0,
  placements: 0,
  events: 0,
};

/** The origin as people say it: "云南省 昭通市 镇雄县 以勒镇". */
export function originNameOf(regions: RegionIndex, code: string, townshipName: string): string {
  const known = regions.get(code);
  if (known) return regions.fullName(code);
  const county = regions.fullName(code.slice(0, 6));
  return [county, townshipName].filter((part) => part !== '').join(' ');
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Row → API shape: names for region codes, masked phones, what the base delivered, abilities. */
export function presentBase(
  row: LabourBaseRow,
  extras: Partial<BaseExtras> & { today: string },
  actor: Actor,
  regions: RegionIndex,
): Base {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    originRegionCode: row.origin_region_code,
    originName: originNameOf(regions, row.origin_region_code, row.origin_township_name),
    originCountyCode: row.origin_county_code,
    originProvinceCode: row.origin_province_code,
    originTownshipName: row.origin_township_name,
    partnerName: row.partner_name,
    address: row.address,
    managingDistrictCode: row.managing_district_code,
    managingDistrictName: row.managing_district_code
      ? (regions.get(row.managing_district_code)?.name ?? row.managing_district_code)
      : null,
    agreementNumber: row.agreement_number,
    agreementSignedOn: row.agreement_signed_on,
    agreementValidUntil: row.agreement_valid_until,
    agreementDaysLeft: row.agreement_valid_until
      ? daysBetween(extras.today, row.agreement_valid_until)
      : null,
    agreementFile: extras.file
      ? {
          filename: extras.file.filename,
          contentType: extras.file.content_type,
          sizeBytes: extras.file.size_bytes,
          uploadedAt: extras.file.uploaded_at.toISOString(),
        }
      : null,
    annualTarget: row.annual_target,
    stats: extras.stats ?? EMPTY_STATS,
    contacts: (extras.contacts ?? []).map((contact) => ({
      id: contact.id,
      name: contact.name,
      title: contact.title,
      phoneMasked: contact.phone_masked,
    })),
    notes: row.notes,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: baseAbilities(actor, row.managing_district_code),
  };
}

/** What the audit trail keeps of a base (phones masked). */
export function snapshotBase(
  row: LabourBaseRow,
  contacts: readonly Pick<LabourBaseContactRow, 'name' | 'phone_masked'>[],
): Record<string, unknown> {
  return {
    name: row.name,
    kind: row.kind,
    originRegionCode: row.origin_region_code,
    originTownshipName: row.origin_township_name,
    partnerName: row.partner_name,
    address: row.address,
    managingDistrictCode: row.managing_district_code,
    agreementNumber: row.agreement_number,
    agreementSignedOn: row.agreement_signed_on,
    agreementValidUntil: row.agreement_valid_until,
    annualTarget: row.annual_target,
    contacts: contacts.map((contact) => `${contact.name} ${contact.phone_masked}`),
    notes: row.notes,
    status: row.status,
  };
}

export function presentEvent(
  row: LabourBaseEventRow,
  enterprises: readonly { id: string; name: string }[],
  workers: readonly { id: string; name: string }[],
  workerCount: number,
): BaseEvent {
  return {
    id: row.id,
    baseId: row.base_id,
    heldOn: row.held_on,
    place: row.place,
    kind: row.kind,
    notes: row.notes,
    enterprises: enterprises.map(({ id, name }) => ({ id, name })),
    workers: workers.map(({ id, name }) => ({ id, name })),
    workerCount,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentBaseWorker(
  row: {
    id: string;
    name: string;
    sex: string;
    birth_date: string;
    origin_region_code: string | null;
    status: string;
    arrived_at: Date | string;
  },
  regions: RegionIndex,
  now: Date,
): BaseWorker {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex === 'female' ? 'female' : 'male',
    age: ageOn(row.birth_date, now),
    originRegionCode: row.origin_region_code,
    originName: row.origin_region_code ? regions.fullName(row.origin_region_code) : null,
    status: row.status === 'employed' || row.status === 'inactive' ? row.status : 'available',
    arrivedAt: new Date(row.arrived_at).toISOString(),
  };
}
