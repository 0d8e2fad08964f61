import { type Locale, localizeZodIssue } from '@yonggong/shared';
import type { RuleObject } from 'antd/es/form';
import type { z } from 'zod';

/**
 * Drives antd Form validation from the shared zod schemas, so a field reads the same message in
 * the browser as in the server's 400 reply (both go through `localizeZodIssue`). The credit-code
 * check, for example, says which character is wrong or which check digit was expected.
 */

export interface FieldRuleOptions {
  /** Treat '' (an emptied input) as "not given", for optional fields whose schema rejects ''. */
  readonly isEmptyStringAbsent?: boolean;
}

/** The message of the first issue `schema` finds in `value`, or null when the value is valid. */
export function findFieldError(
  schema: z.ZodType,
  value: unknown,
  locale: Locale,
  options: FieldRuleOptions = {},
): string | null {
  const input = options.isEmptyStringAbsent && value === '' ? undefined : value;
  // `reportInput`, as the server parses: `localizeZodIssue` needs the input to tell a missing value
  // ("required") from a wrong one, and zod leaves it out of issues otherwise.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return null;
  const [issue] = result.error.issues;
  return issue ? localizeZodIssue(issue, locale).message : null;
}

/** An antd rule that validates a field's value with `schema`. */
export function buildFieldRule(
  schema: z.ZodType,
  locale: Locale,
  options: FieldRuleOptions = {},
): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      const message = findFieldError(schema, value, locale, options);
      if (message !== null) throw new Error(message);
    },
  };
}

/** An antd rule for `field` of a zod object schema: runs `schema.shape[field].safeParse(value)`. */
export function buildZodRule<S extends z.ZodObject>(
  schema: S,
  field: keyof S['shape'] & string,
  locale: Locale,
  options: FieldRuleOptions = {},
): RuleObject {
  return buildFieldRule(readFieldSchema(schema, field), locale, options);
}

/** Whether the schema rejects a missing value, i.e. whether the form should mark the field required. */
export function isRequiredBySchema<S extends z.ZodObject>(
  schema: S,
  field: keyof S['shape'] & string,
): boolean {
  return !readFieldSchema(schema, field).safeParse(undefined).success;
}

function readFieldSchema<S extends z.ZodObject>(schema: S, field: keyof S['shape'] & string): z.ZodType {
  const fieldSchema: z.ZodType | undefined = schema.shape[field];
  if (!fieldSchema) throw new Error(`The schema has no field "${field}"`);
  return fieldSchema;
}

/** Form.Item props for `field` of `schema`: the required mark and the schema rule, in `locale`. */
export function buildSchemaItemProps<S extends z.ZodObject>(
  schema: S,
  field: keyof S['shape'] & string,
  locale: Locale,
): { required: boolean; rules: RuleObject[] } {
  return { required: isRequiredBySchema(schema, field), rules: [buildZodRule(schema, field, locale)] };
}
