"use client";

import type { ReactNode } from "react";
import { type ButtonSize, type ButtonVariant, buttonClasses } from "../ui/button";
import { useFormContext } from "./form-context";

/**
 * The submit button of an `ActionForm`: disabled while the action runs (so a double click
 * does not create two of something), with `pendingLabel` shown meanwhile.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  size,
  className,
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel?: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormContext();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={buttonClasses({ variant, size, className })}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
