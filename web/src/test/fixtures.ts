import type { AuditEvent, Enterprise, MeReply, Region, UserDirectoryEntry } from '@yonggong/shared';
import { Permission } from '@yonggong/shared';

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
