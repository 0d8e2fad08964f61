/**
 * The error catalogue: every error the API returns has one of these stable codes. The HTTP status
 * is a function of the code, never chosen per handler. Messages live in i18n/messages.ts.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unsupported_file: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_invalid: 403,
  account_disabled: 403,
  not_found: 404,
  duplicate: 409,
  version_conflict: 409,
  conflict: 409,
  request_in_progress: 409,
  payload_too_large: 413,
  import_rejected: 422,
  idempotency_key_reused: 422,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field-level issue: `path` is dotted (`contacts.0.phone`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

/** RFC 9457 problem details as Yonggong sends them. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string;
  readonly requestId?: string;
  readonly errors?: readonly FieldIssue[];
  readonly [extra: string]: unknown;
}

/** The stable `type` URI of a problem code. */
export function problemType(code: ErrorCode): string {
  return `urn:yonggong:problem:${code}`;
}
