import { isCityWideRole, type Me, type Region } from '@yonggong/shared';

/**
 * The districts a user may pick in filters and forms: all of the city's for city-wide roles, only
 * their own for district-bound ones. This only trims the choices; the server scopes every query.
 */
export function listSelectableDistricts(districts: readonly Region[], me: Me): Region[] {
  const isCityWide = me.roles.some(isCityWideRole);
  if (isCityWide || me.scope.districtCodes.length === 0) return [...districts];
  const own = new Set(me.scope.districtCodes);
  return districts.filter((district) => own.has(district.code));
}

/** The one district a district-bound user works in, or undefined when there is a choice. */
export function findOnlyDistrict(districts: readonly Region[], me: Me): string | undefined {
  const selectable = listSelectableDistricts(districts, me);
  return selectable.length === 1 ? selectable[0]?.code : undefined;
}
