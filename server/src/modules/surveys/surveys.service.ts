import type { IdNumberInfo } from '@yonggong/engine';
import type {
  SurveyCampaign,
  SurveyCampaignCreateBody,
  SurveyCampaignListQuery,
  SurveyCampaignUpdateBody,
  SurveyConvertBody,
  SurveyConvertResult,
  SurveyCoverage,
  SurveyRecord,
  SurveyRecordCreateBody,
  SurveyRecordListQuery,
  SurveyRecordUpdateBody,
} from '@yonggong/shared';
import type { Insertable, Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database } from '../../db/schema.ts';
import type { SurveyCampaignRow, SurveyRecordsTable } from '../../db/schema-channels.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { nameKeys } from '../../lib/pinyin.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { hashIdNumber, protectIdentity, protectPhone } from '../workers/worker-identity.ts';
import { findWorkerIdByIdHash, insertChannels, insertWorker } from '../workers/workers.repository.ts';
import { canWriteSurveys, surveyScope } from './surveys.policy.ts';
import { presentCampaign, presentRecord, snapshotCampaign, townshipLabel } from './surveys.presenter.ts';
import {
  type CampaignPatch,
  coverageByCampaign,
  coverageByVillage,
  findCampaign,
  findOtherRecordOfPerson,
  findRecordsToConvert,
  insertCampaign,
  insertConversion,
  insertRecords,
  listCampaigns,
  listCampaignsOfRegion,
  listRecords,
  lockRecord,
  type RecordPatch,
  type RecordWithConversion,
  updateCampaignVersioned,
  updateRecord,
} from './surveys.repository.ts';

/**
 * Rural labour surveys (摸排): campaigns, their records (entered or imported), conversion of records
 * into workers (once per record, deduplicated by ID number) and coverage by village and township.
 */
export async function listCampaignPage(deps: Deps, actor: Actor, query: SurveyCampaignListQuery) {
  const { rows, total } = await listCampaigns(deps.db, surveyScope(actor), query);
  const totals = await coverageByCampaign(
    deps.db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => presentCampaign(row, totals.get(row.id), actor, deps.regions)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getCampaign(deps: Deps, actor: Actor, id: string): Promise<SurveyCampaign> {
  const row = await findCampaign(deps.db, surveyScope(actor), id);
  if (!row) throw new AppError('not_found');
  const totals = await coverageByCampaign(deps.db, [id]);
  return presentCampaign(row, totals.get(id), actor, deps.regions);
}

/** A campaign covers a known county, or one township of it (named when the tree lacks it). */
function assertCampaignPlace(
  deps: Pick<Deps, 'regions'>,
  place: { countyCode: string; townshipCode: string | null; townshipName: string },
): void {
  const issues: FieldError[] = [];
  const county = deps.regions.get(place.countyCode);
  if (county?.level !== 'county')
    issues.push({ path: 'countyCode', key: 'survey.county_unknown', params: { value: place.countyCode } });
  else if (place.townshipCode !== null) {
    if (!place.townshipCode.startsWith(place.countyCode))
      issues.push({
        path: 'townshipCode',
        key: 'survey.township_not_in_county',
        params: { value: place.townshipCode },
      });
    else if (!deps.regions.get(place.townshipCode) && place.townshipName === '')
      issues.push({
        path: 'townshipName',
        key: 'survey.township_name_required',
        params: { value: place.townshipCode },
      });
  }
  if (issues.length > 0) throw fieldErrors(issues);
}

export async function createCampaign(
  deps: Deps,
  ctx: RequestContext,
  body: SurveyCampaignCreateBody,
): Promise<SurveyCampaign> {
  const { actor } = ctx;
  if (!canWriteSurveys(actor)) throw new AppError('forbidden');
  assertCampaignPlace(deps, body);
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await insertCampaign(trx, {
      name: body.name,
      county_code: body.countyCode,
      township_code: body.townshipCode,
      township_name: body.townshipCode ? body.townshipName : '',
      organiser: body.organiser,
      period_start: body.periodStart,
      period_end: body.periodEnd,
      notes: body.notes,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'survey.create',
      entityType: 'survey_campaign',
      entityId: row.id,
      summary: `新建摸排 ${row.name}（${deps.regions.fullName(row.county_code)} ${townshipLabel(row, deps.regions)}）`,
      after: snapshotCampaign(row),
    });
    return row.id;
  });
  return getCampaign(deps, actor, id);
}

export async function updateCampaign(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: SurveyCampaignUpdateBody,
): Promise<SurveyCampaign> {
  const { actor } = ctx;
  const current = await findCampaign(deps.db, surveyScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (!canWriteSurveys(actor)) throw new AppError('forbidden');
  const place = {
    countyCode: body.countyCode ?? current.county_code,
    townshipCode: body.townshipCode === undefined ? current.township_code : body.townshipCode,
    townshipName: body.townshipName ?? current.township_name,
  };
  assertCampaignPlace(deps, place);
  const start = body.periodStart ?? current.period_start;
  const end = body.periodEnd ?? current.period_end;
  if (end < start) throw fieldErrors([{ path: 'periodEnd', key: 'survey.period_order' }]);
  const patch: CampaignPatch = {
    county_code: place.countyCode,
    township_code: place.townshipCode,
    township_name: place.townshipCode ? place.townshipName : '',
    period_start: start,
    period_end: end,
    updated_by: actor.id,
  };
  if (body.name !== undefined) patch.name = body.name;
  if (body.organiser !== undefined) patch.organiser = body.organiser;
  if (body.notes !== undefined) patch.notes = body.notes;
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateCampaignVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    const diff = diffSnapshots(snapshotCampaign(current), snapshotCampaign(updated));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'survey.update',
        entityType: 'survey_campaign',
        entityId: id,
        summary: `修改摸排 ${updated.name}：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  return getCampaign(deps, actor, id);
}

async function writableCampaign(deps: Deps, actor: Actor, id: string): Promise<SurveyCampaignRow> {
  const campaign = await findCampaign(deps.db, surveyScope(actor), id);
  if (!campaign) throw new AppError('not_found');
  if (!canWriteSurveys(actor)) throw new AppError('forbidden');
  return campaign;
}

/** Preferred destinations must be known province, prefecture or county codes. */
export function assertDestinations(
  deps: Pick<Deps, 'regions'>,
  codes: readonly string[],
  path = 'preferredRegionCodes',
): FieldError[] {
  return codes.flatMap((code, index) =>
    deps.regions.get(code)
      ? []
      : [{ path: `${path}.${index}`, key: 'survey.region_name_unknown' as const, params: { value: code } }],
  );
}

/** The stored form of a validated record: PII encrypted, hashed and masked like a worker's. */
export function recordRow(
  deps: Pick<Deps, 'pii'>,
  campaignId: string,
  actorId: string,
  body: Omit<SurveyRecordCreateBody, 'idNumber'> & { idNumber: IdNumberInfo },
): Insertable<SurveyRecordsTable> {
  const identity = protectIdentity(deps.pii, body.idNumber, body.phone);
  return {
    campaign_id: campaignId,
    village: body.village,
    name: body.name,
    id_number_enc: identity.id_number_enc,
    id_number_hash: identity.id_number_hash,
    id_number_masked: identity.id_number_masked,
    id_last4: identity.id_last4,
    birth_date: identity.birth_date,
    sex: identity.sex,
    phone_enc: identity.phone_enc,
    phone_hash: identity.phone_hash,
    phone_masked: identity.phone_masked,
    phone_last4: identity.phone_last4,
    education: body.education,
    willing: body.willing,
    skills: [...new Set(body.skills)],
    preferred_region_codes: [...new Set(body.preferredRegionCodes)],
    earliest_date: body.earliestDate,
    household_notes: body.householdNotes,
    created_by: actorId,
  };
}

/** One record entered by hand. */
export async function addRecord(
  deps: Deps,
  ctx: RequestContext,
  campaignId: string,
  body: SurveyRecordCreateBody,
): Promise<SurveyRecord> {
  const campaign = await writableCampaign(deps, ctx.actor, campaignId);
  const issues = assertDestinations(deps, body.preferredRegionCodes);
  if (issues.length > 0) throw fieldErrors(issues);
  const row = recordRow(deps, campaignId, ctx.actor.id, body);
  const record = await deps.db.transaction().execute(async (trx) => {
    const [inserted] = await insertRecords(trx, [row]);
    if (!inserted)
      throw new AppError('duplicate', { fields: [{ path: 'idNumber', key: 'survey.duplicate_record' }] });
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'survey.record_add',
      entityType: 'survey_campaign',
      entityId: campaignId,
      summary: `摸排 ${campaign.name}：登记 ${inserted.village} ${inserted.name}（${inserted.id_number_masked}）`,
      after: {
        village: inserted.village,
        name: inserted.name,
        idNumber: inserted.id_number_masked,
        willing: inserted.willing,
      },
    });
    return inserted;
  });
  return presentRecord(
    { ...record, converted_worker_id: null, is_new_worker: null, converted_at: null },
    deps.regions,
    new Date(),
  );
}

/** Stands in for the phone when only the ID number of a record changes (its parts are discarded). */
const SAMPLE_PHONE = '13800000000';

/** What the audit keeps of a record: masked identity only. */
function snapshotRecord(row: RecordPatch): Record<string, unknown> {
  return {
    village: row.village,
    name: row.name,
    idNumber: row.id_number_masked,
    phone: row.phone_masked,
    education: row.education,
    willing: row.willing,
    skills: row.skills,
    preferredRegionCodes: row.preferred_region_codes,
    earliestDate: row.earliest_date,
    householdNotes: row.household_notes,
  };
}

/**
 * Corrects one record by hand. The named fields change; the ID number and phone only when given
 * (they are shown masked). The edit is checked against the version the editor loaded, under a row
 * lock; a converted record keeps its ID number (the worker it became is that person).
 */
export async function editRecord(
  deps: Deps,
  ctx: RequestContext,
  campaignId: string,
  recordId: string,
  body: SurveyRecordUpdateBody,
): Promise<SurveyRecord> {
  const campaign = await writableCampaign(deps, ctx.actor, campaignId);
  const issues = body.preferredRegionCodes ? assertDestinations(deps, body.preferredRegionCodes) : [];
  if (issues.length > 0) throw fieldErrors(issues);
  const updated = await deps.db
    .transaction()
    .execute(async (trx) => {
      const current = await lockRecord(trx, campaignId, recordId);
      if (!current) throw new AppError('not_found', { messageKey: 'survey.record_unknown' });
      if (current.version !== body.version) throw new AppError('version_conflict');
      const patch: RecordPatch = {};
      if (body.village !== undefined) patch.village = body.village;
      if (body.name !== undefined) patch.name = body.name;
      if (body.education !== undefined) patch.education = body.education;
      if (body.willing !== undefined) patch.willing = body.willing;
      if (body.skills !== undefined) patch.skills = [...new Set(body.skills)];
      if (body.preferredRegionCodes !== undefined)
        patch.preferred_region_codes = [...new Set(body.preferredRegionCodes)];
      if (body.earliestDate !== undefined) patch.earliest_date = body.earliestDate;
      if (body.householdNotes !== undefined) patch.household_notes = body.householdNotes;
      if (body.phone !== undefined) Object.assign(patch, protectPhone(deps.pii, body.phone));
      if (body.idNumber !== undefined) {
        const hash = hashIdNumber(deps.pii, body.idNumber.idNumber);
        if (hash !== current.id_number_hash) {
          const [withConversion] = await findRecordsToConvert(trx, campaignId, { recordIds: [recordId] }, 1);
          if (withConversion?.converted_worker_id)
            throw fieldErrors([{ path: 'idNumber', key: 'survey.converted_identity' }]);
          if (await findOtherRecordOfPerson(trx, campaignId, hash, recordId))
            throw new AppError('duplicate', {
              fields: [{ path: 'idNumber', key: 'survey.duplicate_record' }],
            });
          // The one identity routine, so hash, cipher and mask agree with the worker's; only the ID
          // number's parts are taken (the phone, when given, was protected above).
          const identity = protectIdentity(deps.pii, body.idNumber, body.phone ?? SAMPLE_PHONE);
          patch.id_number_enc = identity.id_number_enc;
          patch.id_number_hash = identity.id_number_hash;
          patch.id_number_masked = identity.id_number_masked;
          patch.id_last4 = identity.id_last4;
          patch.birth_date = identity.birth_date;
          patch.sex = identity.sex;
        }
      }
      const row = await updateRecord(trx, recordId, patch);
      const diff = diffSnapshots(snapshotRecord(current), snapshotRecord(row));
      if (diff)
        await recordAudit(trx, auditContextOf(ctx), {
          action: 'survey.record_update',
          entityType: 'survey_campaign',
          entityId: campaignId,
          summary: `摸排 ${campaign.name}：修改 ${row.village} ${row.name}（${row.id_number_masked}）的${Object.keys(diff.after).join('、')}`,
          ...diff,
        });
      return row;
    })
    .catch((error: unknown) => {
      // Two editors moving two records to the same person at once: the unique key decides.
      if (isUniqueViolation(error, 'survey_records_campaign_id_id_number_hash_key'))
        throw new AppError('duplicate', { fields: [{ path: 'idNumber', key: 'survey.duplicate_record' }] });
      throw error;
    });
  const [presented] = await findRecordsToConvert(deps.db, campaignId, { recordIds: [updated.id] }, 1);
  if (!presented) throw new AppError('not_found');
  return presentRecord(presented, deps.regions, new Date());
}

export async function listRecordPage(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  query: SurveyRecordListQuery,
) {
  const campaign = await findCampaign(deps.db, surveyScope(actor), campaignId);
  if (!campaign) throw new AppError('not_found');
  const { rows, total } = await listRecords(deps.db, campaignId, query);
  const now = new Date();
  return {
    items: rows.map((row) => presentRecord(row, deps.regions, now)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

const CONVERT_MAX = 2000;

class AlreadyConverted extends Error {}

/**
 * Converts records into workers, each once (the `survey_conversions` primary key decides a race):
 * a person already registered (same ID-number hash) gains a `survey` arrival credited to the
 * campaign; a new person becomes a worker whose source is the survey (`source_ref` = campaign), in
 * the city-wide pool. One transaction per record, so one failure leaves the others converted.
 */
export async function convertRecords(
  deps: Deps,
  ctx: RequestContext,
  campaignId: string,
  body: SurveyConvertBody,
): Promise<SurveyConvertResult> {
  const { actor } = ctx;
  const campaign = await writableCampaign(deps, actor, campaignId);
  const records = await findRecordsToConvert(deps.db, campaignId, body, CONVERT_MAX);
  if ('recordIds' in body) {
    const found = new Set(records.map((record) => record.id));
    const missing = body.recordIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw fieldErrors([{ path: `recordIds.${missing}`, key: 'survey.record_unknown' }]);
  }
  const items: SurveyConvertResult['items'] = [];
  const createdIds: string[] = [];
  for (const record of records) {
    if (record.converted_worker_id) {
      items.push({
        recordId: record.id,
        name: record.name,
        outcome: 'already_converted',
        workerId: record.converted_worker_id,
      });
      continue;
    }
    const outcome = await convertOne(deps, ctx, campaign, record);
    items.push({ recordId: record.id, name: record.name, ...outcome });
    if (outcome.outcome === 'created') createdIds.push(outcome.workerId);
  }
  const linkedIds = items.filter((item) => item.outcome === 'linked').map((item) => item.workerId);
  if (createdIds.length + linkedIds.length > 0)
    deps.matching.changed({ workerIds: [...createdIds, ...linkedIds] });
  return {
    created: items.filter((item) => item.outcome === 'created').length,
    linked: linkedIds.length,
    alreadyConverted: items.filter((item) => item.outcome === 'already_converted').length,
    items,
  };
}

async function convertOne(
  deps: Deps,
  ctx: RequestContext,
  campaign: SurveyCampaignRow,
  record: RecordWithConversion,
): Promise<{ outcome: 'created' | 'linked' | 'already_converted'; workerId: string }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await deps.db
        .transaction()
        .execute((trx) => convertInTransaction(trx, deps, ctx, campaign, record));
    } catch (error) {
      if (error instanceof AlreadyConverted) {
        const [again] = await findRecordsToConvert(deps.db, campaign.id, { recordIds: [record.id] }, 1);
        return { outcome: 'already_converted', workerId: again?.converted_worker_id ?? '' };
      }
      // Someone registered the same person between our lookup and our insert: link on retry.
      if (attempt === 0 && isUniqueViolation(error, 'workers_id_number_hash_key')) continue;
      throw error;
    }
  }
  throw new AppError('conflict');
}

async function convertInTransaction(
  trx: Kysely<Database>,
  deps: Deps,
  ctx: RequestContext,
  campaign: SurveyCampaignRow,
  record: RecordWithConversion,
): Promise<{ outcome: 'created' | 'linked'; workerId: string }> {
  const { actor } = ctx;
  const existing = await findWorkerIdByIdHash(trx, record.id_number_hash);
  let workerId: string;
  if (existing) {
    workerId = existing.id;
  } else {
    const keys = nameKeys(record.name);
    const origin = deps.regions.get(campaign.township_code ?? '')
      ? campaign.township_code
      : campaign.county_code;
    const worker = await insertWorker(trx, {
      name: record.name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      id_number_enc: record.id_number_enc,
      id_number_hash: record.id_number_hash,
      id_number_masked: record.id_number_masked,
      id_last4: record.id_last4,
      phone_enc: record.phone_enc,
      phone_hash: record.phone_hash,
      phone_masked: record.phone_masked,
      phone_last4: record.phone_last4,
      birth_date: record.birth_date,
      sex: record.sex,
      origin_region_code: origin,
      current_region_code: null,
      current_address: `${townshipLabel(campaign, deps.regions)}${record.village}`,
      education: record.education,
      skills: record.skills,
      certificates: [],
      occupation_codes: [],
      expected_wage: null,
      available_from: record.earliest_date,
      district_code: null,
      source_channel: 'survey',
      source_ref: campaign.id,
      notes: `摸排：${campaign.name}`,
      created_by: actor.id,
      updated_by: actor.id,
    });
    workerId = worker.id;
  }
  const isFirst = await insertConversion(trx, {
    record_id: record.id,
    campaign_id: campaign.id,
    worker_id: workerId,
    is_new_worker: !existing,
    converted_by: actor.id,
  });
  if (!isFirst) throw new AlreadyConverted();
  await insertChannels(trx, [
    {
      worker_id: workerId,
      channel: 'survey',
      channel_ref: campaign.id,
      source_ref: campaign.id,
      registered_by: actor.id,
    },
  ]);
  await recordAudit(trx, auditContextOf(ctx), {
    action: existing ? 'survey.convert_link' : 'survey.convert_create',
    entityType: 'worker',
    entityId: workerId,
    summary: `摸排 ${campaign.name}：${record.village} ${record.name}（${record.id_number_masked}）${existing ? '关联已登记劳动者' : '转为劳动者'}`,
    after: {
      campaignId: campaign.id,
      recordId: record.id,
      idNumber: record.id_number_masked,
      isNewWorker: !existing,
    },
  });
  return { outcome: existing ? 'linked' : 'created', workerId };
}

/** One campaign's coverage by village, with totals. */
export async function campaignCoverage(
  deps: Deps,
  actor: Actor,
  campaignId: string,
): Promise<SurveyCoverage> {
  const campaign = await findCampaign(deps.db, surveyScope(actor), campaignId);
  if (!campaign) throw new AppError('not_found');
  const rows = await coverageByVillage(deps.db, campaignId);
  return { rows: rows.map((row) => ({ ...row, label: row.key })), totals: sumCoverage(rows) };
}

/** Coverage by township: one row per campaign of the region (a campaign surveys one township). */
export async function townshipCoverage(
  deps: Deps,
  actor: Actor,
  query: { countyCode?: string | undefined },
): Promise<SurveyCoverage> {
  const campaigns = await listCampaignsOfRegion(deps.db, surveyScope(actor), query.countyCode);
  const totals = await coverageByCampaign(
    deps.db,
    campaigns.map((campaign) => campaign.id),
  );
  const rows = campaigns.map((campaign) => {
    const counts = totals.get(campaign.id) ?? { surveyed: 0, willing: 0, converted: 0, placed: 0 };
    const place = [deps.regions.fullName(campaign.county_code), townshipLabel(campaign, deps.regions)]
      .filter((part) => part !== '')
      .join(' ');
    return { key: campaign.id, label: `${place}（${campaign.name}）`, ...counts };
  });
  return { rows, totals: sumCoverage(rows) };
}

function sumCoverage(
  rows: readonly { surveyed: number; willing: number; converted: number; placed: number }[],
) {
  return rows.reduce(
    (sum, row) => ({
      surveyed: sum.surveyed + row.surveyed,
      willing: sum.willing + row.willing,
      converted: sum.converted + row.converted,
      placed: sum.placed + row.placed,
    }),
    { surveyed: 0, willing: 0, converted: 0, placed: 0 },
  );
}
