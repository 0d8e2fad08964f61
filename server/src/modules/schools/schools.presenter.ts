import type { Agreement, AgreementScope, School } from '@yonggong/shared';
import type { SchoolRow } from '../../db/schema-schools.ts';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { canKeepSchoolRegister, canManageAgreement, canUpdateSchoolProfile } from './schools.policy.ts';
import type { AgreementView, MajorView, SchoolStats } from './schools.repository.ts';

export interface SchoolExtras {
  readonly majors: readonly MajorView[];
  readonly contacts: readonly { id: string; name: string; title: string; phone_masked: string }[];
  readonly stats: SchoolStats;
}

/** Row → API shape: region name, majors with graduates, masked contact phones, abilities. */
export function presentSchool(
  row: SchoolRow,
  extras: SchoolExtras,
  actor: Actor,
  regions: RegionIndex,
): School {
  const latestYear = extras.majors
    .flatMap((major) => major.graduates.map((entry) => entry.year))
    .reduce<number | null>((max, year) => (max === null || year > max ? year : max), null);
  const latestGraduates =
    latestYear === null
      ? 0
      : extras.majors.reduce(
          (sum, major) => sum + (major.graduates.find((entry) => entry.year === latestYear)?.graduates ?? 0),
          0,
        );
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    regionCode: row.region_code,
    regionName: regions.fullName(row.region_code) || row.region_code,
    address: row.address,
    notes: row.notes,
    majors: extras.majors.map((major) => ({
      id: major.id,
      name: major.name,
      occupationCode: major.occupationCode,
      graduates: major.graduates,
    })),
    contacts: extras.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      title: contact.title,
      phoneMasked: contact.phone_masked,
    })),
    stats: { ...extras.stats, latestGraduates, latestGraduateYear: latestYear },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: {
      update: canKeepSchoolRegister(actor),
      updateProfile: canUpdateSchoolProfile(actor, row.id),
      addAgreement: canKeepSchoolRegister(actor),
    },
  };
}

export function presentAgreement(
  row: AgreementView,
  actor: Actor,
  regions: RegionIndex,
  today: string,
): Agreement {
  return {
    id: row.id,
    schoolId: row.school_id,
    schoolName: row.school_name,
    schoolType: row.school_type,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    enterpriseDistrictCode: row.enterprise_district_code,
    enterpriseDistrictName: regions.get(row.enterprise_district_code)?.name ?? row.enterprise_district_code,
    title: row.title,
    signedOn: row.signed_on,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    scopes: row.scopes as AgreementScope[],
    status: agreementStatusOn(row, today),
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    can: {
      update: canManageAgreement(actor, {
        schoolId: row.school_id,
        enterpriseDistrictCode: row.enterprise_district_code,
      }),
    },
  };
}

/** upcoming (before valid_from), active, expired (after valid_until). */
export function agreementStatusOn(
  row: { valid_from: string; valid_until: string },
  today: string,
): Agreement['status'] {
  if (today < row.valid_from) return 'upcoming';
  if (today > row.valid_until) return 'expired';
  return 'active';
}

/** What the audit trail keeps of a school (contact phones masked). */
export function snapshotSchool(
  row: SchoolRow,
  majors: readonly { name: string; graduates: readonly { year: number; graduates: number }[] }[],
  contacts: readonly { name: string; phone_masked: string }[],
): Record<string, unknown> {
  return {
    name: row.name,
    type: row.type,
    regionCode: row.region_code,
    address: row.address,
    notes: row.notes,
    majors: majors.map(
      (major) => `${major.name}(${major.graduates.map((g) => `${g.year}:${g.graduates}`).join(',')})`,
    ),
    contacts: contacts.map((contact) => `${contact.name} ${contact.phone_masked}`),
  };
}

export function snapshotAgreement(row: {
  signed_on: string;
  valid_from: string;
  valid_until: string;
  scopes: readonly string[];
  title: string;
  notes: string;
}): Record<string, unknown> {
  return {
    title: row.title,
    signedOn: row.signed_on,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    scopes: [...row.scopes],
    notes: row.notes,
  };
}
