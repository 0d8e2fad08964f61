/**
 * Constructors for `ValidationResult`, so every validator builds results the same way.
 * Internal to the validators; not re-exported from the engine entry.
 */
import type { ValidationError, ValidationResult } from './types.ts';

/** Wraps a valid, normalised value. */
export function succeed<T>(value: T): ValidationResult<T> {
  return { ok: true, value };
}

/** Wraps the first error found. */
export function fail<T>(error: ValidationError): ValidationResult<T> {
  return { ok: false, error };
}
