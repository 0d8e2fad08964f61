import { describe, expect, it } from 'vitest';
import { createRandom, drawInteger } from '../random.ts';
import { traineeshipSubsidy } from './traineeship.ts';

const base = {
  kind: 'traineeship' as const,
  birthDate: '2003-05-10',
  startDate: '2026-03-01',
  endDate: '2026-09-01',
  graduationDate: null,
};

describe('traineeshipSubsidy', () => {
  it('grants a young jobseeker of 16–24 on the first day', () => {
    expect(traineeshipSubsidy(base)).toEqual({ eligible: true, reason: 'eligible_youth' });
  });

  it('counts the age on the first day: 25 the day before is too old, 24 the day after is not', () => {
    expect(traineeshipSubsidy({ ...base, birthDate: '2001-02-28' }).reason).toBe(
      'not_youth_or_recent_graduate',
    );
    expect(traineeshipSubsidy({ ...base, birthDate: '2001-03-02' }).eligible).toBe(true);
  });

  it('grants a graduate who left school at most two years before', () => {
    const older = { ...base, birthDate: '1998-01-01' };
    expect(traineeshipSubsidy({ ...older, graduationDate: '2024-06-30' })).toEqual({
      eligible: true,
      reason: 'eligible_graduate',
    });
    expect(traineeshipSubsidy({ ...older, graduationDate: '2024-02-28' }).eligible).toBe(false);
    // Still at school on the first day: an intern, not a trainee.
    expect(traineeshipSubsidy({ ...older, graduationDate: '2026-06-30' }).eligible).toBe(false);
  });

  it('refuses placement internships (顶岗实习) whoever the student is', () => {
    expect(traineeshipSubsidy({ ...base, kind: 'placement' })).toEqual({
      eligible: false,
      reason: 'not_traineeship',
    });
  });

  it('needs 3 to 12 months', () => {
    expect(traineeshipSubsidy({ ...base, endDate: '2026-05-31' }).reason).toBe('too_short');
    expect(traineeshipSubsidy({ ...base, endDate: '2026-06-01' }).eligible).toBe(true);
    expect(traineeshipSubsidy({ ...base, endDate: '2027-03-01' }).eligible).toBe(true);
    expect(traineeshipSubsidy({ ...base, endDate: '2027-03-02' }).reason).toBe('too_long');
  });

  it('never grants outside 16–24 without a recent graduation (property, seeded)', () => {
    const random = createRandom(20261122);
    for (let i = 0; i < 2000; i++) {
      const age = drawInteger(random, 71);
      const startYear = 2020 + drawInteger(random, 11);
      const birthDate = `${startYear - age - 1}-12-31`;
      const verdict = traineeshipSubsidy({
        ...base,
        birthDate,
        startDate: `${startYear}-06-01`,
        endDate: `${startYear}-12-01`,
      });
      // Born 31 Dec of (startYear - age - 1): exactly `age` on 1 June of startYear.
      expect(verdict.eligible).toBe(age >= 16 && age <= 24);
    }
  });
});
