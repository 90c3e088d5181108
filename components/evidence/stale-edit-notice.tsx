"use client";

import type { ReactNode } from "react";
import { useFormContext } from "../forms/form-context";
import { SubmitButton } from "../forms/submit-button";
import { Button } from "../ui/button";
import { formatExact } from "../ui/relative-time";

/** What an edit action returns with a 409: the record as someone else left it. */
export interface StaleEdit<T> {
  current?: T;
}

/** A record as every library DTO has it: who changed it last, when, and its revision. */
interface Versioned {
  revision: number;
  updatedAt: string;
  updatedBy: { name: string } | null;
}

/**
 * Shown inside an edit form after a save lost to someone else's change (409). It names who changed
 * the record and shows their values, then lets the analyst choose: load their version (dropping
 * what they typed) or save what they typed over it. Nothing is overwritten without that choice.
 */
export function StaleEditNotice<T extends Versioned>({
  noun,
  rowsOf,
  onLoadTheirs,
}: {
  /** "observation", "source", "site". */
  noun: string;
  /** Their values as label/value rows. */
  rowsOf: (current: T) => { label: string; value: ReactNode }[];
  /** Replace the form's values with theirs. */
  onLoadTheirs: (current: T) => void;
}) {
  const { state } = useFormContext();
  const current = (state.data as StaleEdit<T> | undefined)?.current;
  if (state.status !== "error" || !current) return null;
  const who = current.updatedBy?.name ?? "Someone";
  return (
    <section
      aria-labelledby="stale-edit-heading"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h3 id="stale-edit-heading" className="font-semibold">
        {who} changed this {noun} while you were editing it
      </h3>
      <p>
        Their version is revision {current.revision}, saved {formatExact(new Date(current.updatedAt))}. Your changes are
        still in the form below and have not been saved.
      </p>
      <dl
        aria-label="Their current version"
        className="grid gap-x-4 gap-y-1 rounded bg-white/70 p-3 sm:grid-cols-[9rem_1fr]"
      >
        {rowsOf(current).map((row) => (
          <div key={row.label} className="contents">
            <dt className="font-medium text-amber-900">{row.label}</dt>
            <dd className="break-words">{row.value}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => onLoadTheirs(current)}>Discard mine and load their version</Button>
        <SubmitButton variant="danger" name="overwriteRevision" value={String(current.revision)} pendingLabel="Saving…">
          Save mine over theirs
        </SubmitButton>
      </div>
    </section>
  );
}
