import type {
  Application,
  AuditEvent,
  Enterprise,
  JobOrder,
  MeReply,
  Region,
  UserDirectoryEntry,
  Worker,
} from '@yonggong/shared';
import { Permission } from '@yonggong/shared';
import type { Placement } from '../api/applications.ts';

/** Plain data in the shapes the API sends, for rendering pages without a server. */

export const LIAISON_ID = '0b7e4c1e-6a3f-4d55-9a53-1c1f0f7b2a10';
export const ENTERPRISE_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export function buildMe(overrides: Partial<MeReply> = {}): MeReply {
  return {
    id: '6f1c3f5e-2a4b-4c1d-8e9f-0a1b2c3d4e5f',
    username: 'admin',
    displayName: '市就业管理中心 管理员',
    roles: ['admin'],
    permissions: Object.values(Permission),
    scope: {
      districtCodes: [],
      enterpriseId: null,
      agencyId: null,
      schoolId: null,
      baseId: null,
      workerId: null,
    },
    locale: 'zh-CN',
    csrfToken: 'token',
    ...overrides,
  };
}

export function buildEnterprise(overrides: Partial<Enterprise> = {}): Enterprise {
  return {
    id: ENTERPRISE_ID,
    creditCode: '91320509MA1N2K3L4Q',
    name: '吴江精工电子有限公司',
    industryCode: '39',
    industryName: '计算机、通信和其他电子设备制造业',
    districtCode: '320509',
    districtName: '吴江区',
    address: '吴江经济技术开发区 1 号',
    longitude: null,
    latitude: null,
    size: 'medium',
    employeeCount: 850,
    keyLevel: 'city',
    liaison: { id: LIAISON_ID, displayName: '吕文斌' },
    isMine: false,
    contacts: [
      {
        id: '3f2b8c1a-5d4e-4f6a-9b7c-8d9e0f1a2b3c',
        name: '张三',
        title: '人事经理',
        phoneMasked: '138****1234',
      },
    ],
    status: 'active',
    deactivatedReason: null,
    version: 3,
    createdAt: '2025-01-02T03:04:05+08:00',
    updatedAt: '2025-02-03T04:05:06+08:00',
    can: { update: true, changeManagedFields: true, deactivate: true, revealContact: true },
    ...overrides,
  };
}

export const DISTRICTS: Region[] = [
  { code: '320509', name: '吴江区', level: 'county', parentCode: '320500', hasChildren: true },
  { code: '320507', name: '相城区', level: 'county', parentCode: '320500', hasChildren: true },
];

export const CITY = {
  city: {
    code: '320500',
    name: '苏州市',
    level: 'prefecture' as const,
    parentCode: '320000',
    hasChildren: true,
  },
  districts: DISTRICTS,
};

export const LIAISONS: UserDirectoryEntry[] = [
  {
    id: LIAISON_ID,
    username: 'liaison.wujiang',
    displayName: '吕文斌',
    roles: ['liaison'],
    districtCodes: ['320509'],
  },
];

export const UPDATE_EVENT: AuditEvent = {
  id: '17',
  at: '2025-02-03T04:05:06+08:00',
  actor: { id: 'u1', username: 'officer.wujiang', displayName: '姚雪梅' },
  action: 'enterprise.update',
  entityType: 'enterprise',
  entityId: ENTERPRISE_ID,
  summary: '修改企业 吴江精工电子有限公司：keyLevel',
  before: { keyLevel: 'district' },
  after: { keyLevel: 'city' },
  requestId: 'req-1',
  ip: '127.0.0.1',
};

export const JOB_ORDER_ID = '4c3b2a19-0817-4f6e-9d5c-4b3a29180716';
export const WORKER_ID = '7d6c5b4a-3928-4170-8e6f-5d4c3b2a1908';
export const OTHER_WORKER_ID = '8e7d6c5b-4a39-4281-9f70-6e5d4c3b2a19';
export const APPLICATION_IDS = [
  'a1000000-0000-4000-8000-000000000001',
  'a1000000-0000-4000-8000-000000000002',
  'a1000000-0000-4000-8000-000000000003',
] as const;

export function buildJobOrder(overrides: Partial<JobOrder> = {}): JobOrder {
  return {
    id: JOB_ORDER_ID,
    enterprise: { id: ENTERPRISE_ID, name: '吴江精工电子有限公司', keyLevel: 'city', districtCode: '320509' },
    title: '电子装配工',
    occupationCode: '6-25-04-01',
    occupationName: '电子设备装接工',
    headcount: 5,
    filled: 2,
    remaining: 3,
    wageMin: 5500,
    wageMax: 7000,
    ageMin: 18,
    ageMax: 45,
    educationMin: 'junior',
    skills: ['焊接'],
    certificates: [],
    districtCode: '320509',
    districtName: '吴江区',
    address: '吴江经济技术开发区 1 号',
    shifts: 'two_shift',
    dormitory: true,
    meals: 'subsidy',
    startDate: null,
    deadline: '2099-12-31',
    urgency: 'urgent',
    visibility: ['public', 'bases'],
    contactName: '张三',
    contactPhoneMasked: '138****1234',
    description: '',
    status: 'open',
    statusReason: null,
    staffAssisted: true,
    pipeline: { recommended: 1, interview: 1, hired: 1, rejected: 1 },
    version: 2,
    createdAt: '2025-03-01T09:00:00+08:00',
    updatedAt: '2025-03-02T09:00:00+08:00',
    can: { update: true, publish: false, close: true, reopen: false, recommend: true },
    ...overrides,
  };
}

export function buildApplication(overrides: Partial<Application> = {}): Application {
  return {
    id: APPLICATION_IDS[0],
    worker: { id: WORKER_ID, name: '李四', age: 28, sex: 'male', phoneMasked: '139****5678' },
    jobOrder: {
      id: JOB_ORDER_ID,
      title: '电子装配工',
      enterpriseId: ENTERPRISE_ID,
      enterpriseName: '吴江精工电子有限公司',
    },
    status: 'recommended',
    channel: 'base',
    createdBy: '姚雪梅',
    hiredOn: null,
    note: '',
    events: [{ from: null, to: 'recommended', at: '2025-03-01T09:00:00+08:00', actor: '姚雪梅', reason: '' }],
    version: 1,
    createdAt: '2025-03-01T09:00:00+08:00',
    updatedAt: '2025-03-01T09:00:00+08:00',
    can: { moveTo: ['applied', 'screening', 'interview', 'rejected', 'withdrawn'] },
    ...overrides,
  };
}

export function buildPlacement(overrides: Partial<Placement> = {}): Placement {
  return {
    id: 'b2000000-0000-4000-8000-000000000001',
    applicationId: APPLICATION_IDS[2],
    workerId: WORKER_ID,
    workerName: '李四',
    jobOrderId: JOB_ORDER_ID,
    jobOrderTitle: '电子装配工',
    enterpriseId: ENTERPRISE_ID,
    enterpriseName: '吴江精工电子有限公司',
    channel: 'base',
    hiredOn: '2025-03-05',
    retained30: 'pending',
    retained90: 'pending',
    createdAt: '2025-03-05T08:00:00+08:00',
    ...overrides,
  };
}

export function buildWorker(overrides: Partial<Worker> = {}): Worker {
  return {
    id: WORKER_ID,
    name: '李四',
    idNumberMasked: '5306**********1234',
    phoneMasked: '139****5678',
    birthDate: '1997-05-01',
    age: 28,
    sex: 'male',
    originRegionCode: '530621',
    originRegionName: '云南省 昭通市 鲁甸县',
    currentRegionCode: null,
    currentAddress: '',
    education: 'senior',
    skills: ['焊接', '叉车'],
    certificates: ['焊工证'],
    occupationCodes: ['6-18-02-04'],
    expectedWage: 6000,
    availableFrom: '2025-03-01',
    districtCode: '320509',
    districtName: '吴江区',
    status: 'available',
    sourceChannel: 'base',
    channels: [
      { channel: 'base', at: '2025-02-20T10:00:00+08:00' },
      { channel: 'fair', at: '2025-03-02T15:00:00+08:00' },
    ],
    possibleDuplicates: [
      {
        flagId: 'c3000000-0000-4000-8000-000000000001',
        workerId: OTHER_WORKER_ID,
        name: '李四',
        reason: '姓名和手机号相同',
        status: 'open',
      },
    ],
    notes: '',
    version: 3,
    createdAt: '2025-02-20T10:00:00+08:00',
    updatedAt: '2025-03-02T15:00:00+08:00',
    can: { update: true, reveal: true, recommend: true },
    ...overrides,
  };
}
