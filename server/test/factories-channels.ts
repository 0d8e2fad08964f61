import type { UserRow } from '../src/db/schema.ts';
import type {
  BaseKind,
  LabourBaseRow,
  SurveyCampaignRow,
  TrainingProgrammeRow,
} from '../src/db/schema-channels.ts';
import type { Deps } from '../src/deps.ts';
import { nameKeys } from '../src/lib/pinyin.ts';
import { buildUser, uniqueSuffix } from './factories.ts';

/**
 * Factories of the supply channels (labour bases, surveys, training programmes): each test builds
 * exactly the rows it needs, with unique names.
 */
export async function buildBase(
  deps: Pick<Deps, 'db'>,
  overrides: {
    name?: string;
    kind?: BaseKind;
    originRegionCode?: string;
    managingDistrictCode?: string | null;
    annualTarget?: number;
    agreementValidUntil?: string | null;
  } = {},
): Promise<LabourBaseRow> {
  const name = overrides.name ?? `昭阳测试${uniqueSuffix()}劳务合作基地`;
  const keys = nameKeys(name);
  return deps.db
    .insertInto('labour_bases')
    .values({
      name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      kind: overrides.kind ?? 'labour_cooperation',
      origin_region_code: overrides.originRegionCode ?? '530602',
      partner_name: '昭阳区人力资源和社会保障局',
      managing_district_code:
        overrides.managingDistrictCode === undefined ? null : overrides.managingDistrictCode,
      annual_target: overrides.annualTarget ?? 100,
      agreement_signed_on: '2025-03-01',
      agreement_valid_until:
        overrides.agreementValidUntil === undefined ? '2028-02-28' : overrides.agreementValidUntil,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A staff account (role `base`) bound to `baseId`. */
export async function buildBaseUser(deps: Pick<Deps, 'db'>, baseId: string): Promise<UserRow> {
  const user = await buildUser(deps, { roles: ['base'] });
  return deps.db
    .updateTable('users')
    .set({ base_id: baseId })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records a worker's arrival through a base (what registration or import by its staff writes). */
export async function creditWorkerToBase(
  deps: Pick<Deps, 'db'>,
  workerId: string,
  baseId: string,
): Promise<void> {
  await deps.db
    .insertInto('worker_channels')
    .values({
      worker_id: workerId,
      channel: 'base',
      channel_ref: `test-${baseId}`,
      source_ref: baseId,
      registered_by: null,
      import_batch_id: null,
    })
    .execute();
}

export async function buildSurveyCampaign(
  deps: Pick<Deps, 'db'>,
  overrides: {
    countyCode?: string;
    townshipCode?: string | null;
    townshipName?: string;
    periodStart?: string;
  } = {},
): Promise<SurveyCampaignRow> {
  return deps.db
    .insertInto('survey_campaigns')
    .values({
      name: `摸排测试${uniqueSuffix()}`,
      county_code: overrides.countyCode ?? '530627',
      township_code: overrides.townshipCode === undefined ? '530627105' : overrides.townshipCode,
      township_name: overrides.townshipName ?? '以勒镇',
      organiser: '镇雄县人力资源和社会保障局',
      period_start: overrides.periodStart ?? '2026-01-05',
      period_end: '2026-02-10',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildTraining(
  deps: Pick<Deps, 'db'>,
  overrides: {
    seats?: number;
    jobOrderId?: string | null;
    managingDistrictCode?: string | null;
    skill?: string;
  } = {},
): Promise<TrainingProgrammeRow> {
  return deps.db
    .insertInto('training_programmes')
    .values({
      name: `焊工培训${uniqueSuffix()}`,
      occupation_code: '6-18-02-04',
      skill: overrides.skill ?? '电焊',
      provider: '苏州技师学院',
      seats: overrides.seats ?? 30,
      starts_on: '2026-03-01',
      ends_on: '2026-04-15',
      cost_per_trainee_fen: 180_000,
      job_order_id: overrides.jobOrderId ?? null,
      managing_district_code:
        overrides.managingDistrictCode === undefined ? null : overrides.managingDistrictCode,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
