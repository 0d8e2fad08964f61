import { ageOn } from '@yonggong/engine';
import type { Channel, EducationLevel, Worker, WorkerStatus } from '@yonggong/shared';
import type { WorkerChannelRow, WorkerRow } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { canRecommendWorker, canRevealWorker, canUpdateWorker } from './workers.policy.ts';
import type { FlagView } from './workers.repository.ts';

/**
 * Row → API shape. The ID number and phone leave ONLY masked (the `*_enc` and `*_hash` columns
 * never leave the server; the full values only through the audited reveal). Age is computed on
 * the day of the request from the birth date the ID number gave. `can` follows the policy.
 */
export function presentWorker(
  row: WorkerRow,
  channels: readonly WorkerChannelRow[],
  flags: readonly FlagView[],
  actor: Actor,
  regions: RegionIndex,
  today: Date = new Date(),
): Worker {
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, today),
    sex: row.sex === 'female' ? 'female' : 'male',
    originRegionCode: row.origin_region_code,
    originRegionName: row.origin_region_code ? regions.fullName(row.origin_region_code) || null : null,
    currentRegionCode: row.current_region_code,
    currentAddress: row.current_address,
    education: row.education as EducationLevel,
    skills: row.skills,
    certificates: row.certificates,
    occupationCodes: row.occupation_codes,
    expectedWage: row.expected_wage,
    availableFrom: row.available_from,
    districtCode: row.district_code,
    districtName: row.district_code ? (regions.get(row.district_code)?.name ?? row.district_code) : null,
    status: row.status as WorkerStatus,
    sourceChannel: row.source_channel as Channel,
    channels: channels.map((channel) => ({
      channel: channel.channel as Channel,
      at: channel.at.toISOString(),
    })),
    possibleDuplicates: flags.map((flag) => ({
      flagId: flag.flag_id,
      workerId: flag.other_id,
      name: flag.other_name,
      reason: flag.reason,
      status: flag.status === 'confirmed' ? 'confirmed' : 'open',
    })),
    notes: row.notes,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: {
      update: canUpdateWorker(actor, row),
      reveal: canRevealWorker(actor),
      recommend: canRecommendWorker(actor, row),
    },
  };
}

/** The audit snapshot of a worker: business fields, ID number and phone MASKED only. */
export function snapshotWorker(
  row: Pick<
    WorkerRow,
    | 'name'
    | 'id_number_masked'
    | 'phone_masked'
    | 'birth_date'
    | 'sex'
    | 'origin_region_code'
    | 'current_region_code'
    | 'current_address'
    | 'education'
    | 'skills'
    | 'certificates'
    | 'occupation_codes'
    | 'expected_wage'
    | 'available_from'
    | 'district_code'
    | 'status'
    | 'source_channel'
    | 'notes'
  >,
): Record<string, unknown> {
  return {
    name: row.name,
    idNumber: row.id_number_masked,
    phone: row.phone_masked,
    birthDate: row.birth_date,
    sex: row.sex,
    originRegionCode: row.origin_region_code,
    currentRegionCode: row.current_region_code,
    currentAddress: row.current_address,
    education: row.education,
    skills: row.skills,
    certificates: row.certificates,
    occupationCodes: row.occupation_codes,
    expectedWage: row.expected_wage,
    availableFrom: row.available_from,
    districtCode: row.district_code,
    status: row.status,
    sourceChannel: row.source_channel,
    notes: row.notes,
  };
}
