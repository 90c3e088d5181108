import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { findNulCharacters, NUL_CHARACTER_KEY_MESSAGE, NUL_CHARACTER_MESSAGE } from "@/lib/nul-character";

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

/** A field message for every string or key in `value` that holds a NUL character (U+0000). */
export function nulCharacterErrors(value: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const place of findNulCharacters(value)) {
    const key = place.path.map(String).join(".");
    fields[key] ??= [];
    fields[key].push(place.isKey ? NUL_CHARACTER_KEY_MESSAGE : NUL_CHARACTER_MESSAGE);
  }
  return fields;
}

/** The outcome of `checkInput`: the parsed input, or field messages. */
export type CheckedInput<T> = { success: true; data: T } | { success: false; fields: FieldErrors };

/**
 * Validates input with a zod schema, and refuses text holding a NUL character (U+0000) anywhere
 * in what the schema returns: PostgreSQL cannot store it, so it would otherwise end in a 500
 * after part of the work was done. When the schema itself refuses the input, NUL characters in
 * the input are reported with its messages, so that one round of corrections is enough.
 */
export function checkInput<T extends z.ZodType>(schema: T, input: unknown): CheckedInput<z.infer<T>> {
  const result = schema.safeParse(input);
  const nul = nulCharacterErrors(result.success ? result.data : input);
  if (result.success && Object.keys(nul).length === 0) return { success: true, data: result.data };
  const fields = result.success ? {} : toFieldErrors(result.error);
  for (const [key, messages] of Object.entries(nul)) fields[key] = [...(fields[key] ?? []), ...messages];
  return { success: false, fields };
}

/**
 * Validates input with a zod schema (see `checkInput`); a failure becomes a 400 `AppError` with
 * field messages. Every domain function parses its input with this, so no text with a NUL
 * character reaches the database.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = checkInput(schema, input);
  if (!result.success) {
    throw new AppError("bad_request:validation", "Some fields are not valid.", { fields: result.fields });
  }
  return result.data;
}
