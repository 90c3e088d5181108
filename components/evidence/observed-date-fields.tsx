"use client";

import { useState } from "react";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { Field } from "../forms/field";
import { FieldMessage } from "./field-message";

type Precision = ObservationDto["observed"]["precision"];

const PRECISIONS: { value: Precision; label: string }[] = [
  { value: "day", label: "A day" },
  { value: "month", label: "A month (exact day unknown)" },
  { value: "range", label: "A range of days" },
];

/**
 * When something was observed, as precisely as the source says and no more: a day, a month, or
 * a range. Only the inputs of the chosen precision are shown (and submitted).
 */
export function ObservedDateFields({ observed }: { observed?: ObservationDto["observed"] }) {
  const [precision, setPrecision] = useState<Precision>(observed?.precision ?? "day");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Observed</legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Date precision" name="observed.precision">
          {(props) => (
            <select {...props} value={precision} onChange={(event) => setPrecision(event.target.value as Precision)}>
              {PRECISIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {precision === "day" ? (
          <Field label="Observed on" name="observed.date">
            {(props) => <input type="date" {...props} defaultValue={observed?.date ?? observed?.start} required />}
          </Field>
        ) : null}
        {precision === "month" ? (
          <Field label="Observed in (month)" name="observed.month" description="YYYY-MM">
            {(props) => (
              <input
                type="month"
                {...props}
                defaultValue={observed?.month ?? observed?.start.slice(0, 7)}
                placeholder="2024-04"
                required
              />
            )}
          </Field>
        ) : null}
        {precision === "range" ? (
          <>
            <Field label="First day" name="observed.start">
              {(props) => <input type="date" {...props} defaultValue={observed?.start} required />}
            </Field>
            <Field label="Last day" name="observed.end">
              {(props) => <input type="date" {...props} defaultValue={observed?.end} required />}
            </Field>
          </>
        ) : null}
      </div>
      <FieldMessage name="observed" />
    </fieldset>
  );
}
