import {
  createRandom,
  generateCreditCode,
  generateIdNumber,
  maskIdNumber,
  maskPhone,
} from '@yonggong/engine';
import {
  type ApplicationStatus,
  type Channel,
  type EducationLevel,
  type EnterpriseSize,
  type KeyLevel,
  normalizeLicenceNumber,
  type Role,
} from '@yonggong/shared';
import type { ApplicationRow, EnterpriseRow, JobOrderRow, UserRow, WorkerRow } from '../src/db/schema.ts';
import type { AgencyRow } from '../src/db/schema-marketplace.ts';
import type { Deps } from '../src/deps.ts';
import { nameKeys } from '../src/lib/pinyin.ts';
import { hashPassword } from '../src/modules/auth/password.ts';
import { insertContacts, insertEnterprises } from '../src/modules/enterprises/enterprises.repository.ts';
import { insertUser } from '../src/modules/users/users.repository.ts';

/**
 * `buildX(deps, overrides)` factories: each test creates exactly the rows it needs. Usernames,
 * names and credit codes are unique per call so tests never collide.
 */
export const TEST_PASSWORD = 'test-password-123';

// scrypt is deliberately slow; one hash serves every factory account of a test process.
let passwordHash: Promise<string> | null = null;
function sharedHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

let counter = 0;
const random = createRandom(4242);

export function uniqueSuffix(): string {
  counter += 1;
  return `${process.pid.toString(36)}${counter}`;
}

export async function buildUser(
  deps: Pick<Deps, 'db'>,
  overrides: {
    username?: string;
    roles: Role[];
    districtCodes?: string[];
    enterpriseId?: string | null;
    agencyId?: string | null;
    displayName?: string;
    isDisabled?: boolean;
  },
): Promise<UserRow> {
  const username = overrides.username ?? `user.${uniqueSuffix()}`;
  return insertUser(deps.db, {
    username,
    display_name: overrides.displayName ?? `测试用户 ${username}`,
    password_hash: await sharedHash(),
    roles: overrides.roles,
    district_codes: overrides.districtCodes ?? [],
    enterprise_id: overrides.enterpriseId ?? null,
    agency_id: overrides.agencyId ?? null,
    school_id: null,
    base_id: null,
    worker_id: null,
    is_disabled: overrides.isDisabled ?? false,
  });
}

/** A valid credit code registered in `districtCode`. */
export function buildCreditCode(districtCode = '320509'): string {
  return generateCreditCode(random, districtCode);
}

export async function buildEnterprise(
  deps: Pick<Deps, 'db' | 'pii'>,
  overrides: {
    name?: string;
    districtCode?: string;
    industryCode?: string;
    keyLevel?: KeyLevel;
    liaisonUserId?: string | null;
    size?: EnterpriseSize;
    employeeCount?: number | null;
    creditCode?: string;
    contacts?: { name: string; title?: string; phone: string }[];
  } = {},
): Promise<EnterpriseRow> {
  const name = overrides.name ?? `苏州测试${uniqueSuffix()}电子有限公司`;
  const districtCode = overrides.districtCode ?? '320509';
  const keys = nameKeys(name);
  const [row] = await insertEnterprises(deps.db, [
    {
      credit_code: overrides.creditCode ?? buildCreditCode(districtCode),
      name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      industry_code: overrides.industryCode ?? '39',
      district_code: districtCode,
      address: `${districtCode} 测试路 1 号`,
      size: overrides.size ?? 'medium',
      employee_count: overrides.employeeCount ?? 500,
      key_level: overrides.keyLevel ?? 'none',
      liaison_user_id: overrides.liaisonUserId ?? null,
    },
  ]);
  if (!row) throw new Error('enterprise not inserted');
  const contacts = overrides.contacts ?? [{ name: '张经理', title: '人事经理', phone: '13812345678' }];
  await insertContacts(
    deps.db,
    contacts.map((contact, position) => ({
      enterprise_id: row.id,
      position,
      name: contact.name,
      title: contact.title ?? '',
      phone_enc: deps.pii.encrypt(contact.phone),
      phone_hash: deps.pii.hash(contact.phone),
      phone_masked: maskPhone(contact.phone),
    })),
  );
  return row;
}

/** A worker with a valid, unique ID number (encrypted like the real write path). */
export async function buildWorker(
  deps: Pick<Deps, 'db' | 'pii'>,
  overrides: {
    name?: string;
    birthDate?: string;
    sex?: 'male' | 'female';
    phone?: string;
    originRegionCode?: string | null;
    districtCode?: string | null;
    status?: 'available' | 'employed' | 'inactive';
    channel?: Channel;
    skills?: string[];
    certificates?: string[];
    occupationCodes?: string[];
    expectedWage?: number | null;
    education?: string;
    currentRegionCode?: string | null;
    availableFrom?: string | null;
  } = {},
): Promise<WorkerRow> {
  const sex = overrides.sex ?? 'male';
  // Unique by construction: each call gets its own birth day unless one is asked for (a fixed
  // date and region leave only 500 sequence numbers per sex, and random draws collide).
  counter += 1;
  const birthDate =
    overrides.birthDate ??
    new Date(Date.UTC(1970, 0, 1) + (counter % 12_000) * 86_400_000).toISOString().slice(0, 10);
  const idNumber = generateIdNumber(random, overrides.originRegionCode ?? '530602', birthDate, sex);
  const phone = overrides.phone ?? `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
  const name = overrides.name ?? `测试工${uniqueSuffix()}`;
  const keys = nameKeys(name);
  return deps.db
    .insertInto('workers')
    .values({
      name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      id_number_enc: deps.pii.encrypt(idNumber),
      id_number_hash: deps.pii.hash(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      phone_enc: deps.pii.encrypt(phone),
      phone_hash: deps.pii.hash(phone),
      phone_masked: maskPhone(phone),
      phone_last4: phone.slice(-4),
      id_last4: idNumber.slice(-4),
      birth_date: birthDate,
      sex,
      origin_region_code: overrides.originRegionCode ?? '530602',
      current_region_code: overrides.currentRegionCode ?? null,
      education: overrides.education ?? 'senior',
      skills: overrides.skills ?? ['电焊'],
      certificates: overrides.certificates ?? [],
      occupation_codes: overrides.occupationCodes ?? [],
      expected_wage: overrides.expectedWage === undefined ? 6000 : overrides.expectedWage,
      available_from: overrides.availableFrom ?? null,
      district_code: overrides.districtCode ?? null,
      status: overrides.status ?? 'available',
      source_channel: overrides.channel ?? 'base',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An open job order of `enterpriseId`, deadline a month ahead. */
export async function buildJobOrder(
  deps: Pick<Deps, 'db'>,
  enterpriseId: string,
  overrides: {
    headcount?: number;
    filled?: number;
    status?: JobOrderRow['status'];
    title?: string;
    districtCode?: string;
    deadline?: string;
    occupationCode?: string;
    wageMin?: number;
    wageMax?: number;
    ageMin?: number | null;
    ageMax?: number | null;
    educationMin?: EducationLevel;
    certificates?: string[];
    skills?: string[];
    dormitory?: boolean;
    urgency?: 'normal' | 'urgent' | 'critical';
  } = {},
): Promise<JobOrderRow> {
  const deadline = overrides.deadline ?? new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return deps.db
    .insertInto('job_orders')
    .values({
      enterprise_id: enterpriseId,
      title: overrides.title ?? `普工${uniqueSuffix()}`,
      occupation_code: overrides.occupationCode ?? '6-25-04-01',
      headcount: overrides.headcount ?? 10,
      filled: overrides.filled ?? 0,
      wage_min: overrides.wageMin ?? 5000,
      wage_max: overrides.wageMax ?? 7000,
      age_min: overrides.ageMin === undefined ? 18 : overrides.ageMin,
      age_max: overrides.ageMax === undefined ? 45 : overrides.ageMax,
      education_min: overrides.educationMin ?? 'junior',
      skills: overrides.skills ?? [],
      certificates: overrides.certificates ?? [],
      district_code: overrides.districtCode ?? '320509',
      shifts: 'two_shift',
      dormitory: overrides.dormitory ?? true,
      meals: 'subsidy',
      deadline,
      urgency: overrides.urgency ?? 'urgent',
      visibility: ['public'],
      contact_name: '',
      description: '',
      status: overrides.status ?? 'open',
      staff_assisted: false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An application in `status` (events are not back-filled: tests of history build through the API). */
export async function buildApplication(
  deps: Pick<Deps, 'db'>,
  worker: Pick<WorkerRow, 'id'>,
  order: Pick<JobOrderRow, 'id' | 'enterprise_id'>,
  status: ApplicationStatus = 'offered',
): Promise<ApplicationRow> {
  return deps.db
    .insertInto('applications')
    .values({
      worker_id: worker.id,
      job_order_id: order.id,
      enterprise_id: order.enterprise_id,
      status,
      channel: 'base',
      note: '',
      created_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A licensed HR agency (approved unless asked otherwise), serving `serviceRegionCodes` (default
 * 吴江) for every occupation unless `serviceOccupationCodes` narrows it.
 */
export async function buildAgency(
  deps: Pick<Deps, 'db'>,
  overrides: {
    name?: string;
    status?: AgencyRow['status'];
    alliance?: string | null;
    regionCode?: string;
    serviceRegionCodes?: string[];
    serviceOccupationCodes?: string[];
  } = {},
): Promise<AgencyRow> {
  const suffix = uniqueSuffix();
  const name = overrides.name ?? `苏州测试${suffix}人力资源有限公司`;
  const keys = nameKeys(name);
  const licence = `（苏）人服证字〔2024〕第${suffix}号`;
  return deps.db
    .insertInto('agencies')
    .values({
      licence_number: licence,
      licence_key: normalizeLicenceNumber(licence),
      name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      region_code: overrides.regionCode ?? '320509',
      service_region_codes: overrides.serviceRegionCodes ?? ['320509'],
      service_occupation_codes: overrides.serviceOccupationCodes ?? [],
      alliance: overrides.alliance ?? null,
      status: overrides.status ?? 'approved',
      approved_at: (overrides.status ?? 'approved') === 'approved' ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A staff account (role `agency`) of `agencyId`. */
export async function buildAgencyUser(deps: Pick<Deps, 'db'>, agencyId: string): Promise<UserRow> {
  return buildUser(deps, { roles: ['agency'], agencyId });
}
