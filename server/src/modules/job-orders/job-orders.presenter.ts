import { findOccupation, type JobOrder, Permission } from '@yonggong/shared';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { canManageOrdersOf } from './job-orders.policy.ts';
import type { JobOrderWithEnterprise } from './job-orders.repository.ts';

/** Row → API shape: names for codes, masked contact phone, the pipeline summary, abilities. */
export function presentJobOrder(
  row: JobOrderWithEnterprise,
  pipeline: Record<string, number>,
  actor: Actor,
  regions: RegionIndex,
): JobOrder {
  const occupation = findOccupation(row.occupation_code);
  const owner = {
    enterpriseId: row.enterprise_id,
    districtCode: row.enterprise_district_code,
    liaisonUserId: row.enterprise_liaison_user_id,
  };
  const manages = canManageOrdersOf(actor, owner);
  const remaining = Math.max(0, row.headcount - row.filled);
  return {
    id: row.id,
    enterprise: {
      id: row.enterprise_id,
      name: row.enterprise_name,
      keyLevel: row.enterprise_key_level,
      districtCode: row.enterprise_district_code,
    },
    title: row.title,
    occupationCode: row.occupation_code,
    occupationName: occupation
      ? actor.locale === 'en'
        ? occupation.nameEn
        : occupation.nameZh
      : row.occupation_code,
    headcount: row.headcount,
    filled: row.filled,
    remaining,
    wageMin: row.wage_min,
    wageMax: row.wage_max,
    ageMin: row.age_min,
    ageMax: row.age_max,
    educationMin: row.education_min,
    skills: row.skills,
    certificates: row.certificates,
    districtCode: row.district_code,
    districtName: regions.get(row.district_code)?.name ?? row.district_code,
    address: row.address,
    shifts: row.shifts,
    dormitory: row.dormitory,
    meals: row.meals,
    startDate: row.start_date,
    deadline: row.deadline,
    urgency: row.urgency,
    visibility: row.visibility,
    contactName: row.contact_name,
    contactPhoneMasked: row.contact_phone_masked,
    description: row.description,
    status: row.status,
    statusReason: row.status_reason,
    staffAssisted: row.staff_assisted,
    pipeline,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: {
      update: manages && (row.status === 'draft' || row.status === 'open'),
      publish: manages && row.status === 'draft',
      close: manages && row.status !== 'closed',
      reopen: manages && (row.status === 'closed' || row.status === 'expired'),
      recommend:
        actor.permissions.has(Permission.ApplicationCreate) && row.status === 'open' && remaining > 0,
    },
  };
}
