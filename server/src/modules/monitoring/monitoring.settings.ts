import {
  assertColourThresholds,
  type ColourThresholds,
  DEFAULT_COLOUR_THRESHOLDS,
  DEFAULT_REPORTING_WINDOW,
  type ReportingWindow,
  rateToBasisPoints,
} from '@yonggong/engine';
import { type MonitoringSettings, monitoringSettingsSchema } from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { readSetting, writeSetting } from './monitoring.repository.ts';

/**
 * Monitoring settings (app_settings 'monitoring'): the reporting window and the colour thresholds
 * with their rules. Stored as the API shape; read into the engine's forms (basis points).
 */
const KEY = 'monitoring';

export const DEFAULT_MONITORING_SETTINGS: MonitoringSettings = {
  window: { ...DEFAULT_REPORTING_WINDOW },
  thresholds: {
    yellowFrom: DEFAULT_COLOUR_THRESHOLDS.yellowFromBp / 10_000,
    redAbove: DEFAULT_COLOUR_THRESHOLDS.redAboveBp / 10_000,
    risingToRed: DEFAULT_COLOUR_THRESHOLDS.risingToRed,
  },
};

export interface ResolvedSettings {
  readonly settings: MonitoringSettings;
  readonly thresholds: ColourThresholds;
  readonly window: ReportingWindow;
}

export async function loadMonitoringSettings(db: Kysely<Database>): Promise<ResolvedSettings> {
  const stored = monitoringSettingsSchema.safeParse(await readSetting(db, KEY));
  const settings = stored.success ? stored.data : DEFAULT_MONITORING_SETTINGS;
  return resolve(settings);
}

function resolve(settings: MonitoringSettings): ResolvedSettings {
  const thresholds: ColourThresholds = {
    yellowFromBp: rateToBasisPoints(settings.thresholds.yellowFrom),
    redAboveBp: rateToBasisPoints(settings.thresholds.redAbove),
    risingToRed: settings.thresholds.risingToRed,
  };
  return { settings, thresholds, window: settings.window };
}

/** Validates and stores new settings (audited). */
export async function saveMonitoringSettings(
  db: Kysely<Database>,
  ctx: RequestContext,
  next: MonitoringSettings,
): Promise<MonitoringSettings> {
  if (next.window.toDay < next.window.fromDay)
    throw new AppError('validation_failed', {
      fields: [{ path: 'window.toDay', key: 'monitoring.window_order' }],
    });
  try {
    const resolved = resolve(next);
    assertColourThresholds(resolved.thresholds);
  } catch {
    // rateToBasisPoints / assertColourThresholds reject finer than 0.01 % or a reversed pair.
    throw new AppError('validation_failed', {
      fields: [{ path: 'thresholds.yellowFrom', key: 'monitoring.thresholds_order' }],
    });
  }
  const before = (await loadMonitoringSettings(db)).settings;
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, KEY, next);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'monitoring.settings',
      entityType: 'setting',
      entityId: KEY,
      summary: `修改用工监测设置：填报窗口 ${next.window.fromDay}–${next.window.toDay} 日，黄色 ≥ ${next.thresholds.yellowFrom * 100}%，红色 > ${next.thresholds.redAbove * 100}%`,
      before,
      after: next,
    });
  });
  return next;
}
