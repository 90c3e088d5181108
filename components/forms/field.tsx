"use client";

import clsx from "clsx";
import { type ReactNode, useId } from "react";
import { CONTROL_CLASSES } from "./control-classes";
import { useFieldErrors } from "./form-context";

export interface FieldRenderProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  className: string;
}

/**
 * Label, control, hint and error messages wired together: the label names the control and
 * the hint and errors describe it, so a screen reader announces all three.
 */
export function Field({
  label,
  name,
  description,
  hideLabel,
  className,
  children,
}: {
  label: ReactNode;
  name: string;
  description?: ReactNode;
  hideLabel?: boolean;
  className?: string;
  children: (props: FieldRenderProps) => ReactNode;
}) {
  const id = useId();
  const errors = useFieldErrors(name);
  const hintId = description ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "mb-1 block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {children({
        id,
        name,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": describedBy,
        className: clsx(CONTROL_CLASSES, errorId ? "border-red-400" : "border-slate-300"),
      })}
      {description ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {description}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
