/**
 * Where people and work are, for the matching engine's place term (commute distance for locals,
 * a dormitory for people from far away).
 *
 * Coordinates are the approximate seats of Suzhou's county-level governments (区/县级市人民政府),
 * hand-entered from public maps to about ±2 km — enough to tell a 5 km commute from a 60 km one,
 * which is all the term uses (docs/data-sources.md). A place outside this table has no coordinates
 * and simply gets no distance term. Townships (9-digit codes) use their county's seat.
 */
const SEATS: Readonly<Record<string, readonly [lat: number, lng: number]>> = {
  '320505': [31.296, 120.566], // 虎丘区（苏州高新区）
  '320506': [31.263, 120.632], // 吴中区
  '320507': [31.369, 120.642], // 相城区
  '320508': [31.312, 120.617], // 姑苏区
  '320509': [31.139, 120.645], // 吴江区
  '320576': [31.317, 120.723], // 苏州工业园区
  '320581': [31.654, 120.753], // 常熟市
  '320582': [31.875, 120.556], // 张家港市
  '320583': [31.385, 120.981], // 昆山市
  '320585': [31.457, 121.13], // 太仓市
};

/** The coordinates of a county-level code or of a township inside one; null when unknown. */
export function placeOf(regionCode: string | null): { lat: number; lng: number } | null {
  if (!regionCode) return null;
  const seat = SEATS[regionCode.slice(0, 6)];
  return seat ? { lat: seat[0], lng: seat[1] } : null;
}

/**
 * Where a worker lives now, and whether they come from far away (and so need a dormitory): their
 * current place if it is known; else, for a worker whose origin is in the city, the district that
 * serves them. A worker whose origin is outside the city and who has no current place in it is
 * "from far away".
 */
export function workerPlace(
  worker: { currentRegionCode: string | null; originRegionCode: string | null; districtCode: string | null },
  cityCode: string,
): { lat: number | null; lng: number | null; needsDormitory: boolean } {
  const cityPrefix = cityCode.slice(0, 4);
  const inCity = (code: string | null) => code?.startsWith(cityPrefix) === true;
  if (inCity(worker.currentRegionCode)) {
    const here = placeOf(worker.currentRegionCode);
    return { lat: here?.lat ?? null, lng: here?.lng ?? null, needsDormitory: false };
  }
  if (worker.originRegionCode !== null && !inCity(worker.originRegionCode))
    return { lat: null, lng: null, needsDormitory: true };
  const served = placeOf(worker.districtCode);
  return { lat: served?.lat ?? null, lng: served?.lng ?? null, needsDormitory: false };
}
