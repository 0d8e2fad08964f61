import { maskPhone } from '@yonggong/engine';
import {
  type Agency,
  type AgencyAccountBody,
  type AgencyActionBody,
  type AgencyCreateBody,
  type AgencyListQuery,
  type AgencyRegisterBody,
  type AgencyUpdateBody,
  normalizeLicenceNumber,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database } from '../../db/schema.ts';
import type { AgencyRow } from '../../db/schema-marketplace.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { nameKeys } from '../../lib/pinyin.ts';
import { type AuditContext, auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';
import { findUserByUsername, insertUser } from '../users/users.repository.ts';
import {
  agencyActions,
  agencyScope,
  canApproveAgencies,
  canUpdateAgency,
  ownAgencyIdOf,
} from './agencies.policy.ts';
import { presentAgency, snapshotAgency } from './agencies.presenter.ts';
import {
  type AgencyPatch,
  agencyStats,
  bindUserToAgency,
  findAgency,
  findAgencyIdByLicenceKey,
  findTier1,
  insertAgency,
  listAgencies,
  ratingSummaries,
  updateAgencyVersioned,
} from './agencies.repository.ts';

/**
 * Agencies (人力资源服务机构): registered by themselves (public, with a first staff account) or by
 * an officer, approved by an officer, suspended and reinstated with a reason. Every change is
 * audited; a suspended agency cannot claim (the marketplace checks `status = 'approved'`).
 */
export async function listAgencyPage(deps: Deps, actor: Actor, query: AgencyListQuery) {
  const { rows, total } = await listAgencies(deps.db, agencyScope(actor), query);
  return { items: await presentRows(deps, actor, rows), page: query.page, pageSize: query.pageSize, total };
}

export async function getAgency(deps: Deps, actor: Actor, id: string): Promise<Agency> {
  const row = await findAgency(deps.db, agencyScope(actor), id);
  if (!row) throw new AppError('not_found');
  const [agency] = await presentRows(deps, actor, [row]);
  if (!agency) throw new AppError('not_found');
  return agency;
}

async function presentRows(deps: Deps, actor: Actor, rows: readonly AgencyRow[]): Promise<Agency[]> {
  const ids = rows.map((row) => row.id);
  const [ratings, stats, tier1] = await Promise.all([
    ratingSummaries(deps.db, 'agency', ids),
    agencyStats(deps.db, ids),
    findTier1(deps.db, ids),
  ]);
  return rows.map((row) =>
    presentAgency(
      row,
      {
        rating: ratings.get(row.id) ?? { count: 0, average: null, criteria: {} },
        isTier1: tier1.has(row.id),
        stats: stats.get(row.id) ?? { activeClaims: 0, submissions: 0, placements: 0, retained90: 0 },
      },
      actor,
      deps.regions,
    ),
  );
}

/** An officer registers an agency (pending until approved), optionally with a first staff account. */
export async function createAgency(deps: Deps, ctx: RequestContext, body: AgencyCreateBody): Promise<Agency> {
  const id = await insertRegistration(
    deps,
    auditContextOf(ctx),
    ctx.actor.id,
    body,
    body.account,
    body.alliance,
  );
  return getAgency(deps, ctx.actor, id);
}

/**
 * An agency applies itself (public, rate-limited): the agency `pending` and its first staff
 * account, which can sign in and follow the application but cannot claim until approved.
 */
export async function registerAgency(
  deps: Deps,
  request: { requestId: string; ip: string | null },
  body: AgencyRegisterBody,
): Promise<{ id: string; status: 'pending'; username: string }> {
  const id = await insertRegistration(
    deps,
    { actorId: null, requestId: request.requestId, ip: request.ip },
    null,
    body,
    body.account,
    null,
  );
  return { id, status: 'pending', username: body.account.username };
}

async function insertRegistration(
  deps: Deps,
  audit: AuditContext,
  actorId: string | null,
  body: Omit<AgencyRegisterBody, 'account'>,
  account: AgencyAccountBody | null,
  alliance: string | null,
): Promise<string> {
  assertRegions(deps, body);
  const licenceKey = normalizeLicenceNumber(body.licenceNumber);
  const issues: FieldError[] = [];
  if (await findAgencyIdByLicenceKey(deps.db, licenceKey))
    issues.push({ path: 'licenceNumber', key: 'agency.duplicate_licence' });
  if (account && (await findUserByUsername(deps.db, account.username)))
    issues.push({
      path: 'account.username',
      key: 'agency.username_taken',
      params: { username: account.username },
    });
  if (issues.length > 0) throw new AppError('duplicate', { fields: issues });
  const passwordHash = account ? await hashPassword(account.password) : null;
  const keys = nameKeys(body.name);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await insertAgency(trx, {
        licence_number: body.licenceNumber,
        licence_key: licenceKey,
        name: body.name,
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        region_code: body.regionCode,
        service_region_codes: [...new Set(body.serviceRegionCodes)],
        service_occupation_codes: [...new Set(body.serviceOccupationCodes)],
        alliance,
        contact_name: body.contactName,
        ...contactPhoneColumns(deps, body.contactPhone),
        status_reason: null,
        approved_at: null,
        approved_by: null,
        created_by: actorId,
        updated_by: actorId,
      });
      if (account) {
        const user = await insertUser(trx, {
          username: account.username,
          display_name: account.displayName,
          password_hash: passwordHash,
          roles: ['agency'],
          district_codes: [],
          enterprise_id: null,
          agency_id: null,
          school_id: null,
          base_id: null,
          worker_id: null,
        });
        await bindUserToAgency(trx, user.id, row.id);
      }
      await recordAudit(trx, audit, {
        action: 'agency.register',
        entityType: 'agency',
        entityId: row.id,
        summary: `${actorId ? '代' : ''}登记人力资源服务机构 ${row.name}（许可证 ${row.licence_number}）${account ? `，账号 ${account.username}` : ''}，待审核`,
        after: snapshotAgency(row),
      });
      return row.id;
    });
  } catch (error) {
    // Two registrations of one licence (or username) at once: the unique index decides.
    if (isUniqueViolation(error))
      throw new AppError('duplicate', {
        fields: [{ path: 'licenceNumber', key: 'agency.duplicate_licence' }],
      });
    throw error;
  }
}

export async function updateAgency(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: AgencyUpdateBody,
): Promise<Agency> {
  const { actor } = ctx;
  const current = await findAgency(deps.db, agencyScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (!canUpdateAgency(actor, id)) throw new AppError('forbidden');
  if (body.alliance !== undefined && !canApproveAgencies(actor))
    throw fieldErrors([{ path: 'alliance', key: 'agency.alliance_officers_only' }]);
  assertRegions(deps, {
    regionCode: body.regionCode ?? current.region_code,
    serviceRegionCodes: body.serviceRegionCodes ?? current.service_region_codes,
  });
  const patch: AgencyPatch = { updated_by: actor.id };
  if (body.name !== undefined) Object.assign(patch, { name: body.name, ...pinyinOf(body.name) });
  if (body.regionCode !== undefined) patch.region_code = body.regionCode;
  if (body.serviceRegionCodes !== undefined)
    patch.service_region_codes = [...new Set(body.serviceRegionCodes)];
  if (body.serviceOccupationCodes !== undefined)
    patch.service_occupation_codes = [...new Set(body.serviceOccupationCodes)];
  if (body.contactName !== undefined) patch.contact_name = body.contactName;
  if (body.contactPhone !== undefined) Object.assign(patch, contactPhoneColumns(deps, body.contactPhone));
  if (body.alliance !== undefined) patch.alliance = body.alliance;
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateAgencyVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    const diff = diffSnapshots(snapshotAgency(current), snapshotAgency(updated));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'agency.update',
        entityType: 'agency',
        entityId: id,
        summary: `修改机构 ${updated.name}：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  return getAgency(deps, actor, id);
}

const NEXT_STATUS = {
  approve: 'approved',
  reject: 'rejected',
  suspend: 'suspended',
  reinstate: 'approved',
} as const;

/** approve (pending/rejected → approved), reject (pending), suspend (approved), reinstate (suspended). */
export async function actOnAgency(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: AgencyActionBody,
): Promise<Agency> {
  const { actor } = ctx;
  const current = await findAgency(deps.db, agencyScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (!canApproveAgencies(actor)) throw new AppError('forbidden');
  if (!agencyActions(actor, current.status)[body.action])
    throw new AppError('conflict', {
      messageKey: 'agency.illegal_action',
      params: { status: current.status, action: body.action },
    });
  if ((body.action === 'reject' || body.action === 'suspend') && body.reason === '')
    throw fieldErrors([{ path: 'reason', key: 'agency.reason_required' }]);
  const status = NEXT_STATUS[body.action];
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateAgencyVersioned(trx, id, body.version, {
      status,
      status_reason: body.reason === '' ? null : body.reason,
      updated_by: actor.id,
      ...(status === 'approved' ? { approved_at: new Date(), approved_by: actor.id } : {}),
    });
    if (!updated) throw new AppError('version_conflict');
    await recordAudit(trx, auditContextOf(ctx), {
      action: `agency.${body.action}`,
      entityType: 'agency',
      entityId: id,
      summary: `机构 ${current.name}：${current.status} → ${status}${body.reason ? `：${body.reason}` : ''}`,
      before: { status: current.status },
      after: { status, reason: body.reason || null },
    });
  });
  return getAgency(deps, actor, id);
}

function assertRegions(
  deps: Pick<Deps, 'regions'>,
  body: { regionCode: string; serviceRegionCodes: readonly string[] },
): void {
  const issues: FieldError[] = [];
  if (!deps.regions.get(body.regionCode))
    issues.push({ path: 'regionCode', key: 'agency.region_unknown', params: { value: body.regionCode } });
  body.serviceRegionCodes.forEach((code, index) => {
    if (!deps.regions.get(code))
      issues.push({
        path: `serviceRegionCodes.${index}`,
        key: 'agency.region_unknown',
        params: { value: code },
      });
  });
  if (issues.length > 0) throw fieldErrors(issues);
}

function pinyinOf(name: string) {
  const keys = nameKeys(name);
  return { name_pinyin: keys.pinyin, name_initials: keys.initials };
}

function contactPhoneColumns(deps: Pick<Deps, 'pii'>, phone: string | null) {
  if (phone === null)
    return { contact_phone_enc: null, contact_phone_hash: null, contact_phone_masked: null };
  return {
    contact_phone_enc: deps.pii.encrypt(phone),
    contact_phone_hash: deps.pii.hash(phone),
    contact_phone_masked: maskPhone(phone),
  };
}

/** The agency of an agency account, if it is one (for the marketplace's checks). */
export async function findOwnAgency(db: Kysely<Database>, actor: Actor): Promise<AgencyRow | undefined> {
  const agencyId = ownAgencyIdOf(actor);
  if (!agencyId) return undefined;
  return findAgency(db, agencyScope(actor), agencyId);
}
