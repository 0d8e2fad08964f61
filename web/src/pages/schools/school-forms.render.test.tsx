import type { Apprenticeship, Internship, MeReply, OrderClass, School } from '@yonggong/shared';
import { Permission } from '@yonggong/shared';
import type { ReactElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { internshipKeys } from '../../api/internships.ts';
import { orderClassKeys } from '../../api/order-classes.ts';
import { schoolKeys } from '../../api/schools.ts';
import { buildMe, ENTERPRISE_ID, WORKER_ID } from '../../test/fixtures.ts';
import { initTestI18n, type QuerySeed, renderPageToHtml } from '../../test/render-page.tsx';
import {
  ApprenticeshipListPage,
  DEFAULT_APPRENTICESHIP_QUERY,
} from '../internships/ApprenticeshipListPage.tsx';
import { ApprenticeshipForm } from '../internships/components/ApprenticeshipForm.tsx';
import { InternshipForm } from '../internships/components/InternshipForm.tsx';
import { DEFAULT_INTERNSHIP_QUERY, InternshipListPage } from '../internships/InternshipListPage.tsx';
import { OrderClassForm } from '../order-classes/components/OrderClassForm.tsx';
import { DEFAULT_CLASS_QUERY, OrderClassListPage } from '../order-classes/OrderClassListPage.tsx';
import { AgreementForm } from './components/AgreementForm.tsx';
import { SchoolForm } from './components/SchoolForm.tsx';
import { DEFAULT_SCHOOL_QUERY, SchoolListPage } from './SchoolListPage.tsx';

/**
 * The create and edit forms of schools, agreements, order classes, internships and
 * apprenticeships rendered to HTML in both languages (as pages.render.test.tsx does): a crash, a
 * missing test id, an untranslated key or a field that should be read-only shows up here.
 */
const SCHOOL_ID = '4b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d';
const CLASS_ID = '5c4b3a2d-1e0f-4b9a-8c7d-6e5f4a3b2c1e';

const school: School = {
  id: SCHOOL_ID,
  name: '徐州工程机械技师学院',
  type: 'technician',
  regionCode: '320311',
  regionName: '江苏省 徐州市 泉山区',
  address: '泉山区学院路 1 号',
  notes: '',
  majors: [
    {
      id: '6d5c4b3a-2e1f-4c0b-9a8d-7e6f5a4b3c2d',
      name: '焊接技术应用',
      occupationCode: '6-18',
      graduates: [
        { year: 2025, graduates: 180 },
        { year: 2026, graduates: 210 },
      ],
    },
  ],
  contacts: [
    {
      id: '7e6d5c4b-3a2f-4d1c-8b9a-0f1e2d3c4b5a',
      name: '陆老师',
      title: '招生就业处',
      phoneMasked: '139****1237',
    },
  ],
  stats: {
    activeAgreements: 1,
    agreements: 1,
    orderClasses: 1,
    students: 40,
    latestGraduates: 210,
    latestGraduateYear: 2026,
  },
  version: 3,
  createdAt: '2026-01-01T08:00:00+08:00',
  updatedAt: '2026-01-01T08:00:00+08:00',
  can: { update: true, updateProfile: true, addAgreement: true },
};

const orderClass: OrderClass = {
  id: CLASS_ID,
  schoolId: SCHOOL_ID,
  schoolName: school.name,
  schoolType: 'technician',
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '吴江精工电子有限公司',
  agreementId: null,
  kind: 'named',
  name: '2027届精工焊接冠名班',
  majorName: '焊接技术应用',
  classSize: 40,
  enrolled: 12,
  startDate: '2025-09-01',
  graduationDate: '2027-06-30',
  stage: 'studying',
  deliveredAt: null,
  deliveredJobOrderId: null,
  deliveredJobOrderTitle: null,
  version: 2,
  createdAt: '2025-09-01T08:00:00+08:00',
  can: { update: true, manageStudents: true, deliver: true },
};

const internship: Internship = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e',
  kind: 'traineeship',
  workerId: WORKER_ID,
  workerName: '王浩',
  workerIdNumberMasked: '320311********1234',
  schoolId: SCHOOL_ID,
  schoolName: school.name,
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '吴江精工电子有限公司',
  position: '品质见习生',
  startDate: '2026-07-01',
  endDate: '2027-01-01',
  graduationDate: '2026-06-30',
  monthlyStipend: 250050,
  supervisorName: '周师傅',
  supervisorPhoneMasked: '138****1111',
  status: 'ongoing',
  subsidyEligible: true,
  subsidyReason: 'eligible_graduate',
  notes: '',
  version: 4,
  createdAt: '2026-07-01T08:00:00+08:00',
  can: { update: true },
};

const apprenticeship: Apprenticeship = {
  id: '0b9a8c7d-6e5f-4b4a-9c3d-2e1f0a9b8c7e',
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '吴江精工电子有限公司',
  schoolId: null,
  schoolName: null,
  providerName: '吴江区职业技能培训中心',
  occupationCode: '6-18-02-04',
  title: '焊工新型学徒制培训班',
  startDate: '2026-03-01',
  endDate: '2027-02-28',
  status: 'ongoing',
  notes: '',
  apprentices: [{ workerId: WORKER_ID, name: '王浩', idNumberMasked: '320311********1234' }],
  version: 1,
  createdAt: '2026-03-01T08:00:00+08:00',
  can: { update: true },
};

const officer = buildMe({
  username: 'officer.wujiang',
  roles: ['district_officer'],
  permissions: [
    Permission.SchoolRead,
    Permission.SchoolWrite,
    Permission.EnterpriseRead,
    Permission.WorkerRead,
  ],
  scope: {
    districtCodes: ['320509'],
    enterpriseId: null,
    agencyId: null,
    schoolId: null,
    baseId: null,
    workerId: null,
  },
});

const schoolStaff = buildMe({
  username: 'school.xuzhou',
  roles: ['school'],
  permissions: [Permission.SchoolRead, Permission.SchoolWrite, Permission.WorkerRead],
  scope: {
    districtCodes: [],
    enterpriseId: null,
    agencyId: null,
    schoolId: SCHOOL_ID,
    baseId: null,
    workerId: null,
  },
});

const noop = () => {};
const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, total: items.length });

function render(element: ReactElement, me: MeReply, seed: QuerySeed = []): string {
  return renderPageToHtml('/form', '/form', element, me, seed);
}

/** `<input … data-testid="x" …>` carries `disabled`. */
function isInputDisabled(html: string, testId: string): boolean {
  const match = new RegExp(`<input[^>]*data-testid="${testId}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no input ${testId}`);
  return /\sdisabled(=|\s|>)/.test(match[0]);
}

describe.each(['zh-CN', 'en'] as const)('cooperation forms in %s', (language) => {
  beforeAll(async () => {
    await initTestI18n(language);
  });

  const expectTranslated = (html: string) => {
    expect(html).not.toMatch(/schools\.[a-zA-Z]+\.[a-zA-Z]+/);
    if (language === 'en') expect(html).not.toMatch(/登记院校|开设订单班|院校名称|毕业生人数/);
  };

  it('renders an empty school form for an officer with every field editable', () => {
    const html = render(<SchoolForm onDone={noop} />, officer);
    for (const id of [
      'school-form',
      'school-name',
      'school-type',
      'school-region',
      'major-add',
      'contact-add',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expect(isInputDisabled(html, 'school-name')).toBe(false);
    expect(html).toContain(language === 'zh-CN' ? '登记院校' : 'Register school');
    expectTranslated(html);
  });

  it('fills the edit form with majors, graduates by year and the masked contact phone', () => {
    const html = render(<SchoolForm school={school} onDone={noop} />, officer);
    expect(html).toContain('徐州工程机械技师学院');
    expect(html).toContain('焊接技术应用');
    expect(html).toContain('210');
    expect(html).toContain('139****1237');
    expect(html.match(/data-testid="graduates-row"/g)).toHaveLength(2);
    expectTranslated(html);
  });

  it('shows name, type and region read-only to the school’s own staff', () => {
    const staffView: School = { ...school, can: { update: false, updateProfile: true, addAgreement: false } };
    const html = render(<SchoolForm school={staffView} onDone={noop} />, schoolStaff);
    expect(isInputDisabled(html, 'school-name')).toBe(true);
    expect(isInputDisabled(html, 'school-address')).toBe(false);
    expect(html).toContain(language === 'zh-CN' ? '由人社部门维护' : 'kept by the bureau');
    expectTranslated(html);
  });

  it('renders the agreement form with an enterprise picker, not an id box', () => {
    const html = render(<AgreementForm schoolId={SCHOOL_ID} onDone={noop} />, officer);
    for (const id of [
      'agreement-enterprise',
      'agreement-signed-on',
      'agreement-valid-until',
      'agreement-submit',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain(language === 'zh-CN' ? '订单班/冠名班' : 'Order / named classes');
    expectTranslated(html);
  });

  it('opens a class from the school’s page with the school preset', () => {
    const html = render(
      <OrderClassForm
        school={{ id: SCHOOL_ID, label: '徐州工程机械技师学院 · 江苏省 徐州市 泉山区' }}
        onDone={noop}
      />,
      officer,
    );
    expect(html).toContain('徐州工程机械技师学院 · 江苏省 徐州市 泉山区');
    for (const id of ['class-enterprise', 'class-kind', 'class-name', 'class-size', 'class-graduation'])
      expect(html).toContain(`data-testid="${id}"`);
    expectTranslated(html);
  });

  it('tells school staff, and only them, that they choose among their school’s partners', () => {
    const hint = language === 'zh-CN' ? '与本校签有合作协议的企业' : 'their school has an agreement with';
    const known = { id: SCHOOL_ID, label: school.name };
    expect(render(<OrderClassForm school={known} onDone={noop} />, schoolStaff)).toContain(hint);
    expect(render(<OrderClassForm school={known} onDone={noop} />, officer)).not.toContain(hint);
  });

  it('edits a class with school and enterprise fixed', () => {
    const html = render(<OrderClassForm orderClass={orderClass} onDone={noop} />, officer, [
      [schoolKeys.detail(SCHOOL_ID), school],
    ]);
    expect(html).toContain('2027届精工焊接冠名班');
    expect(html).toContain('吴江精工电子有限公司');
    expect(html).toContain(language === 'zh-CN' ? '冠名班' : 'Named class');
    expect(html).toContain('ant-select-disabled');
    expectTranslated(html);
  });

  it('records an internship with student and enterprise pickers and a stipend in yuan', () => {
    const html = render(<InternshipForm onDone={noop} />, officer);
    for (const id of [
      'internship-worker',
      'internship-enterprise',
      'internship-stipend',
      'internship-status',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain(language === 'zh-CN' ? '元/月' : 'yuan/month');
    expectTranslated(html);
  });

  it('edits an internship showing the stipend in yuan and the masked supervisor phone', () => {
    const html = render(<InternshipForm internship={internship} onDone={noop} />, officer);
    expect(html).toContain('2500.50');
    expect(html).toContain('王浩 · 320311********1234');
    expect(html).toContain('138****1111');
    expectTranslated(html);
  });

  it('records an apprenticeship with an occupation and an apprentices picker', () => {
    const html = render(<ApprenticeshipForm onDone={noop} />, officer);
    for (const id of [
      'apprenticeship-title',
      'apprenticeship-school',
      'apprenticeship-occupation',
      'apprenticeship-workers',
    ])
      expect(html).toContain(`data-testid="${id}"`);
    expectTranslated(html);
  });

  it('edits an apprenticeship with a provider and lists its apprentices', () => {
    const html = render(<ApprenticeshipForm apprenticeship={apprenticeship} onDone={noop} />, officer);
    expect(html).toContain('吴江区职业技能培训中心');
    expect(html).toContain('data-testid="apprenticeship-listed"');
    expect(html).toContain('王浩 · 320311********1234');
    expectTranslated(html);
  });

  it('offers the create buttons to officers on the lists', () => {
    const cases: readonly [ReactElement, QuerySeed, string][] = [
      [
        <SchoolListPage key="s" />,
        [[schoolKeys.list(DEFAULT_SCHOOL_QUERY), page([school])]],
        'school-create',
      ],
      [
        <OrderClassListPage key="c" />,
        [[orderClassKeys.list(DEFAULT_CLASS_QUERY), page([orderClass])]],
        'class-create',
      ],
      [
        <InternshipListPage key="i" />,
        [[internshipKeys.list(DEFAULT_INTERNSHIP_QUERY), page([internship])]],
        'internship-edit',
      ],
      [
        <ApprenticeshipListPage key="a" />,
        [[internshipKeys.apprenticeships(DEFAULT_APPRENTICESHIP_QUERY), page([apprenticeship])]],
        'apprenticeship-edit',
      ],
    ];
    for (const [element, seed, testId] of cases) {
      const html = render(element, officer, seed);
      expect(html).toContain(`data-testid="${testId}"`);
      expectTranslated(html);
    }
  });

  it('does not offer school staff to register schools', () => {
    const html = render(<SchoolListPage />, schoolStaff, [
      [schoolKeys.list(DEFAULT_SCHOOL_QUERY), page([school])],
    ]);
    expect(html).not.toContain('data-testid="school-create"');
  });
});
