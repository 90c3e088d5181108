"use client";

import clsx from "clsx";
import { FOCUS_RING } from "@/components/ui/button";
import { observationLabel } from "@/lib/editor/citation-evidence";
import { CitationChip } from "./citation-chip";
import { useEditorEvidence } from "./editor-evidence";

const SMALL_BUTTON = clsx(
  "h-7 rounded border border-slate-300 px-2 text-xs font-medium text-slate-700 hover:bg-slate-50",
  FOCUS_RING,
);

/**
 * The observations a judgement cites, as chips with their observation card. Editors remove a
 * chip or cite more evidence through the picker, which searches the workspace's library.
 */
export function JudgementCitations({
  citations,
  isEditable,
  onCite,
  onRemove,
}: {
  /** Observation UUIDs of the block's chips (inline citations show in the statement itself). */
  citations: string[];
  isEditable: boolean;
  /** Opens the picker to cite another observation. */
  onCite: () => void;
  onRemove: (observationId: string) => void;
}) {
  const { evidence } = useEditorEvidence();
  const nameOf = (id: string) => {
    const observation = evidence.observationById.get(id);
    return observation ? observationLabel(observation) : "unknown observation";
  };

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {citations.length > 0 ? (
        <ul aria-label="Citations" className="flex flex-wrap gap-1">
          {citations.map((id) => (
            <li key={id}>
              <CitationChip observationId={id}>
                {isEditable ? (
                  <button
                    type="button"
                    aria-label={`Remove citation ${nameOf(id)}`}
                    title={`Remove citation ${nameOf(id)}`}
                    onClick={() => onRemove(id)}
                    className={clsx("rounded-full px-1 hover:bg-slate-200 hover:text-slate-900", FOCUS_RING)}
                  >
                    ×
                  </button>
                ) : null}
              </CitationChip>
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-xs text-slate-500">No citations</span>
      )}
      {isEditable ? (
        <button type="button" onClick={onCite} aria-haspopup="dialog" className={SMALL_BUTTON}>
          Cite evidence
        </button>
      ) : null}
    </div>
  );
}
