import clsx from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "../ui/button";
import { CONTROL_CLASSES } from "./control-classes";

/** The input and select style of filter forms (plain GET forms whose values live in the URL). */
export const FILTER_CONTROL = clsx(CONTROL_CLASSES, "border-slate-300");

/** The id of the message under a filter control, for its `aria-describedby`. */
export function filterErrorId(htmlFor: string): string {
  return `${htmlFor}-error`;
}

/**
 * One labelled control of a filter form, with what is wrong with its value under it. A control
 * with `errors` should carry `aria-invalid` and `aria-describedby={filterErrorId(htmlFor)}`.
 */
export function FilterField({
  label,
  htmlFor,
  errors,
  children,
}: {
  label: string;
  htmlFor: string;
  errors?: readonly string[];
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {errors && errors.length > 0 ? (
        <p id={filterErrorId(htmlFor)} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A filter form's footer: submit, and a link back to the unfiltered page. */
export function FilterActions({
  submitLabel,
  clearHref,
  className,
}: {
  submitLabel: string;
  /** The page without any filter. */
  clearHref: string;
  /** Grid placement, e.g. the column span of the form's grid. */
  className?: string;
}) {
  return (
    <div className={clsx("flex items-end gap-2", className)}>
      <button type="submit" className={buttonClasses({ variant: "primary" })}>
        {submitLabel}
      </button>
      <Link href={clearHref} className={buttonClasses({ variant: "ghost" })}>
        Clear filters
      </Link>
    </div>
  );
}

/** A labelled select of a filter form whose first option ("Any …") means no filter. */
export function FilterSelect({
  label,
  id,
  name,
  value,
  anyLabel,
  options,
}: {
  label: string;
  id: string;
  /** The URL parameter. */
  name: string;
  /** The current value; undefined shows the first option. */
  value: string | undefined;
  /** The first option's text; its value is empty (no filter). */
  anyLabel: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <FilterField label={label} htmlFor={id}>
      <select id={id} name={name} defaultValue={value ?? ""} className={FILTER_CONTROL}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
