import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { uniqueIdNumber, uniquePhone } from '../workers/workers.test-support.ts';

const WUJIANG = '320509';

interface RecordReply {
  id: string;
  name: string;
  village: string;
  idNumberMasked: string;
  phoneMasked: string;
  willing: string;
  skills: string[];
  preferredRegionNames: string[];
  version: number;
  conversion: { workerId: string } | null;
}

/** Records entered and corrected by hand (`POST` and `PATCH /api/surveys/:id/records[/:recordId]`). */
describe('survey records by hand', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let campaignId: string;

  const addRecord = async (overrides: Record<string, unknown> = {}) => {
    const response = await officer.post(`/api/surveys/${campaignId}/records`, {
      village: '以勒村',
      name: '杨正华',
      idNumber: uniqueIdNumber({ region: '530627' }),
      phone: uniquePhone(),
      willing: 'undecided',
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as RecordReply;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    const campaign = await officer.post('/api/surveys', {
      name: '以勒镇 2026 年秋季摸排',
      countyCode: '530627',
      townshipCode: '530627105',
      townshipName: '以勒镇',
      organiser: '镇雄县人社局',
      periodStart: '2026-09-01',
      periodEnd: '2026-10-01',
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    campaignId = campaign.json().id;
  });
  afterAll(() => ctx.close());

  it('adds a record by hand with its version, masked, and refuses the same person twice', async () => {
    const idNumber = uniqueIdNumber({ region: '530627' });
    const record = await addRecord({ name: '李小芳', idNumber, skills: ['缝纫'] });
    expect(record).toMatchObject({ name: '李小芳', skills: ['缝纫'], conversion: null });
    expect(record.version).toBe(1);
    expect(record.idNumberMasked).not.toBe(idNumber);
    const again = await officer.post(`/api/surveys/${campaignId}/records`, {
      village: '新街村',
      name: '李小芳',
      idNumber,
      phone: uniquePhone(),
      willing: 'yes',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([
      expect.objectContaining({ path: 'idNumber', message: '此人已在本次摸排中登记' }),
    ]);
  });

  it('corrects a record: named fields change, the masked phone is kept, and the audit keeps masks only', async () => {
    const record = await addRecord({ name: '陈德明' });
    const response = await officer.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      village: '新街村',
      willing: 'yes',
      skills: ['电焊', '电焊', '叉车'],
      preferredRegionCodes: ['320500'],
      earliestDate: '2027-02-20',
    });
    expect(response.statusCode, response.body).toBe(200);
    const edited = response.json() as RecordReply;
    expect(edited).toMatchObject({
      id: record.id,
      village: '新街村',
      willing: 'yes',
      skills: ['电焊', '叉车'],
      preferredRegionNames: ['江苏省 苏州市'],
      phoneMasked: record.phoneMasked,
      idNumberMasked: record.idNumberMasked,
    });
    expect(edited.version).toBe(record.version + 1);

    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('action', '=', 'survey.record_update')
      .where('entity_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ village: '以勒村', willing: 'undecided' });
    expect(audit.after).toMatchObject({ village: '新街村', willing: 'yes' });
    expect(JSON.stringify(audit)).not.toMatch(/\d{17}[\dX]/);
  });

  it('answers 409 to an edit of a record changed since it was loaded, changing nothing', async () => {
    const record = await addRecord({ name: '赵大勇' });
    const first = await officer.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      householdNotes: '家中有老人需照顾',
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await officer.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      willing: 'no',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const listed = (await officer.get(`/api/surveys/${campaignId}/records?q=赵大勇`)).json()
      .items as RecordReply[];
    expect(listed[0]).toMatchObject({ willing: 'undecided', version: first.json().version });
  });

  it('changes an ID number and phone when retyped, but never onto another record’s person', async () => {
    const other = await addRecord({ name: '王建军' });
    const record = await addRecord({ name: '王建君' });
    const newId = uniqueIdNumber({ region: '530627', birthDate: '1990-04-02', sex: 'female' });
    const newPhone = uniquePhone();
    const fixed = await officer.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      idNumber: newId,
      phone: newPhone,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({
      sex: 'female',
      idNumberMasked: `${newId.slice(0, 4)}**********${newId.slice(-4)}`,
      phoneMasked: `${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`,
    });
    const stored = await ctx.deps.db
      .selectFrom('survey_records')
      .select(['id_number_hash', 'phone_hash', 'birth_date', 'id_number_enc'])
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      id_number_hash: ctx.deps.pii.hash(newId),
      phone_hash: ctx.deps.pii.hash(newPhone),
      birth_date: '1990-04-02',
    });
    expect(ctx.deps.pii.decrypt(stored.id_number_enc)).toBe(newId);

    const otherId = await ctx.deps.db
      .selectFrom('survey_records')
      .select('id_number_enc')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    const clash = await officer.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: fixed.json().version,
      idNumber: ctx.deps.pii.decrypt(otherId.id_number_enc),
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors).toEqual([
      expect.objectContaining({ path: 'idNumber', message: '此人已在本次摸排中登记' }),
    ]);
  });

  it('keeps the ID number of a converted record, while other fields may still be corrected', async () => {
    const record = await addRecord({ name: '杨正林', willing: 'yes' });
    const converted = await officer.post(`/api/surveys/${campaignId}/convert`, { recordIds: [record.id] });
    expect(converted.json()).toMatchObject({ created: 1 });
    const refused = await officer.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      idNumber: uniqueIdNumber({ region: '530627' }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({
      path: 'idNumber',
      message: expect.stringContaining('已转为劳动者'),
    });
    const allowed = await officer.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      householdNotes: '已随基地赴苏州',
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().conversion).not.toBeNull();
  });

  it('rejects bad input in the caller’s language, and is closed to liaisons and other campaigns', async () => {
    const record = await addRecord({ name: '李国强' });
    const english = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
      { locale: 'en' },
    );
    const bad = await english.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      phone: '12345',
      preferredRegionCodes: ['999999'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { path: string }) => error.path)).toContain('phone');

    const unknownRegion = await english.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      preferredRegionCodes: ['999999'],
    });
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json().errors[0]).toMatchObject({
      path: 'preferredRegionCodes.0',
      message: expect.stringContaining('not a known province'),
    });

    const elsewhere = await officer.post('/api/surveys', {
      name: '另一次摸排',
      countyCode: '530627',
      organiser: '镇雄县人社局',
      periodStart: '2026-09-01',
      periodEnd: '2026-10-01',
    });
    const wrongCampaign = await officer.patch(`/api/surveys/${elsewhere.json().id}/records/${record.id}`, {
      version: record.version,
      willing: 'yes',
    });
    expect(wrongCampaign.statusCode).toBe(404);

    const liaison = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] })).username,
    );
    const closed = await liaison.patch(`/api/surveys/${campaignId}/records/${record.id}`, {
      version: record.version,
      willing: 'yes',
    });
    expect(closed.statusCode).toBe(403);
    const after = (await officer.get(`/api/surveys/${campaignId}/records?q=李国强`)).json().items[0];
    expect(after).toMatchObject({ willing: 'undecided', version: record.version });
  });
});
