import type {
  Agreement,
  Apprenticeship,
  ClassStudent,
  Internship,
  OrderClass,
  School,
} from '@yonggong/shared';
import { Permission } from '@yonggong/shared';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { internshipKeys } from '../../api/internships.ts';
import { orderClassKeys } from '../../api/order-classes.ts';
import { schoolKeys } from '../../api/schools.ts';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { buildMe, ENTERPRISE_ID, WORKER_ID } from '../../test/fixtures.ts';
import { renderPageToHtml as renderPage, type QuerySeed as Seed } from '../../test/render-page.tsx';
import {
  ApprenticeshipListPage,
  DEFAULT_APPRENTICESHIP_QUERY,
} from '../internships/ApprenticeshipListPage.tsx';
import { DEFAULT_INTERNSHIP_QUERY, InternshipListPage } from '../internships/InternshipListPage.tsx';
import { OrderClassDetailPage } from '../order-classes/OrderClassDetailPage.tsx';
import { DEFAULT_CLASS_QUERY, OrderClassListPage } from '../order-classes/OrderClassListPage.tsx';
import { SchoolDetailPage } from './SchoolDetailPage.tsx';
import { DEFAULT_SCHOOL_QUERY, SchoolListPage } from './SchoolListPage.tsx';
import { OVERVIEW_CLASS_QUERY, OVERVIEW_SCHOOL_QUERY, SchoolOverviewPage } from './SchoolOverviewPage.tsx';

/**
 * The schools pages rendered to HTML in Node with their data in the query cache (as
 * pages.render.test.tsx does), in Chinese and English: a crash, a missing test id or an
 * untranslated string shows up here without a browser.
 */

const SCHOOL_ID = '4b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d';
const CLASS_ID = '5c4b3a2d-1e0f-4b9a-8c7d-6e5f4a3b2c1e';

const school: School = {
  id: SCHOOL_ID,
  name: '苏州高新技师学院',
  type: 'technician',
  regionCode: '320505',
  regionName: '江苏省 苏州市 虎丘区',
  address: '',
  notes: '演示数据',
  majors: [
    {
      id: '6d5c4b3a-2e1f-4c0b-9a8d-7e6f5a4b3c2d',
      name: '机电一体化',
      occupationCode: '6-31',
      graduates: [{ year: 2026, graduates: 320 }],
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
    activeAgreements: 2,
    agreements: 3,
    orderClasses: 2,
    students: 68,
    latestGraduates: 320,
    latestGraduateYear: 2026,
  },
  version: 1,
  createdAt: '2026-11-01T08:00:00+08:00',
  updatedAt: '2026-11-01T08:00:00+08:00',
  can: { update: true, updateProfile: true, addAgreement: true },
};

const agreement: Agreement = {
  id: '8f7e6d5c-4b3a-4e2d-9c1b-0a9f8e7d6c5b',
  schoolId: SCHOOL_ID,
  schoolName: school.name,
  schoolType: 'technician',
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '吴江精工电子有限公司',
  enterpriseDistrictCode: '320509',
  enterpriseDistrictName: '吴江区',
  title: '校企合作协议',
  signedOn: '2025-03-01',
  validFrom: '2025-03-01',
  validUntil: '2035-03-01',
  scopes: ['order_class', 'internship_base'],
  status: 'active',
  notes: '',
  version: 1,
  createdAt: '2025-03-01T08:00:00+08:00',
  can: { update: true },
};

const orderClass: OrderClass = {
  id: CLASS_ID,
  schoolId: SCHOOL_ID,
  schoolName: school.name,
  schoolType: 'technician',
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '吴江精工电子有限公司',
  agreementId: agreement.id,
  kind: 'order',
  name: '2026届高新—智能制造订单班',
  majorName: '机电一体化',
  classSize: 40,
  enrolled: 1,
  startDate: '2024-09-01',
  graduationDate: '2026-12-31',
  stage: 'studying',
  deliveredAt: null,
  deliveredJobOrderId: null,
  deliveredJobOrderTitle: null,
  version: 1,
  createdAt: '2024-09-01T08:00:00+08:00',
  can: { update: true, manageStudents: true, deliver: true },
};

const student: ClassStudent = {
  workerId: WORKER_ID,
  name: '王浩',
  sex: 'male',
  birthDate: '2006-05-01',
  idNumberMasked: '320505********1234',
  phoneMasked: '150****0001',
  education: 'vocational',
  workerStatus: 'available',
  status: 'enrolled',
  addedAt: '2026-11-01T08:00:00+08:00',
  deliveredApplicationStatus: 'recommended',
};

const internship: Internship = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  kind: 'traineeship',
  workerId: WORKER_ID,
  workerName: '王浩',
  workerIdNumberMasked: '320505********1234',
  schoolId: SCHOOL_ID,
  schoolName: school.name,
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '吴江精工电子有限公司',
  position: '品质见习生',
  startDate: '2026-07-01',
  endDate: '2027-01-01',
  graduationDate: null,
  monthlyStipend: 250000,
  supervisorName: '周师傅',
  supervisorPhoneMasked: '138****1111',
  status: 'ongoing',
  subsidyEligible: true,
  subsidyReason: 'eligible_youth',
  notes: '',
  version: 1,
  createdAt: '2026-07-01T08:00:00+08:00',
  can: { update: true },
};

const apprenticeship: Apprenticeship = {
  id: '0b9a8c7d-6e5f-4b4a-9c3d-2e1f0a9b8c7d',
  enterpriseId: ENTERPRISE_ID,
  enterpriseName: '吴江精工电子有限公司',
  schoolId: SCHOOL_ID,
  schoolName: school.name,
  providerName: '',
  occupationCode: '6-31',
  title: '机电一体化新型学徒制培训班',
  startDate: '2026-03-01',
  endDate: '2027-02-28',
  status: 'ongoing',
  notes: '',
  apprentices: [{ workerId: WORKER_ID, name: '王浩', idNumberMasked: '320505********1234' }],
  version: 1,
  createdAt: '2026-03-01T08:00:00+08:00',
  can: { update: true },
};

const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, total: items.length });
const schoolStaff = buildMe({
  username: 'school.1',
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

const PAGES: readonly {
  name: string;
  path: string;
  pattern: string;
  page: ReactElement;
  seed: Seed;
  text: string;
}[] = [
  {
    name: 'school list',
    path: '/schools',
    pattern: '/schools',
    page: <SchoolListPage />,
    seed: [[schoolKeys.list(DEFAULT_SCHOOL_QUERY), page([school])]],
    text: '苏州高新技师学院',
  },
  {
    name: 'school detail',
    path: `/schools/${SCHOOL_ID}`,
    pattern: '/schools/:id',
    page: <SchoolDetailPage />,
    seed: [
      [schoolKeys.detail(SCHOOL_ID), school],
      [
        schoolKeys.agreements({ schoolId: SCHOOL_ID, page: 1, pageSize: 50, sort: '-signedOn' }),
        page([agreement]),
      ],
      [
        orderClassKeys.list({ schoolId: SCHOOL_ID, page: 1, pageSize: 50, sort: 'graduationDate' }),
        page([orderClass]),
      ],
    ],
    text: '吴江精工电子有限公司',
  },
  {
    name: 'class list',
    path: '/order-classes',
    pattern: '/order-classes',
    page: <OrderClassListPage />,
    seed: [[orderClassKeys.list(DEFAULT_CLASS_QUERY), page([orderClass])]],
    text: '2026届高新—智能制造订单班',
  },
  {
    name: 'class detail',
    path: `/order-classes/${CLASS_ID}`,
    pattern: '/order-classes/:id',
    page: <OrderClassDetailPage />,
    seed: [
      [orderClassKeys.detail(CLASS_ID), orderClass],
      [orderClassKeys.students(CLASS_ID, 1), page([student])],
    ],
    text: '320505********1234',
  },
  {
    name: 'internships',
    path: '/internships',
    pattern: '/internships',
    page: <InternshipListPage />,
    seed: [[internshipKeys.list(DEFAULT_INTERNSHIP_QUERY), page([internship])]],
    text: '品质见习生',
  },
  {
    name: 'apprenticeships',
    path: '/apprenticeships',
    pattern: '/apprenticeships',
    page: <ApprenticeshipListPage />,
    seed: [[internshipKeys.apprenticeships(DEFAULT_APPRENTICESHIP_QUERY), page([apprenticeship])]],
    text: '机电一体化新型学徒制培训班',
  },
  {
    name: 'school overview',
    path: '/school-overview',
    pattern: '/school-overview',
    page: <SchoolOverviewPage />,
    seed: [
      [schoolKeys.list(OVERVIEW_SCHOOL_QUERY), page([school])],
      [orderClassKeys.list(OVERVIEW_CLASS_QUERY), page([orderClass])],
    ],
    text: '苏州高新技师学院',
  },
];

describe.each(['zh-CN', 'en'] as const)('schools pages in %s', (language) => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      lng: language,
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    await i18next.changeLanguage(language);
  });

  it.each(PAGES)(
    'renders the $name page with its data and no missing strings',
    ({ path, pattern, page, seed, text }) => {
      const html = renderPage(path, pattern, page, schoolStaff, seed);
      expect(html).toContain(text);
      expect(html).not.toMatch(/schools\.[a-zA-Z]+\.[a-zA-Z]+/);
      if (language === 'en') expect(html).not.toContain('院校合作');
    },
  );

  it('shows the class actions and the roster’s delivered status', () => {
    const html = renderPage(
      `/order-classes/${CLASS_ID}`,
      '/order-classes/:id',
      <OrderClassDetailPage />,
      schoolStaff,
      [
        [orderClassKeys.detail(CLASS_ID), orderClass],
        [orderClassKeys.students(CLASS_ID, 1), page([student])],
      ],
    );
    for (const id of ['student-add', 'student-import', 'class-deliver', 'student-application'])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain(language === 'zh-CN' ? '整班输送' : 'Deliver the class');
  });
});
