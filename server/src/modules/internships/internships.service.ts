import { maskPhone, traineeshipSubsidy } from '@yonggong/engine';
import type {
  Internship,
  InternshipCreateBody,
  InternshipListQuery,
  InternshipUpdateBody,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { canManageCooperation, schoolScope } from '../schools/schools.policy.ts';
import { findEnterpriseBrief, findSchool } from '../schools/schools.repository.ts';
import { workerScope } from '../workers/workers.policy.ts';
import { internshipScope } from './internships.policy.ts';
import { presentInternship, snapshotInternship } from './internships.presenter.ts';
import {
  findInternship,
  findScopedWorker,
  findStudentSchool,
  type InternshipPatch,
  insertInternship,
  listInternships,
  updateInternshipVersioned,
} from './internships.repository.ts';

/**
 * Internships: 顶岗实习 (students placed with an enterprise while at school) and 就业见习
 * (traineeships of graduates and young jobseekers). The traineeship-subsidy flag is the engine's
 * `traineeshipSubsidy` verdict, recomputed on every write from the student's birth date, the
 * period and the graduation date — never typed in. The supervisor's phone is encrypted, shown masked.
 */
export async function listInternshipPage(deps: Deps, actor: Actor, query: InternshipListQuery) {
  const { rows, total } = await listInternships(deps.db, internshipScope(actor), query);
  return {
    items: rows.map((row) => presentInternship(row, actor)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getInternship(deps: Deps, actor: Actor, id: string): Promise<Internship> {
  const row = await findInternship(deps.db, internshipScope(actor), id);
  if (!row) throw new AppError('not_found');
  return presentInternship(row, actor);
}

export async function createInternship(
  deps: Deps,
  ctx: RequestContext,
  body: InternshipCreateBody,
): Promise<Internship> {
  const { actor } = ctx;
  const worker = await findScopedWorker(deps.db, workerScope(actor), body.workerId);
  if (!worker) throw fieldErrors([{ path: 'workerId', key: 'internship.worker_unavailable' }]);
  // The school: as given, else the student's latest order class's, else the acting school's.
  const schoolId =
    body.schoolId ?? (await findStudentSchool(deps.db, worker.id)) ?? actor.scope.schoolId ?? null;
  if (schoolId && !(await findSchool(deps.db, schoolScope(actor), schoolId)))
    throw fieldErrors([{ path: 'schoolId', key: 'school.unavailable' }]);
  const enterprise = await findEnterpriseBrief(deps.db, body.enterpriseId);
  if (
    !enterprise ||
    !canManageCooperation(actor, { schoolId, enterpriseDistrictCode: enterprise.district_code })
  )
    throw fieldErrors([{ path: 'enterpriseId', key: 'school.enterprise_unavailable' }]);
  const verdict = traineeshipSubsidy({
    kind: body.kind,
    birthDate: worker.birth_date,
    startDate: body.startDate,
    endDate: body.endDate,
    graduationDate: body.graduationDate,
  });
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await insertInternship(trx, {
      kind: body.kind,
      worker_id: worker.id,
      school_id: schoolId,
      enterprise_id: enterprise.id,
      position: body.position,
      start_date: body.startDate,
      end_date: body.endDate,
      graduation_date: body.graduationDate,
      monthly_stipend: body.monthlyStipend,
      supervisor_name: body.supervisorName,
      ...supervisorPhoneColumns(deps, body.supervisorPhone),
      status: body.status,
      subsidy_eligible: verdict.eligible,
      subsidy_reason: verdict.reason,
      notes: body.notes,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'internship.create',
      entityType: 'internship',
      entityId: row.id,
      summary: `登记${body.kind === 'placement' ? '顶岗实习' : '就业见习'}：${worker.name} → ${enterprise.name}「${row.position}」${verdict.eligible ? '（符合见习补贴条件）' : ''}`,
      after: { workerId: worker.id, enterpriseId: enterprise.id, kind: row.kind, ...snapshotInternship(row) },
    });
    return row.id;
  });
  return getInternship(deps, actor, id);
}

export async function updateInternship(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: InternshipUpdateBody,
): Promise<Internship> {
  const { actor } = ctx;
  const current = await findInternship(deps.db, internshipScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (
    !canManageCooperation(actor, {
      schoolId: current.school_id,
      enterpriseDistrictCode: current.enterprise_district_code,
    })
  )
    throw new AppError('forbidden');
  const startDate = body.startDate ?? current.start_date;
  const endDate = body.endDate ?? current.end_date;
  if (startDate > endDate) throw fieldErrors([{ path: 'endDate', key: 'internship.period' }]);
  const graduationDate = body.graduationDate === undefined ? current.graduation_date : body.graduationDate;
  const verdict = traineeshipSubsidy({
    kind: current.kind,
    birthDate: current.worker_birth_date,
    startDate,
    endDate,
    graduationDate,
  });
  const patch: InternshipPatch = {
    updated_by: actor.id,
    subsidy_eligible: verdict.eligible,
    subsidy_reason: verdict.reason,
  };
  if (body.position !== undefined) patch.position = body.position;
  if (body.startDate !== undefined) patch.start_date = body.startDate;
  if (body.endDate !== undefined) patch.end_date = body.endDate;
  if (body.graduationDate !== undefined) patch.graduation_date = body.graduationDate;
  if (body.monthlyStipend !== undefined) patch.monthly_stipend = body.monthlyStipend;
  if (body.supervisorName !== undefined) patch.supervisor_name = body.supervisorName;
  if (body.supervisorPhone !== undefined)
    Object.assign(patch, supervisorPhoneColumns(deps, body.supervisorPhone));
  if (body.status !== undefined) patch.status = body.status;
  if (body.notes !== undefined) patch.notes = body.notes;
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateInternshipVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    const diff = diffSnapshots(snapshotInternship(current), snapshotInternship(updated));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'internship.update',
        entityType: 'internship',
        entityId: id,
        summary: `修改实习记录 ${current.worker_name} → ${current.enterprise_name}：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  return getInternship(deps, actor, id);
}

function supervisorPhoneColumns(deps: Pick<Deps, 'pii'>, phone: string | null) {
  if (phone === null)
    return { supervisor_phone_enc: null, supervisor_phone_hash: null, supervisor_phone_masked: null };
  return {
    supervisor_phone_enc: deps.pii.encrypt(phone),
    supervisor_phone_hash: deps.pii.hash(phone),
    supervisor_phone_masked: maskPhone(phone),
  };
}
