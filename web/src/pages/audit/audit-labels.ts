import { ENTERPRISE_SIZES, ENTERPRISE_STATUSES, KEY_LEVELS } from '@yonggong/shared';
import type { TFunction } from 'i18next';
import { zhCN } from '../../i18n/zh-CN.ts';

/**
 * Audit events store codes (`enterprise.update`, `keyLevel`, `city`); these helpers put them in
 * the reader's language and fall back to the code itself for anything not (yet) translated.
 */

type ActionKey = keyof typeof zhCN.audit.actions;
type EntityTypeKey = keyof typeof zhCN.audit.entityTypes;
type FieldKey = keyof typeof zhCN.enterprise.fields;

function isKeyOf<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

function includesValue<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** "enterprise.update" → "修改企业". */
export function describeAuditAction(action: string, t: TFunction): string {
  const key = action.replaceAll('.', '_');
  return isKeyOf(zhCN.audit.actions, key) ? t(`audit.actions.${key satisfies ActionKey}`) : action;
}

/** "enterprise" → "企业". */
export function describeEntityType(entityType: string, t: TFunction): string {
  return isKeyOf(zhCN.audit.entityTypes, entityType)
    ? t(`audit.entityTypes.${entityType satisfies EntityTypeKey}`)
    : entityType;
}

/** "keyLevel" → "重点企业级别". */
export function describeAuditField(field: string, t: TFunction): string {
  return isKeyOf(zhCN.enterprise.fields, field) ? t(`enterprise.fields.${field satisfies FieldKey}`) : field;
}

/** Enum codes of known fields in words ("city" under keyLevel → "市级重点"); other text as it is. */
export function describeAuditValue(field: string, text: string, t: TFunction): string {
  if (field === 'size' && includesValue(ENTERPRISE_SIZES, text)) return t(`enterprise.size.${text}`);
  if (field === 'keyLevel' && includesValue(KEY_LEVELS, text)) return t(`enterprise.keyLevel.${text}`);
  if (field === 'status' && includesValue(ENTERPRISE_STATUSES, text)) return t(`enterprise.status.${text}`);
  return text;
}

/** The entity types offered in the audit filter. */
export const AUDIT_ENTITY_TYPES = Object.keys(zhCN.audit.entityTypes) as EntityTypeKey[];
