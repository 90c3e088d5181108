import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Turns zod issues into field messages keyed by dotted path ("" for the whole body). */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    fields[key] ??= [];
    fields[key].push(issue.message);
  }
  return fields;
}

/** Validates input with a zod schema; a failure becomes a 400 `AppError` with field messages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("bad_request:validation", "Some fields are not valid.", { fields: toFieldErrors(result.error) });
  }
  return result.data;
}
