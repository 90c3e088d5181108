"use client";

import { useFormContext } from "../forms/form-context";

/**
 * The enclosing form's messages for a group of inputs that has no single control: the field
 * `name`, and with `nested` every field under it too (e.g. `sourceIds.2` for the sources list).
 */
export function FieldMessage({ name, id, nested }: { name: string; id?: string; nested?: boolean }) {
  const fields = useFormContext().state.fields ?? {};
  const messages = Object.entries(fields)
    .filter(([key]) => key === name || (nested && key.startsWith(`${name}.`)))
    .flatMap(([, list]) => list);
  if (messages.length === 0) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {[...new Set(messages)].join(" ")}
    </p>
  );
}

/** Whether the enclosing form has a message for `name` or any field under it. */
export function useHasFieldMessage(name: string): boolean {
  const fields = useFormContext().state.fields ?? {};
  return Object.keys(fields).some((key) => key === name || key.startsWith(`${name}.`));
}
