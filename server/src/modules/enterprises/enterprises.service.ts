import { maskPhone } from '@yonggong/engine';
import type {
  ContactInput,
  Enterprise,
  EnterpriseCreateBody,
  EnterpriseListQuery,
  EnterprisePage,
  EnterpriseUpdateBody,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { ContactRow, Database, EnterpriseRow, EnterpriseUpdate } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { nameKeys } from '../../lib/pinyin.ts';
import type { PiiCipher } from '../../pii/pii-cipher.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import {
  canChangeManagerFields,
  canCreateIn,
  canDeactivate,
  canRevealContact,
  canUpdate,
  enterpriseScope,
  MANAGER_ONLY_FIELDS,
  mineFirstUserIdOf,
} from './enterprises.policy.ts';
import { presentEnterprise, snapshotEnterprise } from './enterprises.presenter.ts';
import {
  type ContactWrite,
  findByCreditCodes,
  findContact,
  findEnterprise,
  findLiaisons,
  insertContacts,
  insertEnterprises,
  listContacts,
  listEnterprises,
  replaceContacts,
  updateEnterpriseVersioned,
} from './enterprises.repository.ts';

/** Enterprise rules: scoping, validation against the city and the directory, versioned edits, audit. */

export async function listEnterprisePage(
  deps: Deps,
  actor: Actor,
  query: EnterpriseListQuery,
): Promise<EnterprisePage> {
  const { page, pageSize, sort, ...filter } = query;
  const { rows, total } = await listEnterprises(
    deps.db,
    enterpriseScope(actor),
    { ...filter, mineUserId: actor.id },
    { sort, mineFirstUserId: mineFirstUserIdOf(actor) },
    { page, pageSize },
  );
  const contacts = groupContacts(
    await listContacts(
      deps.db,
      rows.map((row) => row.id),
    ),
  );
  return {
    items: rows.map((row) => presentEnterprise(row, contacts.get(row.id) ?? [], actor, deps.regions)),
    page,
    pageSize,
    total,
  };
}

export async function getEnterprise(deps: Deps, actor: Actor, id: string): Promise<Enterprise> {
  const row = await findEnterprise(deps.db, enterpriseScope(actor), id);
  if (!row) throw new AppError('not_found');
  const contacts = await listContacts(deps.db, [id]);
  return presentEnterprise(row, contacts, actor, deps.regions);
}

export async function createEnterprise(
  deps: Deps,
  ctx: RequestContext,
  body: EnterpriseCreateBody,
): Promise<Enterprise> {
  const { actor } = ctx;
  await assertPlacement(deps, actor, body.districtCode, body.liaisonUserId, { isCreate: true });
  await assertCreditCodeFree(deps.db, actor, body.creditCode, null);
  const keys = nameKeys(body.name);
  const id = await deps.db.transaction().execute(async (trx) => {
    const [row] = await insertEnterprises(trx, [
      {
        credit_code: body.creditCode,
        name: body.name,
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        industry_code: body.industryCode,
        district_code: body.districtCode,
        address: body.address,
        longitude: body.longitude,
        latitude: body.latitude,
        size: body.size,
        employee_count: body.employeeCount,
        key_level: body.keyLevel,
        liaison_user_id: body.liaisonUserId,
        created_by: actor.id,
        updated_by: actor.id,
      },
    ]);
    if (!row) throw new AppError('internal');
    const contacts = body.contacts.map((contact, position) =>
      encryptContact(deps.pii, contact, position, null),
    );
    await insertContacts(
      trx,
      contacts.map((contact) => ({ ...contact, enterprise_id: row.id })),
    );
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: row.id,
      summary: `登记企业 ${row.name}`,
      after: snapshotEnterprise(row, contacts),
    });
    return row.id;
  });
  return getEnterprise(deps, actor, id);
}

export async function updateEnterprise(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: EnterpriseUpdateBody,
): Promise<Enterprise> {
  const { actor } = ctx;
  const scope = enterpriseScope(actor);
  const current = await findEnterprise(deps.db, scope, id);
  if (!current) throw new AppError('not_found');
  if (!canUpdate(actor, current) || current.status !== 'active') throw new AppError('forbidden');
  if (!canChangeManagerFields(actor, current)) {
    const touched = MANAGER_ONLY_FIELDS.filter(
      (field) => body[field] !== undefined && !sameValue(field, body, current),
    );
    if (touched.length > 0) throw new AppError('forbidden', { params: { fields: touched.join(', ') } });
  }
  const districtCode = body.districtCode ?? current.district_code;
  const liaisonUserId = body.liaisonUserId === undefined ? current.liaison_user_id : body.liaisonUserId;
  if (body.districtCode !== undefined || body.liaisonUserId !== undefined)
    await assertPlacement(deps, actor, districtCode, liaisonUserId, { isCreate: false });
  if (body.creditCode !== undefined && body.creditCode !== current.credit_code)
    await assertCreditCodeFree(deps.db, actor, body.creditCode, id);

  const patch: EnterpriseUpdate = { updated_by: actor.id };
  if (body.creditCode !== undefined) patch.credit_code = body.creditCode;
  if (body.name !== undefined) {
    const keys = nameKeys(body.name);
    Object.assign(patch, { name: body.name, name_pinyin: keys.pinyin, name_initials: keys.initials });
  }
  if (body.industryCode !== undefined) patch.industry_code = body.industryCode;
  if (body.districtCode !== undefined) patch.district_code = body.districtCode;
  if (body.address !== undefined) patch.address = body.address;
  if (body.longitude !== undefined) patch.longitude = body.longitude;
  if (body.latitude !== undefined) patch.latitude = body.latitude;
  if (body.size !== undefined) patch.size = body.size;
  if (body.employeeCount !== undefined) patch.employee_count = body.employeeCount;
  if (body.keyLevel !== undefined) patch.key_level = body.keyLevel;
  if (body.liaisonUserId !== undefined) patch.liaison_user_id = body.liaisonUserId;

  await deps.db.transaction().execute(async (trx) => {
    const before = await findEnterprise(trx, scope, id, { forUpdate: true });
    if (!before) throw new AppError('not_found');
    const beforeContacts = await listContacts(trx, [id]);
    const updated = await updateEnterpriseVersioned(trx, id, body.version, patch);
    if (!updated) throw versionConflict(before.version);
    let afterContacts: readonly Pick<ContactRow, 'name' | 'title' | 'phone_masked'>[] = beforeContacts;
    if (body.contacts !== undefined) {
      const writes = mergeContacts(deps.pii, body.contacts, beforeContacts);
      await replaceContacts(trx, id, writes);
      afterContacts = writes;
    }
    const diff = diffSnapshots(
      snapshotEnterprise(before, beforeContacts),
      snapshotEnterprise(updated, afterContacts),
    );
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: id,
        summary: `修改企业 ${updated.name}：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  return getEnterprise(deps, actor, id);
}

/** Deactivates (status inactive, with a reason) or reactivates an enterprise. */
export async function setEnterpriseActive(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  change: { active: boolean; reason: string | null; version: number },
): Promise<Enterprise> {
  const { actor } = ctx;
  const scope = enterpriseScope(actor);
  const current = await findEnterprise(deps.db, scope, id);
  if (!current) throw new AppError('not_found');
  if (!canDeactivate(actor, current)) throw new AppError('forbidden');
  const targetStatus = change.active ? 'active' : 'inactive';
  if (current.status === targetStatus) throw new AppError('conflict');
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateEnterpriseVersioned(trx, id, change.version, {
      status: targetStatus,
      deactivated_reason: change.active ? null : change.reason,
      updated_by: actor.id,
    });
    if (!updated) throw versionConflict(current.version);
    await recordAudit(trx, auditContextOf(ctx), {
      action: change.active ? 'enterprise.reactivate' : 'enterprise.deactivate',
      entityType: 'enterprise',
      entityId: id,
      summary: change.active
        ? `恢复企业 ${current.name}`
        : `停用企业 ${current.name}：${change.reason ?? ''}`,
      before: { status: current.status, deactivatedReason: current.deactivated_reason },
      after: { status: updated.status, deactivatedReason: updated.deactivated_reason },
    });
  });
  return getEnterprise(deps, actor, id);
}

/** Shows one contact's full phone to an actor allowed to see it, and records that it was shown. */
export async function revealContactPhone(
  deps: Deps,
  ctx: RequestContext,
  enterpriseId: string,
  contactId: string,
): Promise<{ phone: string }> {
  const { actor } = ctx;
  if (!canRevealContact(actor)) throw new AppError('forbidden');
  const enterprise = await findEnterprise(deps.db, enterpriseScope(actor), enterpriseId);
  if (!enterprise) throw new AppError('not_found');
  const contact = await findContact(deps.db, enterpriseId, contactId);
  if (!contact) throw new AppError('not_found');
  const phone = deps.pii.decrypt(contact.phone_enc);
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'pii.reveal',
    entityType: 'enterprise',
    entityId: enterpriseId,
    summary: `查看企业 ${enterprise.name} 联系人 ${contact.name} 的完整电话 ${contact.phone_masked}`,
  });
  return { phone };
}

/**
 * The district must be one of the city's; a non-admin may only place enterprises in districts it
 * manages; a liaison must be a liaison account covering that district.
 */
export async function assertPlacement(
  deps: Deps,
  actor: Actor,
  districtCode: string,
  liaisonUserId: string | null,
  options: { isCreate: boolean },
): Promise<void> {
  const issues: FieldError[] = [];
  const isCityDistrict = deps.regions.districtsOf(deps.config.cityCode).some((d) => d.code === districtCode);
  if (!isCityDistrict) issues.push({ path: 'districtCode', key: 'region.not_in_city' });
  else if (
    options.isCreate ? !canCreateIn(actor, districtCode) : !canChangeManagerFieldsIn(actor, districtCode)
  )
    issues.push({ path: 'districtCode', key: 'enterprise.district_out_of_scope' });
  if (liaisonUserId) {
    const [liaison] = await findLiaisons(deps.db, { ids: [liaisonUserId] });
    if (!liaison)
      issues.push({ path: 'liaisonUserId', key: 'liaison.unknown', params: { value: liaisonUserId } });
    else if (!liaison.district_codes.includes(districtCode))
      issues.push({ path: 'liaisonUserId', key: 'liaison.wrong_district' });
  }
  if (issues.length > 0) throw fieldErrors(issues);
}

function canChangeManagerFieldsIn(actor: Actor, districtCode: string): boolean {
  return canChangeManagerFields(actor, { id: '', district_code: districtCode, liaison_user_id: null });
}

/** 409 naming the existing enterprise when the caller may see it, anonymous otherwise. */
async function assertCreditCodeFree(
  db: Kysely<Database>,
  actor: Actor,
  creditCode: string,
  exceptId: string | null,
): Promise<void> {
  const [existing] = await findByCreditCodes(db, [creditCode]);
  if (!existing || existing.id === exceptId) return;
  const visible = await findEnterprise(db, enterpriseScope(actor), existing.id);
  throw new AppError('duplicate', {
    messageKey: visible ? 'enterprise.duplicate_credit_code' : 'enterprise.duplicate_credit_code_hidden',
    params: { name: existing.name },
    fields: [
      {
        path: 'creditCode',
        key: visible ? 'enterprise.duplicate_credit_code' : 'enterprise.duplicate_credit_code_hidden',
        params: { name: existing.name },
      },
    ],
    extra: visible ? { existingId: existing.id } : {},
  });
}

function versionConflict(currentVersion: number): AppError {
  return new AppError('version_conflict', { extra: { currentVersion } });
}

function sameValue(
  field: (typeof MANAGER_ONLY_FIELDS)[number],
  body: EnterpriseUpdateBody,
  current: EnterpriseRow,
): boolean {
  switch (field) {
    case 'creditCode':
      return body.creditCode === current.credit_code;
    case 'name':
      return body.name === current.name;
    case 'districtCode':
      return body.districtCode === current.district_code;
    case 'keyLevel':
      return body.keyLevel === current.key_level;
    case 'liaisonUserId':
      return body.liaisonUserId === current.liaison_user_id;
    default: {
      const exhaustive: never = field;
      return exhaustive;
    }
  }
}

/** Encrypts a contact's phone; `existing` supplies the stored phone when the input omits it. */
export function encryptContact(
  pii: PiiCipher,
  contact: Pick<ContactInput, 'name' | 'title' | 'phone'> & { id?: string | undefined },
  position: number,
  existing: ContactRow | null,
): ContactWrite {
  const base = {
    ...(contact.id ? { id: contact.id } : {}),
    position,
    name: contact.name,
    title: contact.title,
  };
  if (contact.phone === undefined && existing)
    return {
      ...base,
      phone_enc: existing.phone_enc,
      phone_hash: existing.phone_hash,
      phone_masked: existing.phone_masked,
    };
  const phone = contact.phone ?? '';
  return {
    ...base,
    phone_enc: pii.encrypt(phone),
    phone_hash: pii.hash(phone),
    phone_masked: maskPhone(phone),
  };
}

function mergeContacts(
  pii: PiiCipher,
  inputs: readonly ContactInput[],
  existing: readonly ContactRow[],
): ContactWrite[] {
  const byId = new Map(existing.map((contact) => [contact.id, contact]));
  return inputs.map((input, position) => {
    const stored = input.id ? byId.get(input.id) : undefined;
    if (input.id && !stored) throw fieldErrors([{ path: `contacts.${position}.id`, key: 'field.invalid' }]);
    return encryptContact(pii, input, position, stored ?? null);
  });
}

function groupContacts(rows: readonly ContactRow[]): Map<string, ContactRow[]> {
  const grouped = new Map<string, ContactRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.enterprise_id) ?? [];
    list.push(row);
    grouped.set(row.enterprise_id, list);
  }
  return grouped;
}
