"use client";

import "./judgement-block.css";
import type { Editor } from "@tiptap/core";
import { NodeViewContent, type NodeViewProps, NodeViewWrapper, ReactNodeViewRenderer } from "@tiptap/react";
import clsx from "clsx";
import { type KeyboardEvent, useId, useState, useSyncExternalStore } from "react";
import { JudgementReviewBadge } from "@/components/reviews/review-status-badge";
import { FOCUS_RING } from "@/components/ui/button";
import { judgementOf } from "@/lib/editor/judgement-content";
import { firstJudgementField, focusJudgementStatement } from "@/lib/editor/judgement-fields-keyboard";
import { type JudgementAttributes, toCitations } from "@/lib/editor/judgement-node";
import { CONFIDENCE_DEFINITIONS, CONFIDENCE_LEVELS } from "@/lib/standards/confidence";
import { LIKELIHOOD_SCALE } from "@/lib/standards/icd203";
import { formatLikelihoodTerm } from "@/lib/tradecraft";
import { useEditorEvidence } from "./editor-evidence";
import { EvidenceTimeline } from "./evidence-timeline";
import { JudgementCitations } from "./judgement-citations";

const SELECT = clsx("h-7 rounded border border-slate-300 bg-white px-1.5 text-xs text-slate-800", FOCUS_RING);

/** Whether the editor is editable now; node views are not re-rendered when only that changes. */
function useIsEditable(editor: Editor): boolean {
  return useSyncExternalStore(
    (onChange) => {
      editor.on("update", onChange);
      editor.on("transaction", onChange);
      return () => {
        editor.off("update", onChange);
        editor.off("transaction", onChange);
      };
    },
    () => editor.isEditable,
    () => false,
  );
}

/**
 * A judgement block in the editor: the statement is edited inline like a paragraph; its
 * likelihood (ICD 203 term with its range), confidence, key flag and citations sit below it.
 * Read-only roles see the same values without controls.
 */
function JudgementView({ node, editor, getPos, updateAttributes }: NodeViewProps) {
  const judgement = judgementOf(node);
  const chips = toCitations(node.attrs.citations);
  const isEditable = useIsEditable(editor);
  const { openPicker } = useEditorEvidence();
  const [isTimelineOpen, setTimelineOpen] = useState(false);
  const timelineId = useId();
  const update = (attributes: Partial<JudgementAttributes>) => updateAttributes(attributes);

  // Read from the current document, not this render's node: a collaborator may have cited
  // something else while the picker was open.
  const currentChips = () => {
    const pos = getPos();
    return toCitations(typeof pos === "number" ? editor.state.doc.nodeAt(pos)?.attrs.citations : chips);
  };
  const handleCite = () =>
    openPicker({
      title: "Cite evidence",
      cited: judgement.citations,
      onChoose: (observationId) => {
        const current = currentChips();
        if (!current.includes(observationId)) update({ citations: [...current, observationId] });
      },
    });
  // Tab in the statement comes here (JudgementFieldsKeyboard); Shift+Tab from the first field and
  // Escape from any field go back to this judgement's statement, not to the previous judgement's.
  // Escape on a citation chip only closes its observation card.
  const handleFieldsKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const target = event.target as HTMLElement;
    const isBack =
      (event.key === "Tab" && event.shiftKey && target === firstJudgementField(event.currentTarget)) ||
      (event.key === "Escape" && !target.closest(".citation-chip"));
    const pos = getPos();
    if (!isBack || typeof pos !== "number" || !editor.isEditable) return;
    event.preventDefault();
    focusJudgementStatement(editor.view, pos);
  };
  const confidenceTitle = judgement.confidence ? CONFIDENCE_DEFINITIONS[judgement.confidence].definition : undefined;

  return (
    <NodeViewWrapper
      className={clsx("judgement-block", judgement.isKey && "is-key")}
      data-judgement-id={judgement.id ?? undefined}
    >
      <span contentEditable={false} className="judgement-label">
        {judgement.isKey ? "Key judgement" : "Judgement"}
        <JudgementReviewBadge judgementId={judgement.id} />
      </span>
      <NodeViewContent className="judgement-statement" />
      <fieldset
        contentEditable={false}
        aria-label="Judgement fields"
        // JUDGEMENT_FIELDS_ATTRIBUTE: where Tab in the statement looks for the first field.
        data-judgement-fields=""
        onKeyDown={handleFieldsKeyDown}
        className="mt-1.5 flex flex-wrap items-center gap-2 text-xs"
      >
        {isEditable ? (
          <>
            <select
              aria-label="Likelihood"
              value={judgement.likelihood ?? ""}
              onChange={(event) =>
                update({ likelihood: (event.target.value || null) as JudgementAttributes["likelihood"] })
              }
              className={SELECT}
            >
              <option value="">Likelihood…</option>
              {LIKELIHOOD_SCALE.map((definition) => (
                <option key={definition.band} value={definition.band}>
                  {formatLikelihoodTerm(definition.band)}
                </option>
              ))}
            </select>
            <select
              aria-label="Confidence"
              title={confidenceTitle}
              value={judgement.confidence ?? ""}
              onChange={(event) =>
                update({ confidence: (event.target.value || null) as JudgementAttributes["confidence"] })
              }
              className={SELECT}
            >
              <option value="">Confidence…</option>
              {CONFIDENCE_LEVELS.map((level) => (
                <option key={level} value={level} title={CONFIDENCE_DEFINITIONS[level].definition}>
                  {CONFIDENCE_DEFINITIONS[level].label}
                </option>
              ))}
            </select>
            <button
              type="button"
              aria-pressed={judgement.isKey}
              onClick={() => update({ isKey: !judgement.isKey })}
              className={clsx(
                "h-7 rounded border px-2 font-medium",
                FOCUS_RING,
                judgement.isKey
                  ? "border-accent-200 bg-accent-50 text-accent-800"
                  : "border-slate-300 text-slate-700 hover:bg-slate-50",
              )}
            >
              Key judgement
            </button>
          </>
        ) : (
          <>
            <span className="font-medium text-slate-800">
              {judgement.likelihood ? formatLikelihoodTerm(judgement.likelihood) : "No likelihood"}
            </span>
            <span className="text-slate-700" title={confidenceTitle}>
              {judgement.confidence ? CONFIDENCE_DEFINITIONS[judgement.confidence].label : "No confidence"}
            </span>
          </>
        )}
        <JudgementCitations
          citations={chips}
          isEditable={isEditable}
          onCite={handleCite}
          onRemove={(observationId) => update({ citations: currentChips().filter((id) => id !== observationId) })}
        />
        <button
          type="button"
          aria-expanded={isTimelineOpen}
          aria-controls={timelineId}
          onClick={() => setTimelineOpen((open) => !open)}
          className={clsx(
            "h-7 rounded border border-slate-300 px-2 font-medium text-slate-700 hover:bg-slate-50",
            FOCUS_RING,
          )}
        >
          Evidence timeline
        </button>
      </fieldset>
      {isTimelineOpen ? (
        <div id={timelineId} contentEditable={false} className="mt-2">
          <EvidenceTimeline citations={judgement.citations} />
        </div>
      ) : null}
    </NodeViewWrapper>
  );
}

/** The node view renderer of judgement blocks, passed to the editor schema in the browser. */
export const judgementNodeView = ReactNodeViewRenderer(JudgementView);
