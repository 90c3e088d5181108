"use client";

import clsx from "clsx";
import { useId, useState } from "react";
import type { SourceReliability } from "@/lib/standards/admiralty";
import { CONTROL_CLASSES } from "../forms/control-classes";
import { FieldMessage, useHasFieldMessage } from "./field-message";
import { reliabilityText } from "./grade-badge";

/** A source as the picker lists it. */
export interface PickableSource {
  id: string;
  externalId: string | null;
  publisher: string;
  title: string | null;
  reliability: SourceReliability;
}

/**
 * Chooses the sources an observation cites (one or more), each with an optional attribution for
 * a source that relays someone else's claim ("White House" via a news report). A filter narrows
 * long libraries; hidden choices stay chosen.
 */
export function SourcePicker({
  sources,
  selected,
}: {
  sources: PickableSource[];
  /** Sources cited now, with their attribution. */
  selected: { id: string; attributedTo?: string | null }[];
}) {
  const id = useId();
  const [chosen, setChosen] = useState(() => new Set(selected.map((source) => source.id)));
  const [filter, setFilter] = useState("");
  const hasError = useHasFieldMessage("sourceIds");
  const attribution = new Map(selected.map((source) => [source.id, source.attributedTo ?? ""]));
  const needle = filter.trim().toLowerCase();

  function toggle(sourceId: string, isChecked: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (isChecked) next.add(sourceId);
      else next.delete(sourceId);
      return next;
    });
  }

  return (
    <fieldset aria-describedby={hasError ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">Sources</legend>
      <p className="mb-2 text-xs text-slate-500">
        {chosen.size === 0 ? "Cite at least one source." : `${chosen.size} chosen.`} The grade shown is the source’s
        reliability.
      </p>
      <label htmlFor={`${id}-filter`} className="sr-only">
        Filter sources
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        placeholder="Filter sources"
        className={clsx(CONTROL_CLASSES, "mb-2 border-slate-300")}
      />
      <ul
        className={clsx(
          "max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border",
          hasError ? "border-red-400" : "border-slate-300",
        )}
      >
        {sources.map((source) => {
          const label = [source.externalId, source.publisher, source.title].filter(Boolean).join(" · ");
          const isChosen = chosen.has(source.id);
          const isHidden = needle !== "" && !isChosen && !label.toLowerCase().includes(needle);
          return (
            <li key={source.id} hidden={isHidden} className="px-3 py-2">
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="sourceIds"
                  value={source.id}
                  checked={isChosen}
                  onChange={(event) => toggle(source.id, event.target.checked)}
                  className="mt-0.5 size-4 shrink-0 rounded border-slate-300"
                />
                <span>
                  {label} <span className="text-slate-500">({reliabilityText(source.reliability)})</span>
                </span>
              </label>
              {isChosen ? (
                <div className="mt-2 ml-6">
                  <label htmlFor={`${id}-attr-${source.id}`} className="block text-xs text-slate-600">
                    Attributed to (optional)<span className="sr-only">: {label}</span>
                  </label>
                  <input
                    id={`${id}-attr-${source.id}`}
                    name={`attributedTo.${source.id}`}
                    defaultValue={attribution.get(source.id) ?? ""}
                    maxLength={500}
                    placeholder="Who the source says it came from, e.g. The White House"
                    className={clsx(CONTROL_CLASSES, "border-slate-300 py-1")}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FieldMessage name="sourceIds" nested id={`${id}-error`} />
    </fieldset>
  );
}
