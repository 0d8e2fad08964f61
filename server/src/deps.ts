import type { Kysely } from 'kysely';
import type { AppConfig } from './config.ts';
import type { Database } from './db/schema.ts';
import type { MatchingState } from './modules/recommendations/matching-state.ts';
import type { RegionIndex } from './modules/regions/regions.service.ts';
import type { PiiCipher } from './pii/pii-cipher.ts';

/** What services depend on, built once at start-up and passed down (no module-level singletons). */
export interface Deps {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly pii: PiiCipher;
  readonly config: Pick<AppConfig, 'cityCode' | 'sessionIdleMinutes' | 'sessionMaxHours'>;
  /** Which workers and orders changed, for the recommendation index and stored lists. */
  readonly matching: MatchingState;
}
