import {
  apprenticeshipCreateBody,
  type Internship,
  internshipCreateBody,
  internshipUpdateBody,
} from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import {
  buildApprenticeshipCreateBody,
  buildInternshipCreateBody,
  buildInternshipUpdateBody,
  toInternshipFormPath,
  toInternshipFormValues,
  yuanToFen,
} from './internship-form-values.ts';

const WORKER = '2c1d0e9f-4a8b-4c7d-9e5f-4a3b2c1d0e9f';
const ENTERPRISE = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const internship: Internship = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e',
  kind: 'traineeship',
  workerId: WORKER,
  workerName: '王浩',
  workerIdNumberMasked: '320311********1234',
  schoolId: null,
  schoolName: null,
  enterpriseId: ENTERPRISE,
  enterpriseName: '吴江精工电子有限公司',
  position: '品质见习生',
  startDate: '2026-07-01',
  endDate: '2027-01-01',
  graduationDate: null,
  monthlyStipend: 250050,
  supervisorName: '周师傅',
  supervisorPhoneMasked: '138****1111',
  status: 'ongoing',
  subsidyEligible: true,
  subsidyReason: 'eligible_youth',
  notes: '',
  version: 4,
  createdAt: '2026-07-01T08:00:00+08:00',
  can: { update: true },
};

describe('internship form values', () => {
  it('turns yuan into whole fen', () => {
    expect(yuanToFen(2500)).toBe(250000);
    expect(yuanToFen(2500.5)).toBe(250050);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(null)).toBe(0);
  });

  it('builds a create body the shared schema accepts, stipend in fen', () => {
    const body = buildInternshipCreateBody({
      kind: 'placement',
      workerId: WORKER,
      enterpriseId: ENTERPRISE,
      position: ' 装配实习生 ',
      startDate: '2026-03-01',
      endDate: '2026-08-31',
      stipendYuan: 3200,
      supervisorPhone: '',
    });
    expect(body).toMatchObject({ monthlyStipend: 320000, position: '装配实习生', supervisorPhone: null });
    expect(internshipCreateBody.safeParse(body).success).toBe(true);
  });

  it('keeps the stored supervisor phone when the field is left empty, replaces it when typed', () => {
    const values = toInternshipFormValues(internship);
    expect(values.stipendYuan).toBe(2500.5);
    const kept = buildInternshipUpdateBody(values, internship);
    expect('supervisorPhone' in kept).toBe(false);
    expect(kept.monthlyStipend).toBe(250050);
    expect(internshipUpdateBody.safeParse(kept).success).toBe(true);
    const replaced = buildInternshipUpdateBody({ ...values, supervisorPhone: '13812341111' }, internship);
    expect(replaced.supervisorPhone).toBe('13812341111');
  });

  it('puts the server’s stipend issues on the yuan field', () => {
    expect(toInternshipFormPath('monthlyStipend')).toBe('stipendYuan');
    expect(toInternshipFormPath('endDate')).toBe('endDate');
  });

  it('sends a provider name or a school, never both', () => {
    const base = {
      enterpriseId: ENTERPRISE,
      occupationCode: '6-18-02-04',
      title: '焊工学徒班',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
      workerIds: [WORKER],
    };
    const withProvider = buildApprenticeshipCreateBody({
      ...base,
      providerKind: 'provider',
      schoolId: '4b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d',
      providerName: '吴江区职业技能培训中心',
    });
    expect(withProvider).toMatchObject({ schoolId: null, providerName: '吴江区职业技能培训中心' });
    expect(apprenticeshipCreateBody.safeParse(withProvider).success).toBe(true);
    const withoutEither = buildApprenticeshipCreateBody({ ...base, providerKind: 'school' });
    expect(apprenticeshipCreateBody.safeParse(withoutEither).success).toBe(false);
  });
});
