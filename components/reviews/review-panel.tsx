"use client";

import type { Editor } from "@tiptap/core";
import clsx from "clsx";
import { useEffect, useState } from "react";
import { useAssessmentForecasts } from "@/components/forecasts/use-assessment-forecasts";
import { formatExact } from "@/components/ui/relative-time";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { WorkspaceRole } from "@/lib/roles";
import { JudgementReviewItem } from "./judgement-review-item";
import { useReviews } from "./reviews-context";

/** Roles whose verdicts count (the server's rule; it checks again on every verdict). */
const REVIEWING_ROLES: readonly WorkspaceRole[] = ["owner", "reviewer"];

/** How long a live update stays highlighted before it is only a timestamp. */
const HIGHLIGHT_MS = 4000;

/** "Updated 14:03:07", highlighted for a moment after a live change so the reader notices. */
function UpdatedNote({ updatedAt }: { updatedAt: number | null }) {
  const [isFresh, setFresh] = useState(false);
  useEffect(() => {
    if (updatedAt === null) return;
    setFresh(true);
    const timer = window.setTimeout(() => setFresh(false), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [updatedAt]);
  if (updatedAt === null) return null;
  const date = new Date(updatedAt);
  return (
    <span
      className={clsx(
        "rounded-full px-1.5 text-[0.7rem] transition-colors duration-700",
        isFresh ? "bg-sky-100 text-sky-900" : "text-slate-500",
      )}
    >
      Updated{" "}
      <time dateTime={date.toISOString()} title={formatExact(date)}>
        {date.toLocaleTimeString("en-GB")}
      </time>
    </span>
  );
}

function summaryOf(approved: number, total: number): string {
  if (total === 0) return "No judgements yet. Judgements appear here once saved.";
  return `${approved} of ${total} judgement${total === 1 ? "" : "s"} approved`;
}

/**
 * The review state of every judgement of the assessment beside the editor, in document order:
 * status, current of required approvals, every verdict with what changed since, and for
 * reviewers and owners the buttons to approve or request changes. It follows verdicts, edits
 * and evidence changes live; analysts and viewers see the same without the buttons.
 */
export function ReviewPanel({
  editor,
  document,
  role,
  closedReason,
}: {
  editor: Editor;
  /** The open assessment's collaborative document, which announces forecast changes. */
  document: CollabDocument;
  role: WorkspaceRole | null;
  /** Why no verdicts can be given now (archived, published); the buttons are then not offered. */
  closedReason?: string;
}) {
  const { status, reviews, updatedAt, reload } = useReviews();
  const forecasts = useAssessmentForecasts(document);
  const mayReview = role !== null && REVIEWING_ROLES.includes(role);
  const canReview = mayReview && !closedReason;
  const judgements = reviews?.judgements ?? [];
  const approved = judgements.filter((state) => state.status === "approved").length;
  return (
    <section aria-labelledby="reviews-heading" className="space-y-3 border-t border-slate-200 p-3 text-sm">
      <div>
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="reviews-heading" className="font-semibold text-slate-900">
            Reviews
          </h2>
          <UpdatedNote updatedAt={updatedAt} />
        </div>
        <p aria-live="polite" className="text-xs text-slate-600">
          {status === "loading"
            ? "Loading reviews…"
            : status === "error"
              ? "Reviews could not be loaded. They load again when the connection is back."
              : summaryOf(approved, judgements.length)}
        </p>
        {closedReason ? <p className="mt-1 text-xs text-slate-600">{closedReason}</p> : null}
      </div>
      {judgements.length > 0 ? (
        <ol aria-label="Judgements under review" className="space-y-2">
          {judgements.map((state) => (
            <JudgementReviewItem
              key={state.judgementId}
              editor={editor}
              assessmentId={reviews?.assessmentId ?? ""}
              state={state}
              canReview={canReview}
              role={role}
              forecast={
                forecasts.status === "ready" ? (forecasts.byJudgement.get(state.judgementId) ?? null) : undefined
              }
              onReviewed={reload}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
