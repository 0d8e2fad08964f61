/**
 * 就业见习补贴 eligibility: whether an internship qualifies for the traineeship subsidy.
 *
 * The rule the bureau applies (人社部 就业见习 policy as the seeds' districts run it — e.g. 相城
 * "接收见习学员 346 人，离校未就业高校毕业生…"):
 * 1. only a traineeship (见习) qualifies; a placement internship (顶岗实习) is part of schooling and
 *    is paid for by the school–enterprise agreement, never by this subsidy;
 * 2. the trainee is either a young jobseeker aged 16–24 on the first day, or a graduate who left
 *    school at most two years before the first day (离校 2 年内未就业高校毕业生) — the graduation
 *    date must not be after the first day (a student still at school is an intern, not a trainee);
 * 3. the traineeship lasts 3 to 12 months (both inclusive, by calendar months from the first day).
 *
 * Dates are ISO `YYYY-MM-DD` strings; the function is pure and total (throws only on malformed dates).
 */
export type TraineeshipSubsidyReason =
  | 'eligible_youth'
  | 'eligible_graduate'
  | 'not_traineeship'
  | 'too_short'
  | 'too_long'
  | 'not_youth_or_recent_graduate';

export interface TraineeshipSubsidyInput {
  readonly kind: 'placement' | 'traineeship';
  /** The trainee's birth date (from the ID number). */
  readonly birthDate: string;
  readonly startDate: string;
  readonly endDate: string;
  /** When the trainee left school, if they are a graduate (null: not known / not a graduate). */
  readonly graduationDate: string | null;
}

export interface TraineeshipSubsidyVerdict {
  readonly eligible: boolean;
  readonly reason: TraineeshipSubsidyReason;
}

export const TRAINEESHIP_RULE = {
  minAge: 16,
  maxAge: 24,
  graduateWindowYears: 2,
  minMonths: 3,
  maxMonths: 12,
} as const;

export function traineeshipSubsidy(input: TraineeshipSubsidyInput): TraineeshipSubsidyVerdict {
  const start = parse(input.startDate);
  const end = parse(input.endDate);
  const birth = parse(input.birthDate);
  if (input.kind !== 'traineeship') return { eligible: false, reason: 'not_traineeship' };
  const months = wholeMonthsBetween(start, end);
  if (months < TRAINEESHIP_RULE.minMonths) return { eligible: false, reason: 'too_short' };
  if (!sameDayOrBefore(end, addMonths(start, TRAINEESHIP_RULE.maxMonths)))
    return { eligible: false, reason: 'too_long' };
  const age = yearsBetween(birth, start);
  if (age >= TRAINEESHIP_RULE.minAge && age <= TRAINEESHIP_RULE.maxAge)
    return { eligible: true, reason: 'eligible_youth' };
  if (input.graduationDate !== null) {
    const graduated = parse(input.graduationDate);
    const windowEnd = { ...graduated, year: graduated.year + TRAINEESHIP_RULE.graduateWindowYears };
    if (sameDayOrBefore(graduated, start) && sameDayOrBefore(start, windowEnd))
      return { eligible: true, reason: 'eligible_graduate' };
  }
  return { eligible: false, reason: 'not_youth_or_recent_graduate' };
}

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parse(iso: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function compare(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function sameDayOrBefore(a: Ymd, b: Ymd): boolean {
  return compare(a, b) <= 0;
}

function addMonths(date: Ymd, months: number): Ymd {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: date.day };
}

/** Full calendar months from `from` to `to` (3 months: 03-01 → 06-01 or later). */
function wholeMonthsBetween(from: Ymd, to: Ymd): number {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) months -= 1;
  return months;
}

/** Completed years from `from` to `on` (an age). */
function yearsBetween(from: Ymd, on: Ymd): number {
  const hadAnniversary = on.month > from.month || (on.month === from.month && on.day >= from.day);
  return on.year - from.year - (hadAnniversary ? 0 : 1);
}
