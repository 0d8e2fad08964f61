import { ageOn, type Sex, validateIdNumber } from '@yonggong/engine';

/**
 * What the form shows under a valid ID number before anything is sent: birth date, age and sex
 * are derived from the number (GB 11643), so the form never asks for them. The server derives
 * them again; this is only a preview to let the officer catch a mistyped number.
 */
export interface IdPreview {
  /** The 18-character number (a legacy 15-digit input converted). */
  readonly idNumber: string;
  readonly birthDate: string;
  readonly age: number;
  readonly sex: Sex;
  readonly convertedFrom15: boolean;
}

/** The preview of a valid ID number, or null while the input is empty or invalid. */
export function previewIdNumber(
  input: string | null | undefined,
  today: Date = new Date(),
): IdPreview | null {
  if (!input) return null;
  const result = validateIdNumber(input, { today });
  if (!result.ok) return null;
  const { idNumber, birthDate, sex, convertedFrom15 } = result.value;
  return { idNumber, birthDate, age: ageOn(birthDate, today), sex, convertedFrom15 };
}
