import { maskPhone } from '@yonggong/engine';
import type {
  ContactInput,
  School,
  SchoolCreateBody,
  SchoolListQuery,
  SchoolUpdateBody,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database } from '../../db/schema.ts';
import type { SchoolRow } from '../../db/schema-schools.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { nameKeys } from '../../lib/pinyin.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import {
  canKeepSchoolRegister,
  canUpdateSchoolProfile,
  ownSchoolIdOf,
  schoolScope,
} from './schools.policy.ts';
import { presentSchool, snapshotSchool } from './schools.presenter.ts';
import {
  findSchool,
  findSchoolIdByNameKey,
  insertSchool,
  listMajors,
  listSchoolContacts,
  listSchools,
  replaceMajors,
  replaceSchoolContacts,
  type SchoolContactWrite,
  type SchoolPatch,
  schoolStats,
  updateSchoolVersioned,
} from './schools.repository.ts';

/**
 * Schools (院校): the register the bureau keeps of its partner schools, with majors, graduates
 * by year and contacts (phones encrypted, shown masked). Officers keep the register; a school's
 * own staff keep its majors and contacts. Every change is audited with a before/after diff.
 */
export async function listSchoolPage(deps: Deps, actor: Actor, query: SchoolListQuery) {
  const { rows, total } = await listSchools(deps.db, schoolScope(actor), query, todayIn());
  return { items: await presentRows(deps, actor, rows), page: query.page, pageSize: query.pageSize, total };
}

export async function getSchool(deps: Deps, actor: Actor, id: string): Promise<School> {
  const row = await findSchool(deps.db, schoolScope(actor), id);
  if (!row) throw new AppError('not_found');
  const [school] = await presentRows(deps, actor, [row]);
  if (!school) throw new AppError('not_found');
  return school;
}

export async function presentRows(deps: Deps, actor: Actor, rows: readonly SchoolRow[]): Promise<School[]> {
  const ids = rows.map((row) => row.id);
  const [majors, contacts, stats] = await Promise.all([
    listMajors(deps.db, ids),
    listSchoolContacts(deps.db, ids),
    schoolStats(deps.db, ids, todayIn()),
  ]);
  return rows.map((row) =>
    presentSchool(
      row,
      {
        majors: majors.filter((major) => major.schoolId === row.id),
        contacts: contacts.filter((contact) => contact.school_id === row.id),
        stats: stats.get(row.id) ?? { activeAgreements: 0, agreements: 0, orderClasses: 0, students: 0 },
      },
      actor,
      deps.regions,
    ),
  );
}

/** The key a school name is unique by: half-width, no blanks, brackets unified. */
export function schoolNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')');
}

export async function createSchool(deps: Deps, ctx: RequestContext, body: SchoolCreateBody): Promise<School> {
  const { actor } = ctx;
  if (!canKeepSchoolRegister(actor)) throw new AppError('forbidden');
  assertRegion(deps, body.regionCode);
  const key = schoolNameKey(body.name);
  if (await findSchoolIdByNameKey(deps.db, key)) throw duplicateName(body.name);
  const keys = nameKeys(body.name);
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const row = await insertSchool(trx, {
        name: body.name,
        name_key: key,
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        type: body.type,
        region_code: body.regionCode,
        address: body.address,
        notes: body.notes,
        created_by: actor.id,
        updated_by: actor.id,
      });
      await replaceMajors(trx, row.id, body.majors);
      const contacts = encryptContacts(deps, body.contacts, []);
      await replaceSchoolContacts(trx, row.id, contacts);
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'school.create',
        entityType: 'school',
        entityId: row.id,
        summary: `登记院校 ${row.name}`,
        after: snapshotSchool(row, body.majors, contacts),
      });
      return row.id;
    });
    return getSchool(deps, actor, id);
  } catch (error) {
    // Two registrations of one name at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicateName(body.name);
    throw error;
  }
}

const PROFILE_FIELDS = new Set(['majors', 'contacts', 'address', 'notes', 'version']);

export async function updateSchool(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: SchoolUpdateBody,
): Promise<School> {
  const { actor } = ctx;
  const current = await findSchool(deps.db, schoolScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (!canUpdateSchoolProfile(actor, id)) throw new AppError('forbidden');
  if (!canKeepSchoolRegister(actor)) {
    const outside = Object.keys(body).filter(
      (field) => !PROFILE_FIELDS.has(field) && body[field as keyof SchoolUpdateBody] !== undefined,
    );
    if (outside.length > 0)
      throw fieldErrors(outside.map((path) => ({ path, key: 'school.staff_profile_only' as const })));
  }
  if (body.regionCode !== undefined) assertRegion(deps, body.regionCode);
  const patch: SchoolPatch = { updated_by: actor.id };
  if (body.name !== undefined) {
    const key = schoolNameKey(body.name);
    const holder = await findSchoolIdByNameKey(deps.db, key);
    if (holder && holder !== id) throw duplicateName(body.name);
    const keys = nameKeys(body.name);
    Object.assign(patch, {
      name: body.name,
      name_key: key,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
    });
  }
  if (body.type !== undefined) patch.type = body.type;
  if (body.regionCode !== undefined) patch.region_code = body.regionCode;
  if (body.address !== undefined) patch.address = body.address;
  if (body.notes !== undefined) patch.notes = body.notes;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const [beforeMajors, beforeContacts] = await Promise.all([
        listMajors(trx, [id]),
        listSchoolContacts(trx, [id]),
      ]);
      const updated = await updateSchoolVersioned(trx, id, body.version, patch);
      if (!updated) throw new AppError('version_conflict');
      let majors = beforeMajors;
      if (body.majors !== undefined) {
        await replaceMajors(trx, id, body.majors);
        majors = await listMajors(trx, [id]);
      }
      let contacts: readonly { name: string; phone_masked: string }[] = beforeContacts;
      if (body.contacts !== undefined) {
        const writes = encryptContacts(deps, body.contacts, beforeContacts);
        await replaceSchoolContacts(trx, id, writes);
        contacts = writes;
      }
      const diff = diffSnapshots(
        snapshotSchool(current, beforeMajors, beforeContacts),
        snapshotSchool(updated, majors, contacts),
      );
      if (diff)
        await recordAudit(trx, auditContextOf(ctx), {
          action: 'school.update',
          entityType: 'school',
          entityId: id,
          summary: `修改院校 ${updated.name}：${Object.keys(diff.after).join('、')}`,
          ...diff,
        });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(body.name ?? current.name);
    throw error;
  }
  return getSchool(deps, actor, id);
}

/** Encrypts new phones; a contact with `id` and no phone keeps its stored phone. */
function encryptContacts(
  deps: Pick<Deps, 'pii'>,
  contacts: readonly ContactInput[],
  existing: readonly { id: string; phone_enc: string; phone_hash: string; phone_masked: string }[],
): SchoolContactWrite[] {
  return contacts.map((contact, position) => {
    if (contact.phone !== undefined)
      return {
        position,
        name: contact.name,
        title: contact.title,
        phone_enc: deps.pii.encrypt(contact.phone),
        phone_hash: deps.pii.hash(contact.phone),
        phone_masked: maskPhone(contact.phone),
      };
    const stored = existing.find((row) => row.id === contact.id);
    if (!stored) throw fieldErrors([{ path: `contacts.${position}.phone`, key: 'phone.empty' }]);
    return {
      position,
      name: contact.name,
      title: contact.title,
      phone_enc: stored.phone_enc,
      phone_hash: stored.phone_hash,
      phone_masked: stored.phone_masked,
    };
  });
}

function assertRegion(deps: Pick<Deps, 'regions'>, code: string): void {
  if (!deps.regions.get(code))
    throw fieldErrors([{ path: 'regionCode', key: 'school.region_unknown', params: { value: code } }]);
}

function duplicateName(name: string): AppError {
  return new AppError('duplicate', {
    fields: [{ path: 'name', key: 'school.duplicate_name', params: { name } }],
  });
}

/** The school of a school account, if it is one (home page). */
export async function findOwnSchool(db: Kysely<Database>, actor: Actor): Promise<SchoolRow | undefined> {
  const schoolId = ownSchoolIdOf(actor);
  if (!schoolId) return undefined;
  return findSchool(db, schoolScope(actor), schoolId);
}
