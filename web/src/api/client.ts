import {
  DEFAULT_LOCALE,
  ERROR_STATUS,
  type ErrorCode,
  type FieldIssue,
  type Locale,
  type ProblemDetails,
  problemSchema,
} from '@yonggong/shared';
import type { z } from 'zod';

/**
 * The one place where HTTP replies become typed values or typed errors. Every call goes through
 * `requestJson`: it sends the session cookie, the CSRF token on state-changing requests and the UI
 * language, turns `application/problem+json` replies into `ApiError`, and validates successful
 * replies against the shared zod schema so a contract drift fails loudly here, not deep in a page.
 */

/** Codes of errors that did not come from the server's catalogue. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

interface ApiErrorInit {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly detail: string;
  readonly requestId?: string | undefined;
  readonly fieldErrors?: readonly FieldIssue[];
  readonly problem?: ProblemDetails | null;
}

/** A failed API call. `detail` is already in the user's language when it came from the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly fieldErrors: readonly FieldIssue[];
  readonly problem: ProblemDetails | null;

  constructor(init: ApiErrorInit) {
    super(init.detail || init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.problem = init.problem ?? null;
  }

  /** A string member the server added to the problem (e.g. `existingId` of a duplicate). */
  readExtraString(name: string): string | undefined {
    const value = this.problem?.[name];
    return typeof value === 'string' ? value : undefined;
  }
}

/** Whether `error` is an `ApiError`, optionally with one of `codes`. */
export function isApiError(error: unknown, ...codes: readonly ClientErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}

/**
 * Turns a failed reply into an `ApiError`. Pure, so it is shared by `fetch` and the upload
 * `XMLHttpRequest`. A body that is not a problem document (a proxy's HTML page, an empty 502)
 * becomes `unexpected_response` with an empty detail; the UI then shows its own generic message.
 */
export function parseProblem(
  status: number,
  contentType: string | null,
  bodyText: string,
  requestIdHeader: string | null = null,
): ApiError {
  const fallbackRequestId = requestIdHeader ?? undefined;
  if (contentType?.includes('json') && bodyText.trim() !== '') {
    const parsed = problemSchema.safeParse(safeParseJson(bodyText));
    if (parsed.success) {
      const problem = parsed.data;
      const code: ClientErrorCode = isErrorCode(problem.code) ? problem.code : 'unexpected_response';
      return new ApiError({
        status,
        code,
        detail: problem.detail,
        requestId: problem.requestId ?? fallbackRequestId,
        fieldErrors: problem.errors ?? [],
        problem: { ...problem, code: isErrorCode(problem.code) ? problem.code : 'internal' },
      });
    }
  }
  return new ApiError({ status, code: 'unexpected_response', detail: '', requestId: fallbackRequestId });
}

function safeParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON after all: the caller treats it as "not a problem document".
    return undefined;
  }
}

/** Hooks the rest of the app plugs in (the auth context and the i18n layer). */
interface ClientConfig {
  readLocale: () => Locale;
  onUnauthenticated: (code: 'session_expired' | 'unauthenticated') => void;
}

const config: ClientConfig = {
  readLocale: () => DEFAULT_LOCALE,
  onUnauthenticated: () => {},
};

let csrfToken: string | null = null;

/** Installs the locale reader and the "session is gone" handler. */
export function configureApiClient(overrides: Partial<ClientConfig>): void {
  Object.assign(config, overrides);
}

/** Remembers the session's CSRF token (from the login reply or `GET /api/me`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current CSRF token, for requests made outside `requestJson` (the upload). */
export function readCsrfToken(): string | null {
  return csrfToken;
}

/** The current UI language, for requests made outside `requestJson`. */
export function readRequestLocale(): Locale {
  return config.readLocale();
}

/** Reports a lost session to the app (used by the upload as well). */
export function notifyIfUnauthenticated(error: ApiError): void {
  if (error.code === 'session_expired' || error.code === 'unauthenticated')
    config.onUnauthenticated(error.code);
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x`, leaving out empty values; '' when nothing is left. */
export function buildQueryString(query: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  readonly method?: Method;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
  /** Extra request headers, e.g. `Idempotency-Key` on retry-safe submissions. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The session probe (`GET /api/me` at start-up) expects 401 when nobody is signed in; it must not
   * trigger the "your session expired" redirect.
   */
  readonly isSessionProbe?: boolean;
}

function isStateChanging(method: Method): boolean {
  return method !== 'GET';
}

async function sendRequest(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': config.readLocale() });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (isStateChanging(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  try {
    return await fetch(`${path}${buildQueryString(options.query ?? {})}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error', detail: '' });
  }
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text();
  return parseProblem(
    response.status,
    response.headers.get('content-type'),
    text,
    response.headers.get('x-request-id'),
  );
}

/**
 * A stale token (the session was renewed in another tab) gets one silent retry with a fresh token
 * from `GET /api/me`; a second failure is shown to the user.
 */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await sendRequest('/api/me', { isSessionProbe: true });
  if (!response.ok) return false;
  const body: unknown = await response.json();
  if (
    typeof body === 'object' &&
    body !== null &&
    'csrfToken' in body &&
    typeof body.csrfToken === 'string'
  ) {
    csrfToken = body.csrfToken;
    return true;
  }
  return false;
}

/**
 * Sends a request and returns the reply validated by `schema`. Throws `ApiError` for every failure.
 * Replies whose body is ignored (logout, 204) pass `z.unknown()`.
 */
export async function requestJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  let response = await sendRequest(path, options);
  if (response.status === 403 && isStateChanging(options.method ?? 'GET')) {
    const error = await readError(response.clone());
    if (error.code === 'csrf_invalid' && (await refreshCsrfToken()))
      response = await sendRequest(path, options);
  }
  if (!response.ok) {
    const error = await readError(response);
    if (!options.isSessionProbe) notifyIfUnauthenticated(error);
    throw error;
  }
  const text = await response.text();
  const parsed = schema.safeParse(text === '' ? undefined : safeParseJson(text));
  if (!parsed.success) {
    console.error(`Unexpected reply from ${path}`, parsed.error.issues);
    throw new ApiError({
      status: response.status,
      code: 'unexpected_response',
      detail: '',
      requestId: response.headers.get('x-request-id') ?? undefined,
    });
  }
  return parsed.data;
}
