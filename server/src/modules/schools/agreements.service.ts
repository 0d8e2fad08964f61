import type {
  Agreement,
  AgreementCreateBody,
  AgreementListQuery,
  AgreementSummary,
  AgreementUpdateBody,
} from '@yonggong/shared';
import type { ExpressionBuilder } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { canManageAgreement, cooperationScope, schoolScope } from './schools.policy.ts';
import { presentAgreement, snapshotAgreement } from './schools.presenter.ts';
import {
  type AgreementPatch,
  findAgreement,
  findEnterpriseBrief,
  findSchool,
  insertAgreement,
  listAgreements,
  summarizeAgreements,
  updateAgreementVersioned,
} from './schools.repository.ts';

/**
 * School–enterprise cooperation agreements (校企合作协议). Recorded by the bureau (administrator or
 * the enterprise's district officer); seen by the officers of the enterprise's or school's
 * district, the enterprise itself and the school itself. Status is derived from the dates.
 */
export function agreementScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'school_agreements'>) =>
    cooperationScope(actor, {
      schoolId: eb.ref('school_agreements.school_id'),
      enterpriseId: eb.ref('school_agreements.enterprise_id'),
    });
}

export async function listAgreementPage(deps: Deps, actor: Actor, query: AgreementListQuery) {
  const today = todayIn();
  const { rows, total } = await listAgreements(deps.db, agreementScope(actor), query, today);
  return {
    items: rows.map((row) => presentAgreement(row, actor, deps.regions, today)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getAgreement(deps: Deps, actor: Actor, id: string): Promise<Agreement> {
  const row = await findAgreement(deps.db, agreementScope(actor), id);
  if (!row) throw new AppError('not_found');
  return presentAgreement(row, actor, deps.regions, todayIn());
}

export async function createAgreement(
  deps: Deps,
  ctx: RequestContext,
  schoolId: string,
  body: AgreementCreateBody,
): Promise<Agreement> {
  const { actor } = ctx;
  const school = await findSchool(deps.db, schoolScope(actor), schoolId);
  if (!school) throw new AppError('not_found');
  const enterprise = await findEnterpriseBrief(deps.db, body.enterpriseId);
  if (
    enterprise?.status !== 'active' ||
    !canManageAgreement(actor, { schoolId, enterpriseDistrictCode: enterprise.district_code })
  )
    throw fieldErrors([{ path: 'enterpriseId', key: 'school.enterprise_unavailable' }]);
  let id: string;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const row = await insertAgreement(trx, {
        school_id: schoolId,
        enterprise_id: enterprise.id,
        title: body.title,
        signed_on: body.signedOn,
        valid_from: body.validFrom,
        valid_until: body.validUntil,
        scopes: [...new Set(body.scopes)],
        notes: body.notes,
        created_by: actor.id,
        updated_by: actor.id,
      });
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'school_agreement.create',
        entityType: 'school_agreement',
        entityId: row.id,
        summary: `登记校企合作协议 ${school.name} — ${enterprise.name}（${row.valid_from} 至 ${row.valid_until}）`,
        after: { schoolId, enterpriseId: enterprise.id, ...snapshotAgreement(row) },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('duplicate', { fields: [{ path: 'signedOn', key: 'school.agreement_duplicate' }] });
    throw error;
  }
  return getAgreement(deps, actor, id);
}

export async function updateAgreement(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: AgreementUpdateBody,
): Promise<Agreement> {
  const { actor } = ctx;
  const current = await findAgreement(deps.db, agreementScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (
    !canManageAgreement(actor, {
      schoolId: current.school_id,
      enterpriseDistrictCode: current.enterprise_district_code,
    })
  )
    throw new AppError('forbidden');
  const validFrom = body.validFrom ?? current.valid_from;
  const validUntil = body.validUntil ?? current.valid_until;
  if (validFrom > validUntil) throw fieldErrors([{ path: 'validUntil', key: 'school.agreement_period' }]);
  const patch: AgreementPatch = { updated_by: actor.id };
  if (body.title !== undefined) patch.title = body.title;
  if (body.signedOn !== undefined) patch.signed_on = body.signedOn;
  if (body.validFrom !== undefined) patch.valid_from = body.validFrom;
  if (body.validUntil !== undefined) patch.valid_until = body.validUntil;
  if (body.scopes !== undefined) patch.scopes = [...new Set(body.scopes)];
  if (body.notes !== undefined) patch.notes = body.notes;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const updated = await updateAgreementVersioned(trx, id, body.version, patch);
      if (!updated) throw new AppError('version_conflict');
      const diff = diffSnapshots(snapshotAgreement(current), snapshotAgreement(updated));
      if (diff)
        await recordAudit(trx, auditContextOf(ctx), {
          action: 'school_agreement.update',
          entityType: 'school_agreement',
          entityId: id,
          summary: `修改校企合作协议 ${current.school_name} — ${current.enterprise_name}：${Object.keys(diff.after).join('、')}`,
          ...diff,
        });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('duplicate', { fields: [{ path: 'signedOn', key: 'school.agreement_duplicate' }] });
    throw error;
  }
  return getAgreement(deps, actor, id);
}

/** New agreements, new partner schools and new school–enterprise pairs in a period (KPI input). */
export async function summarizeAgreementPeriod(
  deps: Deps,
  actor: Actor,
  query: { signedFrom: string; signedTo: string; districtCode?: string | undefined },
): Promise<AgreementSummary> {
  if (query.signedFrom > query.signedTo)
    throw fieldErrors([{ path: 'signedTo', key: 'school.agreement_period' }]);
  const summary = await summarizeAgreements(
    deps.db,
    agreementScope(actor),
    { from: query.signedFrom, to: query.signedTo, districtCode: query.districtCode },
    todayIn(),
  );
  return { signedFrom: query.signedFrom, signedTo: query.signedTo, ...summary };
}
