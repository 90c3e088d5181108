import type { ActionState } from "@/components/forms/action-state";
import { isAppError } from "@/lib/errors";

/**
 * Turns a domain error into form state: its message and field messages are written for users.
 * Anything else (including Next's redirect and not-found signals) is rethrown untouched.
 */
export function actionError(error: unknown): ActionState<never> {
  if (isAppError(error)) return { status: "error", error: error.message, fields: error.fields };
  throw error;
}

/** A text field of a submitted form, or undefined when it is absent or not text. */
export function formText(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** A text field with blank treated as absent (for optional inputs). */
export function optionalFormText(formData: FormData, name: string): string | undefined {
  const value = formText(formData, name)?.trim();
  return value ? value : undefined;
}

/** A whole number from a select or number input, or undefined when blank. */
export function optionalFormInteger(formData: FormData, name: string): number | undefined {
  const value = optionalFormText(formData, name);
  return value === undefined ? undefined : Number(value);
}
