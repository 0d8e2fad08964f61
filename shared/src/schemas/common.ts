import { z } from 'zod';
import { LIMITS } from '../limits.ts';

/** `?page=&pageSize=` of every list; pages count from 1. */
export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

/** The envelope of every paginated list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export const idParam = z.object({ id: z.uuid() });

/** Query booleans arrive as strings: accept true/false/1/0. */
export const queryBoolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  })
  .loose();

export const okSchema = z.object({ ok: z.literal(true) });

/** ISO 8601 timestamp with zone, as every API time is sent. */
export const timestamp = z.string().describe('ISO 8601 timestamp with zone');
