import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import {
  findSubmissionOfApplication,
  getSettings,
  insertFeeOwed,
  insertSubsidyEligibility,
} from './marketplace.repository.ts';

/**
 * What a retained agency placement earns, recorded in the transaction that confirms the retention
 * (the pipeline calls this when an application moves to `retained_30` / `retained_90`):
 * when the checkpoint is the one the settings require (`settlement_retention_days`, default 90)
 * and the hire came through a marketplace submission, the agency becomes eligible for the
 * placement subsidy (if the listing said it applies; the subsidies module pays it) and the
 * enterprise owes the listing's fee per hire (if any). Both are unique per submission, so a
 * repeated confirmation records nothing twice. Not an agency hire: nothing happens.
 */
export async function recordRetainedAgencyPlacement(
  trx: Kysely<Database>,
  audit: AuditContext,
  options: {
    /** The application whose retention was just confirmed. */
    readonly applicationId: string;
    /** The checkpoint confirmed: 30 or 90 days. */
    readonly retentionDays: number;
    /** The confirmation date (YYYY-MM-DD, China time). */
    readonly today: string;
  },
): Promise<void> {
  const submission = await findSubmissionOfApplication(trx, options.applicationId);
  if (!submission?.placement_id) return;
  const settings = await getSettings(trx);
  if (settings.settlement_retention_days !== options.retentionDays) return;
  const common = {
    submission_id: submission.id,
    placement_id: submission.placement_id,
    agency_id: submission.agency_id,
    enterprise_id: submission.enterprise_id,
  };
  if (submission.subsidy_applies) {
    const created = await insertSubsidyEligibility(trx, {
      ...common,
      worker_id: submission.worker_id,
      retention_days: options.retentionDays,
      eligible_on: options.today,
    });
    if (created)
      await recordAudit(trx, audit, {
        action: 'marketplace.subsidy_eligible',
        entityType: 'marketplace_submission',
        entityId: submission.id,
        summary: `机构推荐的劳动者留存满 ${options.retentionDays} 天，机构取得职业介绍补贴资格`,
        after: { agencyId: submission.agency_id, retentionDays: options.retentionDays },
      });
  }
  if (submission.fee_per_hire_fen !== null) {
    const created = await insertFeeOwed(trx, {
      ...common,
      amount_fen: submission.fee_per_hire_fen,
      owed_since: options.today,
    });
    if (created)
      await recordAudit(trx, audit, {
        action: 'marketplace.fee_owed',
        entityType: 'marketplace_submission',
        entityId: submission.id,
        summary: `机构推荐的劳动者留存满 ${options.retentionDays} 天，企业应付服务费 ${(submission.fee_per_hire_fen / 100).toFixed(2)} 元`,
        after: { agencyId: submission.agency_id, amountFen: submission.fee_per_hire_fen },
      });
  }
}
