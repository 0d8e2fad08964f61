import { type School, schoolCreateBody, schoolUpdateBody } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { buildSchoolCreateBody, buildSchoolUpdateBody, toSchoolFormValues } from './school-form-values.ts';

const school: School = {
  id: '4b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
  name: '徐州工程机械技师学院',
  type: 'technician',
  regionCode: '320311',
  regionName: '江苏省 徐州市 泉山区',
  address: '学院路 1 号',
  notes: '',
  majors: [
    {
      id: '6d5c4b3a-2e1f-4c0b-9a8d-7e6f5a4b3c2d',
      name: '焊接技术应用',
      occupationCode: null,
      graduates: [{ year: 2026, graduates: 210 }],
    },
  ],
  contacts: [
    { id: '7e6d5c4b-3a2f-4d1c-8b9a-0f1e2d3c4b5a', name: '陆老师', title: '', phoneMasked: '139****1237' },
  ],
  stats: {
    activeAgreements: 0,
    agreements: 0,
    orderClasses: 0,
    students: 0,
    latestGraduates: 210,
    latestGraduateYear: 2026,
  },
  version: 5,
  createdAt: '2026-01-01T08:00:00+08:00',
  updatedAt: '2026-01-01T08:00:00+08:00',
  can: { update: true, updateProfile: true, addAgreement: true },
};

describe('school form values', () => {
  it('sends the county of the cascader path and trimmed text, which the shared schema accepts', () => {
    const body = buildSchoolCreateBody({
      name: ' 昭通市高级技工学校 ',
      type: 'technician',
      regionCode: ['530000', '530600', '530602'],
      majors: [{ name: '电工', occupationCode: null, graduates: [{ year: 2026, graduates: 120 }] }],
      contacts: [{ name: '李老师', title: '', phone: '13912341237' }],
    });
    expect(body.regionCode).toBe('530602');
    expect(body.name).toBe('昭通市高级技工学校');
    expect(schoolCreateBody.safeParse(body).success).toBe(true);
  });

  it('keeps an existing contact’s phone by leaving it out, and round-trips the majors', () => {
    const values = toSchoolFormValues(school);
    expect(values.regionCode).toEqual(['320000', '320300', '320311']);
    const body = buildSchoolUpdateBody(values, school);
    expect(body.contacts?.[0]).toEqual({ id: school.contacts[0]?.id, name: '陆老师', title: '' });
    expect(body.majors).toEqual([
      { name: '焊接技术应用', occupationCode: null, graduates: [{ year: 2026, graduates: 210 }] },
    ]);
    expect(body.version).toBe(5);
    expect(schoolUpdateBody.safeParse(body).success).toBe(true);
  });

  it('sends only the profile for the school’s own staff', () => {
    const staffView = { ...school, can: { update: false, updateProfile: true, addAgreement: false } };
    const body = buildSchoolUpdateBody(toSchoolFormValues(staffView), staffView);
    expect(Object.keys(body).sort()).toEqual(['address', 'contacts', 'majors', 'notes', 'version']);
  });

  it('lets a half-filled graduates row reach the server’s check instead of vanishing', () => {
    const body = buildSchoolCreateBody({ majors: [{ name: '电工', graduates: [{ year: 2026 }] }] });
    expect(body.majors?.[0]?.graduates).toHaveLength(1);
    expect(schoolCreateBody.safeParse(body).success).toBe(false);
  });
});
