import { LIMITS, ROLES, type Role } from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/schema.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import { deleteSessionsOfUser } from '../auth/auth.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { directoryDistrictsOf } from './users.policy.ts';
import {
  findAccountBindings,
  findUserByUsername,
  insertUser,
  listDirectory,
  updateUser,
} from './users.repository.ts';

/** Account management shared by the CLI (`yonggong user …`), the demo loader and the API. */

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly password: string | null;
  readonly districtCodes?: readonly string[];
  readonly enterpriseId?: string | null;
  /** Staff of an HR agency (role `agency`): the agency it acts for. */
  readonly agencyId?: string | null;
  /** Staff of a labour base (role `base`) or a school (role `school`): the record it acts for. */
  readonly baseId?: string | null;
  readonly schoolId?: string | null;
  /** A precomputed hash (demo loader: hashing once per account is the slow part). */
  readonly passwordHash?: string;
}

/** Creates an account; refuses duplicates, unknown roles and short passwords. */
export async function createAccount(
  db: Kysely<Database>,
  account: NewAccount,
  audit: AuditContext,
): Promise<UserRow> {
  const username = account.username.trim();
  if (!/^[a-zA-Z0-9._-]{2,64}$/.test(username))
    throw fieldErrors([{ path: 'username', key: 'field.invalid' }]);
  for (const role of account.roles)
    if (!(ROLES as readonly string[]).includes(role))
      throw fieldErrors([{ path: 'roles', key: 'field.invalid' }]);
  if (account.password !== null && account.password.length < LIMITS.passwordMinLength)
    throw fieldErrors([
      { path: 'password', key: 'password.too_short', params: { min: LIMITS.passwordMinLength } },
    ]);
  if (await findUserByUsername(db, username)) throw new AppError('duplicate');
  const baseId = account.baseId ?? null;
  const schoolId = account.schoolId ?? null;
  if (baseId !== null || schoolId !== null) {
    const bindings = await findAccountBindings(db, { baseId, schoolId });
    if (baseId !== null && !bindings.hasBase)
      throw fieldErrors([{ path: 'baseId', key: 'user.base_unknown', params: { value: baseId } }]);
    if (schoolId !== null && !bindings.hasSchool)
      throw fieldErrors([{ path: 'schoolId', key: 'user.school_unknown', params: { value: schoolId } }]);
  }
  const passwordHash =
    account.passwordHash ?? (account.password === null ? null : await hashPassword(account.password));
  return db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, {
      username,
      display_name: account.displayName,
      password_hash: passwordHash,
      roles: [...account.roles],
      district_codes: [...(account.districtCodes ?? [])],
      enterprise_id: account.enterpriseId ?? null,
      agency_id: account.agencyId ?? null,
      school_id: schoolId,
      base_id: baseId,
      worker_id: null,
    });
    await recordAudit(trx, audit, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      summary: `创建账号 ${username}`,
      after: {
        username,
        displayName: account.displayName,
        roles: account.roles,
        districtCodes: account.districtCodes ?? [],
        enterpriseId: account.enterpriseId ?? null,
        agencyId: account.agencyId ?? null,
        baseId,
        schoolId,
      },
    });
    return user;
  });
}

/** Sets a new password and signs the account out everywhere. */
export async function setPassword(
  db: Kysely<Database>,
  username: string,
  password: string,
  audit: AuditContext,
): Promise<void> {
  if (password.length < LIMITS.passwordMinLength)
    throw fieldErrors([
      { path: 'password', key: 'password.too_short', params: { min: LIMITS.passwordMinLength } },
    ]);
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError('not_found');
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: hash });
    await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, audit, {
      action: 'user.password',
      entityType: 'user',
      entityId: user.id,
      summary: `重设账号 ${user.username} 的密码`,
    });
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions. */
export async function setDisabled(
  db: Kysely<Database>,
  username: string,
  disabled: boolean,
  audit: AuditContext,
): Promise<void> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError('not_found');
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { is_disabled: disabled });
    if (disabled) await deleteSessionsOfUser(trx, user.id);
    await recordAudit(trx, audit, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: user.id,
      summary: `${disabled ? '停用' : '启用'}账号 ${user.username}`,
      before: { isDisabled: user.is_disabled },
      after: { isDisabled: disabled },
    });
  });
}

/**
 * The directory of colleagues for pickers (liaison officers of a district). City-wide roles see
 * everyone; district-bound accounts see accounts of their own districts.
 */
export async function listUserDirectory(
  db: Kysely<Database>,
  actor: Actor,
  filter: { role?: Role; districtCode?: string },
): Promise<UserRow[]> {
  return listDirectory(db, {
    ...filter,
    districtCodesWithin: directoryDistrictsOf(actor),
  });
}
