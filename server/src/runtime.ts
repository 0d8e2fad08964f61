import type { AppConfig } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { createMatchingState } from './modules/recommendations/matching-state.ts';
import { loadRegionIndex } from './modules/regions/regions.service.ts';
import { createPiiCipher, loadPiiKey } from './pii/pii-cipher.ts';

/** An opened, migrated database with the services built on it: what every CLI command starts from. */
export interface Runtime {
  readonly handle: DatabaseHandle;
  readonly deps: Deps;
  readonly migrationsApplied: readonly string[];
  /** Set when the PII key file was created just now. */
  readonly createdKeyFile: string | null;
}

export async function openRuntime(config: AppConfig): Promise<Runtime> {
  const key = loadPiiKey(config);
  const handle = await openDatabase(config);
  try {
    const report = await migrate(handle.db);
    const deps: Deps = {
      db: handle.db,
      regions: loadRegionIndex(),
      pii: createPiiCipher(key.key),
      matching: createMatchingState(),
      config: {
        cityCode: config.cityCode,
        sessionIdleMinutes: config.sessionIdleMinutes,
        sessionMaxHours: config.sessionMaxHours,
      },
    };
    return { handle, deps, migrationsApplied: report.applied, createdKeyFile: key.createdFile };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
