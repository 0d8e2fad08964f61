import { workerCreateBody, workerUpdateBody } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { buildWorker } from '../../test/fixtures.ts';
import {
  buildEmptyWorkerValues,
  buildWorkerCreateBody,
  buildWorkerUpdateBody,
  toWorkerFormPath,
  toWorkerFormValues,
  WORKER_FORM_FIELDS,
} from './worker-form-values.ts';

describe('the worker form values', () => {
  it('registers with the deepest origin code picked and the shared schema accepts the body', () => {
    const body = buildWorkerCreateBody({
      ...buildEmptyWorkerValues('320509'),
      name: ' 李四 ',
      idNumber: '11010519491231002x',
      phone: '13912345678',
      origin: ['530000', '530600', '530621'],
      skills: ['焊接', ' '],
      occupationCodes: ['6-18-02-04'],
    });
    expect(body).toMatchObject({
      name: '李四',
      originRegionCode: '530621',
      districtCode: '320509',
      skills: ['焊接'],
      channel: 'officer',
    });
    expect(body).not.toHaveProperty('birthDate');
    expect(body).not.toHaveProperty('sex');
    expect(workerCreateBody.safeParse(body).success).toBe(true);
  });

  it('sends no origin when none was picked', () => {
    expect(buildWorkerCreateBody(buildEmptyWorkerValues()).originRegionCode).toBeNull();
  });

  it('edits with the loaded version, never the ID number, and the phone only when typed', () => {
    const worker = buildWorker();
    const values = toWorkerFormValues(worker);
    expect(values.origin).toEqual(['530000', '530600', '530621']);
    const body = buildWorkerUpdateBody({ ...values, expectedWage: 6500 }, worker);
    expect(body).toMatchObject({ expectedWage: 6500, version: 3 });
    expect(body).not.toHaveProperty('phone');
    expect(body).not.toHaveProperty('idNumber');
    expect(workerUpdateBody.safeParse(body).success).toBe(true);
    expect(buildWorkerUpdateBody({ ...values, phone: '13812345678' }, worker)).toMatchObject({
      phone: '13812345678',
    });
  });

  it('puts server issues on the origin cascader and knows every body field', () => {
    expect(toWorkerFormPath('originRegionCode')).toBe('origin');
    expect(toWorkerFormPath('phone')).toBe('phone');
    const bodyFields = Object.keys(workerCreateBody.shape).filter((field) => field !== 'currentRegionCode');
    expect([...WORKER_FORM_FIELDS].map(toWorkerFormPathBack).sort()).toEqual(bodyFields.sort());
  });
});

function toWorkerFormPathBack(field: string): string {
  return field === 'origin' ? 'originRegionCode' : field;
}
