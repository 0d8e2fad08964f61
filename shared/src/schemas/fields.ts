import { validateCreditCode, validateMobilePhone } from '@yonggong/engine';
import { z } from 'zod';
import { INDUSTRY_DIVISION_CODES } from '../data/industries.ts';

/**
 * Field schemas shared by every module. Domain checks run the engine's validators and report
 * failures as custom issues whose `params.key` is a message-catalogue key (i18n/messages.ts), so
 * the server and the web form show the same, precise message.
 */

/** 统一社会信用代码 (GB 32100), normalised to upper-case half-width. */
export const creditCodeSchema = z.string().transform((input, ctx) => {
  const result = validateCreditCode(input);
  if (result.ok) return result.value;
  ctx.addIssue({
    code: 'custom',
    params: { key: result.error.code, ...result.error },
  });
  return z.NEVER;
});

/** Mainland mobile number, normalised to 11 digits. */
export const mobilePhoneSchema = z.string().transform((input, ctx) => {
  const result = validateMobilePhone(input);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', params: { key: result.error.code, ...result.error } });
  return z.NEVER;
});

/** GB/T 4754-2017 division (大类) code, two digits. */
export const industryCodeSchema = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    if (!INDUSTRY_DIVISION_CODES.has(code))
      ctx.addIssue({ code: 'custom', params: { key: 'industry.unknown', value: code } });
  });

/** A 6-digit county-level region code (GB/T 2260). Membership of the city is checked by the server. */
export const countyCodeSchema = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    if (!/^\d{6}$/.test(code))
      ctx.addIssue({ code: 'custom', params: { key: 'region_code.format', char: code } });
  });

/**
 * A string matching `pattern`, reported with catalogue message `key` (zod's own regex check cannot
 * carry params). The offending value is passed as `value`/`char` for the message.
 */
export function patternField(
  pattern: RegExp,
  key: 'occupation.unknown' | 'region_code.format' | 'field.invalid',
) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (!pattern.test(value)) ctx.addIssue({ code: 'custom', params: { key, value, char: value } });
    });
}

/** An occupation code of the 2022 classification (major-group prefix to detailed occupation). */
export const occupationCodeSchema = patternField(/^\d-\d{2}(-\d{2}){0,2}$/, 'occupation.unknown');
