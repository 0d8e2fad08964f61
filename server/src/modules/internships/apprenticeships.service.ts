import type {
  Apprenticeship,
  ApprenticeshipCreateBody,
  ApprenticeshipListQuery,
  ApprenticeshipUpdateBody,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { canManageCooperation, schoolScope } from '../schools/schools.policy.ts';
import { findEnterpriseBrief, findSchool } from '../schools/schools.repository.ts';
import { workerScope } from '../workers/workers.policy.ts';
import { apprenticeshipScope } from './internships.policy.ts';
import { presentApprenticeship } from './internships.presenter.ts';
import {
  type ApprenticeshipPatch,
  type ApprenticeshipView,
  addApprentices,
  findApprenticeship,
  findScopedWorkerIds,
  insertApprenticeship,
  listApprentices,
  listApprenticeships,
  updateApprenticeshipVersioned,
} from './internships.repository.ts';

/**
 * New-style apprenticeships (新型学徒制, "企校双制、工学一体"): an enterprise trains its employees as
 * apprentices with a school (or a training provider) for a period. Apprentices are workers the
 * actor can see. Same scoping and write rules as the other cooperation records.
 */
export async function listApprenticeshipPage(deps: Deps, actor: Actor, query: ApprenticeshipListQuery) {
  const { rows, total } = await listApprenticeships(deps.db, apprenticeshipScope(actor), query);
  return { items: await presentRows(deps, actor, rows), page: query.page, pageSize: query.pageSize, total };
}

export async function getApprenticeship(deps: Deps, actor: Actor, id: string): Promise<Apprenticeship> {
  const row = await findApprenticeship(deps.db, apprenticeshipScope(actor), id);
  if (!row) throw new AppError('not_found');
  const [presented] = await presentRows(deps, actor, [row]);
  if (!presented) throw new AppError('not_found');
  return presented;
}

async function presentRows(deps: Deps, actor: Actor, rows: readonly ApprenticeshipView[]) {
  const apprentices = await listApprentices(
    deps.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    presentApprenticeship(
      row,
      apprentices.filter((a) => a.apprenticeship_id === row.id),
      actor,
    ),
  );
}

async function assertVisibleWorkers(deps: Deps, actor: Actor, ids: readonly string[], path: string) {
  const visible = await findScopedWorkerIds(deps.db, workerScope(actor), ids);
  const missing = ids.map((id, index) => ({ id, index })).filter((entry) => !visible.has(entry.id));
  if (missing.length > 0)
    throw fieldErrors(
      missing.map((entry) => ({
        path: `${path}.${entry.index}`,
        key: 'internship.worker_unavailable' as const,
      })),
    );
}

export async function createApprenticeship(
  deps: Deps,
  ctx: RequestContext,
  body: ApprenticeshipCreateBody,
): Promise<Apprenticeship> {
  const { actor } = ctx;
  if (body.schoolId && !(await findSchool(deps.db, schoolScope(actor), body.schoolId)))
    throw fieldErrors([{ path: 'schoolId', key: 'school.unavailable' }]);
  const enterprise = await findEnterpriseBrief(deps.db, body.enterpriseId);
  if (
    !enterprise ||
    !canManageCooperation(actor, {
      schoolId: body.schoolId,
      enterpriseDistrictCode: enterprise.district_code,
    })
  )
    throw fieldErrors([{ path: 'enterpriseId', key: 'school.enterprise_unavailable' }]);
  const workerIds = [...new Set(body.workerIds)];
  await assertVisibleWorkers(deps, actor, workerIds, 'workerIds');
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await insertApprenticeship(trx, {
      enterprise_id: enterprise.id,
      school_id: body.schoolId,
      provider_name: body.providerName,
      occupation_code: body.occupationCode,
      title: body.title,
      start_date: body.startDate,
      end_date: body.endDate,
      status: body.status,
      notes: body.notes,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await addApprentices(trx, row.id, workerIds, actor.id);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'apprenticeship.create',
      entityType: 'apprenticeship',
      entityId: row.id,
      summary: `登记新型学徒制「${row.title}」：${enterprise.name}，学徒 ${workerIds.length} 人`,
      after: {
        enterpriseId: enterprise.id,
        schoolId: row.school_id,
        providerName: row.provider_name,
        workerIds,
      },
    });
    return row.id;
  });
  return getApprenticeship(deps, actor, id);
}

export async function updateApprenticeship(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: ApprenticeshipUpdateBody,
): Promise<Apprenticeship> {
  const { actor } = ctx;
  const current = await findApprenticeship(deps.db, apprenticeshipScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (
    !canManageCooperation(actor, {
      schoolId: current.school_id,
      enterpriseDistrictCode: current.enterprise_district_code,
    })
  )
    throw new AppError('forbidden');
  if ((body.startDate ?? current.start_date) > (body.endDate ?? current.end_date))
    throw fieldErrors([{ path: 'endDate', key: 'internship.period' }]);
  const addIds = [...new Set(body.addWorkerIds ?? [])];
  await assertVisibleWorkers(deps, actor, addIds, 'addWorkerIds');
  const patch: ApprenticeshipPatch = { updated_by: actor.id };
  if (body.title !== undefined) patch.title = body.title;
  if (body.occupationCode !== undefined) patch.occupation_code = body.occupationCode;
  if (body.startDate !== undefined) patch.start_date = body.startDate;
  if (body.endDate !== undefined) patch.end_date = body.endDate;
  if (body.status !== undefined) patch.status = body.status;
  if (body.notes !== undefined) patch.notes = body.notes;
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateApprenticeshipVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    const added = await addApprentices(trx, id, addIds, actor.id);
    const snapshot = (row: typeof current | typeof updated) => ({
      title: row.title,
      occupationCode: row.occupation_code,
      startDate: row.start_date,
      endDate: row.end_date,
      status: row.status,
      notes: row.notes,
    });
    const diff = diffSnapshots(snapshot(current), snapshot(updated));
    if (diff || added > 0)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'apprenticeship.update',
        entityType: 'apprenticeship',
        entityId: id,
        summary: `修改新型学徒制「${updated.title}」${added > 0 ? `，新增学徒 ${added} 人` : ''}`,
        before: diff?.before ?? {},
        after: { ...(diff?.after ?? {}), ...(added > 0 ? { addedWorkerIds: addIds } : {}) },
      });
  });
  return getApprenticeship(deps, actor, id);
}
