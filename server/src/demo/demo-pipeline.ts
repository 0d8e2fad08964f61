import { createRandom, drawInteger } from '@yonggong/engine';
import type { ApplicationStatus, Channel, Urgency } from '@yonggong/shared';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Demo job orders and a pipeline in every state, generated deterministically over the demo
 * enterprises and workers. Titles, occupations and wages follow what the seeds' factories post
 * (普工/SMT/质检 in electronics, 数控车工/焊工 in machinery, 缝纫工 in garments, 叉车/仓管 in
 * logistics; 5,000–9,000 yuan, dormitory and meals common). Consistency is kept: every hired or
 * retained application has its placement, each order's `filled` equals its placements, full orders
 * are `filled`, hired workers are `employed` and their other open applications obsolete.
 */
interface Template {
  readonly title: string;
  readonly occupation: string;
  readonly wage: readonly [number, number];
  readonly skills: readonly string[];
  readonly certificates: readonly string[];
}

const BY_INDUSTRY: Readonly<Record<string, readonly Template[]>> = {
  '39': [
    { title: '普工（电子装配）', occupation: '6-25-04-01', wage: [5200, 6800], skills: [], certificates: [] },
    {
      title: 'SMT 操作员',
      occupation: '6-25-01-06',
      wage: [5800, 7500],
      skills: ['SMT 操作'],
      certificates: [],
    },
    { title: '液晶模组操作工', occupation: '6-25-02-03', wage: [5500, 7200], skills: [], certificates: [] },
    {
      title: '设备维修技术员',
      occupation: '6-31-01-02',
      wage: [7000, 9500],
      skills: ['设备维修'],
      certificates: ['电工证'],
    },
  ],
  '38': [
    { title: '电机装配工', occupation: '6-24-01-01', wage: [5500, 7200], skills: [], certificates: [] },
    { title: '电池制造工', occupation: '6-24-04-01', wage: [6000, 8000], skills: [], certificates: [] },
    {
      title: '电工',
      occupation: '6-31-01-03',
      wage: [7000, 9000],
      skills: ['电工'],
      certificates: ['电工证'],
    },
  ],
  '34': [
    {
      title: '数控车工',
      occupation: '6-18-01-01',
      wage: [6500, 9000],
      skills: ['数控车床'],
      certificates: ['车工证'],
    },
    {
      title: '焊工',
      occupation: '6-18-02-04',
      wage: [7000, 9500],
      skills: ['电焊', '氩弧焊'],
      certificates: ['焊工证'],
    },
    { title: '装配钳工', occupation: '6-20-01-01', wage: [6000, 8000], skills: ['钳工'], certificates: [] },
  ],
  '36': [
    { title: '汽车零部件装调工', occupation: '6-22-01-02', wage: [6000, 8000], skills: [], certificates: [] },
    {
      title: '焊工（汽车部件）',
      occupation: '6-18-02-04',
      wage: [7000, 9000],
      skills: ['电焊'],
      certificates: ['焊工证'],
    },
  ],
  '17': [
    { title: '纺纱挡车工', occupation: '6-04-02-01', wage: [5000, 6800], skills: [], certificates: [] },
    { title: '织造挡车工', occupation: '6-04-02-01', wage: [5200, 7000], skills: [], certificates: [] },
  ],
  '18': [
    { title: '缝纫工', occupation: '6-05-01-03', wage: [5000, 7500], skills: ['缝纫'], certificates: [] },
  ],
};
const GENERAL: readonly Template[] = [
  {
    title: '叉车司机',
    occupation: '6-30-05-01',
    wage: [6000, 7800],
    skills: ['叉车'],
    certificates: ['叉车证'],
  },
  { title: '仓库管理员', occupation: '4-02-06-01', wage: [5000, 6500], skills: [], certificates: [] },
  { title: '装卸搬运工', occupation: '4-02-05-01', wage: [5000, 6500], skills: [], certificates: [] },
];

/** Where applications end up, weighted; the walk to each state is filled in by `pathTo`. */
const OUTCOMES: readonly (readonly [ApplicationStatus, number])[] = [
  ['recommended', 14],
  ['applied', 12],
  ['screening', 10],
  ['interview', 9],
  ['offered', 6],
  ['hired', 14],
  ['retained_30', 9],
  ['retained_90', 6],
  ['rejected', 9],
  ['withdrawn', 4],
  ['no_show', 3],
  ['expired', 4],
];

const FORWARD: readonly ApplicationStatus[] = [
  'screening',
  'interview',
  'offered',
  'hired',
  'retained_30',
  'retained_90',
];

function pathTo(target: ApplicationStatus, first: ApplicationStatus): ApplicationStatus[] {
  // Every path follows APPLICATION_TRANSITIONS (a no-show happens at the interview).
  if (target === 'no_show') return [first, 'interview', 'no_show'];
  if (target === 'rejected' || target === 'withdrawn' || target === 'expired') return [first, target];
  if (target === first) return [first];
  const index = FORWARD.indexOf(target);
  return [first, ...FORWARD.slice(0, index + 1)];
}

function isHireState(status: ApplicationStatus): boolean {
  return status === 'hired' || status === 'retained_30' || status === 'retained_90';
}

export interface DemoPipelineReport {
  readonly jobOrders: number;
  readonly applications: number;
  readonly placements: number;
}

/**
 * Writes demo job orders and applications. `today` anchors deadlines and hire dates so the data
 * looks current whenever the demo is loaded.
 */
export async function loadDemoPipeline(
  trx: Kysely<Database>,
  options: {
    seed: number;
    today: Date;
    officerIdByDistrict: ReadonlyMap<string, string>;
    /** The enterprise of the demo account enterprise.1: it always gets three open orders. */
    firstEnterpriseId: string;
  },
): Promise<DemoPipelineReport> {
  const rand = createRandom(options.seed ^ 0x5eed);
  const enterprises = await trx
    .selectFrom('enterprises')
    .select(['id', 'industry_code', 'district_code', 'key_level', 'size', 'name'])
    // Deterministic order (rows of one transaction share created_at), enterprise.1's first.
    .orderBy(sql`id = ${options.firstEnterpriseId}`, 'desc')
    .orderBy('credit_code')
    .execute();
  const workers = await trx
    .selectFrom('workers')
    .select(['id', 'source_channel'])
    .where('status', '=', 'available')
    // Deterministic whatever the PII key (hashes and ciphertexts differ between installations).
    .orderBy('name_pinyin')
    .orderBy('birth_date')
    .orderBy('id_last4')
    .orderBy('phone_last4')
    .execute();
  const day = (offset: number) =>
    new Date(options.today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

  // Orders: every key enterprise posts 1–3, others sometimes one.
  const orders: { id: string; enterpriseId: string; headcount: number; districtCode: string }[] = [];
  for (const [index, enterprise] of enterprises.entries()) {
    const count = enterprise.key_level !== 'none' ? 1 + drawInteger(rand, 3) : rand() < 0.25 ? 1 : 0;
    for (let k = 0; k < (index === 0 ? 3 : count); k++) {
      const templates = [...(BY_INDUSTRY[enterprise.industry_code] ?? []), ...GENERAL];
      const template = templates[drawInteger(rand, templates.length)] ?? GENERAL[0];
      if (!template) continue;
      const headcount = enterprise.size === 'large' ? 10 + drawInteger(rand, 60) : 2 + drawInteger(rand, 15);
      const urgency: Urgency = rand() < 0.15 ? 'critical' : rand() < 0.4 ? 'urgent' : 'normal';
      const row = await trx
        .insertInto('job_orders')
        .values({
          enterprise_id: enterprise.id,
          title: template.title,
          occupation_code: template.occupation,
          headcount,
          wage_min: template.wage[0],
          wage_max: template.wage[1],
          age_min: 18,
          age_max: template.certificates.length > 0 ? 50 : 45,
          education_min: 'junior',
          skills: [...template.skills],
          certificates: [...template.certificates],
          district_code: enterprise.district_code,
          shifts: rand() < 0.6 ? 'two_shift' : 'day',
          dormitory: rand() < 0.75,
          meals: rand() < 0.5 ? 'free' : 'subsidy',
          start_date: day(3 + drawInteger(rand, 20)),
          deadline: day(15 + drawInteger(rand, 75)),
          urgency,
          visibility: rand() < 0.5 ? ['public', 'agencies', 'bases', 'schools'] : ['public'],
          contact_name: '',
          description: `${enterprise.name}招聘${template.title}，包吃住、长白班或两班倒，按月足额发放工资。`,
          status: 'open',
          staff_assisted: rand() < 0.3,
          created_by: options.officerIdByDistrict.get(enterprise.district_code) ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orders.push({
        id: row.id,
        enterpriseId: enterprise.id,
        headcount,
        districtCode: enterprise.district_code,
      });
    }
  }

  // Applications: a third of the workers enter the pipeline, at most one hire each.
  const filled = new Map<string, number>();
  const employed = new Set<string>();
  let applications = 0;
  let placements = 0;
  const total = OUTCOMES.reduce((sum, [, weight]) => sum + weight, 0);
  for (const worker of workers) {
    if (orders.length === 0 || rand() > 0.35) continue;
    const tries = 1 + drawInteger(rand, 2);
    for (let t = 0; t < tries; t++) {
      const order = orders[drawInteger(rand, orders.length)];
      if (!order) continue;
      let r = rand() * total;
      let target: ApplicationStatus = 'recommended';
      for (const [status, weight] of OUTCOMES) {
        r -= weight;
        if (r < 0) {
          target = status;
          break;
        }
      }
      const taken = filled.get(order.id) ?? 0;
      // Only a worker's first application may end in a hire, so a later open one can be obsolete.
      if (isHireState(target) && (t > 0 || taken >= order.headcount)) target = 'interview';
      if (employed.has(worker.id)) target = 'obsolete';
      // About one hire in five that reached its 30-day check had left by then (a real retention
      // rate, not 100 %): the application stays hired, the placement ends, the worker is free.
      const leftBefore30 = target === 'retained_30' && rand() < 0.2;
      if (leftBefore30) target = 'hired';
      const isHire = isHireState(target);
      const first: ApplicationStatus = rand() < 0.6 ? 'recommended' : 'applied';
      const steps = target === 'obsolete' ? [first, 'obsolete' as const] : pathTo(target, first);
      const hiredDaysAgo =
        target === 'retained_90'
          ? 95 + drawInteger(rand, 60)
          : target === 'retained_30' || leftBefore30
            ? 35 + drawInteger(rand, 50)
            : 1 + drawInteger(rand, 25);
      const hiredOn = steps.includes('hired') ? day(-hiredDaysAgo) : null;
      const channel: Channel =
        first === 'applied' && rand() < 0.3 ? 'self' : (worker.source_channel as Channel);
      const inserted = await trx
        .insertInto('applications')
        .values({
          worker_id: worker.id,
          job_order_id: order.id,
          enterprise_id: order.enterpriseId,
          status: steps[steps.length - 1] ?? first,
          channel,
          note: '',
          hired_on: target === 'no_show' ? null : hiredOn,
          created_by: options.officerIdByDistrict.get(order.districtCode) ?? null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      applications++;
      const started = hiredOn ? -hiredDaysAgo - steps.length * 2 : -drawInteger(rand, 20) - steps.length;
      await trx
        .insertInto('application_events')
        .values([
          ...steps.map((to, i) => ({
            application_id: inserted.id,
            from_status: i === 0 ? null : (steps[i - 1] ?? null),
            to_status: to,
            actor_id: null,
            reason:
              to === 'rejected'
                ? '技能与岗位要求不符'
                : to === 'withdrawn'
                  ? '个人原因放弃'
                  : to === 'expired'
                    ? '30 天无进展，自动失效'
                    : '',
            at: new Date(options.today.getTime() + (started + i * 2) * 86_400_000),
          })),
          // The departure goes on the timeline as the retention check records it.
          ...(leftBefore30
            ? [
                {
                  application_id: inserted.id,
                  from_status: 'hired' as const,
                  to_status: 'hired' as const,
                  actor_id: null,
                  reason: '未满 30 天离职',
                  at: new Date(options.today.getTime() + (-hiredDaysAgo + 30) * 86_400_000),
                },
              ]
            : []),
        ])
        .execute();
      if (hiredOn && target !== 'no_show' && isHire) {
        await trx
          .insertInto('placements')
          .values({
            application_id: inserted.id,
            worker_id: worker.id,
            job_order_id: order.id,
            enterprise_id: order.enterpriseId,
            channel,
            hired_on: hiredOn,
            retained_30: leftBefore30
              ? 'no'
              : target === 'retained_30' || target === 'retained_90'
                ? 'yes'
                : 'pending',
            retained_90: target === 'retained_90' ? 'yes' : 'pending',
            ended_on: leftBefore30 ? day(-hiredDaysAgo + 5 + drawInteger(rand, 20)) : null,
          })
          .execute();
        filled.set(order.id, taken + 1);
        if (!leftBefore30) employed.add(worker.id);
        placements++;
      }
    }
  }
  for (const [orderId, count] of filled) {
    await trx
      .updateTable('job_orders')
      .set({
        filled: count,
        status: sql`CASE WHEN ${count} >= headcount THEN 'filled' ELSE status END`,
        status_reason: sql`CASE WHEN ${count} >= headcount THEN '招满' ELSE status_reason END`,
      })
      .where('id', '=', orderId)
      .execute();
  }
  if (employed.size > 0)
    await trx
      .updateTable('workers')
      .set({ status: 'employed' })
      .where('id', 'in', [...employed])
      .execute();
  return { jobOrders: orders.length, applications, placements };
}
