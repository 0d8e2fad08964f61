import { maskPhone } from '@yonggong/engine';
import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { nameKeys } from '../lib/pinyin.ts';
import { recordAudit, SYSTEM_AUDIT } from '../modules/audit/audit.service.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertContacts, insertEnterprises } from '../modules/enterprises/enterprises.repository.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { loadDemoCases } from './demo-cases.ts';
import { loadDemoChannels } from './demo-channels.ts';
import { generateDemoCity } from './demo-city.ts';
import { DEMO_AGENCY_COUNT, loadDemoMarketplace } from './demo-marketplace.ts';
import { loadDemoMonitoring } from './demo-monitoring.ts';
import { loadDemoPipeline } from './demo-pipeline.ts';
import { loadDemoSchools } from './demo-schools.ts';
import { loadDemoWorkers } from './demo-workers.ts';

/**
 * Loads the demo city into an empty database in one transaction (a crash leaves it empty, and the
 * next start loads it again). Refuses a database that already has accounts.
 */
export interface DemoLoadReport {
  readonly accounts: number;
  readonly enterprises: number;
  readonly contacts: number;
  readonly workers: number;
  readonly jobOrders: number;
  readonly applications: number;
  readonly placements: number;
}

export async function isDatabaseEmpty(deps: Pick<Deps, 'db'>): Promise<boolean> {
  const row = await deps.db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n === 0;
}

export async function loadDemo(
  deps: Deps,
  options: { password: string; seed?: number; scale?: number; today?: Date },
): Promise<DemoLoadReport> {
  if (!(await isDatabaseEmpty(deps)))
    throw new Error('The database already has accounts; the demo city loads only into an empty database.');
  const city = generateDemoCity({ seed: options.seed, scale: options.scale });
  if (city.cityCode !== deps.config.cityCode)
    throw new Error(`The demo city is ${city.cityCode} but YONGGONG_CITY_CODE is ${deps.config.cityCode}.`);
  const hashes = await Promise.all(city.accounts.map(() => hashPassword(options.password)));
  const basePasswordHash = await hashPassword(options.password);
  const schoolPasswordHash = await hashPassword(options.password);
  const agencyHashes = await Promise.all(
    Array.from({ length: DEMO_AGENCY_COUNT }, () => hashPassword(options.password)),
  );

  return deps.db.transaction().execute(async (trx) => {
    const userIds = new Map<string, string>();
    for (const [index, account] of city.accounts.entries()) {
      const user = await insertUser(trx, {
        username: account.username,
        display_name: account.displayName,
        password_hash: hashes[index] ?? null,
        roles: [...account.roles],
        district_codes: [...account.districtCodes],
        enterprise_id: null,
        agency_id: null,
        school_id: null,
        base_id: null,
        worker_id: null,
      });
      userIds.set(account.username, user.id);
    }
    const inserted = await insertEnterprises(
      trx,
      city.enterprises.map((enterprise) => {
        const keys = nameKeys(enterprise.name);
        return {
          credit_code: enterprise.creditCode,
          name: enterprise.name,
          name_pinyin: keys.pinyin,
          name_initials: keys.initials,
          industry_code: enterprise.industryCode,
          district_code: enterprise.districtCode,
          address: enterprise.address,
          longitude: enterprise.longitude,
          latitude: enterprise.latitude,
          size: enterprise.size,
          employee_count: enterprise.employeeCount,
          key_level: enterprise.keyLevel,
          liaison_user_id: enterprise.liaisonUsername
            ? (userIds.get(enterprise.liaisonUsername) ?? null)
            : null,
        };
      }),
    );
    const contacts = inserted.flatMap((row, index) =>
      (city.enterprises[index]?.contacts ?? []).map((contact, position) => ({
        enterprise_id: row.id,
        position,
        name: contact.name,
        title: contact.title,
        phone_enc: deps.pii.encrypt(contact.phone),
        phone_hash: deps.pii.hash(contact.phone),
        phone_masked: maskPhone(contact.phone),
      })),
    );
    await insertContacts(trx, contacts);
    for (const account of city.accounts) {
      if (account.enterpriseIndex === null) continue;
      const userId = userIds.get(account.username);
      const enterprise = inserted[account.enterpriseIndex];
      if (userId && enterprise)
        await trx
          .updateTable('users')
          .set({ enterprise_id: enterprise.id })
          .where('id', '=', userId)
          .execute();
    }
    const today = options.today ?? new Date();
    const seed = options.seed ?? 20261122;
    const workers = await loadDemoWorkers(trx, deps, {
      password: options.password,
      seed,
      count: 5000 * (options.scale ?? 1),
      today,
    });
    const officerIdByDistrict = new Map(
      city.accounts
        .filter((account) => account.roles.includes('district_officer'))
        .flatMap((account) =>
          account.districtCodes.map((code) => [code, userIds.get(account.username) ?? ''] as const),
        ),
    );
    const pipeline = await loadDemoPipeline(trx, {
      seed,
      today,
      officerIdByDistrict,
      firstEnterpriseId: inserted[0]?.id ?? '',
    });
    const marketplace = await loadDemoMarketplace(trx, { seed, today, passwordHashes: agencyHashes });
    const schools = await loadDemoSchools(trx, deps, { seed, today, passwordHash: schoolPasswordHash });
    const channels = await loadDemoChannels(trx, deps, { seed, today, passwordHash: basePasswordHash });
    const monitoring = await loadDemoMonitoring(trx, { seed, today });
    // 一企一策 cases for the red enterprises of the monitoring demo.
    await loadDemoCases(trx, { seed, today, redEnterpriseIds: monitoring.redEnterpriseIds });
    await recordAudit(trx, SYSTEM_AUDIT, {
      action: 'demo.load',
      entityType: 'system',
      entityId: null,
      summary: `载入演示城市：${city.accounts.length + workers.accounts} 个账号，${inserted.length} 家企业，${workers.workers} 名劳动者，${pipeline.jobOrders} 个岗位`,
      after: { seed: options.seed ?? null, scale: options.scale ?? 1 },
    });
    return {
      accounts:
        city.accounts.length + workers.accounts + marketplace.accounts + channels.accounts + schools.accounts,
      enterprises: inserted.length,
      contacts: contacts.length,
      workers: workers.workers,
      jobOrders: pipeline.jobOrders,
      applications: pipeline.applications + marketplace.submissions,
      placements: pipeline.placements + marketplace.placements,
    };
  });
}
