import { createRandom, drawInteger, generateCreditCode } from '@yonggong/engine';
import type { EnterpriseSize, KeyLevel, Role } from '@yonggong/shared';

/**
 * The demo city, generated deterministically from a seed: Suzhou (320500) with its real districts
 * and county-level cities (GB/T 2260 codes), officers and liaisons per district, and a few hundred
 * fictional manufacturers with valid credit codes, modelled on the seeds (苏州/吴江/昆山/相城 key
 * enterprises in electronics, machinery, textiles, auto parts). Names, people and phones are
 * invented; any resemblance to a real company is accidental.
 *
 * Pure: returns plain data; `load-demo.ts` writes it.
 */
export interface DemoDistrict {
  readonly code: string;
  readonly slug: string;
  readonly name: string;
  readonly short: string;
  readonly weight: number;
  readonly center: readonly [lng: number, lat: number];
  readonly roads: readonly string[];
}

export const DEMO_CITY_CODE = '320500';

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  {
    code: '320509',
    slug: 'wujiang',
    name: '吴江区',
    short: '吴江',
    weight: 45,
    center: [120.645, 31.139],
    roads: ['鲈乡南路', '中山北路', '江兴东路', '长安路', '盛泽大道', '汾湖大道'],
  },
  {
    code: '320507',
    slug: 'xiangcheng',
    name: '相城区',
    short: '相城',
    weight: 30,
    center: [120.642, 31.369],
    roads: ['相城大道', '阳澄湖西路', '华元路', '澄阳路', '漕湖大道'],
  },
  {
    code: '320583',
    slug: 'kunshan',
    name: '昆山市',
    short: '昆山',
    weight: 50,
    center: [120.981, 31.385],
    roads: ['前进东路', '黄浦江南路', '长江北路', '珠江中路', '青阳北路', '同丰路'],
  },
  {
    code: '320576',
    slug: 'sip',
    name: '苏州工业园区',
    short: '园区',
    weight: 40,
    center: [120.723, 31.324],
    roads: ['星湖街', '苏虹中路', '现代大道', '通园路', '唯亭大道'],
  },
  {
    code: '320506',
    slug: 'wuzhong',
    name: '吴中区',
    short: '吴中',
    weight: 30,
    center: [120.632, 31.262],
    roads: ['吴中大道', '东吴北路', '旺山路', '木东路'],
  },
  {
    code: '320505',
    slug: 'huqiu',
    name: '虎丘区',
    short: '新区',
    weight: 20,
    center: [120.566, 31.328],
    roads: ['长江路', '狮山路', '浒关大道', '珠江路'],
  },
  {
    code: '320508',
    slug: 'gusu',
    name: '姑苏区',
    short: '姑苏',
    weight: 10,
    center: [120.617, 31.311],
    roads: ['人民路', '干将西路', '金门路', '劳动路'],
  },
  {
    code: '320581',
    slug: 'changshu',
    name: '常熟市',
    short: '常熟',
    weight: 30,
    center: [120.752, 31.654],
    roads: ['海虞北路', '黄河路', '东南大道', '珠江路'],
  },
  {
    code: '320582',
    slug: 'zhangjiagang',
    name: '张家港市',
    short: '张家港',
    weight: 25,
    center: [120.555, 31.875],
    roads: ['杨舍东街', '港城大道', '沙洲西路', '国泰北路'],
  },
  {
    code: '320585',
    slug: 'taicang',
    name: '太仓市',
    short: '太仓',
    weight: 20,
    center: [121.13, 31.457],
    roads: ['上海东路', '北京西路', '郑和中路', '太平北路'],
  },
];

const BRANDS_A = [
  '恒',
  '精',
  '华',
  '永',
  '博',
  '新',
  '金',
  '立',
  '科',
  '盛',
  '鼎',
  '宏',
  '德',
  '嘉',
  '瑞',
  '天',
  '隆',
  '万',
  '佳',
  '信',
  '润',
  '启',
  '中',
  '凯',
  '力',
];
const BRANDS_B = [
  '达',
  '研',
  '瑞',
  '鑫',
  '远',
  '创',
  '宏',
  '信',
  '润',
  '泰',
  '新',
  '图',
  '力',
  '诚',
  '丰',
  '成',
  '盛',
  '洲',
  '豪',
  '源',
  '拓',
  '越',
  '辰',
  '航',
  '通',
];

/** Manufacturing divisions the seeds' key enterprises belong to, weighted, with name words. */
const INDUSTRIES: readonly { code: string; weight: number; words: readonly string[] }[] = [
  { code: '39', weight: 30, words: ['电子科技', '精密电子', '光电科技', '半导体'] },
  { code: '38', weight: 14, words: ['电气', '电机', '新能源科技', '线缆'] },
  { code: '34', weight: 12, words: ['机械', '精工装备', '自动化设备'] },
  { code: '36', weight: 10, words: ['汽车零部件', '汽车部件'] },
  { code: '17', weight: 8, words: ['纺织', '丝绸', '化纤'] },
  { code: '18', weight: 4, words: ['服饰', '制衣'] },
  { code: '29', weight: 6, words: ['塑胶', '橡塑制品'] },
  { code: '33', weight: 6, words: ['金属制品', '五金'] },
  { code: '26', weight: 3, words: ['化工新材料'] },
  { code: '27', weight: 3, words: ['生物医药', '制药'] },
  { code: '35', weight: 3, words: ['医疗器械', '专用设备'] },
  { code: '40', weight: 2, words: ['仪器仪表'] },
  { code: '22', weight: 2, words: ['包装材料', '纸业'] },
  { code: '14', weight: 2, words: ['食品'] },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '海燕',
  '志强',
  '丽娟',
  '文斌',
  '雪梅',
  '国庆',
];
const CONTACT_TITLES = ['人事经理', '人力资源部主管', '招聘专员', 'HR 总监', '行政人事部经理'];

export interface DemoEnterprise {
  readonly creditCode: string;
  readonly name: string;
  readonly industryCode: string;
  readonly districtCode: string;
  readonly address: string;
  readonly longitude: number;
  readonly latitude: number;
  readonly size: EnterpriseSize;
  readonly employeeCount: number;
  readonly keyLevel: KeyLevel;
  /** Username of the district's liaison for key enterprises. */
  readonly liaisonUsername: string | null;
  readonly contacts: readonly { name: string; title: string; phone: string }[];
}

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly districtCodes: readonly string[];
  /** Index into `enterprises` for enterprise HR accounts. */
  readonly enterpriseIndex: number | null;
}

export interface DemoCity {
  readonly cityCode: string;
  readonly accounts: readonly DemoAccount[];
  readonly enterprises: readonly DemoEnterprise[];
}

/** Builds the demo city. `scale` multiplies the enterprises (300 per unit). */
export function generateDemoCity(options: { seed?: number; scale?: number } = {}): DemoCity {
  const rand = createRandom(options.seed ?? 20261122);
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const total = 300 * scale;
  const names = new Set<string>();
  const codes = new Set<string>();
  const enterprises: DemoEnterprise[] = [];
  for (let i = 0; i < total; i++) {
    // The first enterprise is in 吴江: the demo account enterprise.1 works there.
    const district = i === 0 ? (DEMO_DISTRICTS[0] as DemoDistrict) : pickWeighted(rand, DEMO_DISTRICTS);
    const industry =
      i === 0 ? (INDUSTRIES[0] as (typeof INDUSTRIES)[number]) : pickWeighted(rand, INDUSTRIES);
    const name = uniqueName(rand, names, district, industry.words, i);
    let creditCode = generateCreditCode(rand, district.code);
    while (codes.has(creditCode)) creditCode = generateCreditCode(rand, district.code);
    codes.add(creditCode);
    const { size, employeeCount } =
      i === 0 ? { size: 'large' as const, employeeCount: 2600 } : drawSize(rand);
    const keyLevel: KeyLevel = i === 0 ? 'city' : drawKeyLevel(rand, size);
    enterprises.push({
      creditCode,
      name,
      industryCode: industry.code,
      districtCode: district.code,
      address: `${district.name}${pick(rand, district.roads)}${1 + drawInteger(rand, 2000)}号`,
      longitude: round6(district.center[0] + (rand() - 0.5) * 0.1),
      latitude: round6(district.center[1] + (rand() - 0.5) * 0.08),
      size,
      employeeCount,
      keyLevel,
      liaisonUsername: keyLevel === 'none' ? null : `liaison.${district.slug}`,
      contacts: Array.from({ length: 1 + (rand() < 0.35 ? 1 : 0) }, () => ({
        name: personName(rand),
        title: pick(rand, CONTACT_TITLES),
        phone: mobile(rand),
      })),
    });
  }
  const accounts: DemoAccount[] = [
    {
      username: 'admin',
      displayName: '市就业管理中心 管理员',
      roles: ['admin'],
      districtCodes: [],
      enterpriseIndex: null,
    },
    {
      username: 'leader',
      displayName: '市人社局 分管领导',
      roles: ['leader'],
      districtCodes: [],
      enterpriseIndex: null,
    },
    {
      username: 'analyst',
      displayName: '市就业管理中心 监测分析员',
      roles: ['analyst'],
      districtCodes: [],
      enterpriseIndex: null,
    },
    ...DEMO_DISTRICTS.flatMap((district): DemoAccount[] => [
      {
        username: `officer.${district.slug}`,
        displayName: `${district.name}就业管理中心 ${personName(rand)}`,
        roles: ['district_officer'],
        districtCodes: [district.code],
        enterpriseIndex: null,
      },
      {
        username: `liaison.${district.slug}`,
        displayName: `${district.name}挂钩联络员 ${personName(rand)}`,
        roles: ['liaison'],
        districtCodes: [district.code],
        enterpriseIndex: null,
      },
    ]),
    {
      username: 'enterprise.1',
      displayName: `${enterprises[0]?.name ?? ''} 人事部`,
      roles: ['enterprise'],
      districtCodes: [],
      enterpriseIndex: 0,
    },
  ];
  return { cityCode: DEMO_CITY_CODE, accounts, enterprises };
}

/** The logins printed at start and listed in the README. */
export const DEMO_LOGINS: readonly { username: string; what: string }[] = [
  { username: 'admin', what: '市级管理员 city administrator' },
  { username: 'officer.wujiang', what: '吴江区就业部门 district officer (320509)' },
  { username: 'officer.xiangcheng', what: '相城区就业部门 district officer (320507)' },
  { username: 'liaison.wujiang', what: '吴江区挂钩联络员 liaison officer' },
  { username: 'leader', what: '领导（只读）read-only leader' },
  { username: 'analyst', what: '监测分析员 monitoring analyst (city-wide read)' },
  { username: 'enterprise.1', what: '企业人事 HR of the first demo enterprise (吴江)' },
  { username: 'worker.1', what: '劳动者 a worker (the first demo worker)' },
  { username: 'agency.1', what: '人力资源服务机构 agency staff (吴江, alliance member)' },
  { username: 'agency.2', what: '人力资源服务机构 agency staff (吴江, well rated)' },
];

function uniqueName(
  rand: () => number,
  names: Set<string>,
  district: DemoDistrict,
  words: readonly string[],
  index: number,
): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const prefix = rand() < 0.5 ? '苏州' : district.short;
    const name = `${prefix}${pick(rand, BRANDS_A)}${pick(rand, BRANDS_B)}${pick(rand, words)}有限公司`;
    if (!names.has(name)) {
      names.add(name);
      return name;
    }
  }
  const fallback = `${district.short}${pick(rand, words)}第${index + 1}有限公司`;
  names.add(fallback);
  return fallback;
}

function drawSize(rand: () => number): { size: EnterpriseSize; employeeCount: number } {
  const r = rand();
  if (r < 0.1) return { size: 'large', employeeCount: 1000 + drawInteger(rand, 9000) };
  if (r < 0.4) return { size: 'medium', employeeCount: 300 + drawInteger(rand, 700) };
  if (r < 0.85) return { size: 'small', employeeCount: 20 + drawInteger(rand, 280) };
  return { size: 'micro', employeeCount: 5 + drawInteger(rand, 15) };
}

function drawKeyLevel(rand: () => number, size: EnterpriseSize): KeyLevel {
  const r = rand();
  switch (size) {
    case 'large':
      return r < 0.5 ? 'city' : r < 0.9 ? 'district' : 'none';
    case 'medium':
      return r < 0.1 ? 'city' : r < 0.5 ? 'district' : 'none';
    case 'small':
      return r < 0.1 ? 'district' : 'none';
    case 'micro':
      return 'none';
    default: {
      const exhaustive: never = size;
      return exhaustive;
    }
  }
}

function personName(rand: () => number): string {
  return `${SURNAMES[drawInteger(rand, SURNAMES.length)] ?? '王'}${pick(rand, GIVEN)}`;
}

function mobile(rand: () => number): string {
  const prefixes = [
    '138',
    '139',
    '135',
    '136',
    '150',
    '151',
    '152',
    '158',
    '159',
    '182',
    '187',
    '188',
    '177',
    '199',
  ];
  return `${pick(rand, prefixes)}${String(drawInteger(rand, 100_000_000)).padStart(8, '0')}`;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[drawInteger(rand, items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T extends { weight: number }>(rand: () => number, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let r = rand() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1] as T;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
