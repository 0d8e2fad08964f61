import type { ErrorCode, FieldIssue, ValidationMessageKey } from '@yonggong/shared';

/**
 * The one error type services throw. The code fixes the HTTP status (shared/errors.ts); `message`
 * is a catalogue key rendered in the caller's language by the error handler; `fields` become
 * `errors[{path, message}]`; `extra` adds members to the problem body (e.g. `existingId`).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      readonly messageKey?: ErrorCode | ValidationMessageKey;
      readonly params?: Readonly<Record<string, unknown>>;
      readonly fields?: readonly FieldError[];
      readonly extra?: Readonly<Record<string, unknown>>;
      readonly cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
  }
}

/** A field problem raised by a service: a catalogue key, rendered per request. */
export interface FieldError {
  readonly path: string;
  readonly key: ValidationMessageKey;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Shorthand for a 400 with field errors. */
export function fieldErrors(fields: readonly FieldError[]): AppError {
  return new AppError('validation_failed', { fields });
}

export type { FieldIssue };
