import { isCityWideRole } from '@yonggong/shared';
import type { Actor } from '../../http/context.ts';

/**
 * Whose colleagues an account may list in pickers (the user directory): city-wide roles everyone
 * (null), others the accounts of their own districts.
 */
export function directoryDistrictsOf(actor: Actor): readonly string[] | null {
  return actor.roles.some(isCityWideRole) ? null : actor.scope.districtCodes;
}
