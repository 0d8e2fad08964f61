import { createRandom, generateCreditCode, maskPhone } from '@yonggong/engine';
import type { EnterpriseSize, KeyLevel, Role } from '@yonggong/shared';
import type { EnterpriseRow, UserRow } from '../src/db/schema.ts';
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
    agency_id: null,
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
