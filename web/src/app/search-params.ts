import type { z } from 'zod';

/**
 * Page state kept in the URL (filters, page, sort) is read with the same zod schema the server
 * validates the query with. A hand-edited or outdated parameter (`?page=x`) is dropped rather than
 * breaking the page; the other parameters still apply.
 */
export function readSearchParams<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  const keys = Object.keys(schema.shape);
  let raw: Record<string, string> = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  for (let attempt = 0; attempt <= keys.length; attempt += 1) {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const invalid = new Set(result.error.issues.map((issue) => String(issue.path[0])));
    raw = Object.fromEntries(Object.entries(raw).filter(([key]) => !invalid.has(key)));
  }
  return schema.parse({});
}

/** Writes state to URL parameters, leaving out empty values and defaults so links stay short. */
export function writeSearchParams<T extends object>(state: T, defaults: Partial<T>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    if (value === defaults[key as keyof T]) continue;
    params.set(key, String(value));
  }
  return params;
}
