import {
  type Base,
  type BaseEvent,
  type BaseWorker,
  type Enrolment,
  Permission,
  type SurveyCampaign,
  type SurveyCoverage,
  type SurveyRecord,
  type Training,
} from '@yonggong/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseKeys } from '../../api/bases.ts';
import { regionKeys } from '../../api/regions.ts';
import { surveyKeys } from '../../api/surveys.ts';
import { trainingKeys } from '../../api/trainings.ts';
import { buildMe } from '../../test/fixtures.ts';
import { initTestI18n, renderPageToHtml } from '../../test/render-page.tsx';
import { SurveyDetailPage } from '../surveys/SurveyDetailPage.tsx';
import { SurveyListPage } from '../surveys/SurveyListPage.tsx';
import { TrainingDetailPage } from '../trainings/TrainingDetailPage.tsx';
import { TrainingListPage } from '../trainings/TrainingListPage.tsx';
import { BaseDetailPage } from './BaseDetailPage.tsx';
import { BaseListPage } from './BaseListPage.tsx';

/** The labour-base, survey and training pages rendered in Node in both languages. */
const BASE_ID = '0b5e0000-0000-4000-8000-000000000001';
const CAMPAIGN_ID = '0b5e0000-0000-4000-8000-000000000002';
const PROGRAMME_ID = '0b5e0000-0000-4000-8000-000000000003';
const WORKER_ID = '0b5e0000-0000-4000-8000-000000000004';

const base: Base = {
  id: BASE_ID,
  name: '苏州市—昭阳区劳务合作基地',
  kind: 'labour_cooperation',
  originRegionCode: '530602',
  originName: '云南省 昭通市 昭阳区',
  originCountyCode: '530602',
  originProvinceCode: '530000',
  originTownshipName: '',
  partnerName: '昭通市昭阳区人力资源和社会保障局',
  address: '',
  managingDistrictCode: null,
  managingDistrictName: null,
  agreementNumber: 'SZLW-2024-001',
  agreementSignedOn: '2024-03-18',
  agreementValidUntil: '2027-03-18',
  agreementDaysLeft: 60,
  agreementFile: {
    filename: '协议.pdf',
    contentType: 'application/pdf',
    sizeBytes: 1000,
    uploadedAt: '2026-01-01T00:00:00Z',
  },
  annualTarget: 300,
  stats: { deliveredThisYear: 120, workersSupplied: 340, applications: 200, placements: 410, events: 3 },
  contacts: [
    { id: '0b5e0000-0000-4000-8000-000000000005', name: '李主任', title: '主任', phoneMasked: '139****1111' },
  ],
  notes: '',
  status: 'active',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  can: { update: true, recordEvents: true, uploadAgreement: true },
};
const event: BaseEvent = {
  id: '0b5e0000-0000-4000-8000-000000000006',
  baseId: BASE_ID,
  heldOn: '2026-10-01',
  place: '昭阳区人力资源市场',
  kind: 'meeting',
  notes: '重点企业专场招聘会',
  enterprises: [{ id: '0b5e0000-0000-4000-8000-000000000007', name: '吴江精工电子有限公司' }],
  workers: [{ id: WORKER_ID, name: '杨正华' }],
  workerCount: 12,
  version: 1,
  createdAt: '2026-10-01T00:00:00Z',
};
const worker: BaseWorker = {
  id: WORKER_ID,
  name: '杨正华',
  sex: 'male',
  age: 32,
  originRegionCode: '530602',
  originName: '云南省 昭通市 昭阳区',
  status: 'available',
  arrivedAt: '2026-10-02T00:00:00Z',
};
const campaign: SurveyCampaign = {
  id: CAMPAIGN_ID,
  name: '以勒镇农村劳动力资源摸排',
  countyCode: '530627',
  countyName: '云南省 昭通市 镇雄县',
  townshipCode: '530627105',
  townshipName: '以勒镇',
  organiser: '镇雄县人社局',
  periodStart: '2026-09-01',
  periodEnd: '2026-10-01',
  notes: '',
  totals: { surveyed: 200, willing: 110, converted: 40, placed: 6 },
  version: 1,
  createdAt: '2026-09-01T00:00:00Z',
  can: { update: true, addRecords: true, convert: true },
};
const coverage: SurveyCoverage = {
  rows: [{ key: '以勒村', label: '以勒村', surveyed: 40, willing: 22, converted: 8, placed: 1 }],
  totals: { surveyed: 40, willing: 22, converted: 8, placed: 1 },
};
const record: SurveyRecord = {
  id: '0b5e0000-0000-4000-8000-000000000008',
  campaignId: CAMPAIGN_ID,
  village: '以勒村',
  name: '杨正华',
  idNumberMasked: '530627********4519',
  phoneMasked: '138****5678',
  sex: 'male',
  age: 34,
  education: 'junior',
  willing: 'yes',
  skills: ['电焊'],
  preferredRegionCodes: ['320500'],
  preferredRegionNames: ['江苏省 苏州市'],
  earliestDate: '2026-03-01',
  householdNotes: '',
  conversion: { workerId: WORKER_ID, isNewWorker: true, convertedAt: '2026-10-05T00:00:00Z' },
  version: 1,
};
const training: Training = {
  id: PROGRAMME_ID,
  name: '电焊工订单式培训',
  occupationCode: '6-18-02-04',
  occupationName: '焊工',
  skill: '电焊',
  provider: '苏州技师学院',
  seats: 30,
  taken: 24,
  counts: { enrolled: 16, completed: 8, dropped: 0 },
  startsOn: '2026-10-01',
  endsOn: '2026-11-20',
  phase: 'finished',
  costPerTraineeFen: 180_000,
  governmentCostFen: 1_440_000,
  jobOrder: {
    id: '0b5e0000-0000-4000-8000-000000000009',
    title: '焊工',
    enterpriseName: '吴江精工电子有限公司',
    status: 'open',
    headcount: 20,
    filled: 3,
  },
  managingDistrictCode: '320509',
  notes: '',
  version: 1,
  createdAt: '2026-09-01T00:00:00Z',
  can: { update: true, enrol: true },
};
const enrolment: Enrolment = {
  id: '0b5e0000-0000-4000-8000-00000000000a',
  programmeId: PROGRAMME_ID,
  worker: { id: WORKER_ID, name: '杨正华', sex: 'male', age: 34 },
  status: 'enrolled',
  certificate: null,
  completedOn: null,
  applicationId: null,
  enrolledAt: '2026-10-01T00:00:00Z',
};

const officer = buildMe({
  roles: ['district_officer'],
  scope: {
    districtCodes: ['320509'],
    enterpriseId: null,
    agencyId: null,
    schoolId: null,
    baseId: null,
    workerId: null,
  },
});
const baseStaff = buildMe({
  username: 'base.1',
  roles: ['base'],
  permissions: [
    Permission.BaseRead,
    Permission.WorkerRead,
    Permission.WorkerWrite,
    Permission.WorkerImport,
    Permission.JobOrderRead,
  ],
  scope: {
    districtCodes: [],
    enterpriseId: null,
    agencyId: null,
    schoolId: null,
    baseId: BASE_ID,
    workerId: null,
  },
});
const listQuery = { page: 1, pageSize: 20, sort: 'name', status: 'active' } as const;
const baseSeed = [
  [baseKeys.list(listQuery), { items: [base], page: 1, pageSize: 20, total: 1 }],
  [baseKeys.detail(BASE_ID), base],
  [baseKeys.events(BASE_ID), { items: [event] }],
  [baseKeys.workers(BASE_ID, 1, 20), { items: [worker], page: 1, pageSize: 20, total: 1 }],
  [regionKeys.all, []],
] as const;

describe.each(['zh-CN', 'en'] as const)('supply channel pages (%s)', (language) => {
  beforeAll(() => initTestI18n(language));
  const zh = language === 'zh-CN';

  it('renders the base register with target progress and an expiring agreement', () => {
    const html = renderPageToHtml('/bases', '/bases', <BaseListPage />, officer, baseSeed);
    expect(html).toContain('苏州市—昭阳区劳务合作基地');
    expect(html).toContain('120 / 300');
    expect(html).toContain('data-testid="base-create"');
    expect(html).toContain(zh ? '剩余 60 天' : '60 days left');
  });

  it('renders a base with its agreement scan, 劳务对接 events and workers', () => {
    const html = renderPageToHtml(`/bases/${BASE_ID}`, '/bases/:id', <BaseDetailPage />, officer, baseSeed);
    expect(html).toContain('协议.pdf');
    expect(html).toContain('昭阳区人力资源市场');
    expect(html).toContain(zh ? '12 人报名' : '12 signed up');
    expect(html).toContain('139****1111');
    expect(html).toContain('data-testid="base-workers"');
  });

  it('shows base staff their own base’s workbench with the import button', () => {
    const html = renderPageToHtml('/bases', '/bases', <BaseListPage />, baseStaff, baseSeed);
    expect(html).toContain('data-testid="my-base"');
    expect(html).toContain('data-testid="my-base-import"');
    expect(html).toContain(zh ? '导入劳动者名单' : 'Import a worker list');
    expect(html).not.toContain('data-testid="base-create"');
  });

  it('renders surveys with township coverage, and a campaign with masked records', () => {
    const list = renderPageToHtml('/surveys', '/surveys', <SurveyListPage />, officer, [
      [
        surveyKeys.list({ page: 1, pageSize: 20, q: undefined, sort: '-periodStart' }),
        { items: [campaign], page: 1, pageSize: 20, total: 1 },
      ],
      [
        surveyKeys.townships(undefined),
        { rows: [{ ...coverage.totals, key: CAMPAIGN_ID, label: '镇雄县 以勒镇' }], totals: coverage.totals },
      ],
    ]);
    expect(list).toContain('以勒镇农村劳动力资源摸排');
    expect(list).toContain(zh ? '已转劳动者' : 'Converted');
    const detail = renderPageToHtml(
      `/surveys/${CAMPAIGN_ID}`,
      '/surveys/:id',
      <SurveyDetailPage />,
      officer,
      [
        [surveyKeys.detail(CAMPAIGN_ID), campaign],
        [surveyKeys.coverage(CAMPAIGN_ID), coverage],
        [
          surveyKeys.records(CAMPAIGN_ID, { page: 1, pageSize: 20 }),
          { items: [record], page: 1, pageSize: 20, total: 1 },
        ],
      ],
    );
    expect(detail).toContain('530627********4519');
    expect(detail).not.toContain('530627199203154519');
    expect(detail).toContain('data-testid="survey-convert-all"');
    expect(detail).toContain(zh ? '愿意' : 'Yes');
  });

  it('renders training programmes and a programme with its trainees', () => {
    const list = renderPageToHtml('/trainings', '/trainings', <TrainingListPage />, officer, [
      [
        trainingKeys.list({ page: 1, pageSize: 20, phase: 'all', sort: '-startsOn' }),
        { items: [training], page: 1, pageSize: 20, total: 1 },
      ],
    ]);
    expect(list).toContain('电焊工订单式培训');
    expect(list).toContain('24 / 30');
    const detail = renderPageToHtml(
      `/trainings/${PROGRAMME_ID}`,
      '/trainings/:id',
      <TrainingDetailPage />,
      officer,
      [
        [trainingKeys.detail(PROGRAMME_ID), training],
        [trainingKeys.enrolments(PROGRAMME_ID), { items: [enrolment] }],
      ],
    );
    expect(detail).toContain('杨正华');
    expect(detail).toContain(zh ? '在训' : 'Enrolled');
    expect(detail).toContain('14,400');
  });
});
