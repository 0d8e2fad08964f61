import type { CoverageCounts, SurveyCampaignListQuery, SurveyRecordListQuery } from '@yonggong/shared';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SqlBool,
  sql,
} from 'kysely';
import { countRows, listPage, takePage, textSearch } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type {
  SurveyCampaignRow,
  SurveyCampaignsTable,
  SurveyRecordRow,
  SurveyRecordsTable,
} from '../../db/schema-channels.ts';
import { escapeLike } from '../../lib/pinyin.ts';

/** The only SQL of the surveys module. */
export type SurveyScope = (eb: ExpressionBuilder<Database, 'survey_campaigns'>) => Expression<SqlBool>;

export type CampaignPatch = Partial<Omit<SurveyCampaignRow, 'id' | 'version' | 'created_at' | 'updated_at'>>;

export async function listCampaigns(
  db: Kysely<Database>,
  scope: SurveyScope,
  query: SurveyCampaignListQuery,
): Promise<{ rows: SurveyCampaignRow[]; total: number }> {
  let q = db.selectFrom('survey_campaigns').selectAll('survey_campaigns').where(scope);
  if (query.countyCode) q = q.where('survey_campaigns.county_code', 'like', `${query.countyCode}%`);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      textSearch(eb, text, {
        text: ['survey_campaigns.name', 'survey_campaigns.township_name', 'survey_campaigns.organiser'],
      }),
    );
  }
  return listPage(
    q,
    query,
    {
      name: (q) => q.orderBy('survey_campaigns.name', 'asc'),
      '-periodStart': (q) => q.orderBy('survey_campaigns.period_start', 'desc'),
    },
    'survey_campaigns.id',
  );
}

export async function findCampaign(
  db: Kysely<Database>,
  scope: SurveyScope,
  id: string,
): Promise<SurveyCampaignRow | undefined> {
  return db.selectFrom('survey_campaigns').selectAll().where('id', '=', id).where(scope).executeTakeFirst();
}

export async function insertCampaign(
  db: Kysely<Database>,
  row: Insertable<SurveyCampaignsTable>,
): Promise<SurveyCampaignRow> {
  return db.insertInto('survey_campaigns').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCampaignVersioned(
  db: Kysely<Database>,
  id: string,
  version: number,
  patch: CampaignPatch,
): Promise<SurveyCampaignRow | undefined> {
  return db
    .updateTable('survey_campaigns')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Which of these ID-number hashes are already recorded in the campaign. */
export async function findRecordedHashes(
  db: Kysely<Database>,
  campaignId: string,
  hashes: readonly string[],
): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const rows = await db
      .selectFrom('survey_records')
      .select('id_number_hash')
      .where('campaign_id', '=', campaignId)
      .where('id_number_hash', 'in', hashes.slice(i, i + 1000))
      .execute();
    for (const row of rows) found.add(row.id_number_hash);
  }
  return found;
}

/** Inserts records; a person already in the campaign is skipped. Returns the new rows. */
export async function insertRecords(
  db: Kysely<Database>,
  rows: readonly Insertable<SurveyRecordsTable>[],
): Promise<SurveyRecordRow[]> {
  const inserted: SurveyRecordRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = await db
      .insertInto('survey_records')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['campaign_id', 'id_number_hash']).doNothing())
      .returningAll()
      .execute();
    inserted.push(...batch);
  }
  return inserted;
}

/** One record of the campaign, locked for an edit (call inside a transaction). */
export async function lockRecord(
  db: Kysely<Database>,
  campaignId: string,
  recordId: string,
): Promise<SurveyRecordRow | undefined> {
  return db
    .selectFrom('survey_records')
    .selectAll()
    .where('id', '=', recordId)
    .where('campaign_id', '=', campaignId)
    .forUpdate()
    .executeTakeFirst();
}

/** Another record of the campaign for the same person (the unique key an edit must not break). */
export async function findOtherRecordOfPerson(
  db: Kysely<Database>,
  campaignId: string,
  idNumberHash: string,
  exceptId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('survey_records')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('id_number_hash', '=', idNumberHash)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
}

export type RecordPatch = Partial<Omit<SurveyRecordRow, 'id' | 'campaign_id' | 'created_at' | 'created_by'>>;

export async function updateRecord(
  db: Kysely<Database>,
  recordId: string,
  patch: RecordPatch,
): Promise<SurveyRecordRow> {
  return db
    .updateTable('survey_records')
    .set(patch)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', recordId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface RecordWithConversion extends SurveyRecordRow {
  readonly converted_worker_id: string | null;
  readonly is_new_worker: boolean | null;
  readonly converted_at: Date | null;
}

function recordsWithConversion(db: Kysely<Database>) {
  return db
    .selectFrom('survey_records as r')
    .leftJoin('survey_conversions as c', 'c.record_id', 'r.id')
    .selectAll('r')
    .select(['c.worker_id as converted_worker_id', 'c.is_new_worker', 'c.converted_at']);
}

export async function listRecords(
  db: Kysely<Database>,
  campaignId: string,
  query: SurveyRecordListQuery,
): Promise<{ rows: RecordWithConversion[]; total: number }> {
  let q = recordsWithConversion(db).where('r.campaign_id', '=', campaignId);
  if (query.village) q = q.where('r.village', '=', query.village);
  if (query.willing) q = q.where('r.willing', '=', query.willing);
  if (query.converted !== undefined) q = q.where('c.record_id', query.converted ? 'is not' : 'is', null);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      /^\d{3}[\dXx]$/.test(text)
        ? eb('r.id_last4', '=', text.toUpperCase())
        : eb('r.name', 'ilike', `%${escapeLike(text)}%`),
    );
  }
  const total = await countRows(q);
  const rows = await takePage(
    q.orderBy('r.village').orderBy('r.created_at').orderBy('r.id'),
    query,
  ).execute();
  return { rows, total };
}

/** The named records of the campaign, or its willing ones not yet converted (at most `limit`). */
export async function findRecordsToConvert(
  db: Kysely<Database>,
  campaignId: string,
  selection: { recordIds: readonly string[] } | { allWilling: true },
  limit: number,
): Promise<RecordWithConversion[]> {
  let q = recordsWithConversion(db).where('r.campaign_id', '=', campaignId);
  q =
    'recordIds' in selection
      ? q.where('r.id', 'in', [...selection.recordIds])
      : q.where('r.willing', '=', 'yes').where('c.record_id', 'is', null);
  return q.orderBy('r.village').orderBy('r.id').limit(limit).execute();
}

/** The once-per-record rule: false when the record was converted already (by anyone). */
export async function insertConversion(
  db: Kysely<Database>,
  row: {
    record_id: string;
    campaign_id: string;
    worker_id: string;
    is_new_worker: boolean;
    converted_by: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('survey_conversions')
    .values(row)
    .onConflict((oc) => oc.column('record_id').doNothing())
    .returning('record_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

type CoverageRow = CoverageCounts & { key: string };

/**
 * Surveyed, willing, converted and placed, grouped by `groupBy`, in one set-based query. "Placed"
 * counts converted records whose worker has a placement hired on or after the conversion date.
 */
function coverageQuery(db: Kysely<Database>, groupBy: 'village' | 'campaign') {
  const key = groupBy === 'village' ? sql<string>`r.village` : sql<string>`r.campaign_id::text`;
  return db
    .selectFrom('survey_records as r')
    .leftJoin('survey_conversions as c', 'c.record_id', 'r.id')
    .select([
      key.as('key'),
      sql<number>`count(*)::int`.as('surveyed'),
      sql<number>`(count(*) FILTER (WHERE r.willing = 'yes'))::int`.as('willing'),
      sql<number>`count(c.record_id)::int`.as('converted'),
      sql<number>`(count(*) FILTER (WHERE c.record_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM placements p
        WHERE p.worker_id = c.worker_id
          AND p.hired_on >= (c.converted_at AT TIME ZONE 'Asia/Shanghai')::date)))::int`.as('placed'),
    ])
    .groupBy(key);
}

/** One campaign's coverage by village. */
export async function coverageByVillage(db: Kysely<Database>, campaignId: string): Promise<CoverageRow[]> {
  const rows = await coverageQuery(db, 'village')
    .where('r.campaign_id', '=', campaignId)
    .orderBy('key')
    .execute();
  return rows.map(numeric);
}

/** Coverage per campaign (a campaign is one township's survey) for the given campaigns. */
export async function coverageByCampaign(
  db: Kysely<Database>,
  campaignIds: readonly string[],
): Promise<Map<string, CoverageCounts>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await coverageQuery(db, 'campaign')
    .where('r.campaign_id', 'in', [...campaignIds])
    .execute();
  return new Map(rows.map((row) => [row.key, numeric(row)]));
}

/** Every visible campaign of a region prefix (for the township coverage table). */
export async function listCampaignsOfRegion(
  db: Kysely<Database>,
  scope: SurveyScope,
  countyPrefix: string | undefined,
): Promise<SurveyCampaignRow[]> {
  let q = db.selectFrom('survey_campaigns').selectAll().where(scope);
  if (countyPrefix) q = q.where('county_code', 'like', `${countyPrefix}%`);
  return q
    .orderBy('county_code')
    .orderBy('township_code')
    .orderBy('period_start', 'desc')
    .limit(1000)
    .execute();
}

function numeric<T extends CoverageRow>(row: T): CoverageRow {
  return {
    key: row.key,
    surveyed: Number(row.surveyed),
    willing: Number(row.willing),
    converted: Number(row.converted),
    placed: Number(row.placed),
  };
}
