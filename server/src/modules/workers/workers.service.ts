import {
  type Channel,
  type DuplicateFlag,
  formatMessage,
  type RevealFieldBody,
  type Worker,
  type WorkerCreateBody,
  type WorkerListQuery,
  type WorkerPage,
  type WorkerRegisterReply,
  type WorkerUpdateBody,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database, WorkerDuplicateFlagRow, WorkerRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { nameKeys } from '../../lib/pinyin.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { protectIdentity, protectPhone } from './worker-identity.ts';
import {
  canRegisterIn,
  canResolveDuplicate,
  canRevealWorker,
  canUpdateWorker,
  channelOfActor,
  defaultDistrictOf,
  workerScope,
} from './workers.policy.ts';
import { presentWorker, snapshotWorker } from './workers.presenter.ts';
import {
  findDuplicateFlag,
  findSameNameAndPhone,
  findVisibleWorkerIds,
  findWorker,
  findWorkerIdByIdHash,
  insertChannels,
  insertDuplicateFlags,
  insertWorker,
  listChannels,
  listDuplicateFlags,
  listWorkers,
  resolveDuplicateFlag,
  updateWorkerVersioned,
  type WorkerPatch,
} from './workers.repository.ts';

/**
 * Worker rules: one person is one worker (the keyed hash of the ID number is unique; registering
 * a known ID links a channel instead of creating a second record), same name + phone with another
 * ID is flagged and never merged, scoped reads, versioned edits, audited reveals. Every change is
 * audited with masked values only.
 */

const ID_HASH_CONSTRAINT = 'workers_id_number_hash_key';

export async function listWorkerPage(deps: Deps, actor: Actor, query: WorkerListQuery): Promise<WorkerPage> {
  const { page, pageSize, sort, ageMin, ageMax, ...filter } = query;
  if (ageMin !== undefined && ageMax !== undefined && ageMax < ageMin)
    throw fieldErrors([{ path: 'ageMax', key: 'range.max_below_min' }]);
  const bounds = birthDateBounds(ageMin, ageMax, new Date());
  const { rows, total } = await listWorkers(deps.db, workerScope(actor), { ...filter, ...bounds }, sort, {
    page,
    pageSize,
  });
  return { items: await presentRows(deps, actor, rows), page, pageSize, total };
}

export async function getWorker(deps: Deps, actor: Actor, id: string): Promise<Worker> {
  const row = await findWorker(deps.db, workerScope(actor), id);
  if (!row) throw new AppError('not_found');
  const [worker] = await presentRows(deps, actor, [row]);
  if (!worker) throw new AppError('not_found');
  return worker;
}

/** The channel a registration arrives through, and the channel record (base, school …) if any. */
interface Arrival {
  readonly channel: Channel;
  readonly sourceRef: string | null;
}

/** The HTTP status and body of a registration: 201 created, or 200 linked to the existing worker. */
export interface RegisterOutcome {
  readonly status: 200 | 201;
  readonly reply: WorkerRegisterReply;
}

/**
 * Registers a person. When the ID number is already registered (by anyone, in any district) no
 * second worker is created: the channel is linked to the existing worker (200 `linked_existing`).
 * Two simultaneous registrations of one ID end the same way — the unique index decides, the
 * loser links.
 */
export async function registerWorker(
  deps: Deps,
  ctx: RequestContext,
  body: WorkerCreateBody,
): Promise<RegisterOutcome> {
  const { actor } = ctx;
  const districtCode = body.districtCode ?? defaultDistrictOf(actor);
  assertPlaces(deps, actor, { districtCode, origin: body.originRegionCode, current: body.currentRegionCode });
  const identity = protectIdentity(deps.pii, body.idNumber, body.phone);

  // Base, school and agency staff register through their own channel, credited to their record.
  const own = channelOfActor(actor);
  const arrival: Arrival = { channel: own?.channel ?? body.channel, sourceRef: own?.sourceRef ?? null };
  const existing = await findWorkerIdByIdHash(deps.db, identity.id_number_hash);
  if (existing) return linkExisting(deps, ctx, existing, arrival);

  const keys = nameKeys(body.name);
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const row = await insertWorker(trx, {
        name: body.name,
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        ...identity,
        origin_region_code: body.originRegionCode,
        current_region_code: body.currentRegionCode,
        current_address: body.currentAddress,
        education: body.education,
        skills: body.skills,
        certificates: body.certificates,
        occupation_codes: body.occupationCodes,
        expected_wage: body.expectedWage,
        available_from: body.availableFrom,
        district_code: districtCode,
        source_channel: arrival.channel,
        source_ref: arrival.sourceRef,
        notes: body.notes,
        created_by: actor.id,
        updated_by: actor.id,
      });
      await insertChannels(trx, [
        {
          worker_id: row.id,
          channel: arrival.channel,
          channel_ref: actor.id,
          source_ref: arrival.sourceRef,
          registered_by: actor.id,
        },
      ]);
      const flagged = await flagSameNameAndPhone(trx, row);
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'worker.create',
        entityType: 'worker',
        entityId: row.id,
        summary: `登记劳动者 ${row.name}（${row.id_number_masked}）${flagged > 0 ? `，与 ${flagged} 人同名同手机号，已标记待核` : ''}`,
        after: snapshotWorker(row),
      });
      return row.id;
    });
    deps.matching.changed({ workerIds: [id] });
    return { status: 201, reply: { outcome: 'created', worker: await getWorker(deps, actor, id) } };
  } catch (error) {
    if (!isUniqueViolation(error, ID_HASH_CONSTRAINT)) throw error;
    // Someone registered the same person between our lookup and our insert: link to theirs.
    const winner = await findWorkerIdByIdHash(deps.db, identity.id_number_hash);
    if (!winner) throw error;
    return linkExisting(deps, ctx, winner, arrival);
  }
}

async function linkExisting(
  deps: Deps,
  ctx: RequestContext,
  existing: Pick<WorkerRow, 'id' | 'name'>,
  arrival: Arrival,
): Promise<RegisterOutcome> {
  const { actor } = ctx;
  const { channel } = arrival;
  await deps.db.transaction().execute(async (trx) => {
    const added = await insertChannels(trx, [
      {
        worker_id: existing.id,
        channel,
        channel_ref: actor.id,
        source_ref: arrival.sourceRef,
        registered_by: actor.id,
      },
    ]);
    if (added > 0)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'worker.link',
        entityType: 'worker',
        entityId: existing.id,
        summary: `登记时身份证号已存在：来源渠道“${channel}”关联到劳动者 ${existing.name}，未新建`,
        after: { channel, registeredBy: actor.id },
      });
  });
  return {
    status: 200,
    reply: {
      outcome: 'linked_existing',
      worker: await getWorker(deps, actor, existing.id),
      messageKey: 'worker.linked_existing',
      message: formatMessage(ctx.locale, 'worker.linked_existing', { name: existing.name }),
    },
  };
}

/** Flags other workers with the same name and phone (different ID numbers). Returns how many. */
async function flagSameNameAndPhone(
  db: Kysely<Database>,
  row: Pick<WorkerRow, 'id' | 'name' | 'phone_hash'>,
): Promise<number> {
  const others = await findSameNameAndPhone(db, row.name, row.phone_hash, row.id);
  await insertDuplicateFlags(
    db,
    others.map((other) => ({ worker_id: row.id, other_worker_id: other, reason: 'same_name_phone' })),
  );
  return others.length;
}

export async function updateWorker(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: WorkerUpdateBody,
): Promise<Worker> {
  const { actor } = ctx;
  const scope = workerScope(actor);
  const current = await findWorker(deps.db, scope, id);
  if (!current) throw new AppError('not_found');
  if (!canUpdateWorker(actor, current)) throw new AppError('forbidden');
  const districtCode = body.districtCode === undefined ? current.district_code : body.districtCode;
  assertPlaces(deps, actor, {
    districtCode: body.districtCode === undefined ? undefined : districtCode,
    origin: body.originRegionCode ?? null,
    current: body.currentRegionCode ?? null,
  });

  const patch: WorkerPatch = { updated_by: actor.id };
  if (body.name !== undefined && body.name !== current.name) {
    const keys = nameKeys(body.name);
    Object.assign(patch, { name: body.name, name_pinyin: keys.pinyin, name_initials: keys.initials });
  }
  if (body.phone !== undefined) {
    const phone = protectPhone(deps.pii, body.phone);
    if (phone.phone_hash !== current.phone_hash) Object.assign(patch, phone);
  }
  if (body.originRegionCode !== undefined) patch.origin_region_code = body.originRegionCode;
  if (body.currentRegionCode !== undefined) patch.current_region_code = body.currentRegionCode;
  if (body.currentAddress !== undefined) patch.current_address = body.currentAddress;
  if (body.education !== undefined) patch.education = body.education;
  if (body.skills !== undefined) patch.skills = body.skills;
  if (body.certificates !== undefined) patch.certificates = body.certificates;
  if (body.occupationCodes !== undefined) patch.occupation_codes = body.occupationCodes;
  if (body.expectedWage !== undefined) patch.expected_wage = body.expectedWage;
  if (body.availableFrom !== undefined) patch.available_from = body.availableFrom;
  if (body.districtCode !== undefined) patch.district_code = body.districtCode;
  if (body.status !== undefined) patch.status = body.status;
  if (body.notes !== undefined) patch.notes = body.notes;

  await deps.db.transaction().execute(async (trx) => {
    const before = await findWorker(trx, scope, id, { forUpdate: true });
    if (!before) throw new AppError('not_found');
    const updated = await updateWorkerVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict', { extra: { currentVersion: before.version } });
    if (updated.name !== before.name || updated.phone_hash !== before.phone_hash)
      await flagSameNameAndPhone(trx, updated);
    const diff = diffSnapshots(snapshotWorker(before), snapshotWorker(updated));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'worker.update',
        entityType: 'worker',
        entityId: id,
        summary: `修改劳动者 ${updated.name}：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  deps.matching.changed({ workerIds: [id] });
  return getWorker(deps, actor, id);
}

/**
 * ⚠️ SECURITY-CRITICAL: shows a worker's full ID number or phone to an actor holding `pii.reveal`
 * who can see the worker, and records that it was shown (worker, field, masked value — never the
 * value itself) in the audit trail.
 */
export async function revealWorkerField(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  field: RevealFieldBody['field'],
): Promise<{ value: string }> {
  const { actor } = ctx;
  if (!canRevealWorker(actor)) throw new AppError('forbidden');
  const row = await findWorker(deps.db, workerScope(actor), id);
  if (!row) throw new AppError('not_found');
  const isId = field === 'idNumber';
  const value = deps.pii.decrypt(isId ? row.id_number_enc : row.phone_enc);
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'pii.reveal',
    entityType: 'worker',
    entityId: id,
    summary: `查看劳动者 ${row.name} 的完整${isId ? '身份证号码' : '手机号码'}（${isId ? row.id_number_masked : row.phone_masked}）`,
    after: { field },
  });
  return { value };
}

/** Dismisses (two people) or confirms (one person, to be sorted out by hand) a possible duplicate. */
export async function resolveWorkerDuplicate(
  deps: Deps,
  ctx: RequestContext,
  flagId: string,
  status: 'dismissed' | 'confirmed',
): Promise<DuplicateFlag> {
  const { actor } = ctx;
  const flag = await findDuplicateFlag(deps.db, flagId);
  if (!flag) throw new AppError('not_found');
  const visible = await findVisibleWorkerIds(deps.db, workerScope(actor), [
    flag.worker_id,
    flag.other_worker_id,
  ]);
  if (visible.length === 0) throw new AppError('not_found');
  if (!canResolveDuplicate(actor, visible)) throw new AppError('forbidden');
  const resolved = await deps.db.transaction().execute(async (trx) => {
    const row = await resolveDuplicateFlag(trx, flagId, status, actor.id);
    if (!row) throw new AppError('conflict', { messageKey: 'worker.duplicate_flag_resolved' });
    const names = visible.map((worker) => worker.name).join('、');
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'worker.duplicate_resolve',
      entityType: 'worker',
      entityId: row.worker_id,
      summary: `疑似重复（同名同手机号）${names}：${status === 'confirmed' ? '确认为同一人' : '确认为不同的人'}`,
      before: { status: flag.status },
      after: { status: row.status, otherWorkerId: row.other_worker_id },
    });
    return row;
  });
  return presentFlag(resolved);
}

function presentFlag(row: WorkerDuplicateFlagRow): DuplicateFlag {
  return {
    id: row.id,
    workerId: row.worker_id,
    otherWorkerId: row.other_worker_id,
    reason: row.reason,
    status: row.status === 'confirmed' ? 'confirmed' : row.status === 'dismissed' ? 'dismissed' : 'open',
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
  };
}

async function presentRows(deps: Deps, actor: Actor, rows: readonly WorkerRow[]): Promise<Worker[]> {
  const ids = rows.map((row) => row.id);
  const [channels, flags] = await Promise.all([listChannels(deps.db, ids), listDuplicateFlags(deps.db, ids)]);
  const today = new Date();
  return rows.map((row) =>
    presentWorker(
      row,
      channels.filter((channel) => channel.worker_id === row.id),
      flags.filter((flag) => flag.subject_id === row.id),
      actor,
      deps.regions,
      today,
    ),
  );
}

/**
 * The serving district must be one of the city's and one the actor manages (null only for
 * admins: the city-wide pool); origin and current regions must be known region codes.
 * `districtCode: undefined` skips the district check (an edit that does not move the worker).
 */
export function assertPlaces(
  deps: Pick<Deps, 'regions' | 'config'>,
  actor: Actor,
  places: { districtCode: string | null | undefined; origin: string | null; current: string | null },
): void {
  const issues: FieldError[] = [];
  const { districtCode } = places;
  if (districtCode !== undefined) {
    if (
      districtCode !== null &&
      !deps.regions.districtsOf(deps.config.cityCode).some((d) => d.code === districtCode)
    )
      issues.push({ path: 'districtCode', key: 'region.not_in_city' });
    else if (!canRegisterIn(actor, districtCode))
      issues.push({ path: 'districtCode', key: 'worker.district_out_of_scope' });
  }
  if (places.origin !== null && !deps.regions.get(places.origin))
    issues.push({ path: 'originRegionCode', key: 'worker.origin_unknown', params: { value: places.origin } });
  if (places.current !== null && !deps.regions.get(places.current))
    issues.push({
      path: 'currentRegionCode',
      key: 'worker.origin_unknown',
      params: { value: places.current },
    });
  if (issues.length > 0) throw fieldErrors(issues);
}

/**
 * Birth-date bounds for an age range on `today` (ages as `ageOn` counts them): age ≥ min ⇔ born on
 * or before today − min years; age ≤ max ⇔ born after today − (max + 1) years.
 */
export function birthDateBounds(
  ageMin: number | undefined,
  ageMax: number | undefined,
  today: Date,
): { bornOnOrBefore?: string; bornOnOrAfter?: string } {
  const bounds: { bornOnOrBefore?: string; bornOnOrAfter?: string } = {};
  if (ageMin !== undefined) bounds.bornOnOrBefore = yearsBefore(today, ageMin, 0);
  if (ageMax !== undefined) bounds.bornOnOrAfter = yearsBefore(today, ageMax + 1, 1);
  return bounds;
}

/** The local date `years` before `today`, plus `plusDays` (29 February falls back to the 28th). */
function yearsBefore(today: Date, years: number, plusDays: number): string {
  const year = today.getFullYear() - years;
  const month = today.getMonth();
  const lastDay = new Date(year, month + 1, 0).getDate();
  const date = new Date(year, month, Math.min(today.getDate(), lastDay) + plusDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
