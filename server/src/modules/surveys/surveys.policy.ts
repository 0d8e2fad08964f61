import { Permission, type Role } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: who sees rural labour surveys (摸排). Records hold ID numbers and phones of
 * people who are not yet workers, so only the bureau's staff who run or analyse surveys see them:
 * administrators, district officers and analysts (roles holding `survey.read`). Surveys are done in
 * the labour-exporting areas the whole city recruits from, so those staff see every campaign.
 * Every other role sees none. Roles combine with OR.
 */
type Builder = ExpressionBuilder<Database, 'survey_campaigns'>;

export function surveyScope(actor: Actor) {
  return (eb: Builder): Expression<SqlBool> => {
    for (const role of actor.roles) if (seesAllSurveys(role)) return eb.lit(true);
    return eb.lit(false);
  };
}

function seesAllSurveys(role: Role): boolean {
  switch (role) {
    case 'admin':
    case 'district_officer':
    case 'analyst':
      return true;
    case 'liaison':
    case 'leader':
    case 'enterprise':
    case 'agency':
    case 'school':
    case 'base':
    case 'worker':
      return false;
    default: {
      const exhaustive: never = role;
      return exhaustive;
    }
  }
}

/** Create and edit campaigns, add and import records, convert records to workers. */
export function canWriteSurveys(actor: Actor): boolean {
  return actor.permissions.has(Permission.SurveyWrite);
}
