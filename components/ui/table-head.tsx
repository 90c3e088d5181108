import { clsx } from "clsx";

/** A column heading; `hidden` ones are read by screen readers only (e.g. "Actions"). */
export interface TableColumn {
  label: string;
  hidden?: boolean;
}

/** The header row every Parallax table shares: small caps labels on a tinted band. */
export function TableHead({ columns, dense = false }: { columns: (string | TableColumn)[]; dense?: boolean }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
      <tr>
        {columns.map((column) => {
          const { label, hidden } = typeof column === "string" ? { label: column, hidden: false } : column;
          return (
            <th key={label} scope="col" className={clsx("py-3", dense ? "px-4" : "px-5")}>
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
