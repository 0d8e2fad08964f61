import path from 'node:path';

/**
 * Runtime configuration, read once from the environment. Every knob an operator may turn is here
 * and documented in docs/operations.md.
 */
export interface AppConfig {
  /** Real PostgreSQL when set; otherwise the embedded database in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** The deployment's city (GB/T 2260 prefecture code); its counties are the districts. */
  readonly cityCode: string;
  /** base64 of 32 bytes; when absent a key file beside the data folder is used or created. */
  readonly piiKey: string | null;
  readonly piiKeyFile: string;
  readonly secureCookies: 'auto' | 'always' | 'never';
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly demoPassword: string;
  readonly logLevel: string;
  /** Where the built web app is; served from `/` when it exists. */
  readonly webDistDir: string;
  readonly trustProxy: boolean;
  /** Open applications without action for this many days expire (scheduled job). */
  readonly applicationExpiryDays: number;
  /**
   * The district boundaries (GeoJSON FeatureCollection, `properties.adcode` = district code) the
   * monitoring map draws: a deployment's approved file. Unset: the demo city's schematic file.
   */
  readonly mapGeoJsonFile: string | null;
}

const serverRoot = path.resolve(import.meta.dirname, '..');

/** Reads the configuration from `env` (defaults suit `npm start` on a laptop). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = path.resolve(env.YONGGONG_DATA_DIR ?? 'data');
  return {
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL : null,
    dataDir,
    port: parsePort(env.PORT ?? '3000'),
    host: env.HOST ?? '0.0.0.0',
    cityCode: env.YONGGONG_CITY_CODE ?? '320500',
    piiKey: env.YONGGONG_PII_KEY ?? null,
    piiKeyFile: path.resolve(
      env.YONGGONG_PII_KEY_FILE ?? path.join(path.dirname(dataDir), 'yonggong-pii.key'),
    ),
    secureCookies: parseSecureCookies(env.YONGGONG_SECURE_COOKIES),
    sessionIdleMinutes: Number(env.YONGGONG_SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.YONGGONG_SESSION_MAX_HOURS ?? 12),
    demoPassword: env.YONGGONG_DEMO_PASSWORD ?? 'yonggong-demo',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDistDir: path.resolve(env.YONGGONG_WEB_DIST ?? path.join(serverRoot, '..', 'web', 'dist')),
    trustProxy: env.YONGGONG_TRUST_PROXY === 'true',
    applicationExpiryDays: Number(env.YONGGONG_APPLICATION_EXPIRY_DAYS ?? 30),
    mapGeoJsonFile: env.YONGGONG_MAP_GEOJSON ? path.resolve(env.YONGGONG_MAP_GEOJSON) : null,
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0–65535, got "${value}"`);
  return port;
}

function parseSecureCookies(value: string | undefined): AppConfig['secureCookies'] {
  if (value === 'true' || value === 'always') return 'always';
  if (value === 'false' || value === 'never') return 'never';
  return 'auto';
}
