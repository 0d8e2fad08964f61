import type { JobOrder } from '@yonggong/shared';

/**
 * Small text formats of a job order shared by the list, the detail page and the recommend picker.
 * Words come from the caller (already translated), so these stay pure.
 */

/** "5,000–7,000 元/月" (one figure when both ends agree). */
export function formatWageRange(
  order: Pick<JobOrder, 'wageMin' | 'wageMax'>,
  locale: string,
  unit: string,
): string {
  const min = order.wageMin.toLocaleString(locale);
  const max = order.wageMax.toLocaleString(locale);
  return `${min === max ? min : `${min}–${max}`} ${unit}`;
}

/** Which age bound an order sets, for choosing the sentence ("18–45 岁", "18 岁以上", "不限"). */
export function describeAgeRange(
  order: Pick<JobOrder, 'ageMin' | 'ageMax'>,
):
  | { kind: 'range'; min: number; max: number }
  | { kind: 'from'; min: number }
  | { kind: 'to'; max: number }
  | { kind: 'any' } {
  const { ageMin, ageMax } = order;
  if (ageMin !== null && ageMax !== null) return { kind: 'range', min: ageMin, max: ageMax };
  if (ageMin !== null) return { kind: 'from', min: ageMin };
  if (ageMax !== null) return { kind: 'to', max: ageMax };
  return { kind: 'any' };
}
