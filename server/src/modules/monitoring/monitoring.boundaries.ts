import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../http/app-error.ts';

/**
 * District boundaries for the map. A deployment points `YONGGONG_MAP_GEOJSON` at its approved file
 * (with its 审图号/source in the file's `notice`); without one, the demo city (320500) gets the
 * shipped SCHEMATIC file (Voronoi cells of district seats — scripts/generate-schematic-boundaries.mjs),
 * whose notice "示意边界，非测绘成果" the map always shows. Other cities without a file get 404 and
 * the map draws points only.
 */
const SCHEMATIC = path.join(import.meta.dirname, 'data', 'suzhou-schematic-boundaries.json');
const SCHEMATIC_CITY = '320500';

export interface Boundaries {
  readonly type: 'FeatureCollection';
  readonly notice: string;
  readonly noticeEn: string;
  readonly isSchematic: boolean;
  readonly source: string;
  readonly features: readonly unknown[];
}

const cache = new Map<string, Promise<Boundaries>>();

export function loadBoundaries(options: { file: string | null; cityCode: string }): Promise<Boundaries> {
  const file = options.file ?? (options.cityCode === SCHEMATIC_CITY ? SCHEMATIC : null);
  if (!file) return Promise.reject(new AppError('not_found'));
  let loaded = cache.get(file);
  if (!loaded) {
    loaded = readBoundaries(file, file === SCHEMATIC);
    cache.set(file, loaded);
    loaded.catch(() => cache.delete(file));
  }
  return loaded;
}

async function readBoundaries(file: string, isShippedSchematic: boolean): Promise<Boundaries> {
  const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features))
    throw new Error(`${file} is not a GeoJSON FeatureCollection`);
  const text = (value: unknown, fallback: string) =>
    typeof value === 'string' && value !== '' ? value : fallback;
  return {
    type: 'FeatureCollection',
    notice: text(parsed.notice, `边界数据来源：${path.basename(file)}`),
    noticeEn: text(parsed.noticeEn, `Boundaries: ${path.basename(file)}`),
    isSchematic: isShippedSchematic || parsed.isSchematic === true,
    source: text(parsed.source, path.basename(file)),
    features: parsed.features,
  };
}
