import { jobOrderCreateBody, jobOrderUpdateBody } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { buildJobOrder, ENTERPRISE_ID } from '../../test/fixtures.ts';
import {
  buildEmptyJobOrderValues,
  buildJobOrderCreateBody,
  buildJobOrderUpdateBody,
  JOB_ORDER_FORM_FIELDS,
  toJobOrderFormValues,
} from './job-order-form-values.ts';

describe('the job-order form values', () => {
  it('starts a new order with the schema defaults and a deadline a month ahead', () => {
    const values = buildEmptyJobOrderValues({ enterpriseId: ENTERPRISE_ID }, new Date(2025, 0, 15));
    expect(values).toMatchObject({
      enterpriseId: ENTERPRISE_ID,
      visibility: ['public'],
      urgency: 'normal',
      deadline: '2025-02-14',
    });
  });

  it('builds a create body the shared schema accepts, as a draft or published', () => {
    const values = {
      ...buildEmptyJobOrderValues({ enterpriseId: ENTERPRISE_ID, districtCode: '320509' }),
      title: '  普工 ',
      occupationCode: '6-25-04-01',
      headcount: 5,
      wageMin: 5000,
      wageMax: 6500,
      skills: [' 焊接 ', ''],
      contactPhone: '',
    };
    const draft = buildJobOrderCreateBody(values, false);
    expect(draft).toMatchObject({ title: '普工', skills: ['焊接'], contactPhone: null, publish: false });
    expect(jobOrderCreateBody.safeParse(draft).success).toBe(true);
    expect(buildJobOrderCreateBody(values, true).publish).toBe(true);
  });

  it('refuses to build a body without the required numbers', () => {
    expect(() => buildJobOrderCreateBody({ enterpriseId: ENTERPRISE_ID }, true)).toThrow(/headcount/);
  });

  it('edits every field with the loaded version, keeping the stored phone when left empty', () => {
    const order = buildJobOrder();
    const values = toJobOrderFormValues(order);
    expect(values.contactPhone).toBe('');
    const body = buildJobOrderUpdateBody({ ...values, headcount: 8 }, order);
    expect(body).toMatchObject({ headcount: 8, version: 2 });
    expect(body).not.toHaveProperty('contactPhone');
    expect(body).not.toHaveProperty('enterpriseId');
    expect(jobOrderUpdateBody.safeParse(body).success).toBe(true);
    expect(buildJobOrderUpdateBody({ ...values, contactPhone: '13912345678' }, order)).toMatchObject({
      contactPhone: '13912345678',
    });
  });

  it('names every field of the create body except the publish switch', () => {
    const bodyFields = Object.keys(jobOrderCreateBody.shape).filter((field) => field !== 'publish');
    expect([...JOB_ORDER_FORM_FIELDS].sort()).toEqual(bodyFields.sort());
  });
});
