"use client";

import { useRef, useState } from "react";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { Field } from "../forms/field";
import { Button } from "../ui/button";
import { FieldMessage } from "./field-message";

type Quantity = ObservationDto["quantities"][number];

interface Row extends Partial<Quantity> {
  /** Stable across removals, so React keeps each row's typed values with its row. */
  key: number;
}

/**
 * Counts and measures of an observation (`rail_cars ≈ 50`): metric, value, unit and whether the
 * source gave it as approximate. Inputs are named `quantities.<i>.<field>`, the paths the server's
 * messages use, so each message lands beside its input.
 */
export function QuantitiesEditor({ quantities }: { quantities: Quantity[] }) {
  const nextKey = useRef(quantities.length);
  const [rows, setRows] = useState<Row[]>(() => quantities.map((quantity, key) => ({ ...quantity, key })));

  function handleAdd() {
    setRows((current) => [...current, { key: nextKey.current++, approximate: false }]);
  }

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Quantities</legend>
      <p className="text-xs text-slate-500">
        Metric names in lower_snake_case, e.g. rail_cars. Tick “Approximately” when the source says “about”.
      </p>
      {rows.length === 0 ? <p className="text-sm text-slate-500">No quantities.</p> : null}
      {rows.map((row, index) => (
        <fieldset
          key={row.key}
          className="grid items-start gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_8rem_7rem_auto_auto]"
        >
          <legend className="sr-only">Quantity {index + 1}</legend>
          <Field label="Metric" name={`quantities.${index}.metric`}>
            {(props) => <input {...props} defaultValue={row.metric} placeholder="rail_cars" required />}
          </Field>
          <Field label="Value" name={`quantities.${index}.value`}>
            {(props) => <input type="number" step="any" {...props} defaultValue={row.value} required />}
          </Field>
          <Field label="Unit" name={`quantities.${index}.unit`}>
            {(props) => <input {...props} defaultValue={row.unit ?? ""} placeholder="optional" />}
          </Field>
          <label className="flex items-center gap-2 text-sm text-slate-800 sm:mt-8">
            <input
              type="checkbox"
              name={`quantities.${index}.approximate`}
              defaultChecked={row.approximate}
              className="size-4 rounded border-slate-300"
            />
            Approximately
          </label>
          <Button
            size="sm"
            variant="ghost"
            className="sm:mt-7"
            onClick={() => setRows((current) => current.filter((item) => item.key !== row.key))}
          >
            Remove<span className="sr-only"> quantity {index + 1}</span>
          </Button>
        </fieldset>
      ))}
      <FieldMessage name="quantities" />
      <Button size="sm" onClick={handleAdd}>
        Add a quantity
      </Button>
    </fieldset>
  );
}
