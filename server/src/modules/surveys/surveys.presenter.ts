import { ageOn } from '@yonggong/engine';
import type { CoverageCounts, EducationLevel, SurveyCampaign, SurveyRecord } from '@yonggong/shared';
import type { SurveyCampaignRow } from '../../db/schema-channels.ts';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { canWriteSurveys } from './surveys.policy.ts';
import type { RecordWithConversion } from './surveys.repository.ts';

const NO_COVERAGE: CoverageCounts = { surveyed: 0, willing: 0, converted: 0, placed: 0 };

/** The township as people say it: the tree's name when it knows the code, else the name as written. */
export function townshipLabel(
  row: Pick<SurveyCampaignRow, 'township_code' | 'township_name'>,
  regions: RegionIndex,
): string {
  if (!row.township_code) return '';
  return regions.get(row.township_code)?.name ?? row.township_name;
}

export function presentCampaign(
  row: SurveyCampaignRow,
  totals: CoverageCounts | undefined,
  actor: Actor,
  regions: RegionIndex,
): SurveyCampaign {
  const canWrite = canWriteSurveys(actor);
  return {
    id: row.id,
    name: row.name,
    countyCode: row.county_code,
    countyName: regions.fullName(row.county_code),
    townshipCode: row.township_code,
    townshipName: townshipLabel(row, regions),
    organiser: row.organiser,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    notes: row.notes,
    totals: totals ?? NO_COVERAGE,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    can: { update: canWrite, addRecords: canWrite, convert: canWrite },
  };
}

/** Row → API shape: ID number and phone masked, age from the birth date, names for region codes. */
export function presentRecord(row: RecordWithConversion, regions: RegionIndex, now: Date): SurveyRecord {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    village: row.village,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    sex: row.sex,
    age: ageOn(row.birth_date, now),
    education: row.education as EducationLevel,
    willing: row.willing,
    skills: row.skills,
    preferredRegionCodes: row.preferred_region_codes,
    preferredRegionNames: row.preferred_region_codes.map((code) => regions.fullName(code) || code),
    earliestDate: row.earliest_date,
    householdNotes: row.household_notes,
    conversion:
      row.converted_worker_id && row.converted_at
        ? {
            workerId: row.converted_worker_id,
            isNewWorker: row.is_new_worker === true,
            convertedAt: new Date(row.converted_at).toISOString(),
          }
        : null,
    version: row.version,
  };
}

export function snapshotCampaign(row: SurveyCampaignRow): Record<string, unknown> {
  return {
    name: row.name,
    countyCode: row.county_code,
    townshipCode: row.township_code,
    townshipName: row.township_name,
    organiser: row.organiser,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    notes: row.notes,
  };
}
