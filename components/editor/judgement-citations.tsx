"use client";

import clsx from "clsx";
import { type KeyboardEvent, useId, useState } from "react";
import { FOCUS_RING } from "@/components/ui/button";

/**
 * The observations a judgement cites, as chips. Editors remove a chip or cite another
 * observation by its id; the searchable picker arrives with the evidence library's UI.
 */
export function JudgementCitations({
  citations,
  isEditable,
  onChange,
}: {
  citations: string[];
  isEditable: boolean;
  onChange: (citations: string[]) => void;
}) {
  const [draft, setDraft] = useState("");
  const inputId = useId();

  function handleAdd() {
    const id = draft.trim();
    if (id === "") return;
    if (!citations.includes(id)) onChange([...citations, id]);
    setDraft("");
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    handleAdd();
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {citations.length > 0 ? (
        <ul aria-label="Citations" className="flex flex-wrap gap-1">
          {citations.map((id) => (
            <li
              key={id}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2 font-mono text-xs text-slate-700 ring-1 ring-slate-200 ring-inset"
            >
              {id}
              {isEditable ? (
                <button
                  type="button"
                  aria-label={`Remove citation ${id}`}
                  title={`Remove citation ${id}`}
                  onClick={() => onChange(citations.filter((citation) => citation !== id))}
                  className={clsx(
                    "rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800",
                    FOCUS_RING,
                  )}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-xs text-slate-500">No citations</span>
      )}
      {isEditable ? (
        <span className="inline-flex items-center gap-1">
          <label htmlFor={inputId} className="sr-only">
            Cite observation by id
          </label>
          <input
            id={inputId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={handleKeyDown}
            placeholder="Observation id"
            className={clsx("h-7 w-32 rounded border border-slate-300 px-2 font-mono text-xs", FOCUS_RING)}
          />
          <button
            type="button"
            onClick={handleAdd}
            disabled={draft.trim() === ""}
            className={clsx(
              "h-7 rounded border border-slate-300 px-2 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:text-slate-400",
              FOCUS_RING,
            )}
          >
            Cite
          </button>
        </span>
      ) : null}
    </div>
  );
}
