/** Input validation at the HTTP boundary: zod parses, a failure becomes one BadRequestError listing every issue. */
import type { z } from 'zod';
import { BadRequestError } from '../db/errors.js';

export interface Issue {
  path: string;
  message: string;
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Parses `value` with `schema` or throws a 400 naming `what` ("query string", "request body"…). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    const first = issues[0];
    throw new BadRequestError(`Invalid ${what}${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`, { issues });
  }
  return parsed.data;
}
