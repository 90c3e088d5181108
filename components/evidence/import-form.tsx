"use client";

import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { Field } from "../forms/field";
import { useFormContext } from "../forms/form-context";
import { SubmitButton } from "../forms/submit-button";
import { TableHead } from "../ui/table-head";

/** Per kind: created, already in the library, and those of them the file says otherwise (not applied). */
interface KindCounts {
  created: number;
  existing: number;
  differing: { id: string; fields: string[] }[];
}

/** Counts of one import, per kind of record. */
export interface ImportCounts {
  sources: KindCounts;
  sites: KindCounts;
  observations: KindCounts;
  /** Fields of the file the library has no place for (`sites.owner`): not imported. */
  ignoredFields: string[];
}

type ImportData = { result: ImportCounts; fileName: string };

const KINDS = ["sources", "sites", "observations"] as const;

/** "observations.3.date" → "Observation 4 · date". */
function recordOf(key: string): string {
  const [collection, index, ...field] = key.split(".");
  if (!collection || index === undefined || !/^\d+$/.test(index)) return key || "File";
  const noun = collection.replace(/s$/, "");
  const label = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${Number(index) + 1}`;
  return field.length > 0 ? `${label} · ${field.join(".")}` : label;
}

/** What the import did: records created and records already in the library, per kind. */
function ImportSummary() {
  const { state } = useFormContext();
  const data = state.data as ImportData | undefined;
  if (state.status !== "success" || !data) return null;
  return (
    <div className="space-y-3">
      <table className="w-full max-w-md text-left text-sm" aria-label={`Imported from ${data.fileName}`}>
        <TableHead dense columns={["Records", "Created", "Already in the library"]} />
        <tbody className="divide-y divide-slate-100">
          {KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row" className="px-4 py-2 font-medium capitalize text-slate-800">
                {kind}
              </th>
              <td className="px-4 py-2">{data.result[kind].created}</td>
              <td className="px-4 py-2">{data.result[kind].existing}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NotApplied result={data.result} />
      {data.result.ignoredFields.length > 0 ? (
        <p role="note" className="text-sm text-amber-800">
          Not imported, the library has no place for these fields: {data.result.ignoredFields.join(", ")}.
        </p>
      ) : null}
    </div>
  );
}

/** Records already in the library that the file says otherwise: the library kept its own values. */
function NotApplied({ result }: { result: ImportCounts }) {
  const differing = KINDS.flatMap((kind) => result[kind].differing.map((record) => ({ kind, ...record })));
  if (differing.length === 0) return null;
  return (
    <section aria-labelledby="import-differing-heading" className="rounded-md border border-amber-200 bg-white p-4">
      <h3 id="import-differing-heading" className="text-sm font-semibold text-amber-900">
        {differing.length} {differing.length === 1 ? "record differs" : "records differ"} from the library: not applied
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        The library keeps its own values (a file cannot tell your edit from an older copy). Edit these records in the
        library to change them.
      </p>
      <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto text-sm">
        {differing.map((record) => (
          <li key={`${record.kind}:${record.id}`}>
            <span className="font-medium text-slate-800">{record.id}</span> ({record.kind.replace(/s$/, "")}):{" "}
            {record.fields.join(", ")}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every problem the server found, one line per record and field; nothing was imported. */
function ImportErrors() {
  const { state } = useFormContext();
  const entries = Object.entries(state.fields ?? {}).filter(([key]) => key !== "file");
  if (state.status !== "error" || entries.length === 0) return null;
  return (
    <section aria-labelledby="import-errors-heading" className="rounded-md border border-red-200 bg-white p-4">
      <h3 id="import-errors-heading" className="text-sm font-semibold text-red-800">
        {entries.length} {entries.length === 1 ? "problem" : "problems"} to fix in the file; nothing was imported
      </h3>
      <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto text-sm">
        {entries.map(([key, messages]) => (
          <li key={key}>
            <span className="font-medium text-slate-800">{recordOf(key)}:</span> {messages.join(" ")}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Uploads a library file: JSON in the shape of the example dataset (sources, sites, observations)
 * or a CSV of observations citing sites and sources already in the library.
 */
export function ImportForm({ action }: { action: FormAction<ImportData> }) {
  return (
    <ActionForm action={action} showSuccess className="space-y-4" aria-label="Import into the library">
      <Field
        label="Library file"
        name="file"
        description="JSON (sources, sites and observations) or CSV (observations), up to 5 MB."
      >
        {(props) => (
          <input
            type="file"
            accept=".json,.csv,application/json,text/csv"
            required
            {...props}
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Importing…">Import</SubmitButton>
      <ImportSummary />
      <ImportErrors />
    </ActionForm>
  );
}
