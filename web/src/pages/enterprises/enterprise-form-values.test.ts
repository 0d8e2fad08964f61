import { enterpriseCreateBody, enterpriseUpdateBody } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { buildEnterprise, LIAISON_ID } from '../../test/fixtures.ts';
import {
  buildCreateBody,
  buildUpdateBody,
  findContactPhoneError,
  MANAGED_FIELDS,
  MAX_CONTACTS,
  toFormValues,
} from './enterprise-form-values.ts';

const CONTACT_ID = '3f2b8c1a-5d4e-4f6a-9b7c-8d9e0f1a2b3c';

describe('the enterprise form', () => {
  it('loads an enterprise with empty phone fields and the masked number as a hint', () => {
    const values = toFormValues(buildEnterprise());
    expect(values.liaisonUserId).toBe(LIAISON_ID);
    expect(values.contacts).toEqual([
      { id: CONTACT_ID, name: '张三', title: '人事经理', phone: '', phoneMasked: '138****1234' },
    ]);
  });

  it('keeps a stored phone by leaving it out of the update when the field stays empty', () => {
    const enterprise = buildEnterprise({ version: 4 });
    const body = buildUpdateBody(toFormValues(enterprise), enterprise);
    expect(body.version).toBe(4);
    expect(body.contacts).toEqual([{ id: CONTACT_ID, name: '张三', title: '人事经理' }]);
  });

  it('sends every field to a manager of the district', () => {
    const enterprise = buildEnterprise();
    const body = buildUpdateBody(toFormValues(enterprise), enterprise);
    expect(body).toMatchObject({
      creditCode: enterprise.creditCode,
      name: enterprise.name,
      districtCode: enterprise.districtCode,
      keyLevel: enterprise.keyLevel,
      liaisonUserId: LIAISON_ID,
    });
  });

  it('never sends the managed fields without can.changeManagedFields, even if the values changed', () => {
    const enterprise = buildEnterprise({
      version: 7,
      can: { update: true, changeManagedFields: false, deactivate: false, revealContact: true },
    });
    const values = {
      ...toFormValues(enterprise),
      creditCode: '91320507MA1N2K3L4X',
      name: '改名公司',
      districtCode: '320507',
      keyLevel: 'none' as const,
      liaisonUserId: null,
      address: ' 新地址 8 号 ',
      employeeCount: 900,
    };
    const body = buildUpdateBody(values, enterprise);
    for (const field of MANAGED_FIELDS) expect(body, field).not.toHaveProperty(field);
    expect(body).toEqual({
      industryCode: '39',
      address: '新地址 8 号',
      size: 'medium',
      employeeCount: 900,
      contacts: [{ id: CONTACT_ID, name: '张三', title: '人事经理' }],
      version: 7,
    });
    expect(enterpriseUpdateBody.safeParse(body).success).toBe(true);
  });

  it('sends a typed phone and trims text', () => {
    const body = buildCreateBody({
      creditCode: ' 91320509MA1N2K3L4Q ',
      name: ' 苏州精工 ',
      industryCode: '39',
      districtCode: '320509',
      size: 'small',
      contacts: [{ name: ' 李四 ', phone: ' 13912345678 ' }],
    });
    expect(body).toEqual({
      creditCode: '91320509MA1N2K3L4Q',
      name: '苏州精工',
      industryCode: '39',
      districtCode: '320509',
      address: '',
      size: 'small',
      employeeCount: null,
      keyLevel: 'none',
      liaisonUserId: null,
      contacts: [{ name: '李四', title: '', phone: '13912345678' }],
    });
  });

  it('offers as many contact rows as the schema accepts', () => {
    const contacts = (count: number) =>
      Array.from({ length: count }, () => ({ id: CONTACT_ID, name: '张三' }));
    const contactsSchema = enterpriseCreateBody.shape.contacts;
    expect(contactsSchema.safeParse(contacts(MAX_CONTACTS)).success).toBe(true);
    expect(contactsSchema.safeParse(contacts(MAX_CONTACTS + 1)).success).toBe(false);
  });

  it('refuses to build a body without the size the form requires', () => {
    expect(() => buildCreateBody({ creditCode: 'x', name: 'y' })).toThrow(/size/);
  });
});

describe('a contact phone field', () => {
  it('requires a phone for a new contact', () => {
    expect(findContactPhoneError('', false, 'zh-CN')).toBe('请填写手机号码');
    expect(findContactPhoneError(undefined, false, 'en')).toBe('Enter the mobile number');
  });

  it('lets an existing contact keep the stored phone', () => {
    expect(findContactPhoneError('', true, 'zh-CN')).toBeNull();
  });

  it('checks a typed phone with the shared validator', () => {
    expect(findContactPhoneError('13912345678', true, 'zh-CN')).toBeNull();
    expect(findContactPhoneError('2391234567', true, 'zh-CN')).not.toBeNull();
  });
});
