import type { z } from 'zod';
import type { FieldIssue } from '../errors.ts';
import type { Locale } from './locale.ts';
import { formatMessage, hasMessage } from './messages.ts';

/**
 * Turns a zod issue into a `{ path, message, code }` in the user's language. Our own refinements
 * carry `params.key` (a catalogue key) and the values for its placeholders; built-in zod checks are
 * mapped to the catalogue's generic field messages. Used by the server's error handler and by the
 * web app's forms, so a field error reads the same in both.
 */
export function localizeZodIssue(issue: z.core.$ZodIssue, locale: Locale): FieldIssue {
  const path = issue.path.map(String).join('.');
  const { key, params } = describeIssue(issue);
  return { path, message: formatMessage(locale, key, params), code: key };
}

function describeIssue(issue: z.core.$ZodIssue): { key: string; params: Record<string, unknown> } {
  switch (issue.code) {
    case 'custom': {
      const params: Record<string, unknown> = issue.params ?? {};
      const key = typeof params.key === 'string' && hasMessage(params.key) ? params.key : 'field.invalid';
      return { key, params };
    }
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { key: 'field.required', params: {} };
      if (issue.expected === 'number' || issue.expected === 'int')
        return { key: 'field.not_number', params: {} };
      return { key: 'field.invalid', params: {} };
    case 'too_small':
      if (issue.origin === 'string') {
        if (issue.input === '' || Number(issue.minimum) === 1) return { key: 'field.required', params: {} };
        return { key: 'field.too_short', params: { min: issue.minimum } };
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'field.too_few_items', params: { min: issue.minimum } };
      return { key: 'field.too_small', params: { min: issue.minimum } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'field.too_long', params: { max: issue.maximum } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'field.too_many_items', params: { max: issue.maximum } };
      return { key: 'field.too_big', params: { max: issue.maximum } };
    case 'invalid_value':
      if (issue.input === undefined || issue.input === null || issue.input === '')
        return { key: 'field.required', params: {} };
      return { key: 'field.one_of', params: { options: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      if (issue.format === 'uuid') return { key: 'field.uuid', params: {} };
      if (issue.format === 'date') return { key: 'field.date', params: {} };
      return { key: 'field.invalid', params: {} };
    case 'unrecognized_keys':
      return { key: 'field.unknown', params: { keys: issue.keys.join(', ') } };
    case 'not_multiple_of':
      return { key: 'field.not_integer', params: {} };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { key: 'field.invalid', params: {} };
    default: {
      const exhaustive: never = issue;
      return exhaustive;
    }
  }
}
