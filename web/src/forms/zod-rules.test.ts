import { enterpriseCreateBody, loginBody } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type buildFieldRule, buildZodRule, findFieldError, isRequiredBySchema } from './zod-rules.ts';

/** Runs an antd rule's validator the way antd does and returns its message, or null. */
async function runRule(rule: ReturnType<typeof buildFieldRule>, value: unknown): Promise<string | null> {
  if (!rule.validator) throw new Error('the rule has no validator');
  try {
    await rule.validator(rule, value, () => undefined);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('form rules from zod schemas', () => {
  it('accepts a valid value', async () => {
    expect(await runRule(buildZodRule(loginBody, 'username', 'zh-CN'), 'admin')).toBeNull();
  });

  it('rejects a missing value as required, in the chosen language', async () => {
    expect(await runRule(buildZodRule(loginBody, 'username', 'zh-CN'), undefined)).toBe('必填');
    expect(await runRule(buildZodRule(loginBody, 'username', 'en'), '')).toBe('Required');
  });

  it('calls an empty select required rather than listing the codes it accepts', async () => {
    expect(await runRule(buildZodRule(enterpriseCreateBody, 'size', 'zh-CN'), undefined)).toBe('必填');
    expect(await runRule(buildZodRule(enterpriseCreateBody, 'size', 'en'), null)).toBe('Required');
    expect(await runRule(buildZodRule(enterpriseCreateBody, 'size', 'zh-CN'), 'huge')).toMatch(
      /^只能是以下之一/,
    );
  });

  it('keeps the schema’s own message for an emptied text field', async () => {
    expect(await runRule(buildZodRule(enterpriseCreateBody, 'creditCode', 'zh-CN'), '')).toBe(
      '请填写统一社会信用代码',
    );
  });

  it('reports length limits with the numbers filled in', async () => {
    const name = buildZodRule(enterpriseCreateBody, 'name', 'zh-CN');
    expect(await runRule(name, '苏')).toBe('至少 2 个字符');
    expect(await runRule(name, '苏'.repeat(101))).toBe('最多 100 个字符');
  });

  it('says which credit-code character is wrong or that the check digit does not match', async () => {
    const rule = buildZodRule(enterpriseCreateBody, 'creditCode', 'zh-CN');
    expect(await runRule(rule, '91320509MA1N2K3L4Q')).toBeNull();
    expect(await runRule(rule, '91320509MA1N2K3LIQ')).toBe('第 17 位“I”不是统一社会信用代码允许的字符');
    expect(await runRule(rule, '91320509MA1N2K3L4P')).toBe(
      '校验位不符：第 18 位是“P”，按 GB 32100 计算应为“Q”，请核对前 17 位是否抄错',
    );
  });

  it('names an unknown industry code', async () => {
    expect(await runRule(buildZodRule(enterpriseCreateBody, 'industryCode', 'en'), '00')).toBe(
      '"00" is not a GB/T 4754-2017 industry division code',
    );
  });

  it('treats an emptied optional input as not given when asked to', () => {
    const optionalEmail = z.email().optional();
    expect(findFieldError(optionalEmail, '', 'en')).not.toBeNull();
    expect(findFieldError(optionalEmail, '', 'en', { isEmptyStringAbsent: true })).toBeNull();
  });

  it('derives the required mark from the schema', () => {
    expect(isRequiredBySchema(enterpriseCreateBody, 'creditCode')).toBe(true);
    expect(isRequiredBySchema(enterpriseCreateBody, 'size')).toBe(true);
    expect(isRequiredBySchema(enterpriseCreateBody, 'address')).toBe(false);
    expect(isRequiredBySchema(enterpriseCreateBody, 'keyLevel')).toBe(false);
  });
});
