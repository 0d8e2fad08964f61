import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/**
 * Request validation error carrying zod's issues untouched; the error handler renders them in the
 * caller's language (messages cannot be fixed at compile time, the locale is per request).
 */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: readonly z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super(`Invalid request ${part}`);
    this.name = 'RequestValidationError';
  }
}

/** Fastify validator compiler for zod schemas (replaces the type provider's, to keep raw issues). */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };
