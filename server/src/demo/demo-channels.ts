import { createRandom, drawInteger, generateIdNumber, maskPhone, validateIdNumber } from '@yonggong/engine';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { BaseKind } from '../db/schema-channels.ts';
import type { Deps } from '../deps.ts';
import { nameKeys } from '../lib/pinyin.ts';
import { protectIdentity } from '../modules/workers/worker-identity.ts';
import { insertChannels } from '../modules/workers/workers.repository.ts';

/**
 * The demo's supply channels, generated deterministically after the marketplace, in the places the
 * seeds name: labour cooperation bases in 云南昭通 (昭阳, 镇雄, 鲁甸, 彝良), 贵州都匀, 河南新县,
 * 陕西渭南, 四川自贡, 江西宜春, 湖南湘西 and a township directed-training base (以勒镇); their
 * partners, agreements and annual targets; 劳务对接 events with Suzhou's demo enterprises; the demo
 * workers from those counties credited to their base (with their applications and placements, so
 * delivered counts are real); the account `base.1` of the 昭阳 base; a training programme linked to
 * a demo order with trainees; and a survey campaign (摸排) in 镇雄县以勒镇 with about 200 records,
 * some converted into workers.
 */
interface DemoBase {
  readonly name: string;
  readonly kind: BaseKind;
  readonly origin: string;
  readonly township?: string;
  /** Demo workers from these counties arrived through this base. */
  readonly counties: readonly string[];
  readonly partner: string;
  readonly managing: string | null;
  readonly signed: string;
  readonly years: number;
  readonly target: number;
  readonly contact: string;
}

const BASES: readonly DemoBase[] = [
  {
    name: '苏州市—昭阳区劳务合作基地',
    kind: 'labour_cooperation',
    origin: '530602',
    counties: ['530602', '530622', '530623', '530624', '530625', '530629'],
    partner: '昭通市昭阳区人力资源和社会保障局',
    managing: null,
    signed: '2024-03-18',
    years: 3,
    target: 300,
    contact: '李主任',
  },
  {
    name: '吴江区—镇雄县劳务合作基地',
    kind: 'labour_cooperation',
    origin: '530627',
    counties: ['530627'],
    partner: '镇雄县人力资源和社会保障局',
    managing: '320509',
    signed: '2023-05-10',
    years: 3,
    target: 250,
    contact: '杨局长',
  },
  {
    name: '昆山市—鲁甸县劳务合作基地',
    kind: 'labour_cooperation',
    origin: '530621',
    counties: ['530621'],
    partner: '鲁甸县就业局',
    managing: '320583',
    signed: '2022-12-01',
    years: 4,
    target: 150,
    contact: '王科长',
  },
  {
    name: '苏州市—彝良县劳务合作基地',
    kind: 'labour_cooperation',
    origin: '530628',
    counties: ['530628'],
    partner: '彝良县人力资源和社会保障局',
    managing: null,
    signed: '2021-01-15',
    years: 5,
    target: 120,
    contact: '陈股长',
  },
  {
    name: '以勒镇产业工人定向培养基地',
    kind: 'directed_training',
    origin: '530627105',
    township: '以勒镇',
    counties: [],
    partner: '镇雄县以勒镇人民政府',
    managing: '320509',
    signed: '2025-04-01',
    years: 2,
    target: 60,
    contact: '张镇长',
  },
  {
    name: '苏州市—都匀市劳务合作基地',
    kind: 'labour_cooperation',
    origin: '522701',
    counties: ['522701'],
    partner: '都匀市人力资源和社会保障局',
    managing: null,
    signed: '2022-06-20',
    years: 4,
    target: 150,
    contact: '罗主任',
  },
  {
    name: '相城区—新县劳务合作基地',
    kind: 'labour_cooperation',
    origin: '411523',
    counties: ['411523'],
    partner: '新县人力资源和社会保障局',
    managing: '320507',
    signed: '2021-09-01',
    years: 5,
    target: 120,
    contact: '刘科长',
  },
  {
    name: '苏州市—渭南市临渭区劳务合作基地',
    kind: 'labour_cooperation',
    origin: '610502',
    counties: ['610502', '610503', '610523', '610526', '610528'],
    partner: '渭南市临渭区就业服务中心',
    managing: null,
    signed: '2023-03-01',
    years: 3,
    target: 150,
    contact: '赵主任',
  },
  {
    name: '苏州市—自贡市劳务合作基地',
    kind: 'labour_cooperation',
    origin: '510302',
    counties: ['510302', '510303', '510311', '510321', '510322'],
    partner: '自贡市就业服务管理局',
    managing: null,
    signed: '2024-07-01',
    years: 3,
    target: 150,
    contact: '周科长',
  },
  {
    name: '苏州市—宜春市袁州区劳务合作基地',
    kind: 'labour_cooperation',
    origin: '360902',
    counties: ['360902', '360922', '360981', '360983'],
    partner: '宜春市袁州区人力资源和社会保障局',
    managing: null,
    signed: '2022-10-10',
    years: 3,
    target: 120,
    contact: '黄主任',
  },
  {
    name: '吴江区—龙山县劳务合作基地',
    kind: 'labour_cooperation',
    origin: '433130',
    counties: ['433130', '433127', '433124'],
    partner: '龙山县人力资源和社会保障局',
    managing: '320509',
    signed: '2024-02-20',
    years: 3,
    target: 100,
    contact: '彭局长',
  },
];

export const DEMO_BASE_LOGINS: readonly { username: string; what: string }[] = [
  {
    username: 'base.1',
    what: '苏州市—昭阳区劳务合作基地 staff (云南昭通): its workers, orders open to bases, import',
  },
];

const VILLAGES = ['以勒村', '坪上村', '小河村', '安乐村', '青山村', '石坎村'];
const SURNAMES = [...'杨李王张陈刘赵黄周吴徐孙胡朱高林何郭马罗龙吕'];
const GIVEN = [
  '正华',
  '小芳',
  '国强',
  '大勇',
  '永福',
  '春花',
  '建国',
  '红梅',
  '志明',
  '秀英',
  '光荣',
  '金花',
  '学文',
  '海燕',
  '德明',
  '玉兰',
];
const SURVEY_SKILLS = ['电焊', '叉车', '缝纫', '装配', '砌筑', '电工', '驾驶', '种养殖'];

export interface DemoChannelsReport {
  readonly bases: number;
  readonly events: number;
  readonly creditedWorkers: number;
  readonly surveyRecords: number;
  readonly trainees: number;
  readonly accounts: number;
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-');
  return `${Number(y) + years}-${m}-${d}`;
}

function daysBefore(today: Date, days: number): string {
  return new Date(today.getTime() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

export async function loadDemoChannels(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'pii'>,
  options: { seed: number; today: Date; passwordHash: string },
): Promise<DemoChannelsReport> {
  const rand = createRandom(options.seed ^ 0xba5e);
  const { today } = options;

  // Bases, each with a contact, signed agreements of a few years.
  const baseIds: string[] = [];
  for (const [index, base] of BASES.entries()) {
    const keys = nameKeys(base.name);
    const row = await trx
      .insertInto('labour_bases')
      .values({
        name: base.name,
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        kind: base.kind,
        origin_region_code: base.origin,
        origin_township_name: base.township ?? '',
        partner_name: base.partner,
        managing_district_code: base.managing,
        agreement_number: `SZLW-${base.signed.slice(0, 4)}-${String(index + 1).padStart(3, '0')}`,
        agreement_signed_on: base.signed,
        agreement_valid_until: addYears(base.signed, base.years),
        annual_target: base.target,
        notes: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    baseIds.push(row.id);
    const phone = `139${String(87_000_000 + index * 1111).padStart(8, '0')}`;
    await trx
      .insertInto('labour_base_contacts')
      .values({
        base_id: row.id,
        position: 0,
        name: base.contact,
        title: '劳务输出负责人',
        phone_enc: deps.pii.encrypt(phone),
        phone_hash: deps.pii.hash(phone),
        phone_masked: maskPhone(phone),
      })
      .execute();
  }

  // Demo workers from a base's counties arrived through it: their `base` arrivals (and the workers
  // first registered through a base) are credited to it, and so are their base applications and
  // placements. A few dozen others from those counties signed up at the base too.
  let credited = 0;
  for (const [index, base] of BASES.entries()) {
    const baseId = baseIds[index] ?? '';
    if (base.counties.length === 0) continue;
    const counties = [...base.counties];
    const updated = await sql`
      UPDATE worker_channels wc SET source_ref = ${baseId}::uuid
      FROM workers w
      WHERE w.id = wc.worker_id AND wc.channel = 'base' AND wc.source_ref IS NULL
        AND w.origin_region_code = ANY(${counties}::text[])`.execute(trx);
    credited += Number(updated.numAffectedRows ?? 0n);
    await sql`
      UPDATE workers SET source_ref = ${baseId}::uuid
      WHERE source_channel = 'base' AND source_ref IS NULL AND origin_region_code = ANY(${counties}::text[])`.execute(
      trx,
    );
    const others = await trx
      .selectFrom('workers')
      .select('id')
      .where('origin_region_code', 'in', counties)
      .where('source_channel', '!=', 'base')
      .orderBy('name_pinyin')
      .orderBy('birth_date')
      .limit(30)
      .execute();
    credited += await insertChannels(
      trx,
      others.map((worker) => ({
        worker_id: worker.id,
        channel: 'base',
        channel_ref: baseId,
        source_ref: baseId,
        registered_by: null,
      })),
    );
  }
  await sql`
    UPDATE applications a SET channel_ref = w.source_ref
    FROM workers w
    WHERE w.id = a.worker_id AND a.channel = 'base' AND a.channel_ref IS NULL AND w.source_ref IS NOT NULL`.execute(
    trx,
  );
  await sql`
    UPDATE placements p SET channel_ref = a.channel_ref
    FROM applications a
    WHERE a.id = p.application_id AND p.channel = 'base' AND p.channel_ref IS NULL AND a.channel_ref IS NOT NULL`.execute(
    trx,
  );

  // 劳务对接: two or three events a base over the last year, Suzhou enterprises attending.
  const enterprises = await trx
    .selectFrom('enterprises')
    .select('id')
    .orderBy('credit_code')
    .limit(200)
    .execute();
  let events = 0;
  for (const [index, base] of BASES.entries()) {
    const baseId = baseIds[index] ?? '';
    const count = 2 + drawInteger(rand, 2);
    for (let e = 0; e < count; e++) {
      const kind = (['meeting', 'visit', 'online'] as const)[drawInteger(rand, 3)] ?? 'meeting';
      const place =
        kind === 'online'
          ? '直播带岗（线上）'
          : kind === 'visit'
            ? `${base.partner}`
            : `${base.name.split('—').at(-1) ?? base.name}人力资源市场`;
      const event = await trx
        .insertInto('labour_base_events')
        .values({
          base_id: baseId,
          held_on: daysBefore(today, 20 + drawInteger(rand, 330)),
          place,
          kind,
          notes:
            kind === 'meeting'
              ? '重点企业专场招聘会暨劳务对接座谈会'
              : kind === 'visit'
                ? '人社局带队走访，签订年度输送计划'
                : '企业 HR 直播讲解岗位与待遇',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      events++;
      const attending = new Set<string>();
      const wanted = 3 + drawInteger(rand, 4);
      while (attending.size < Math.min(wanted, enterprises.length)) {
        const pick = enterprises[drawInteger(rand, enterprises.length)];
        if (pick) attending.add(pick.id);
      }
      if (attending.size > 0)
        await trx
          .insertInto('labour_base_event_enterprises')
          .values([...attending].map((enterprise_id) => ({ event_id: event.id, enterprise_id })))
          .execute();
      const signups = await trx
        .selectFrom('worker_channels')
        .select('worker_id')
        .distinct()
        .where('source_ref', '=', baseId)
        .where('channel', '=', 'base')
        .orderBy('worker_id')
        .limit(5 + drawInteger(rand, 15))
        .offset(e * 7)
        .execute();
      if (signups.length > 0)
        await trx
          .insertInto('labour_base_event_workers')
          .values(signups.map((row) => ({ event_id: event.id, worker_id: row.worker_id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
    }
  }

  // base.1: staff of the 昭阳 base.
  await trx
    .insertInto('users')
    .values({
      username: 'base.1',
      display_name: '昭阳区劳务合作基地 李老师',
      password_hash: options.passwordHash,
      roles: ['base'],
      district_codes: [],
      enterprise_id: null,
      agency_id: null,
      school_id: null,
      base_id: baseIds[0] ?? null,
      worker_id: null,
    })
    .execute();
  // Some open orders are published to bases, so base.1 has orders to put its people forward to.
  await sql`
    UPDATE job_orders SET visibility = array_append(visibility, 'bases')
    WHERE id IN (SELECT id FROM job_orders WHERE status = 'open' AND NOT ('bases' = ANY(visibility))
                 ORDER BY urgency DESC, deadline, id LIMIT 40)`.execute(trx);

  const trainees = await loadDemoTraining(trx, rand, today);
  const surveyRecords = await loadDemoSurvey(trx, deps, rand, today);
  return { bases: BASES.length, events, creditedWorkers: credited, surveyRecords, trainees, accounts: 1 };
}

/** 企业订单、劳动者选单、政府买单: a welding programme for an open order, 24 trainees, 8 completed. */
async function loadDemoTraining(trx: Kysely<Database>, rand: () => number, today: Date): Promise<number> {
  const order = await trx
    .selectFrom('job_orders')
    .innerJoin('enterprises', 'enterprises.id', 'job_orders.enterprise_id')
    .select([
      'job_orders.id',
      'job_orders.enterprise_id',
      'job_orders.district_code',
      'job_orders.headcount',
      'job_orders.filled',
      'enterprises.name',
    ])
    .where('job_orders.status', '=', 'open')
    .where(sql<boolean>`job_orders.headcount - job_orders.filled >= 10`)
    .orderBy('job_orders.deadline')
    .orderBy('job_orders.id')
    .executeTakeFirst();
  if (!order) return 0;
  const programme = await trx
    .insertInto('training_programmes')
    .values({
      name: `${order.name}订单式技能培训（焊工）`,
      occupation_code: '6-18-02-04',
      skill: '电焊',
      provider: '苏州技师学院',
      seats: 30,
      starts_on: daysBefore(today, 45),
      ends_on: daysBefore(today, 2),
      cost_per_trainee_fen: 180_000,
      job_order_id: order.id,
      managing_district_code: order.district_code,
      notes: '企业订单、劳动者选单、政府买单：结业取证后直接推介到企业岗位',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workers = await trx
    .selectFrom('workers')
    .select(['id', 'name', 'skills', 'certificates'])
    .where('status', '=', 'available')
    .where('district_code', '=', order.district_code)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('applications')
            .select(eb.lit(1).as('one'))
            .whereRef('applications.worker_id', '=', 'workers.id')
            .where('applications.job_order_id', '=', order.id),
        ),
      ),
    )
    .orderBy('name_pinyin')
    .limit(24)
    .execute();
  let completed = 0;
  for (const worker of workers) {
    const isCompleted = completed < 8 && rand() < 0.6;
    let applicationId: string | null = null;
    if (isCompleted) {
      completed++;
      await trx
        .updateTable('workers')
        .set({
          skills: worker.skills.includes('电焊') ? worker.skills : [...worker.skills, '电焊'],
          certificates: worker.certificates.includes('焊工（五级）')
            ? worker.certificates
            : [...worker.certificates, '焊工（五级）'],
        })
        .where('id', '=', worker.id)
        .execute();
      const application = await trx
        .insertInto('applications')
        .values({
          worker_id: worker.id,
          job_order_id: order.id,
          enterprise_id: order.enterprise_id,
          status: 'recommended',
          channel: 'training',
          channel_ref: programme.id,
          note: '培训结业推介',
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      applicationId = application.id;
      await trx
        .insertInto('application_events')
        .values({
          application_id: application.id,
          from_status: null,
          to_status: 'recommended',
          actor_id: null,
          reason: '培训结业推介',
        })
        .execute();
    }
    await trx
      .insertInto('training_enrolments')
      .values({
        programme_id: programme.id,
        worker_id: worker.id,
        status: isCompleted ? 'completed' : 'enrolled',
        certificate: isCompleted ? '焊工（五级）' : null,
        completed_on: isCompleted ? daysBefore(today, 2) : null,
        application_id: applicationId,
      })
      .execute();
    await insertChannels(trx, [
      {
        worker_id: worker.id,
        channel: 'training',
        channel_ref: programme.id,
        source_ref: programme.id,
        registered_by: null,
      },
    ]);
  }
  await trx
    .updateTable('training_programmes')
    .set({ taken: workers.length })
    .where('id', '=', programme.id)
    .execute();
  return workers.length;
}

/** 摸排 in 镇雄县以勒镇: ~200 records over six villages; 40 willing people converted into workers. */
async function loadDemoSurvey(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'pii'>,
  rand: () => number,
  today: Date,
): Promise<number> {
  const campaign = await trx
    .insertInto('survey_campaigns')
    .values({
      name: '以勒镇农村劳动力资源摸排（春节前）',
      county_code: '530627',
      township_code: '530627105',
      township_name: '以勒镇',
      organiser: '镇雄县人社局、以勒镇人民政府',
      period_start: daysBefore(today, 60),
      period_end: daysBefore(today, 30),
      notes: '逐村逐户登记外出务工意愿，与吴江区—镇雄县劳务合作基地对接',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const seen = new Set<string>();
  const rows = [];
  for (let i = 0; rows.length < 200 && i < 1000; i++) {
    const sex = rand() < 0.6 ? 'male' : 'female';
    const age = 18 + drawInteger(rand, 38);
    const birthDate = `${today.getFullYear() - age}-${String(1 + drawInteger(rand, 12)).padStart(2, '0')}-${String(1 + drawInteger(rand, 28)).padStart(2, '0')}`;
    const idNumber = generateIdNumber(rand, '530627', birthDate, sex);
    const parsed = validateIdNumber(idNumber, { today });
    if (seen.has(idNumber) || !parsed.ok) continue;
    seen.add(idNumber);
    const phone = `15${String(drawInteger(rand, 1_000_000_000)).padStart(9, '0')}`;
    const identity = protectIdentity(deps.pii, parsed.value, phone);
    const roll = rand();
    const willing =
      age > 50 ? (roll < 0.3 ? 'yes' : 'no') : roll < 0.55 ? 'yes' : roll < 0.8 ? 'undecided' : 'no';
    const skillCount = drawInteger(rand, 3);
    rows.push({
      campaign_id: campaign.id,
      village: VILLAGES[drawInteger(rand, VILLAGES.length)] ?? '以勒村',
      name:
        (SURNAMES[drawInteger(rand, SURNAMES.length)] ?? '杨') +
        (GIVEN[drawInteger(rand, GIVEN.length)] ?? '正华'),
      id_number_enc: identity.id_number_enc,
      id_number_hash: identity.id_number_hash,
      id_number_masked: identity.id_number_masked,
      id_last4: identity.id_last4,
      birth_date: identity.birth_date,
      sex: identity.sex,
      phone_enc: identity.phone_enc,
      phone_hash: identity.phone_hash,
      phone_masked: identity.phone_masked,
      phone_last4: identity.phone_last4,
      education:
        (['primary', 'junior', 'junior', 'senior', 'vocational'] as const)[drawInteger(rand, 5)] ?? 'junior',
      willing: willing as 'yes' | 'no' | 'undecided',
      skills: [
        ...new Set(
          Array.from(
            { length: skillCount },
            () => SURVEY_SKILLS[drawInteger(rand, SURVEY_SKILLS.length)] ?? '装配',
          ),
        ),
      ],
      preferred_region_codes: willing === 'no' ? [] : rand() < 0.7 ? ['320500'] : ['320500', '330200'],
      earliest_date: willing === 'no' ? null : daysBefore(today, -drawInteger(rand, 60)),
      household_notes: rand() < 0.3 ? '家有老人需照顾' : rand() < 0.2 ? '子女在县城上学' : '',
    });
  }
  const inserted = await trx.insertInto('survey_records').values(rows).returningAll().execute();
  const toConvert = inserted.filter((row) => row.willing === 'yes').slice(0, 40);
  for (const record of toConvert) {
    const existing = await trx
      .selectFrom('workers')
      .select('id')
      .where('id_number_hash', '=', record.id_number_hash)
      .executeTakeFirst();
    let workerId = existing?.id;
    if (!workerId) {
      const keys = nameKeys(record.name);
      const worker = await trx
        .insertInto('workers')
        .values({
          name: record.name,
          name_pinyin: keys.pinyin,
          name_initials: keys.initials,
          id_number_enc: record.id_number_enc,
          id_number_hash: record.id_number_hash,
          id_number_masked: record.id_number_masked,
          id_last4: record.id_last4,
          phone_enc: record.phone_enc,
          phone_hash: record.phone_hash,
          phone_masked: record.phone_masked,
          phone_last4: record.phone_last4,
          birth_date: record.birth_date,
          sex: record.sex,
          origin_region_code: '530627',
          current_region_code: null,
          current_address: `以勒镇${record.village}`,
          education: record.education,
          skills: record.skills,
          certificates: [],
          occupation_codes: [],
          expected_wage: null,
          available_from: record.earliest_date,
          district_code: null,
          source_channel: 'survey',
          source_ref: campaign.id,
          notes: '摸排：以勒镇农村劳动力资源摸排（春节前）',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      workerId = worker.id;
    }
    await trx
      .insertInto('survey_conversions')
      .values({
        record_id: record.id,
        campaign_id: campaign.id,
        worker_id: workerId,
        is_new_worker: !existing,
        converted_by: null,
        converted_at: new Date(`${daysBefore(today, 25)}T10:00:00+08:00`),
      })
      .execute();
    await insertChannels(trx, [
      {
        worker_id: workerId,
        channel: 'survey',
        channel_ref: campaign.id,
        source_ref: campaign.id,
        registered_by: null,
      },
    ]);
  }
  return inserted.length;
}
