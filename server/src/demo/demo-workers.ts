import { createRandom, drawInteger, generateIdNumber, validateIdNumber } from '@yonggong/engine';
import type { Channel, EducationLevel, WorkerStatus } from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database, NewWorker } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { nameKeys } from '../lib/pinyin.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import { protectIdentity } from '../modules/workers/worker-identity.ts';
import { type ChannelWrite, insertChannels, insertWorkers } from '../modules/workers/workers.repository.ts';
import { DEMO_DISTRICTS } from './demo-city.ts';

/**
 * The demo city's workers, generated deterministically from a seed and a reference date: about
 * 5,000 people from the labour-exporting counties the seeds name (云南昭通, 贵州都匀, 河南新县,
 * 陕西渭南, 四川自贡, 江西宜春, 山西阳泉, 湘西龙山/永顺/花垣) plus local people, aged 18–55, with
 * valid ID numbers (GB 11643, region = origin county), education, factory skills and certificates,
 * expected wages of 4,500–9,000 yuan, phones and the channels they came through; and the demo
 * account `worker.1` bound to the first of them. Names, numbers and people are invented.
 *
 * `generateDemoWorkers` is pure; `loadDemoWorkers` writes it (encryption of two values per person
 * is most of the time: about 0.3 s for 5,000).
 */
export interface DemoWorker {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly originRegionCode: string;
  readonly education: EducationLevel;
  readonly skills: readonly string[];
  readonly certificates: readonly string[];
  readonly occupationCodes: readonly string[];
  readonly expectedWage: number;
  readonly availableFrom: string | null;
  readonly districtCode: string | null;
  readonly status: WorkerStatus;
  readonly channels: readonly Channel[];
}

export const DEMO_WORKER_LOGINS: readonly { username: string; what: string }[] = [
  { username: 'worker.1', what: '劳动者本人（手机端）a worker, on the mobile pages' },
];

/** Origin counties with weights (labour cooperation bases of the seeds, then local people). */
const ORIGINS: readonly { code: string; weight: number }[] = [
  // 云南昭通
  { code: '530602', weight: 8 },
  { code: '530621', weight: 4 },
  { code: '530622', weight: 3 },
  { code: '530623', weight: 3 },
  { code: '530624', weight: 2 },
  { code: '530625', weight: 2 },
  { code: '530627', weight: 8 },
  { code: '530628', weight: 4 },
  { code: '530629', weight: 3 },
  // 贵州都匀, 河南新县
  { code: '522701', weight: 6 },
  { code: '411523', weight: 6 },
  // 陕西渭南
  { code: '610502', weight: 4 },
  { code: '610503', weight: 2 },
  { code: '610523', weight: 2 },
  { code: '610526', weight: 2 },
  { code: '610528', weight: 2 },
  // 四川自贡
  { code: '510302', weight: 3 },
  { code: '510303', weight: 2 },
  { code: '510311', weight: 2 },
  { code: '510321', weight: 3 },
  { code: '510322', weight: 3 },
  // 江西宜春
  { code: '360902', weight: 3 },
  { code: '360922', weight: 2 },
  { code: '360981', weight: 3 },
  { code: '360983', weight: 2 },
  // 山西阳泉
  { code: '140302', weight: 2 },
  { code: '140311', weight: 2 },
  { code: '140321', weight: 2 },
  { code: '140322', weight: 2 },
  // 湘西: 龙山, 永顺, 花垣
  { code: '433130', weight: 5 },
  { code: '433127', weight: 5 },
  { code: '433124', weight: 4 },
  // Local: 苏州 itself
  { code: '320509', weight: 3 },
  { code: '320583', weight: 3 },
  { code: '320507', weight: 2 },
];

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN_MALE = [
  ...[
    '伟',
    '强',
    '磊',
    '军',
    '洋',
    '勇',
    '杰',
    '涛',
    '明',
    '超',
    '刚',
    '平',
    '辉',
    '鹏',
    '华',
    '飞',
    '波',
    '斌',
  ],
  ...['建国', '建华', '志强', '志明', '小龙', '海波', '文斌', '俊杰', '家豪', '宇航', '子轩', '浩然', '德明'],
  ...['永福', '国庆', '红军', '学文', '春雷', '金龙', '天宇', '晓东', '云飞', '光荣'],
];
const GIVEN_FEMALE = [
  ...['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '婷', '雪', '琳', '萍', '丹', '燕', '慧', '玲', '倩'],
  ...['秀英', '秀兰', '桂英', '海燕', '红梅', '玉兰', '春花', '小梅', '晓燕', '丽华', '雨涵', '欣怡'],
  ...['梦瑶', '佳琪', '金花', '翠萍', '美玲', '小红', '彩霞', '月娥'],
];

const EDUCATION: readonly { value: EducationLevel; weight: number }[] = [
  { value: 'primary', weight: 5 },
  { value: 'junior', weight: 35 },
  { value: 'senior', weight: 25 },
  { value: 'vocational', weight: 20 },
  { value: 'college', weight: 12 },
  { value: 'bachelor', weight: 3 },
];

/** Skill → certificate it often comes with, and the occupation code (职业分类大典 2022) it suggests. */
const SKILLS: readonly {
  skill: string;
  certificate: string | null;
  occupation: string;
  weight: number;
  wage: number;
}[] = [
  { skill: '电焊', certificate: '焊工证', occupation: '6-18-02-04', weight: 10, wage: 1500 },
  { skill: '氩弧焊', certificate: '焊工证', occupation: '6-18-02-04', weight: 4, wage: 2000 },
  { skill: 'SMT 操作', certificate: null, occupation: '6-25-04-01', weight: 12, wage: 500 },
  { skill: '电子装配', certificate: null, occupation: '6-25-04-01', weight: 12, wage: 0 },
  { skill: '叉车', certificate: '叉车证', occupation: '4-02-05-01', weight: 8, wage: 1000 },
  { skill: '缝纫', certificate: null, occupation: '6-05-01-03', weight: 10, wage: 0 },
  { skill: '数控车床', certificate: '数控车工证', occupation: '6-18-01-07', weight: 6, wage: 1800 },
  { skill: '车工', certificate: null, occupation: '6-18-01-01', weight: 4, wage: 1200 },
  { skill: '装配钳工', certificate: null, occupation: '6-20-01-01', weight: 5, wage: 1000 },
  { skill: '电工', certificate: '电工证', occupation: '6-24-02-02', weight: 6, wage: 1500 },
  { skill: '仓储管理', certificate: null, occupation: '4-02-06-01', weight: 5, wage: 300 },
  { skill: '喷涂', certificate: null, occupation: '6-18-03-04', weight: 3, wage: 800 },
  { skill: '质检', certificate: null, occupation: '6-25-04-01', weight: 5, wage: 500 },
];

const SOURCE_CHANNELS: readonly { value: Channel; weight: number }[] = [
  { value: 'base', weight: 35 },
  { value: 'officer', weight: 12 },
  { value: 'fair', weight: 15 },
  { value: 'school', weight: 10 },
  { value: 'self', weight: 10 },
  { value: 'agency', weight: 10 },
  { value: 'survey', weight: 5 },
  { value: 'training', weight: 3 },
];

const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
] as const;
const MORE_PREFIXES = [
  '155',
  '157',
  '158',
  '159',
  '173',
  '177',
  '180',
  '182',
  '183',
  '187',
  '188',
  '198',
  '199',
] as const;

/** Generates `count` workers (default 5,000) for reference date `today` (ages are relative to it). */
export function generateDemoWorkers(
  options: { seed?: number; count?: number; today?: Date } = {},
): DemoWorker[] {
  const rand = createRandom((options.seed ?? 20261122) ^ 0x5eed);
  const count = options.count ?? 5000;
  const today = options.today ?? new Date();
  const ids = new Set<string>();
  const phones = new Set<string>();
  const workers: DemoWorker[] = [];
  const districts = DEMO_DISTRICTS.map((district) => ({ value: district.code, weight: district.weight }));
  while (workers.length < count) {
    const sex = rand() < 0.62 ? 'male' : 'female';
    const origin = pickWeighted(rand, ORIGINS).code;
    // Ages 18–55, most between 20 and 40.
    const age = 18 + Math.min(37, Math.floor((rand() + rand() + rand()) * 12.4));
    const birth = new Date(today.getFullYear() - age, drawInteger(rand, 12), 1 + drawInteger(rand, 28));
    if (birth > new Date(today.getFullYear() - 18, today.getMonth(), today.getDate())) continue;
    const birthDate = isoDate(birth);
    const idNumber = generateIdNumber(rand, origin, birthDate, sex);
    if (ids.has(idNumber) || !validateIdNumber(idNumber, { today }).ok) continue;
    const phone = draw(rand, phones);
    ids.add(idNumber);

    const name = pick(rand, SURNAMES) + pick(rand, sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
    const education = pickWeighted(rand, EDUCATION).value;
    const skillCount = rand() < 0.15 ? 0 : rand() < 0.7 ? 1 : 2;
    const chosen = new Map<string, (typeof SKILLS)[number]>();
    for (let i = 0; i < skillCount; i++) {
      const skill = pickWeighted(rand, SKILLS);
      chosen.set(skill.skill, skill);
    }
    const skills = [...chosen.values()];
    const certificates = [
      ...new Set(skills.flatMap((skill) => (skill.certificate && rand() < 0.55 ? [skill.certificate] : []))),
    ];
    if (rand() < 0.2) certificates.push('健康证');
    const bonus = Math.max(0, ...skills.map((skill) => skill.wage)) + certificates.length * 300;
    const expectedWage = Math.min(9000, 4500 + Math.round((drawInteger(rand, 2500) + bonus) / 500) * 500);
    const availableIn = drawInteger(rand, 90) - 20;
    const source = pickWeighted(rand, SOURCE_CHANNELS).value;
    const channels: Channel[] = [source];
    if (rand() < 0.15) {
      const second = pickWeighted(rand, SOURCE_CHANNELS).value;
      if (second !== source) channels.push(second);
    }
    const roll = rand();
    workers.push({
      name,
      idNumber,
      phone,
      originRegionCode: origin,
      education,
      skills: skills.map((skill) => skill.skill),
      certificates,
      occupationCodes: [...new Set(skills.map((skill) => skill.occupation))],
      expectedWage,
      availableFrom:
        rand() < 0.3
          ? null
          : isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + availableIn)),
      districtCode: rand() < 0.08 ? null : pickWeighted(rand, districts).value,
      status: roll < 0.8 ? 'available' : roll < 0.95 ? 'employed' : 'inactive',
      channels,
    });
  }
  return workers;
}

export interface DemoWorkersReport {
  readonly workers: number;
  readonly channels: number;
  readonly accounts: number;
}

/**
 * Writes the demo workers inside the demo loader's transaction `trx`, and creates the `worker.1`
 * account (role worker, bound to the first worker) with `password`.
 */
export async function loadDemoWorkers(
  trx: Kysely<Database>,
  deps: Pick<Deps, 'pii'>,
  options: { password: string; seed?: number; count?: number; today?: Date },
): Promise<DemoWorkersReport> {
  const workers = generateDemoWorkers(options);
  const rows: NewWorker[] = workers.map((worker) => {
    const id = validateIdNumber(worker.idNumber, options.today ? { today: options.today } : {});
    if (!id.ok) throw new Error(`demo ID number invalid: ${id.error.code}`);
    const keys = nameKeys(worker.name);
    return {
      name: worker.name,
      name_pinyin: keys.pinyin,
      name_initials: keys.initials,
      ...protectIdentity(deps.pii, id.value, worker.phone),
      origin_region_code: worker.originRegionCode,
      current_region_code: worker.districtCode,
      education: worker.education,
      skills: [...worker.skills],
      certificates: [...worker.certificates],
      occupation_codes: [...worker.occupationCodes],
      expected_wage: worker.expectedWage,
      available_from: worker.availableFrom,
      district_code: worker.districtCode,
      status: worker.status,
      source_channel: worker.channels[0] ?? 'officer',
    };
  });
  const inserted = await insertWorkers(trx, rows);
  const channels: ChannelWrite[] = inserted.flatMap((row, index) =>
    (workers[index]?.channels ?? []).map((channel) => ({
      worker_id: row.id,
      channel,
      channel_ref: '',
      registered_by: null,
    })),
  );
  await insertChannels(trx, channels);
  const first = inserted[0];
  if (first) {
    await insertUser(trx, {
      username: 'worker.1',
      display_name: workers[0]?.name ?? '演示劳动者',
      password_hash: await hashPassword(options.password),
      roles: ['worker'],
      district_codes: [],
      enterprise_id: null,
      agency_id: null,
      school_id: null,
      base_id: null,
      worker_id: first.id,
    });
  }
  return { workers: inserted.length, channels: channels.length, accounts: first ? 1 : 0 };
}

function draw(rand: () => number, used: Set<string>): string {
  for (;;) {
    const prefix = rand() < 0.6 ? pick(rand, PHONE_PREFIXES) : pick(rand, MORE_PREFIXES);
    const phone = prefix + String(drawInteger(rand, 100_000_000)).padStart(8, '0');
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[drawInteger(rand, items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T extends { weight: number }>(rand: () => number, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let target = rand() * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item;
  }
  const last = items.at(-1);
  if (!last) throw new Error('pickWeighted from an empty list');
  return last;
}

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
