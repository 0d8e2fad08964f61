import type { Channel, ChannelMetric } from '@yonggong/shared';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Channel effectiveness (reporting SQL). Every figure is counted from the records themselves —
 * arrivals (`worker_channels`), applications, placements — grouped by the channel kind and the
 * channel record credited (`source_ref` / `channel_ref`, migration 20261122_0600); nothing is
 * typed in. Days are China Standard Time days.
 */
type Db = Kysely<Database>;

/** The period, and the districts whose enterprises (and workers, for supply) count; null: all. */
export interface KpiWindow {
  readonly from: string;
  readonly to: string;
  readonly today: string;
  readonly districts: readonly string[] | null;
}

export interface ChannelFigureRow {
  readonly channel: Channel;
  readonly ref: string | null;
  readonly name: string | null;
  readonly supplied: number;
  readonly applications: number;
  readonly hires: number;
  readonly r30_yes: number;
  readonly r30_no: number;
  readonly r30_pending: number;
  readonly r90_yes: number;
  readonly r90_no: number;
  readonly r90_pending: number;
}

const localDay = (column: RawBuilder<unknown>) => sql`(${column} AT TIME ZONE 'Asia/Shanghai')::date`;

/** `district_code = ANY(…)` for a column, or TRUE when every district counts. */
function inDistricts(column: RawBuilder<unknown>, districts: readonly string[] | null) {
  return districts === null ? sql`TRUE` : sql`${column} = ANY(${[...districts]}::text[])`;
}

/** A worker counts for the districts when a district serves them or they applied to its enterprises. */
function workerInDistricts(workerId: RawBuilder<unknown>, districts: readonly string[] | null) {
  if (districts === null) return sql`TRUE`;
  return sql`(EXISTS (SELECT 1 FROM workers wd WHERE wd.id = ${workerId}
      AND wd.district_code = ANY(${[...districts]}::text[]))
    OR EXISTS (SELECT 1 FROM applications ad JOIN enterprises ed ON ed.id = ad.enterprise_id
      WHERE ad.worker_id = ${workerId} AND ed.district_code = ANY(${[...districts]}::text[])))`;
}

/**
 * One row per channel record with any activity in the window, plus every labour base, school,
 * training programme, survey campaign and approved agency (a record that supplied nobody is a
 * finding, not noise), in one statement.
 */
export async function channelFigures(
  db: Db,
  window: KpiWindow,
  channel: Channel | undefined,
): Promise<ChannelFigureRow[]> {
  const { from, to, today, districts } = window;
  const onlyChannel = (column: RawBuilder<unknown>) =>
    channel === undefined ? sql`TRUE` : sql`${column} = ${channel}`;
  const result = await sql<ChannelFigureRow>`
    WITH supplied AS (
      SELECT wc.channel, wc.source_ref AS ref, count(DISTINCT wc.worker_id)::int AS n
      FROM worker_channels wc
      WHERE ${localDay(sql.ref('wc.at'))} BETWEEN ${from}::date AND ${to}::date
        AND ${onlyChannel(sql.ref('wc.channel'))}
        AND ${workerInDistricts(sql.ref('wc.worker_id'), districts)}
      GROUP BY wc.channel, wc.source_ref),
    apps AS (
      SELECT a.channel, a.channel_ref AS ref, count(*)::int AS n
      FROM applications a JOIN enterprises e ON e.id = a.enterprise_id
      WHERE ${localDay(sql.ref('a.created_at'))} BETWEEN ${from}::date AND ${to}::date
        AND ${onlyChannel(sql.ref('a.channel'))}
        AND ${inDistricts(sql.ref('e.district_code'), districts)}
      GROUP BY a.channel, a.channel_ref),
    hires AS (
      SELECT p.channel, p.channel_ref AS ref, count(*)::int AS n,
        count(*) FILTER (WHERE p.retained_30 = 'yes')::int AS r30_yes,
        count(*) FILTER (WHERE p.retained_30 = 'no')::int AS r30_no,
        count(*) FILTER (WHERE p.retained_30 = 'pending' AND p.hired_on <= ${today}::date - 30)::int AS r30_pending,
        count(*) FILTER (WHERE p.retained_90 = 'yes')::int AS r90_yes,
        count(*) FILTER (WHERE p.retained_90 = 'no')::int AS r90_no,
        count(*) FILTER (WHERE p.retained_90 = 'pending' AND p.hired_on <= ${today}::date - 90)::int AS r90_pending
      FROM placements p JOIN enterprises e ON e.id = p.enterprise_id
      WHERE p.hired_on BETWEEN ${from}::date AND ${to}::date
        AND ${onlyChannel(sql.ref('p.channel'))}
        AND ${inDistricts(sql.ref('e.district_code'), districts)}
      GROUP BY p.channel, p.channel_ref),
    records AS (
      SELECT 'base'::text AS channel, id AS ref FROM labour_bases
      UNION ALL SELECT 'school', id FROM schools
      UNION ALL SELECT 'training', id FROM training_programmes
      UNION ALL SELECT 'survey', id FROM survey_campaigns
      UNION ALL SELECT 'agency', id FROM agencies WHERE status = 'approved'),
    keys AS (
      SELECT channel, ref FROM supplied
      UNION SELECT channel, ref FROM apps
      UNION SELECT channel, ref FROM hires
      UNION SELECT channel, ref FROM records WHERE ${onlyChannel(sql.ref('records.channel'))})
    SELECT k.channel, k.ref,
      coalesce(b.name, sc.name, tp.name, sv.name, ag.name) AS name,
      coalesce(s.n, 0) AS supplied, coalesce(ap.n, 0) AS applications, coalesce(h.n, 0) AS hires,
      coalesce(h.r30_yes, 0) AS r30_yes, coalesce(h.r30_no, 0) AS r30_no, coalesce(h.r30_pending, 0) AS r30_pending,
      coalesce(h.r90_yes, 0) AS r90_yes, coalesce(h.r90_no, 0) AS r90_no, coalesce(h.r90_pending, 0) AS r90_pending
    FROM keys k
    LEFT JOIN supplied s ON s.channel = k.channel AND s.ref IS NOT DISTINCT FROM k.ref
    LEFT JOIN apps ap ON ap.channel = k.channel AND ap.ref IS NOT DISTINCT FROM k.ref
    LEFT JOIN hires h ON h.channel = k.channel AND h.ref IS NOT DISTINCT FROM k.ref
    LEFT JOIN labour_bases b ON k.channel = 'base' AND b.id = k.ref
    LEFT JOIN schools sc ON k.channel = 'school' AND sc.id = k.ref
    LEFT JOIN training_programmes tp ON k.channel = 'training' AND tp.id = k.ref
    LEFT JOIN survey_campaigns sv ON k.channel = 'survey' AND sv.id = k.ref
    LEFT JOIN agencies ag ON k.channel = 'agency' AND ag.id = k.ref
    ORDER BY coalesce(h.n, 0) DESC, coalesce(s.n, 0) DESC, k.channel, name`.execute(db);
  return result.rows;
}

export interface RecordFilter extends KpiWindow {
  readonly channel: Channel;
  /** The channel record, or null for the channel kind itself (no record). */
  readonly ref: string | null;
  readonly metric: ChannelMetric;
  readonly limit: number;
  readonly offset: number;
}

export interface ChannelRecordRow {
  readonly worker_id: string;
  readonly worker_name: string;
  readonly id_number_masked: string;
  readonly day: string;
  readonly application_id: string | null;
  readonly placement_id: string | null;
  readonly enterprise_id: string | null;
  readonly enterprise_name: string | null;
  readonly job_order_title: string | null;
  readonly status: string | null;
  readonly total: number;
}

/** The records one figure counts, newest first, one page (with the total count in every row). */
export async function channelRecords(db: Db, filter: RecordFilter): Promise<ChannelRecordRow[]> {
  const { from, to, today, districts, channel, ref, limit, offset } = filter;
  const refIs = (column: RawBuilder<unknown>) =>
    ref === null ? sql`${column} IS NULL` : sql`${column} = ${ref}::uuid`;
  let query: RawBuilder<ChannelRecordRow>;
  switch (filter.metric) {
    case 'supplied':
      query = sql<ChannelRecordRow>`
        SELECT w.id AS worker_id, w.name AS worker_name, w.id_number_masked,
          to_char(first.day, 'YYYY-MM-DD') AS day, NULL::uuid AS application_id, NULL::uuid AS placement_id,
          NULL::uuid AS enterprise_id, NULL::text AS enterprise_name, NULL::text AS job_order_title,
          w.status, count(*) OVER ()::int AS total
        FROM (
          SELECT wc.worker_id, min(${localDay(sql.ref('wc.at'))}) AS day
          FROM worker_channels wc
          WHERE wc.channel = ${channel} AND ${refIs(sql.ref('wc.source_ref'))}
            AND ${localDay(sql.ref('wc.at'))} BETWEEN ${from}::date AND ${to}::date
            AND ${workerInDistricts(sql.ref('wc.worker_id'), districts)}
          GROUP BY wc.worker_id) first
        JOIN workers w ON w.id = first.worker_id
        ORDER BY first.day DESC, w.id
        LIMIT ${limit} OFFSET ${offset}`;
      break;
    case 'applications':
      query = sql<ChannelRecordRow>`
        SELECT w.id AS worker_id, w.name AS worker_name, w.id_number_masked,
          to_char(${localDay(sql.ref('a.created_at'))}, 'YYYY-MM-DD') AS day, a.id AS application_id,
          p.id AS placement_id, e.id AS enterprise_id, e.name AS enterprise_name, jo.title AS job_order_title,
          a.status, count(*) OVER ()::int AS total
        FROM applications a
        JOIN workers w ON w.id = a.worker_id
        JOIN enterprises e ON e.id = a.enterprise_id
        JOIN job_orders jo ON jo.id = a.job_order_id
        LEFT JOIN placements p ON p.application_id = a.id
        WHERE a.channel = ${channel} AND ${refIs(sql.ref('a.channel_ref'))}
          AND ${localDay(sql.ref('a.created_at'))} BETWEEN ${from}::date AND ${to}::date
          AND ${inDistricts(sql.ref('e.district_code'), districts)}
        ORDER BY a.created_at DESC, a.id
        LIMIT ${limit} OFFSET ${offset}`;
      break;
    case 'hires':
    case 'retained30':
    case 'retained90': {
      // Retention lists the hires whose checkpoint is decided or due, with the outcome as status.
      const outcome =
        filter.metric === 'retained30'
          ? sql`p.retained_30`
          : filter.metric === 'retained90'
            ? sql`p.retained_90`
            : sql`a.status`;
      const due =
        filter.metric === 'retained30'
          ? sql`(p.retained_30 <> 'pending' OR p.hired_on <= ${today}::date - 30)`
          : filter.metric === 'retained90'
            ? sql`(p.retained_90 <> 'pending' OR p.hired_on <= ${today}::date - 90)`
            : sql`TRUE`;
      query = sql<ChannelRecordRow>`
        SELECT w.id AS worker_id, w.name AS worker_name, w.id_number_masked,
          to_char(p.hired_on, 'YYYY-MM-DD') AS day, a.id AS application_id, p.id AS placement_id,
          e.id AS enterprise_id, e.name AS enterprise_name, jo.title AS job_order_title,
          ${outcome}::text AS status, count(*) OVER ()::int AS total
        FROM placements p
        JOIN applications a ON a.id = p.application_id
        JOIN workers w ON w.id = p.worker_id
        JOIN enterprises e ON e.id = p.enterprise_id
        JOIN job_orders jo ON jo.id = p.job_order_id
        WHERE p.channel = ${channel} AND ${refIs(sql.ref('p.channel_ref'))}
          AND p.hired_on BETWEEN ${from}::date AND ${to}::date
          AND ${inDistricts(sql.ref('e.district_code'), districts)}
          AND ${due}
        ORDER BY p.hired_on DESC, p.id
        LIMIT ${limit} OFFSET ${offset}`;
      break;
    }
    default: {
      const exhaustive: never = filter.metric;
      return exhaustive;
    }
  }
  return (await query.execute(db)).rows;
}
