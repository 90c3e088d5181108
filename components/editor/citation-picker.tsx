"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import clsx from "clsx";
import { type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { formatObservedDate, PRECISION_LABELS } from "@/components/evidence/evidence-format";
import { DialogCornerClose } from "@/components/ui/dialog";
import { observationGrades, observationLabel } from "@/lib/editor/citation-evidence";
import { type ObservationSearch, searchObservations } from "@/lib/editor/search-observations";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { CitationPickerFilters, PICKER_FIELD as FIELD } from "./citation-picker-filters";
import type { CitationPickerRequest } from "./editor-evidence";
import type { WorkspaceEvidence } from "./use-workspace-evidence";

/**
 * The citation picker: a dialog that searches the workspace's library in the browser by text,
 * site, observed dates and minimum grades. Typing filters; ↑/↓ move through the results and
 * Enter cites the highlighted one (the list is a listbox driven from the search box, as a
 * combobox); Escape closes without citing.
 */
export function CitationPicker({
  request,
  evidence,
  onClose,
}: {
  /** The open request, or null when closed. */
  request: CitationPickerRequest | null;
  evidence: WorkspaceEvidence;
  onClose: () => void;
}) {
  // The request is gone by the time the dialog has closed and focus is placed; keep the last one.
  const last = useRef(request);
  if (request) last.current = request;
  return (
    <RadixDialog.Root open={request !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            const onClosed = last.current?.onClosed;
            if (!onClosed) return;
            event.preventDefault();
            onClosed();
          }}
          className="fixed top-[8vh] left-1/2 z-50 flex max-h-[84vh] w-[calc(100vw-2rem)] max-w-2xl -translate-x-1/2 flex-col rounded-lg bg-white p-5 shadow-xl focus:outline-none"
        >
          <RadixDialog.Title className="text-lg font-semibold text-slate-900">
            {last.current?.title ?? "Cite evidence"}
          </RadixDialog.Title>
          {request ? <PickerBody request={request} evidence={evidence} onClose={onClose} /> : null}
          <DialogCornerClose />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

function PickerBody({
  request,
  evidence,
  onClose,
}: {
  request: CitationPickerRequest;
  evidence: WorkspaceEvidence;
  onClose: () => void;
}) {
  const [search, setSearch] = useState<ObservationSearch>({});
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLDivElement>(null);
  const results = useMemo(() => searchObservations(evidence.observations, search), [evidence.observations, search]);
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  const update = (change: Partial<ObservationSearch>) => {
    setSearch((previous) => ({ ...previous, ...change }));
    setActive(0);
  };

  function choose(observation: ObservationDto | undefined) {
    if (!observation) return;
    request.onChoose(observation.id);
    onClose();
  }

  function move(to: number) {
    const index = Math.max(0, Math.min(to, results.length - 1));
    setActive(index);
    list.current?.querySelector(`#${CSS.escape(optionId(index))}`)?.scrollIntoView({ block: "nearest" });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") move(activeIndex + 1);
    else if (event.key === "ArrowUp") move(activeIndex - 1);
    else if (event.key === "Home" && event.ctrlKey) move(0);
    else if (event.key === "End" && event.ctrlKey) move(results.length - 1);
    else if (event.key === "Enter") choose(results[activeIndex]);
    else return;
    event.preventDefault();
  }

  return (
    <div className="mt-3 flex min-h-0 flex-col gap-3">
      <label className="block text-sm">
        <span className="font-medium text-slate-800">Search evidence</span>
        <input
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results.length > 0 ? optionId(activeIndex) : undefined}
          value={search.text ?? ""}
          onChange={(event) => update({ text: event.target.value })}
          onKeyDown={handleKeyDown}
          placeholder="Summary, notes or id (OBS-26)"
          className={clsx(FIELD, "mt-1")}
        />
      </label>
      <CitationPickerFilters evidence={evidence} search={search} onChange={update} />
      <div className="flex flex-wrap justify-between gap-2 text-xs">
        <p aria-live="polite" className="text-slate-600">
          {evidence.status === "loading"
            ? "Loading the evidence library…"
            : evidence.status === "error" && evidence.observations.length === 0
              ? "The evidence library could not be loaded."
              : `${results.length} of ${evidence.observations.length} observations`}
        </p>
        <p className="text-slate-500">↑↓ to move, Enter to cite, Esc to close</p>
      </div>
      <div
        ref={list}
        id={listId}
        role="listbox"
        aria-label="Observations"
        className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200"
      >
        {results.map((observation, index) => (
          <ResultOption
            key={observation.id}
            id={optionId(index)}
            observation={observation}
            isActive={index === activeIndex}
            isCited={request.cited.includes(observation.id)}
            onChoose={() => choose(observation)}
            onHover={() => setActive(index)}
          />
        ))}
      </div>
    </div>
  );
}

function ResultOption({
  id,
  observation,
  isActive,
  isCited,
  onChoose,
  onHover,
}: {
  id: string;
  observation: ObservationDto;
  isActive: boolean;
  isCited: boolean;
  onChoose: () => void;
  onHover: () => void;
}) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the search box drives the listbox from the keyboard (aria-activedescendant).
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={isActive}
      onClick={onChoose}
      onMouseMove={onHover}
      className={clsx("cursor-pointer px-3 py-2 text-sm", isActive ? "bg-accent-50" : "hover:bg-slate-50")}
    >
      <span className="flex flex-wrap items-center gap-2">
        <span className={clsx("font-mono text-xs font-semibold", observation.retraction && "line-through")}>
          {observationLabel(observation)}
        </span>
        <span className="font-mono text-xs text-slate-700">{observationGrades(observation).join(" ")}</span>
        {observation.retraction ? <span className="text-xs font-semibold text-red-700">Retracted</span> : null}
        {isCited ? <span className="text-xs font-medium text-accent-700">Already cited</span> : null}
      </span>
      <span className="mt-0.5 block text-slate-900">{observation.summary}</span>
      <span className="mt-0.5 block text-xs text-slate-600">
        {observation.site?.name ?? "No site"} · {formatObservedDate(observation.observed)} (
        {PRECISION_LABELS[observation.observed.precision].toLowerCase()})
      </span>
    </div>
  );
}
