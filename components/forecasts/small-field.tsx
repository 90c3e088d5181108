import clsx from "clsx";
import { type ReactNode, useId } from "react";
import { CONTROL_CLASSES } from "@/components/forms/control-classes";

/** Props a control receives to be named and described by its field. */
export interface SmallControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  className: string;
}

/**
 * A compact labelled control for the side panel, with an optional hint and the server's
 * messages for the field, both announced with the control.
 */
export function SmallField({
  label,
  hint,
  errors,
  children,
}: {
  label: string;
  hint?: ReactNode;
  /** The server's messages for this field. */
  errors?: readonly string[];
  children: (props: SmallControlProps) => ReactNode;
}) {
  const id = useId();
  const hasErrors = (errors?.length ?? 0) > 0;
  const describedBy = [hint ? `${id}-hint` : null, hasErrors ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-800">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": hasErrors ? true : undefined,
        "aria-describedby": describedBy || undefined,
        className: clsx(CONTROL_CLASSES, "px-2 py-1 text-xs", hasErrors ? "border-red-400" : "border-slate-300"),
      })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-[0.7rem] text-slate-500">
          {hint}
        </p>
      ) : null}
      {hasErrors ? (
        <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
