"use client";

import type { ChangeEvent, ReactNode } from "react";
import { Field } from "./field";

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled native select; native so that it works with every keyboard and screen reader. */
export function SelectField({
  label,
  name,
  options,
  defaultValue,
  value,
  onChange,
  description,
  hideLabel,
  className,
  required,
}: {
  label: ReactNode;
  name: string;
  options: readonly SelectOption[];
  defaultValue?: string;
  /** Makes it controlled, with `onChange`. */
  value?: string;
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
  description?: ReactNode;
  hideLabel?: boolean;
  className?: string;
  required?: boolean;
}) {
  return (
    <Field label={label} name={name} description={description} hideLabel={hideLabel} className={className}>
      {(props) => (
        <select {...props} defaultValue={defaultValue} value={value} onChange={onChange} required={required}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
