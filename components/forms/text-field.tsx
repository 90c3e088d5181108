"use client";

import type { ChangeEvent, ReactNode } from "react";
import { Field } from "./field";

export interface TextFieldProps {
  label: ReactNode;
  name: string;
  type?: "text" | "email" | "password" | "search";
  defaultValue?: string;
  /** Makes it controlled, with `onChange`. */
  value?: string;
  onChange?: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  description?: ReactNode;
  maxLength?: number;
  minLength?: number;
  hideLabel?: boolean;
  /** Render a text area with this many rows instead of a one-line input. */
  rows?: number;
  autoFocus?: boolean;
  className?: string;
}

/** A labelled text input (or text area) that shows the enclosing form's messages for `name`. */
export function TextField({
  label,
  name,
  description,
  hideLabel,
  className,
  rows,
  type = "text",
  ...input
}: TextFieldProps) {
  return (
    <Field label={label} name={name} description={description} hideLabel={hideLabel} className={className}>
      {(props) => (rows ? <textarea rows={rows} {...props} {...input} /> : <input type={type} {...props} {...input} />)}
    </Field>
  );
}
