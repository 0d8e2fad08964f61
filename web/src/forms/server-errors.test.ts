import { describe, expect, it } from 'vitest';
import { splitFieldIssues, toNamePath } from './server-errors.ts';

describe('server field errors on a form', () => {
  it('turns dotted paths into antd name paths with numeric indexes', () => {
    expect(toNamePath('contacts.0.phone')).toEqual(['contacts', 0, 'phone']);
    expect(toNamePath('name')).toEqual(['name']);
    expect(toNamePath('')).toEqual([]);
  });

  it('puts issues on shown fields and lists the rest', () => {
    const { fields, others } = splitFieldIssues(
      [
        { path: 'creditCode', message: '校验位不符' },
        { path: 'contacts.1.phone', message: '手机号码应为 1 开头的 11 位数字' },
        { path: 'creditCode', message: '另一个问题' },
        { path: 'version', message: '必填' },
        { path: '', message: '请求格式不正确' },
      ],
      new Set(['creditCode', 'contacts']),
    );
    expect(fields).toEqual([
      { name: ['creditCode'], errors: ['校验位不符', '另一个问题'] },
      { name: ['contacts', 1, 'phone'], errors: ['手机号码应为 1 开头的 11 位数字'] },
    ]);
    expect(others).toEqual(['必填', '请求格式不正确']);
  });
});
