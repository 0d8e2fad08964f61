import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { OrderClassRow, SchoolAgreementRow, SchoolRow, SchoolType } from '../src/db/schema-schools.ts';
import type { Deps } from '../src/deps.ts';
import { nameKeys } from '../src/lib/pinyin.ts';
import { schoolNameKey } from '../src/modules/schools/schools.service.ts';
import { buildUser, uniqueSuffix } from './factories.ts';

/** Factories of the schools area (schools, agreements, order classes, school staff accounts). */
export async function buildSchool(
  deps: Pick<Deps, 'db'>,
  overrides: { name?: string; type?: SchoolType; regionCode?: string } = {},
): Promise<SchoolRow> {
  const name = overrides.name ?? `测试${uniqueSuffix()}技师学院`;
  const keys = nameKeys(name);
  return deps.db
    .insertInto('schools')
    .values({
      name,
      name_key: schoolNameKey(name),
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      type: overrides.type ?? 'technician',
      region_code: overrides.regionCode ?? '320303',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A school staff account (role `school`) bound to the school. */
export async function buildSchoolUser(deps: Pick<Deps, 'db'>, schoolId: string) {
  const user = await buildUser(deps, { roles: ['school'] });
  await bindSchool(deps.db, user.id, schoolId);
  return user;
}

export async function bindSchool(db: Kysely<Database>, userId: string, schoolId: string): Promise<void> {
  await db.updateTable('users').set({ school_id: schoolId }).where('id', '=', userId).execute();
}

export async function buildAgreement(
  deps: Pick<Deps, 'db'>,
  schoolId: string,
  enterpriseId: string,
  overrides: { signedOn?: string; validFrom?: string; validUntil?: string; scopes?: string[] } = {},
): Promise<SchoolAgreementRow> {
  return deps.db
    .insertInto('school_agreements')
    .values({
      school_id: schoolId,
      enterprise_id: enterpriseId,
      signed_on: overrides.signedOn ?? '2025-03-01',
      valid_from: overrides.validFrom ?? overrides.signedOn ?? '2025-03-01',
      valid_until: overrides.validUntil ?? '2099-12-31',
      scopes: overrides.scopes ?? ['order_class', 'internship_base'],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildOrderClass(
  deps: Pick<Deps, 'db'>,
  schoolId: string,
  enterpriseId: string,
  overrides: { name?: string; classSize?: number; graduationDate?: string } = {},
): Promise<OrderClassRow> {
  return deps.db
    .insertInto('order_classes')
    .values({
      school_id: schoolId,
      enterprise_id: enterpriseId,
      kind: 'order',
      name: overrides.name ?? `测试订单班${uniqueSuffix()}`,
      major_name: '机电一体化',
      class_size: overrides.classSize ?? 40,
      start_date: '2024-09-01',
      graduation_date: overrides.graduationDate ?? '2026-06-30',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Puts existing workers into a class (and the school's channel), as an import would. */
export async function enrolWorkers(
  deps: Pick<Deps, 'db'>,
  cls: Pick<OrderClassRow, 'id' | 'school_id'>,
  workerIds: readonly string[],
): Promise<void> {
  if (workerIds.length === 0) return;
  await deps.db
    .insertInto('worker_channels')
    .values(
      workerIds.map((id) => ({
        worker_id: id,
        channel: 'school',
        channel_ref: cls.id,
        source_ref: cls.school_id,
      })),
    )
    .execute();
  await deps.db
    .insertInto('order_class_students')
    .values(workerIds.map((id) => ({ class_id: cls.id, worker_id: id, import_id: null, added_by: null })))
    .execute();
}
