import type { Base, BaseEvent, Region, SurveyCampaign, SurveyRecord, Training } from '@yonggong/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseKeys } from '../../api/bases.ts';
import { regionKeys } from '../../api/regions.ts';
import { surveyKeys } from '../../api/surveys.ts';
import { trainingKeys } from '../../api/trainings.ts';
import { buildMe } from '../../test/fixtures.ts';
import { initTestI18n, renderPageToHtml } from '../../test/render-page.tsx';
import { SurveyRecordForm } from '../surveys/components/SurveyRecordDialog.tsx';
import { SurveyDetailPage } from '../surveys/SurveyDetailPage.tsx';
import { TrainingDetailPage } from '../trainings/TrainingDetailPage.tsx';
import { BaseDetailPage } from './BaseDetailPage.tsx';
import { BaseEventForm } from './components/BaseEventDialog.tsx';
import { BaseForm } from './components/BaseFormDialog.tsx';

/** The channel forms (base, 劳务对接, survey record) and the pickers, rendered in both languages. */
const BASE_ID = '0b5e0000-0000-4000-8000-000000000101';
const EVENT_ID = '0b5e0000-0000-4000-8000-000000000102';
const CAMPAIGN_ID = '0b5e0000-0000-4000-8000-000000000103';
const RECORD_ID = '0b5e0000-0000-4000-8000-000000000104';
const PROGRAMME_ID = '0b5e0000-0000-4000-8000-000000000105';
const ENTERPRISE_ID = '0b5e0000-0000-4000-8000-000000000106';
const WORKER_ID = '0b5e0000-0000-4000-8000-000000000107';
const WUJIANG = '320509';

const base: Base = {
  id: BASE_ID,
  name: '吴江区—镇雄县劳务合作基地',
  kind: 'labour_cooperation',
  originRegionCode: '530627',
  originName: '云南省 昭通市 镇雄县',
  originCountyCode: '530627',
  originProvinceCode: '530000',
  originTownshipName: '',
  partnerName: '镇雄县人力资源和社会保障局',
  address: '镇雄县乌峰街道',
  managingDistrictCode: WUJIANG,
  managingDistrictName: '吴江区',
  agreementNumber: 'WJLW-2025-007',
  agreementSignedOn: '2025-04-01',
  agreementValidUntil: '2028-03-31',
  agreementDaysLeft: 500,
  agreementFile: null,
  annualTarget: 200,
  stats: { deliveredThisYear: 36, workersSupplied: 80, applications: 60, placements: 52, events: 1 },
  contacts: [
    {
      id: '0b5e0000-0000-4000-8000-000000000108',
      name: '陈科长',
      title: '就业股',
      phoneMasked: '138****2222',
    },
  ],
  notes: '',
  status: 'active',
  version: 3,
  createdAt: '2025-04-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  can: { update: true, recordEvents: true, uploadAgreement: true },
};
const event: BaseEvent = {
  id: EVENT_ID,
  baseId: BASE_ID,
  heldOn: '2026-02-18',
  place: '镇雄县人力资源市场',
  kind: 'meeting',
  notes: '春风行动专场',
  enterprises: [{ id: ENTERPRISE_ID, name: '吴江精工电子有限公司' }],
  workers: [{ id: WORKER_ID, name: '杨正华' }],
  workerCount: 4,
  version: 2,
  createdAt: '2026-02-18T00:00:00Z',
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
  totals: { surveyed: 1, willing: 1, converted: 1, placed: 0 },
  version: 1,
  createdAt: '2026-09-01T00:00:00Z',
  can: { update: true, addRecords: true, convert: true },
};
const record: SurveyRecord = {
  id: RECORD_ID,
  campaignId: CAMPAIGN_ID,
  village: '以勒村',
  name: '杨正华',
  idNumberMasked: '5306**********4519',
  phoneMasked: '138****5678',
  sex: 'male',
  age: 34,
  education: 'junior',
  willing: 'yes',
  skills: ['电焊'],
  preferredRegionCodes: ['320500'],
  preferredRegionNames: ['江苏省 苏州市'],
  earliestDate: '2027-03-01',
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
  taken: 0,
  counts: { enrolled: 0, completed: 0, dropped: 0 },
  startsOn: '2026-12-01',
  endsOn: '2027-01-20',
  phase: 'upcoming',
  costPerTraineeFen: 180_000,
  governmentCostFen: 0,
  jobOrder: null,
  managingDistrictCode: WUJIANG,
  notes: '',
  version: 1,
  createdAt: '2026-09-01T00:00:00Z',
  can: { update: true, enrol: true },
};
const district = (code: string, name: string): Region => ({
  code,
  name,
  level: 'county',
  parentCode: '320500',
  hasChildren: false,
});
const city = {
  city: { code: '320500', name: '苏州市', level: 'prefecture', parentCode: '320000', hasChildren: true },
  districts: [district(WUJIANG, '吴江区'), district('320507', '相城区')],
};
const officer = buildMe({
  username: 'officer.wujiang',
  roles: ['district_officer'],
  scope: {
    districtCodes: [WUJIANG],
    enterpriseId: null,
    agencyId: null,
    schoolId: null,
    baseId: null,
    workerId: null,
  },
});
const seed = [
  [regionKeys.city(), city],
  [baseKeys.detail(BASE_ID), base],
  [baseKeys.events(BASE_ID), { items: [event] }],
  [baseKeys.workers(BASE_ID, 1, 20), { items: [], page: 1, pageSize: 20, total: 0 }],
] as const;
const noop = () => undefined;

describe.each(['zh-CN', 'en'] as const)('channel forms (%s)', (language) => {
  beforeAll(() => initTestI18n(language));
  const zh = language === 'zh-CN';

  it('renders the new-base form with the origin cascader, the officer’s district and contact rows', () => {
    const html = renderPageToHtml('/bases', '/bases', <BaseForm onDone={noop} />, officer, seed);
    for (const id of [
      'base-name',
      'base-kind',
      'base-origin',
      'base-partner',
      'base-managing',
      'base-submit',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('吴江区');
    expect(html).not.toContain(zh ? '市级' : '>City<');
    expect(html).toContain(zh ? '选到县（区）或乡镇' : 'Pick down to the county');
    expect(html).toContain('data-testid="contact-add"');
  });

  it('renders the edit form filled from the base, the contact’s phone kept behind its mask', () => {
    const html = renderPageToHtml('/bases', '/bases', <BaseForm base={base} onDone={noop} />, officer, seed);
    expect(html).toContain('value="吴江区—镇雄县劳务合作基地"');
    expect(html).toContain('value="WJLW-2025-007"');
    expect(html).toContain('value="200"');
    expect(html).toContain('138****2222');
    expect(html).toContain('2028-03-31');
  });

  it('shows edit buttons on a base and its events only as the record’s abilities allow', () => {
    const html = renderPageToHtml(`/bases/${BASE_ID}`, '/bases/:id', <BaseDetailPage />, officer, seed);
    expect(html).toContain('data-testid="base-edit"');
    expect(html).toContain(`data-testid="base-event-edit-${EVENT_ID}"`);
    expect(html).toContain('data-testid="base-delivered"');
    const readOnly = { ...base, can: { update: false, recordEvents: false, uploadAgreement: false } };
    const other = renderPageToHtml(`/bases/${BASE_ID}`, '/bases/:id', <BaseDetailPage />, officer, [
      ...seed,
      [baseKeys.detail(BASE_ID), readOnly],
    ]);
    expect(other).not.toContain('data-testid="base-edit"');
    expect(other).not.toContain('data-testid="base-event-edit-');
    expect(other).not.toContain('data-testid="base-event-record"');
  });

  it('renders a 劳务对接 being edited with its enterprises and sign-ups as picked names', () => {
    const html = renderPageToHtml(
      `/bases/${BASE_ID}`,
      '/bases/:id',
      <BaseEventForm baseId={BASE_ID} event={event} onDone={noop} />,
      officer,
      seed,
    );
    expect(html).toContain('data-testid="base-event-enterprises"');
    expect(html).toContain('吴江精工电子有限公司');
    expect(html).toContain('杨正华');
    expect(html).toContain('value="镇雄县人力资源市场"');
    expect(html).toContain(zh ? '另有 3 人报名' : '3 more signed up');
    expect(html).not.toContain(ENTERPRISE_ID);
  });

  it('renders a survey record being corrected: masked identity kept, a converted ID number locked', () => {
    const html = renderPageToHtml(
      `/surveys/${CAMPAIGN_ID}`,
      '/surveys/:id',
      <SurveyRecordForm campaignId={CAMPAIGN_ID} record={record} onDone={noop} />,
      officer,
    );
    expect(html).toContain('value="以勒村"');
    expect(html).toContain('5306**********4519');
    expect(html).toContain('138****5678');
    expect(html).toContain(zh ? '已转为劳动者，身份证号码不能再改' : 'the ID number can no longer change');
    expect(html).toContain(zh ? '添加意向务工地' : 'Add a destination');
    const blank = renderPageToHtml(
      `/surveys/${CAMPAIGN_ID}`,
      '/surveys/:id',
      <SurveyRecordForm campaignId={CAMPAIGN_ID} onDone={noop} />,
      officer,
    );
    expect(blank).toContain('data-testid="survey-record-id"');
    expect(blank).not.toContain('5306**********4519');
  });

  it('offers adding and correcting records on a campaign, and a worker search for enrolment', () => {
    const survey = renderPageToHtml(
      `/surveys/${CAMPAIGN_ID}`,
      '/surveys/:id',
      <SurveyDetailPage />,
      officer,
      [
        [surveyKeys.detail(CAMPAIGN_ID), campaign],
        [surveyKeys.coverage(CAMPAIGN_ID), { rows: [], totals: campaign.totals }],
        [
          surveyKeys.records(CAMPAIGN_ID, { page: 1, pageSize: 20 }),
          { items: [record], page: 1, pageSize: 20, total: 1 },
        ],
      ],
    );
    expect(survey).toContain('data-testid="survey-record-add"');
    expect(survey).toContain(`data-testid="survey-record-edit-${RECORD_ID}"`);
    expect(survey).toContain(zh ? '登记一人' : 'Add a person');
    const programme = renderPageToHtml(
      `/trainings/${PROGRAMME_ID}`,
      '/trainings/:id',
      <TrainingDetailPage />,
      officer,
      [
        [trainingKeys.detail(PROGRAMME_ID), training],
        [trainingKeys.enrolments(PROGRAMME_ID), { items: [] }],
      ],
    );
    expect(programme).toContain('data-testid="training-enrol-worker"');
    expect(programme).toContain(zh ? '搜索劳动者' : 'Search a worker');
  });
});
