import crypto from 'node:crypto';
import type { VisitCreateBody, VisitListQuery, VisitStats, VisitStatsQuery } from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { enterpriseScope } from '../enterprises/enterprises.policy.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { canLogVisitOf, caseScope, visitScope } from './cases.policy.ts';
import { presentVisit } from './cases.presenter.ts';
import {
  countVisits,
  findCase,
  findEnterprisesInScope,
  insertVisits,
  listVisitGroup,
  listVisits,
} from './cases.repository.ts';

/**
 * Visits and consultations (走访, 电话, 座谈) logged by liaisons and officers. One submission may
 * name many enterprises (a 座谈 with ten firms): it writes one row per enterprise sharing a group
 * id, in one transaction. Counted per liaison and district for the KPIs (enterprises served).
 * Retries with the same Idempotency-Key are answered by the app-wide layer (http/idempotency.ts).
 */
export async function listVisitPage(deps: Deps, actor: Actor, query: VisitListQuery) {
  const { rows, total } = await listVisits(deps.db, visitScope(actor), query, { actorId: actor.id });
  return { items: rows.map(presentVisit), page: query.page, pageSize: query.pageSize, total };
}

export async function logVisits(
  deps: Deps,
  ctx: RequestContext,
  body: VisitCreateBody,
): Promise<{ groupId: string; items: ReturnType<typeof presentVisit>[] }> {
  const { actor } = ctx;
  const issues: FieldError[] = [];
  if (body.visitedOn > todayIn()) issues.push({ path: 'visitedOn', key: 'visit.date_future' });
  const enterprises = await findEnterprisesInScope(deps.db, enterpriseScope(actor), body.enterpriseIds);
  const byId = new Map(enterprises.map((row) => [row.id, row]));
  for (const [index, id] of body.enterpriseIds.entries()) {
    const enterprise = byId.get(id);
    if (!enterprise || !canLogVisitOf(actor, enterprise))
      issues.push({ path: `enterpriseIds.${index}`, key: 'visit.enterprise_not_allowed' });
  }
  if (body.caseId !== null) {
    const linked = await findCase(deps.db, caseScope(actor), body.caseId, todayIn());
    if (!linked || body.enterpriseIds.length !== 1 || linked.enterprise_id !== body.enterpriseIds[0])
      issues.push({ path: 'caseId', key: 'visit.case_not_of_enterprise' });
  }
  if (issues.length > 0) throw fieldErrors(issues);

  const groupId = crypto.randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await insertVisits(
      trx,
      body.enterpriseIds.map((enterpriseId) => ({
        group_id: groupId,
        kind: body.kind,
        visited_on: body.visitedOn,
        enterprise_id: enterpriseId,
        case_id: body.caseId,
        participants: body.participants,
        notes: body.notes,
        issues: body.issues,
        liaison_user_id: actor.id,
      })),
    );
    const names = body.enterpriseIds.map((id) => byId.get(id)?.name ?? id);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'visit.create',
      entityType: 'visit_group',
      entityId: groupId,
      summary: `登记${KIND_NAMES[body.kind]} ${body.visitedOn}：${names.slice(0, 10).join('、')}${
        names.length > 10 ? ` 等 ${names.length} 家` : ''
      }`,
      after: {
        kind: body.kind,
        visitedOn: body.visitedOn,
        enterpriseIds: body.enterpriseIds,
        caseId: body.caseId,
      },
    });
  });
  return groupReply(deps, groupId);
}

const KIND_NAMES = { visit: '走访', phone: '电话联系', meeting: '座谈' } as const;

async function groupReply(deps: Deps, groupId: string) {
  const rows = await listVisitGroup(deps.db, groupId);
  if (rows.length === 0) throw new AppError('not_found');
  return { groupId, items: rows.map(presentVisit) };
}

/** Visit counts per liaison or district in the caller's scope (KPI: visits, enterprises served). */
export async function getVisitStats(deps: Deps, actor: Actor, query: VisitStatsQuery): Promise<VisitStats> {
  const { rows, totals } = await countVisits(deps.db, visitScope(actor), query);
  const counts = (row: Omit<(typeof rows)[number], 'key' | 'name'>) => ({
    visits: row.visits,
    onSite: row.on_site,
    phone: row.phone,
    meeting: row.meeting,
    enterprisesServed: row.enterprises_served,
  });
  return {
    by: query.by,
    from: query.from ?? null,
    to: query.to ?? null,
    items: rows.map((row) => ({
      key: row.key,
      name: query.by === 'district' ? (deps.regions.get(row.key)?.name ?? row.key) : row.name,
      ...counts(row),
    })),
    totals: counts(totals),
  };
}
