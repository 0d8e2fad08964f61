import {
  ERROR_STATUS,
  type ErrorCode,
  type FieldIssue,
  formatMessage,
  type Locale,
  localizeZodIssue,
  type ProblemDetails,
  problemType,
} from '@yonggong/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { RequestValidationError } from './zod-validation.ts';

/**
 * The one error handler: every failure leaves as `application/problem+json` with a stable code, a
 * message in the caller's language and field issues. PostgreSQL constraint errors map here
 * (unique violation → 409). Internal errors are logged with the request id and returned without
 * internals.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = toProblem(error, request);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Builds the problem body for `code` in `locale`. */
export function buildProblem(
  code: ErrorCode,
  locale: Locale,
  options: {
    messageKey?: string;
    params?: Readonly<Record<string, unknown>>;
    errors?: readonly FieldIssue[];
    requestId?: string;
    extra?: Readonly<Record<string, unknown>>;
  } = {},
): ProblemDetails {
  const params = { requestId: options.requestId, ...options.params };
  return {
    ...options.extra,
    type: problemType(code),
    title: formatMessage(locale, code, params),
    status: ERROR_STATUS[code],
    code,
    detail: formatMessage(locale, options.messageKey ?? code, params),
    ...(options.requestId ? { requestId: options.requestId } : {}),
    ...(options.errors && options.errors.length > 0 ? { errors: options.errors } : {}),
  };
}

function toProblem(error: unknown, request: FastifyRequest): ProblemDetails {
  const locale = request.locale ?? 'zh-CN';
  const requestId = request.id;
  if (error instanceof AppError) {
    const errors = (error.options.fields ?? []).map((field) => ({
      path: field.path,
      message: formatMessage(locale, field.key, field.params),
      code: field.key,
    }));
    return buildProblem(error.code, locale, {
      messageKey: error.options.messageKey ?? (errors.length === 1 ? errors[0]?.code : undefined),
      params: error.options.params,
      errors,
      requestId,
      extra: error.options.extra,
    });
  }
  if (error instanceof RequestValidationError) {
    const errors = error.issues.map((issue) => localizeZodIssue(issue, locale));
    return buildProblem('validation_failed', locale, { errors, requestId });
  }
  const pgCode = postgresErrorCode(error);
  if (pgCode === '23505') return buildProblem('duplicate', locale, { requestId });
  if (pgCode === '23503' || pgCode === '40001' || pgCode === '40P01')
    return buildProblem('conflict', locale, { requestId });
  if (pgCode === '23514' || pgCode === '22P02' || pgCode === '22001')
    return buildProblem('validation_failed', locale, { requestId });
  if (isFastifyError(error)) {
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE')
      return buildProblem('payload_too_large', locale, { requestId, params: { limit: '20 MB' } });
    if (status === 429) return buildProblem('rate_limited', locale, { requestId });
    if (status >= 400 && status < 500) return buildProblem('bad_request', locale, { requestId });
  }
  return buildProblem('internal', locale, { requestId });
}

function postgresErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = error.code;
  // SQLSTATE codes are five characters; fastify's are FST_*.
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'statusCode' in error;
}
