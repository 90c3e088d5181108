/**
 * What a server action returns to a form (through React's `useActionState`). Field messages
 * come from `AppError.fields`, keyed by the input's `name`; `data` carries a one-time result
 * such as a new invitation link or API token secret.
 */
export interface ActionState<T = unknown> {
  status: "idle" | "error" | "success";
  /** A message for the whole form, safe to show. */
  error?: string;
  /** Messages per field, keyed by the form field's name. */
  fields?: Record<string, string[]>;
  /** A confirmation to announce after success. */
  message?: string;
  data?: T;
}

/** A server action usable with `useActionState`. */
export type FormAction<T = unknown> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export const IDLE_STATE: ActionState<never> = { status: "idle" };
