import type * as z from 'zod/mini';
import { badRequest } from '../errors';

/** Parses input with a shared zod schema; a failure is a 400 whose message names the field. */
export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown, source: 'body' | 'query'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const prefix = issue.path.join('.');
    // An unknown field is named itself, not its parent object.
    const field =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => (prefix ? `${prefix}.${k}` : k)).join(', ')
        : prefix || source;
    return { field, code: issue.code, message: issue.message };
  });
  const first = issues[0]!;
  throw badRequest(`Invalid ${first.field}: ${first.message}`, { issues });
}
