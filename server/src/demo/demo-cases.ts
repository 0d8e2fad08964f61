import crypto from 'node:crypto';
import { createRandom, drawInteger } from '@yonggong/engine';
import { findOccupation } from '@yonggong/shared';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CaseCategoryColumn, VisitKindColumn } from '../db/schema-cases.ts';

/**
 * The demo's 一企一策 service, modelled on the seeds (专人挂钩联系, 一企一策, 走访/座谈, 缺工报告):
 * a case for each red enterprise owned by its liaison with a realistic plan (some actions done,
 * some overdue, some ahead), its open orders linked; visits, calls and group meetings over the past
 * six months; and two urgent shortage reports, one of which opened its case. Deterministic from
 * the seed; dates anchored on `today`.
 */
export interface DemoCasesReport {
  readonly cases: number;
  readonly actions: number;
  readonly visits: number;
  readonly shortageReports: number;
}

interface PlanStep {
  readonly title: string;
  /** Days after the case opened. */
  readonly dueAfter: number;
  readonly owner: 'liaison' | 'enterprise' | 'officer';
}

const PLANS: Readonly<Record<'shortage' | 'retention' | 'training', { problem: string; steps: PlanStep[] }>> =
  {
    shortage: {
      problem: '订单回升，一线普工和技工缺口大，春节后返岗率偏低，现有招聘渠道到岗慢。',
      steps: [
        { title: '上门走访，核实岗位缺口和薪资待遇', dueAfter: 3, owner: 'liaison' },
        { title: '对接劳务基地专场招聘（点对点输送）', dueAfter: 20, owner: 'liaison' },
        { title: '组织直播带岗，发布急需岗位', dueAfter: 30, owner: 'officer' },
        { title: '调整薪资结构，提高一线岗位吸引力', dueAfter: 45, owner: 'enterprise' },
        { title: '推送人力资源服务机构挂单抢单', dueAfter: 60, owner: 'liaison' },
      ],
    },
    retention: {
      problem: '新员工三个月内流失率高，夜班岗位留不住人。',
      steps: [
        { title: '座谈了解员工离职原因', dueAfter: 7, owner: 'liaison' },
        { title: '申请稳岗返还政策', dueAfter: 25, owner: 'enterprise' },
        { title: '改善宿舍和食堂条件，落实夜班补贴', dueAfter: 50, owner: 'enterprise' },
      ],
    },
    training: {
      problem: '新招员工技能不足，电工、焊工等持证技工紧缺。',
      steps: [
        { title: '申请以工代训补贴', dueAfter: 10, owner: 'liaison' },
        { title: '对接职业院校开设订单班', dueAfter: 40, owner: 'officer' },
        { title: '组织岗前技能培训', dueAfter: 55, owner: 'enterprise' },
      ],
    },
  };

const VISIT_NOTES: Readonly<Record<VisitKindColumn, readonly { notes: string; issues: string }[]>> = {
  visit: [
    {
      notes: '走访企业，了解用工缺口和春节后返岗情况，宣讲稳岗返还政策。',
      issues: '普工缺口较大，希望对接劳务基地。',
    },
    { notes: '上门核实缺工报告，查看车间和宿舍条件。', issues: '夜班岗位招人难。' },
    { notes: '走访人事部门，跟进一企一策措施进展。', issues: '' },
  ],
  phone: [
    { notes: '电话回访，了解本周到岗人数。', issues: '' },
    { notes: '电话联系人事经理，通知专场招聘会时间。', issues: '需提前报送岗位清单。' },
  ],
  meeting: [
    {
      notes: '召开重点企业用工座谈会，通报劳务协作基地输送计划和以工代训政策。',
      issues: '多家企业反映技工紧缺。',
    },
    { notes: '组织园区企业人事经理座谈，交流留工稳岗做法。', issues: '企业希望加大交通补贴。' },
  ],
};

/** China date `offset` days from `today`. */
function dayOf(today: Date, offset: number): string {
  return new Date(today.getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

export async function loadDemoCases(
  trx: Kysely<Database>,
  options: { seed: number; today: Date; redEnterpriseIds: readonly string[] },
): Promise<DemoCasesReport> {
  const rand = createRandom(options.seed ^ 0xca5e);
  const day = (offset: number) => dayOf(options.today, offset);
  const officers = await trx
    .selectFrom('users')
    .select(['id', 'district_codes'])
    .where(sql<boolean>`'district_officer' = ANY(roles)`)
    .orderBy('username')
    .execute();
  const officerOf = (district: string) =>
    officers.find((o) => o.district_codes.includes(district))?.id ?? null;
  const keyEnterprises = await trx
    .selectFrom('enterprises')
    .select(['id', 'name', 'district_code', 'liaison_user_id', 'address'])
    .where('liaison_user_id', 'is not', null)
    .orderBy('credit_code')
    .execute();
  const byId = new Map(keyEnterprises.map((row) => [row.id, row]));
  // The red enterprises (from the monitoring demo) that have a liaison; Wujiang's liaison (the
  // demo login) always has at least two cases to work on.
  const chosen = options.redEnterpriseIds.flatMap((id) => byId.get(id) ?? []).slice(0, 12);
  for (const extra of keyEnterprises) {
    if (chosen.filter((row) => row.district_code === '320509').length >= 2) break;
    if (extra.district_code === '320509' && !chosen.includes(extra)) chosen.push(extra);
  }

  let actionCount = 0;
  const caseIds: { id: string; enterpriseId: string; liaisonId: string; title: string }[] = [];
  for (const [index, enterprise] of chosen.entries()) {
    const liaisonId = enterprise.liaison_user_id;
    if (!liaisonId) continue;
    const category: CaseCategoryColumn =
      index % 5 === 3 ? 'retention' : index % 5 === 4 ? 'training' : 'shortage';
    const plan = PLANS[category];
    const openedAgo = 20 + drawInteger(rand, 55);
    const openedOn = day(-openedAgo);
    const orders = await trx
      .selectFrom('job_orders')
      .select(['id', 'headcount', 'filled'])
      .where('enterprise_id', '=', enterprise.id)
      .where('status', 'in', ['open', 'filled'])
      // Deterministic whatever the generated ids (rows of one transaction share created_at).
      .orderBy('title')
      .orderBy('headcount', 'desc')
      .orderBy('deadline')
      .limit(2)
      .execute();
    const shortage = orders.reduce((sum, order) => sum + order.headcount - order.filled, 0);
    const title =
      category === 'shortage'
        ? `一企一策：缺工 ${Math.max(shortage, 20)} 人帮扶`
        : category === 'retention'
          ? '一企一策：新员工留工稳岗'
          : '一企一策：技工培训与以工代训';
    const row = await trx
      .insertInto('service_cases')
      .values({
        enterprise_id: enterprise.id,
        title,
        category,
        problem: plan.problem,
        status: index % 4 === 1 ? 'in_progress' : 'open',
        owner_user_id: liaisonId,
        opened_at: new Date(`${openedOn}T09:30:00+08:00`),
        opened_on: openedOn,
        created_by: liaisonId,
        updated_by: liaisonId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (orders.length > 0)
      await trx
        .insertInto('case_job_orders')
        .values(orders.map((order) => ({ case_id: row.id, job_order_id: order.id, added_by: liaisonId })))
        .execute();
    const steps = plan.steps.map((step) => {
      const dueAgo = openedAgo - step.dueAfter;
      // Steps due more than a week ago are mostly done; one in three is left overdue.
      const isDone = dueAgo > 7 && rand() < 0.67;
      const ownerUserId =
        step.owner === 'liaison'
          ? liaisonId
          : step.owner === 'officer'
            ? officerOf(enterprise.district_code)
            : null;
      return {
        case_id: row.id,
        title: step.title,
        owner_user_id: ownerUserId,
        owner_text: step.owner === 'enterprise' ? '企业人事部' : '',
        due_on: day(-dueAgo),
        status: isDone ? ('done' as const) : ('todo' as const),
        done_on: isDone ? day(-dueAgo - drawInteger(rand, 3)) : null,
        created_by: liaisonId,
      };
    });
    // Every demo case shows at least one overdue action: the point of the liaison's home page.
    const firstPast = steps.find((step) => step.due_on < day(0));
    if (firstPast && !steps.some((step) => step.status === 'todo' && step.due_on < day(0))) {
      firstPast.status = 'todo';
      firstPast.done_on = null;
    }
    await trx.insertInto('case_actions').values(steps).execute();
    actionCount += steps.length;
    caseIds.push({ id: row.id, enterpriseId: enterprise.id, liaisonId, title });
  }

  // Urgent shortage reports: the first case was opened by one; another enterprise reported below the threshold.
  let reports = 0;
  const firstCase = caseIds[0];
  const firstEnterprise = firstCase ? byId.get(firstCase.enterpriseId) : undefined;
  if (firstCase && firstEnterprise) {
    const linked = await trx
      .selectFrom('case_job_orders')
      .innerJoin('job_orders', 'job_orders.id', 'case_job_orders.job_order_id')
      .select([
        'job_orders.id',
        'job_orders.occupation_code',
        'job_orders.headcount',
        'job_orders.wage_min',
        'job_orders.wage_max',
        'job_orders.deadline',
      ])
      .where('case_job_orders.case_id', '=', firstCase.id)
      .execute();
    const opened = await trx
      .selectFrom('service_cases')
      .select(['opened_at'])
      .where('id', '=', firstCase.id)
      .executeTakeFirstOrThrow();
    const lines = linked.length > 0 ? linked : [];
    const total = Math.max(
      30,
      lines.reduce((sum, line) => sum + line.headcount, 0),
    );
    const report = await trx
      .insertInto('shortage_reports')
      .values({
        enterprise_id: firstEnterprise.id,
        reason: '新接整车厂配套订单，二季度产能提升 30%，一线操作工和焊工急缺。',
        contact_name: '人事部 周经理',
        order_mode: 'link',
        total_shortage: total,
        planned_headcount: null,
        is_over_threshold: true,
        case_id: firstCase.id,
        reported_by: null,
        created_at: opened.opened_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (lines.length > 0) {
      await trx
        .insertInto('shortage_report_lines')
        .values(
          lines.map((line, position) => ({
            report_id: report.id,
            position,
            occupation_code: line.occupation_code,
            headcount: line.headcount,
            wage_min: line.wage_min,
            wage_max: line.wage_max,
            needed_by: line.deadline,
          })),
        )
        .execute();
      await trx
        .insertInto('shortage_report_orders')
        .values(lines.map((line) => ({ report_id: report.id, job_order_id: line.id })))
        .execute();
    }
    await trx
      .updateTable('service_cases')
      .set({ is_auto_opened: true, shortage_report_id: report.id })
      .where('id', '=', firstCase.id)
      .execute();
    reports += 1;
  }
  const small = keyEnterprises.find((row) => !chosen.includes(row) && row.district_code === '320509');
  if (small && findOccupation('6-18-02-04')) {
    const report = await trx
      .insertInto('shortage_reports')
      .values({
        enterprise_id: small.id,
        reason: '两名焊工离职，急需补员。',
        contact_name: '人事部 陈主管',
        order_mode: 'link',
        total_shortage: 2,
        planned_headcount: null,
        is_over_threshold: false,
        reported_by: null,
        created_at: new Date(`${day(-6)}T10:15:00+08:00`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('shortage_report_lines')
      .values({
        report_id: report.id,
        position: 0,
        occupation_code: '6-18-02-04',
        headcount: 2,
        wage_min: 7000,
        wage_max: 9000,
        needed_by: day(14),
      })
      .execute();
    reports += 1;
  }

  // Visits over the past six months: each liaison visits and calls their enterprises, and holds
  // a group meeting (座谈) with several of them every other month.
  const visits: {
    group_id: string;
    kind: VisitKindColumn;
    visited_on: string;
    enterprise_id: string;
    case_id: string | null;
    participants: string;
    notes: string;
    issues: string;
    liaison_user_id: string;
  }[] = [];
  const byLiaison = new Map<string, typeof keyEnterprises>();
  for (const row of keyEnterprises) {
    if (!row.liaison_user_id) continue;
    const list = byLiaison.get(row.liaison_user_id) ?? [];
    list.push(row);
    byLiaison.set(row.liaison_user_id, list);
  }
  const pickNote = (kind: VisitKindColumn) => {
    const list = VISIT_NOTES[kind];
    return list[drawInteger(rand, list.length)] ?? { notes: '走访企业', issues: '' };
  };
  // Every case starts with an on-site visit soon after it opened, linked to it.
  for (const serviceCase of caseIds) {
    const opened = await trx
      .selectFrom('service_cases')
      .select('opened_on')
      .where('id', '=', serviceCase.id)
      .executeTakeFirstOrThrow();
    const note = pickNote('visit');
    const offset = Math.round((Date.parse(opened.opened_on) - Date.parse(day(0))) / 86_400_000) + 2;
    visits.push({
      group_id: crypto.randomUUID(),
      kind: 'visit',
      visited_on: day(Math.min(offset, -1)),
      enterprise_id: serviceCase.enterpriseId,
      case_id: serviceCase.id,
      participants: '挂钩联络员、企业人事经理',
      notes: note.notes,
      issues: note.issues,
      liaison_user_id: serviceCase.liaisonId,
    });
  }
  for (const [liaisonId, enterprises] of byLiaison) {
    // The enterprises with cases first: they are the ones visited most.
    const withCases = new Set(caseIds.map((c) => c.enterpriseId));
    const served = [
      ...enterprises.filter((row) => withCases.has(row.id)),
      ...enterprises.filter((row) => !withCases.has(row.id)),
    ].slice(0, 8);
    for (let i = 0; i < 14; i++) {
      const enterprise = served[drawInteger(rand, served.length)];
      if (!enterprise) continue;
      const kind: VisitKindColumn = rand() < 0.6 ? 'visit' : 'phone';
      const note = pickNote(kind);
      const serviceCase = caseIds.find((c) => c.enterpriseId === enterprise.id);
      visits.push({
        group_id: crypto.randomUUID(),
        kind,
        visited_on: day(-1 - drawInteger(rand, 180)),
        enterprise_id: enterprise.id,
        case_id: serviceCase && rand() < 0.7 ? serviceCase.id : null,
        participants: kind === 'visit' ? '挂钩联络员、企业人事经理' : '',
        notes: note.notes,
        issues: note.issues,
        liaison_user_id: liaisonId,
      });
    }
    for (let month = 0; month < 3; month++) {
      const group = crypto.randomUUID();
      const visitedOn = day(-15 - month * 60 - drawInteger(rand, 20));
      const note = pickNote('meeting');
      for (const enterprise of served.slice(0, 3 + drawInteger(rand, 3))) {
        visits.push({
          group_id: group,
          kind: 'meeting',
          visited_on: visitedOn,
          enterprise_id: enterprise.id,
          case_id: null,
          participants: '区就业管理中心、重点企业人事负责人',
          notes: note.notes,
          issues: note.issues,
          liaison_user_id: liaisonId,
        });
      }
    }
  }
  for (let start = 0; start < visits.length; start += 500)
    await trx
      .insertInto('service_visits')
      .values(visits.slice(start, start + 500))
      .execute();

  return { cases: caseIds.length, actions: actionCount, visits: visits.length, shortageReports: reports };
}
