import type { ReactNode } from "react";

/** One labelled value of a record's details; rows without a value show a dash. */
export interface DefinitionRow {
  label: string;
  value: ReactNode;
}

/** A record's details as a two-column description list. */
export function DefinitionRows({ rows, label }: { rows: DefinitionRow[]; label?: string }) {
  return (
    <dl aria-label={label} className="grid gap-x-6 gap-y-3 px-5 py-4 text-sm sm:grid-cols-[11rem_1fr]">
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="font-medium text-slate-600">{row.label}</dt>
          <dd className="break-words text-slate-900">
            {row.value === null || row.value === undefined || row.value === "" ? (
              <span className="text-slate-400">—</span>
            ) : (
              row.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
