import {
  createRandom,
  drawInteger,
  generateIdNumber,
  maskPhone,
  traineeshipSubsidy,
  validateIdNumber,
} from '@yonggong/engine';
import type { AgreementScope, SchoolType } from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { nameKeys } from '../lib/pinyin.ts';
import { todayIn } from '../modules/job-orders/job-orders.service.ts';
import { schoolNameKey } from '../modules/schools/schools.service.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { protectIdentity } from '../modules/workers/worker-identity.ts';
import { insertChannels } from '../modules/workers/workers.repository.ts';

/**
 * The demo's school–enterprise cooperation (校企合作), after the marketplace: 20 vocational schools
 * in and around Suzhou and in the labour-exporting regions the seeds name (昭通, 宜春, 自贡, 渭南,
 * 都匀, 新县, 湘西), plus schools the seeds themselves mention (徐州机电技师学院, 宁波技师学院,
 * 包头职业技术学院, 包头轻工职业技术学院, 北方民族大学). Apart from those, the names are invented for the
 * demo and every school is marked 演示数据 — none of it is real data about a real school.
 * Each school has majors with graduates for two years; agreements with demo enterprises (some
 * expired); order/named classes and 产业学院 cohorts whose students are workers (channel 'school',
 * credited to the school and the class); internships (顶岗实习 and 见习, the subsidy flag from the
 * engine's rule); a few apprenticeships; and the account `school.1` of 苏州高新技师学院, whose school has
 * an order class with no students yet and a partner enterprise with an open order (the E2E journey).
 */
interface DemoSchool {
  readonly name: string;
  readonly type: SchoolType;
  readonly region: string;
  readonly majors: readonly (readonly [name: string, occupation: string])[];
  readonly contact: string;
}

const MAJORS = {
  mech: ['机电一体化', '6-31'],
  cnc: ['数控加工', '6-18'],
  weld: ['焊接加工', '6-18'],
  elec: ['电气自动化', '6-31'],
  robot: ['工业机器人应用与维护', '6-31'],
  chip: ['电子技术应用', '6-25'],
  auto: ['汽车制造与检测', '6-22'],
  logi: ['现代物流', '4-02'],
  pv: ['光伏工程技术', '6-28'],
  chem: ['化工工艺', '6-11'],
} as const;

const SCHOOLS: readonly DemoSchool[] = [
  {
    name: '苏州高新技师学院',
    type: 'technician',
    region: '320505',
    majors: [MAJORS.mech, MAJORS.robot, MAJORS.chip],
    contact: '陆老师',
  },
  {
    name: '吴江鲈乡技工学校',
    type: 'technician',
    region: '320509',
    majors: [MAJORS.weld, MAJORS.cnc],
    contact: '沈老师',
  },
  {
    name: '昆山玉峰技师学院',
    type: 'technician',
    region: '320583',
    majors: [MAJORS.chip, MAJORS.elec, MAJORS.auto],
    contact: '顾老师',
  },
  {
    name: '徐州机电技师学院',
    type: 'technician',
    region: '320311',
    majors: [MAJORS.mech, MAJORS.cnc, MAJORS.elec],
    contact: '刘老师',
  },
  {
    name: '昭通乌蒙技师学院',
    type: 'technician',
    region: '530602',
    majors: [MAJORS.weld, MAJORS.mech],
    contact: '李老师',
  },
  {
    name: '宜春明月山技工学校',
    type: 'technician',
    region: '360902',
    majors: [MAJORS.elec, MAJORS.logi],
    contact: '胡老师',
  },
  {
    name: '自贡盐都技师学院',
    type: 'technician',
    region: '510302',
    majors: [MAJORS.chem, MAJORS.weld],
    contact: '罗老师',
  },
  {
    name: '渭南华山技师学院',
    type: 'technician',
    region: '610502',
    majors: [MAJORS.auto, MAJORS.cnc],
    contact: '张老师',
  },
  {
    name: '宁波技师学院',
    type: 'technician',
    region: '330205',
    majors: [MAJORS.mech, MAJORS.robot],
    contact: '王老师',
  },
  {
    name: '苏州金鸡湖职业技术学院',
    type: 'higher_vocational',
    region: '320506',
    majors: [MAJORS.chip, MAJORS.robot, MAJORS.logi],
    contact: '周老师',
  },
  {
    name: '太仓娄江职业技术学院',
    type: 'higher_vocational',
    region: '320585',
    majors: [MAJORS.auto, MAJORS.mech],
    contact: '钱老师',
  },
  {
    name: '包头职业技术学院',
    type: 'higher_vocational',
    region: '150203',
    majors: [MAJORS.pv, MAJORS.elec],
    contact: '赵老师',
  },
  {
    name: '包头轻工职业技术学院',
    type: 'higher_vocational',
    region: '150203',
    majors: [MAJORS.pv, MAJORS.chem],
    contact: '孙老师',
  },
  {
    name: '新县大别山职业技术学院',
    type: 'higher_vocational',
    region: '411523',
    majors: [MAJORS.elec, MAJORS.logi],
    contact: '吴老师',
  },
  {
    name: '都匀剑江技工学校',
    type: 'technician',
    region: '522701',
    majors: [MAJORS.weld, MAJORS.chip],
    contact: '杨老师',
  },
  {
    name: '相城阳澄湖中等专业学校',
    type: 'secondary_vocational',
    region: '320507',
    majors: [MAJORS.chip, MAJORS.logi],
    contact: '徐老师',
  },
  {
    name: '张家港沙洲中等专业学校',
    type: 'secondary_vocational',
    region: '320582',
    majors: [MAJORS.cnc, MAJORS.weld],
    contact: '朱老师',
  },
  {
    name: '镇雄乌峰中等职业学校',
    type: 'secondary_vocational',
    region: '530627',
    majors: [MAJORS.elec, MAJORS.weld],
    contact: '陈老师',
  },
  {
    name: '吉首武陵中等职业学校',
    type: 'secondary_vocational',
    region: '433101',
    majors: [MAJORS.chip, MAJORS.mech],
    contact: '彭老师',
  },
  {
    name: '北方民族大学',
    type: 'undergraduate',
    region: '640105',
    majors: [MAJORS.chem, MAJORS.elec],
    contact: '马老师',
  },
];

export const DEMO_SCHOOL_LOGINS: readonly { username: string; what: string }[] = [
  {
    username: 'school.1',
    what: '院校 school staff (苏州高新技师学院, demo): its classes, students, internships',
  },
];

/** The class the E2E journey imports into: school.1's, with no students. */
export const DEMO_EMPTY_CLASS_NAME = '2026届高新—智能制造订单班';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = [
  '浩',
  '宇',
  '轩',
  '杰',
  '涛',
  '鹏',
  '磊',
  '婷',
  '静',
  '敏',
  '丽',
  '强',
  '军',
  '洋',
  '勇',
  '欣',
  '悦',
  '晨',
  '阳',
  '博',
];

export interface DemoSchoolsReport {
  readonly schools: number;
  readonly agreements: number;
  readonly classes: number;
  readonly students: number;
  readonly internships: number;
  readonly apprenticeships: number;
  readonly accounts: number;
}

export async function loadDemoSchools(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'pii'>,
  options: { seed: number; today: Date; passwordHash: string | null },
): Promise<DemoSchoolsReport> {
  const rand = createRandom(options.seed ^ 0x5c4001);
  const today = todayIn(options.today);
  const year = Number(today.slice(0, 4));
  // Partner enterprises: those with an open order with places left, most urgent first.
  const partners = await trx
    .selectFrom('enterprises as e')
    .select(['e.id', 'e.name', 'e.district_code'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('job_orders as o')
          .select('o.id')
          .whereRef('o.enterprise_id', '=', 'e.id')
          .where('o.status', '=', 'open')
          .whereRef('o.filled', '<', 'o.headcount'),
      ),
    )
    .orderBy('e.credit_code')
    .limit(40)
    .execute();
  if (partners.length === 0) throw new Error('demo schools need enterprises with open orders');
  const partnerAt = (index: number) => partners[index % partners.length] ?? partners[0];

  let agreements = 0;
  let classes = 0;
  let students = 0;
  let internships = 0;
  let apprenticeships = 0;
  let firstSchoolId = '';
  const usedNames = new Set<string>();

  for (const [index, school] of SCHOOLS.entries()) {
    const keys = nameKeys(school.name);
    const row = await trx
      .insertInto('schools')
      .values({
        name: school.name,
        name_key: schoolNameKey(school.name),
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        type: school.type,
        region_code: school.region,
        notes: '演示数据',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (index === 0) firstSchoolId = row.id;
    const majors = await trx
      .insertInto('school_majors')
      .values(
        school.majors.map(([name, occupation], position) => ({
          school_id: row.id,
          name,
          occupation_code: occupation,
          position,
        })),
      )
      .returning(['id'])
      .execute();
    await trx
      .insertInto('school_major_graduates')
      .values(
        majors.flatMap((major) => [
          { major_id: major.id, year: year - 1, graduates: 60 + drawInteger(rand, 300) },
          { major_id: major.id, year, graduates: 60 + drawInteger(rand, 320) },
        ]),
      )
      .execute();
    const phone = `139${String(51_000_000 + index * 1237).padStart(8, '0')}`;
    await trx
      .insertInto('school_contacts')
      .values({
        school_id: row.id,
        position: 0,
        name: school.contact,
        title: '招生就业处',
        phone_enc: deps.pii.encrypt(phone),
        phone_hash: deps.pii.hash(phone),
        phone_masked: maskPhone(phone),
      })
      .execute();

    // 1–3 partner enterprises each; signed over the last five years (two-year KPI window included).
    const partnerCount = 1 + drawInteger(rand, 3);
    for (let p = 0; p < partnerCount; p++) {
      const enterprise = partnerAt(index * 2 + p);
      if (!enterprise) continue;
      const signedYear = year - 4 + drawInteger(rand, 5);
      const signedOn = `${signedYear}-${String(1 + drawInteger(rand, 12)).padStart(2, '0')}-${String(1 + drawInteger(rand, 28)).padStart(2, '0')}`;
      const validYears = index === 0 && p === 0 ? 10 : 2 + drawInteger(rand, 3);
      const scopes: AgreementScope[] = [
        'order_class',
        ...(rand() < 0.6 ? (['internship_base'] as const) : []),
        ...(rand() < 0.2 ? (['industry_college'] as const) : []),
      ];
      const agreement = await trx
        .insertInto('school_agreements')
        .values({
          school_id: row.id,
          enterprise_id: enterprise.id,
          title: `${school.name}—${enterprise.name} 校企合作协议`,
          signed_on: index === 0 && p === 0 ? `${year - 1}-03-01` : signedOn,
          valid_from: index === 0 && p === 0 ? `${year - 1}-03-01` : signedOn,
          valid_until: `${(index === 0 && p === 0 ? year - 1 : signedYear) + validYears}-${signedOn.slice(5)}`,
          scopes,
        })
        .onConflict((oc) => oc.constraint('school_agreements_unique').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!agreement) continue;
      agreements += 1;
      if (p > 0 && rand() < 0.5) continue;
      // An order class with students (the first school's first class stays empty for the E2E).
      const [majorName] = school.majors[p % school.majors.length] ?? MAJORS.mech;
      const isEmpty = index === 0 && p === 0;
      const kind = isEmpty ? 'order' : rand() < 0.2 ? 'industry_college' : rand() < 0.5 ? 'named' : 'order';
      const graduation = isEmpty ? `${year}-12-31` : `${year + drawInteger(rand, 2)}-06-30`;
      let className = isEmpty
        ? DEMO_EMPTY_CLASS_NAME
        : `${graduation.slice(0, 4)}届${enterprise.name.replace(/(有限公司|股份有限公司|集团)$/u, '').slice(0, 6)}${kind === 'named' ? '冠名班' : kind === 'industry_college' ? '产业学院班' : '订单班'}`;
      while (usedNames.has(`${row.id}:${className}`)) className = `${className}（二）`;
      usedNames.add(`${row.id}:${className}`);
      const size = isEmpty ? 40 : 20 + drawInteger(rand, 21);
      const cls = await trx
        .insertInto('order_classes')
        .values({
          school_id: row.id,
          enterprise_id: enterprise.id,
          agreement_id: agreement.id,
          kind,
          name: className,
          major_name: majorName,
          class_size: size,
          start_date: `${Number(graduation.slice(0, 4)) - 2}-09-01`,
          graduation_date: graduation,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      classes += 1;
      if (isEmpty) continue;
      const enrolled = size - drawInteger(rand, 5);
      const ids = await insertStudents(trx, deps, rand, {
        count: enrolled,
        schoolId: row.id,
        classId: cls.id,
        region: school.region,
        birthYear: Number(graduation.slice(0, 4)) - 19,
        today: options.today,
      });
      students += ids.length;
      // A third of the class on placement internships with the partner; a few graduates as trainees.
      for (const [n, student] of ids.entries()) {
        if (n % 3 !== 0) continue;
        const kindOfInternship = n % 9 === 0 ? 'traineeship' : 'placement';
        const start = `${year}-0${1 + drawInteger(rand, 6)}-01`;
        const end = `${year}-${String(7 + drawInteger(rand, 6)).padStart(2, '0')}-01`;
        const verdict = traineeshipSubsidy({
          kind: kindOfInternship,
          birthDate: student.birthDate,
          startDate: start,
          endDate: end,
          graduationDate: kindOfInternship === 'traineeship' ? `${year - 1}-06-30` : null,
        });
        await trx
          .insertInto('internships')
          .values({
            kind: kindOfInternship,
            worker_id: student.id,
            school_id: row.id,
            enterprise_id: enterprise.id,
            position: kindOfInternship === 'placement' ? `${majorName}实习生` : '品质见习生',
            start_date: start,
            end_date: end,
            graduation_date: kindOfInternship === 'traineeship' ? `${year - 1}-06-30` : null,
            monthly_stipend: (2200 + drawInteger(rand, 10) * 100) * 100,
            supervisor_name: `${SURNAMES[drawInteger(rand, SURNAMES.length)]}师傅`,
            status: start <= today ? (end < today ? 'completed' : 'ongoing') : 'planned',
            subsidy_eligible: verdict.eligible,
            subsidy_reason: verdict.reason,
          })
          .execute();
        internships += 1;
      }
      if (index % 5 === 1) {
        const programme = await trx
          .insertInto('apprenticeships')
          .values({
            enterprise_id: enterprise.id,
            school_id: row.id,
            occupation_code: school.majors[0]?.[1] ?? '6-31',
            title: `${school.majors[0]?.[0] ?? '机电'}新型学徒制培训班`,
            start_date: `${year}-03-01`,
            end_date: `${year + 1}-02-28`,
            status: 'ongoing',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('apprentices')
          .values(
            ids.slice(0, 8).map((student) => ({ apprenticeship_id: programme.id, worker_id: student.id })),
          )
          .execute();
        apprenticeships += 1;
      }
    }
  }

  let accounts = 0;
  if (options.passwordHash !== null) {
    await insertUser(trx, {
      username: 'school.1',
      display_name: '苏州高新技师学院 招就处',
      password_hash: options.passwordHash,
      roles: ['school'],
      district_codes: [],
      enterprise_id: null,
      agency_id: null,
      school_id: firstSchoolId,
      base_id: null,
      worker_id: null,
    });
    accounts = 1;
  }
  return { schools: SCHOOLS.length, agreements, classes, students, internships, apprenticeships, accounts };
}

/** Students as workers: encrypted like any registration, credited to the school and the class. */
async function insertStudents(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'pii'>,
  rand: () => number,
  options: {
    count: number;
    schoolId: string;
    classId: string;
    region: string;
    birthYear: number;
    today: Date;
  },
): Promise<{ id: string; birthDate: string }[]> {
  const rows = [];
  for (let i = 0; i < options.count; i++) {
    const birthDate = `${options.birthYear - drawInteger(rand, 2)}-${String(1 + drawInteger(rand, 12)).padStart(2, '0')}-${String(1 + drawInteger(rand, 28)).padStart(2, '0')}`;
    const sex = rand() < 0.7 ? 'male' : 'female';
    const id = validateIdNumber(generateIdNumber(rand, options.region, birthDate, sex), {
      today: options.today,
    });
    if (!id.ok) throw new Error(`demo student ID invalid: ${id.error.code}`);
    const name = `${SURNAMES[drawInteger(rand, SURNAMES.length)]}${GIVEN[drawInteger(rand, GIVEN.length)]}${rand() < 0.5 ? (GIVEN[drawInteger(rand, GIVEN.length)] ?? '') : ''}`;
    const keys = nameKeys(name);
    const phone = `15${String(drawInteger(rand, 1_000_000_000)).padStart(9, '0')}`;
    rows.push({
      name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      ...protectIdentity(deps.pii, id.value, phone),
      origin_region_code: options.region,
      education: 'vocational',
      skills: [],
      certificates: [],
      occupation_codes: [],
      available_from: null,
      district_code: null,
      status: 'available',
      source_channel: 'school',
      source_ref: options.schoolId,
    });
  }
  if (rows.length === 0) return [];
  // A generated number that is already someone's (a demo worker) is skipped, never doubled.
  const inserted = await trx
    .insertInto('workers')
    .values(rows)
    .onConflict((oc) => oc.column('id_number_hash').doNothing())
    .returning(['id', 'birth_date'])
    .execute();
  await insertChannels(
    trx,
    inserted.map((worker) => ({
      worker_id: worker.id,
      channel: 'school',
      channel_ref: options.classId,
      source_ref: options.schoolId,
      registered_by: null,
    })),
  );
  await trx
    .insertInto('order_class_students')
    .values(
      inserted.map((worker) => ({
        class_id: options.classId,
        worker_id: worker.id,
        import_id: null,
        added_by: null,
      })),
    )
    .execute();
  return inserted.map((worker) => ({ id: worker.id, birthDate: worker.birth_date }));
}
