import crypto from 'node:crypto';
import {
  BASE_LIMITS,
  type Base,
  type BaseCreateBody,
  type BaseEvent,
  type BaseEventCreateBody,
  type BaseEventUpdateBody,
  type BaseListQuery,
  type BaseUpdateBody,
  type ContactInput,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { nameKeys } from '../../lib/pinyin.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { enterpriseScope } from '../enterprises/enterprises.policy.ts';
import { findVisibleIds } from '../enterprises/enterprises.repository.ts';
import { encryptContact } from '../enterprises/enterprises.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { workerScope } from '../workers/workers.policy.ts';
import { findVisibleWorkerIds } from '../workers/workers.repository.ts';
import { baseScope, canRecordEvents, canWriteBase, defaultManagingDistrict } from './bases.policy.ts';
import { presentBase, presentBaseWorker, presentEvent, snapshotBase } from './bases.presenter.ts';
import {
  type BaseContactWrite,
  type BasePatch,
  baseStats,
  findAgreementFile,
  findBase,
  findEvent,
  insertBase,
  insertEvent,
  listAgreementFiles,
  listBaseContacts,
  listBases,
  listBaseWorkers,
  listEventEnterprises,
  listEvents,
  listEventWorkers,
  replaceBaseContacts,
  replaceEventEnterprises,
  replaceEventWorkers,
  updateBaseVersioned,
  updateEventVersioned,
  upsertAgreementFile,
} from './bases.repository.ts';

/**
 * Labour bases (劳务合作基地 and kin): registered by officers, read by the bureau and by the base's
 * own staff. What a base delivered is counted from placements credited to it. Every change is
 * audited; the agreement scan is stored with the base and every download is audited too.
 */
const KIND_LABEL = {
  labour_cooperation: '劳务合作基地',
  directed_training: '产业工人定向培养基地',
  internship_practice: '实习实践基地',
} as const;

export async function listBasePage(deps: Deps, actor: Actor, query: BaseListQuery) {
  const today = todayIn();
  const { rows, total } = await listBases(deps.db, baseScope(actor), query, today);
  const ids = rows.map((row) => row.id);
  const [stats, files] = await Promise.all([
    baseStats(deps.db, ids, today.slice(0, 4)),
    listAgreementFiles(deps.db, ids),
  ]);
  const fileOf = new Map(files.map((file) => [file.base_id, file]));
  return {
    items: rows.map((row) =>
      presentBase(row, { today, stats: stats.get(row.id), file: fileOf.get(row.id) }, actor, deps.regions),
    ),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getBase(deps: Deps, actor: Actor, id: string): Promise<Base> {
  const row = await findBase(deps.db, baseScope(actor), id);
  if (!row) throw new AppError('not_found');
  const today = todayIn();
  const [stats, contacts, files] = await Promise.all([
    baseStats(deps.db, [id], today.slice(0, 4)),
    listBaseContacts(deps.db, [id]),
    listAgreementFiles(deps.db, [id]),
  ]);
  return presentBase(row, { today, stats: stats.get(id), contacts, file: files[0] }, actor, deps.regions);
}

/** Origin: a known county, or a township of one (named when the tree does not know it). */
function assertOrigin(
  deps: Pick<Deps, 'regions'>,
  issues: FieldError[],
  code: string,
  townshipName: string,
): void {
  const county = deps.regions.get(code.slice(0, 6));
  if (county?.level !== 'county') {
    issues.push({
      path: 'originRegionCode',
      key: 'base.region_unknown',
      params: { value: code.slice(0, 6) },
    });
    return;
  }
  if (code.length === 9 && !deps.regions.get(code) && townshipName === '')
    issues.push({ path: 'originTownshipName', key: 'base.township_name_required', params: { value: code } });
}

function assertManagingDistrict(
  deps: Pick<Deps, 'regions' | 'config'>,
  actor: Actor,
  issues: FieldError[],
  code: string | null,
): void {
  if (code !== null && !deps.regions.districtsOf(deps.config.cityCode).some((d) => d.code === code))
    issues.push({ path: 'managingDistrictCode', key: 'region.not_in_city' });
  else if (!canWriteBase(actor, code))
    issues.push({ path: 'managingDistrictCode', key: 'base.district_out_of_scope' });
}

function contactWrites(
  deps: Pick<Deps, 'pii'>,
  contacts: readonly ContactInput[],
  existing: readonly { id: string; phone_enc: string; phone_hash: string; phone_masked: string }[],
): BaseContactWrite[] {
  const byId = new Map(existing.map((contact) => [contact.id, contact]));
  const missing = contacts.findIndex(
    (contact) => contact.phone === undefined && !(contact.id && byId.has(contact.id)),
  );
  if (missing >= 0) throw fieldErrors([{ path: `contacts.${missing}.phone`, key: 'phone.empty' }]);
  return contacts.map((contact, position) => {
    const known = contact.id ? byId.get(contact.id) : undefined;
    // An id that is not one of this base's contacts is a new contact.
    const input = known ? contact : { ...contact, id: undefined };
    return encryptContact(
      deps.pii,
      input,
      position,
      known
        ? {
            id: known.id,
            enterprise_id: '',
            position,
            name: contact.name,
            title: contact.title,
            phone_enc: known.phone_enc,
            phone_hash: known.phone_hash,
            phone_masked: known.phone_masked,
          }
        : null,
    );
  });
}

export async function createBase(deps: Deps, ctx: RequestContext, body: BaseCreateBody): Promise<Base> {
  const { actor } = ctx;
  const managing = body.managingDistrictCode ?? defaultManagingDistrict(actor);
  const issues: FieldError[] = [];
  assertOrigin(deps, issues, body.originRegionCode, body.originTownshipName);
  assertManagingDistrict(deps, actor, issues, managing);
  if (issues.length > 0) throw fieldErrors(issues);
  const keys = nameKeys(body.name);
  const contacts = contactWrites(deps, body.contacts, []).map(({ id: _id, ...contact }) => contact);
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await insertBase(trx, {
      name: body.name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      kind: body.kind,
      origin_region_code: body.originRegionCode,
      origin_township_name: body.originRegionCode.length === 9 ? body.originTownshipName : '',
      partner_name: body.partnerName,
      address: body.address,
      managing_district_code: managing,
      agreement_number: body.agreementNumber,
      agreement_signed_on: body.agreementSignedOn,
      agreement_valid_until: body.agreementValidUntil,
      annual_target: body.annualTarget,
      notes: body.notes,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await replaceBaseContacts(trx, row.id, contacts);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'base.create',
      entityType: 'labour_base',
      entityId: row.id,
      summary: `登记${KIND_LABEL[row.kind]} ${row.name}（${row.partner_name}），年度输送目标 ${row.annual_target} 人`,
      after: snapshotBase(row, contacts),
    });
    return row.id;
  });
  return getBase(deps, actor, id);
}

export async function updateBase(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: BaseUpdateBody,
): Promise<Base> {
  const { actor } = ctx;
  const current = await findBase(deps.db, baseScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (!canWriteBase(actor, current.managing_district_code)) throw new AppError('forbidden');
  const issues: FieldError[] = [];
  const origin = body.originRegionCode ?? current.origin_region_code;
  const township = body.originTownshipName ?? current.origin_township_name;
  if (body.originRegionCode !== undefined || body.originTownshipName !== undefined)
    assertOrigin(deps, issues, origin, township);
  if (body.managingDistrictCode !== undefined)
    assertManagingDistrict(deps, actor, issues, body.managingDistrictCode);
  const signed = body.agreementSignedOn === undefined ? current.agreement_signed_on : body.agreementSignedOn;
  const until =
    body.agreementValidUntil === undefined ? current.agreement_valid_until : body.agreementValidUntil;
  if (signed && until && until < signed)
    issues.push({ path: 'agreementValidUntil', key: 'base.agreement_dates' });
  if (issues.length > 0) throw fieldErrors(issues);

  const patch: BasePatch = { updated_by: actor.id };
  if (body.name !== undefined) {
    const keys = nameKeys(body.name);
    Object.assign(patch, { name: body.name, name_pinyin: keys.pinyin, name_initials: keys.initials });
  }
  if (body.kind !== undefined) patch.kind = body.kind;
  if (body.originRegionCode !== undefined) patch.origin_region_code = body.originRegionCode;
  if (body.originRegionCode !== undefined || body.originTownshipName !== undefined)
    patch.origin_township_name = origin.length === 9 ? township : '';
  if (body.partnerName !== undefined) patch.partner_name = body.partnerName;
  if (body.address !== undefined) patch.address = body.address;
  if (body.managingDistrictCode !== undefined) patch.managing_district_code = body.managingDistrictCode;
  if (body.agreementNumber !== undefined) patch.agreement_number = body.agreementNumber;
  if (body.agreementSignedOn !== undefined) patch.agreement_signed_on = body.agreementSignedOn;
  if (body.agreementValidUntil !== undefined) patch.agreement_valid_until = body.agreementValidUntil;
  if (body.annualTarget !== undefined) patch.annual_target = body.annualTarget;
  if (body.notes !== undefined) patch.notes = body.notes;
  if (body.status !== undefined) patch.status = body.status;

  await deps.db.transaction().execute(async (trx) => {
    const beforeContacts = await listBaseContacts(trx, [id]);
    const updated = await updateBaseVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    let afterContacts: readonly { name: string; phone_masked: string }[] = beforeContacts;
    if (body.contacts !== undefined) {
      const writes = contactWrites(deps, body.contacts, beforeContacts);
      await replaceBaseContacts(trx, id, writes);
      afterContacts = writes;
    }
    const diff = diffSnapshots(snapshotBase(current, beforeContacts), snapshotBase(updated, afterContacts));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'base.update',
        entityType: 'labour_base',
        entityId: id,
        summary: `修改基地 ${updated.name}：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  return getBase(deps, actor, id);
}

// ---- the agreement scan ----

const SIGNATURES: readonly {
  type: 'application/pdf' | 'image/jpeg' | 'image/png';
  bytes: readonly number[];
}[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The file's real type from its first bytes (the browser's claim is not trusted). */
export function sniffAgreementType(content: Buffer) {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, index) => content[index] === byte))
    ?.type;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Stores the signed agreement's scan (PDF/JPG/PNG, size-limited), replacing an earlier one. */
export async function uploadAgreement(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  upload: { filename: string; content: Buffer; truncated: boolean },
): Promise<Base> {
  const { actor } = ctx;
  const current = await findBase(deps.db, baseScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (!canWriteBase(actor, current.managing_district_code)) throw new AppError('forbidden');
  if (upload.truncated || upload.content.length > BASE_LIMITS.agreementMaxBytes)
    throw new AppError('payload_too_large', {
      messageKey: 'base.file_too_large',
      params: { max: formatMegabytes(BASE_LIMITS.agreementMaxBytes) },
    });
  const type = upload.content.length > 0 ? sniffAgreementType(upload.content) : undefined;
  if (!type) throw new AppError('unsupported_file', { messageKey: 'base.file_type' });
  const filename = upload.filename.replace(/[\\/\r\n"]/g, '_').slice(0, 120) || 'agreement';
  const sha256 = crypto.createHash('sha256').update(upload.content).digest('hex');
  await deps.db.transaction().execute(async (trx) => {
    const previous = await listAgreementFiles(trx, [id]);
    await upsertAgreementFile(trx, {
      base_id: id,
      filename,
      content_type: type,
      size_bytes: upload.content.length,
      sha256,
      content: upload.content,
      uploaded_by: actor.id,
    });
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'base.agreement_upload',
      entityType: 'labour_base',
      entityId: id,
      summary: `${previous.length > 0 ? '替换' : '上传'}基地 ${current.name} 的协议扫描件 ${filename}`,
      before: previous[0] ? { filename: previous[0].filename, sizeBytes: previous[0].size_bytes } : null,
      after: { filename, contentType: type, sizeBytes: upload.content.length, sha256 },
    });
  });
  return getBase(deps, actor, id);
}

/** The agreement scan for download; the download itself is written to the audit trail. */
export async function downloadAgreement(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const base = await findBase(deps.db, baseScope(ctx.actor), id);
  if (!base) throw new AppError('not_found');
  const file = await findAgreementFile(deps.db, id);
  if (!file) throw new AppError('not_found', { messageKey: 'base.no_agreement_file' });
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'base.agreement_download',
    entityType: 'labour_base',
    entityId: id,
    summary: `下载基地 ${base.name} 的协议扫描件 ${file.filename}`,
    after: { filename: file.filename, sha256: file.sha256 },
  });
  return { filename: file.filename, contentType: file.content_type, content: Buffer.from(file.content) };
}

// ---- 劳务对接 events ----

async function presentEvents(
  deps: Deps,
  actor: Actor,
  rows: readonly Awaited<ReturnType<typeof listEvents>>[number][],
): Promise<BaseEvent[]> {
  const ids = rows.map((row) => row.id);
  const [enterprises, workers] = await Promise.all([
    listEventEnterprises(deps.db, ids),
    listEventWorkers(deps.db, ids, workerScope(actor)),
  ]);
  return rows.map((row) =>
    presentEvent(
      row,
      enterprises.filter((enterprise) => enterprise.event_id === row.id),
      workers.visible.filter((worker) => worker.event_id === row.id),
      workers.counts.get(row.id) ?? 0,
    ),
  );
}

export async function listBaseEvents(
  deps: Deps,
  actor: Actor,
  baseId: string,
): Promise<{ items: BaseEvent[] }> {
  const base = await findBase(deps.db, baseScope(actor), baseId);
  if (!base) throw new AppError('not_found');
  return { items: await presentEvents(deps, actor, await listEvents(deps.db, baseId)) };
}

/** Attending enterprises must exist (any the caller may see); sign-ups must be workers in scope. */
async function assertParticipants(
  deps: Deps,
  actor: Actor,
  body: { enterpriseIds?: readonly string[] | undefined; workerIds?: readonly string[] | undefined },
): Promise<{ enterpriseIds?: string[]; workerIds?: string[] }> {
  const issues: FieldError[] = [];
  const enterpriseIds = body.enterpriseIds ? [...new Set(body.enterpriseIds)] : undefined;
  const workerIds = body.workerIds ? [...new Set(body.workerIds)] : undefined;
  if (enterpriseIds) {
    const visible = await findVisibleIds(deps.db, enterpriseScope(actor), enterpriseIds);
    enterpriseIds.forEach((enterpriseId, index) => {
      if (!visible.has(enterpriseId))
        issues.push({ path: `enterpriseIds.${index}`, key: 'base.enterprise_unknown' });
    });
  }
  if (workerIds) {
    const visible = new Set(
      (await findVisibleWorkerIds(deps.db, workerScope(actor), workerIds)).map((worker) => worker.id),
    );
    workerIds.forEach((workerId, index) => {
      if (!visible.has(workerId)) issues.push({ path: `workerIds.${index}`, key: 'base.worker_unknown' });
    });
  }
  if (issues.length > 0) throw fieldErrors(issues);
  return { ...(enterpriseIds ? { enterpriseIds } : {}), ...(workerIds ? { workerIds } : {}) };
}

export async function createBaseEvent(
  deps: Deps,
  ctx: RequestContext,
  baseId: string,
  body: BaseEventCreateBody,
): Promise<BaseEvent> {
  const { actor } = ctx;
  const base = await findBase(deps.db, baseScope(actor), baseId);
  if (!base) throw new AppError('not_found');
  if (!canRecordEvents(actor)) throw new AppError('forbidden');
  const participants = await assertParticipants(deps, actor, body);
  const row = await deps.db.transaction().execute(async (trx) => {
    const event = await insertEvent(trx, {
      base_id: baseId,
      held_on: body.heldOn,
      place: body.place,
      kind: body.kind,
      notes: body.notes,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await replaceEventEnterprises(trx, event.id, participants.enterpriseIds ?? []);
    await replaceEventWorkers(trx, event.id, participants.workerIds ?? [], workerScope(actor));
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'base.event_create',
      entityType: 'labour_base_event',
      entityId: event.id,
      summary: `记录劳务对接：${base.name} ${body.heldOn} ${body.place}，企业 ${participants.enterpriseIds?.length ?? 0} 家，报名 ${participants.workerIds?.length ?? 0} 人`,
      after: {
        baseId,
        heldOn: body.heldOn,
        place: body.place,
        kind: body.kind,
        enterpriseIds: participants.enterpriseIds ?? [],
        workerIds: participants.workerIds ?? [],
      },
    });
    return event;
  });
  const [presented] = await presentEvents(deps, actor, [row]);
  if (!presented) throw new AppError('not_found');
  return presented;
}

export async function updateBaseEvent(
  deps: Deps,
  ctx: RequestContext,
  baseId: string,
  eventId: string,
  body: BaseEventUpdateBody,
): Promise<BaseEvent> {
  const { actor } = ctx;
  const base = await findBase(deps.db, baseScope(actor), baseId);
  if (!base) throw new AppError('not_found');
  const current = await findEvent(deps.db, baseId, eventId);
  if (!current) throw new AppError('not_found');
  if (!canRecordEvents(actor)) throw new AppError('forbidden');
  const participants = await assertParticipants(deps, actor, body);
  const row = await deps.db.transaction().execute(async (trx) => {
    const updated = await updateEventVersioned(trx, eventId, body.version, {
      ...(body.heldOn !== undefined ? { held_on: body.heldOn } : {}),
      ...(body.place !== undefined ? { place: body.place } : {}),
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      updated_by: actor.id,
    });
    if (!updated) throw new AppError('version_conflict');
    if (participants.enterpriseIds) await replaceEventEnterprises(trx, eventId, participants.enterpriseIds);
    if (participants.workerIds)
      await replaceEventWorkers(trx, eventId, participants.workerIds, workerScope(actor));
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'base.event_update',
      entityType: 'labour_base_event',
      entityId: eventId,
      summary: `修改劳务对接：${base.name} ${updated.held_on} ${updated.place}`,
      before: { heldOn: current.held_on, place: current.place, kind: current.kind, notes: current.notes },
      after: {
        heldOn: updated.held_on,
        place: updated.place,
        kind: updated.kind,
        notes: updated.notes,
        ...participants,
      },
    });
    return updated;
  });
  const [presented] = await presentEvents(deps, actor, [row]);
  if (!presented) throw new AppError('not_found');
  return presented;
}

/** The workers who arrived through the base and the caller may see (base staff: all of them). */
export async function listWorkersOfBase(
  deps: Deps,
  actor: Actor,
  baseId: string,
  page: { page: number; pageSize: number },
) {
  const base = await findBase(deps.db, baseScope(actor), baseId);
  if (!base) throw new AppError('not_found');
  const { rows, total } = await listBaseWorkers(deps.db, baseId, workerScope(actor), page);
  const now = new Date();
  return {
    items: rows.map((row) => presentBaseWorker(row, deps.regions, now)),
    page: page.page,
    pageSize: page.pageSize,
    total,
  };
}
