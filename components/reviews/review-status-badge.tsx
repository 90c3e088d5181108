"use client";

import clsx from "clsx";
import { formatReviewStatus } from "@/lib/reviews/review-format";
import type { JudgementReviewStateDto, JudgementReviewStatus } from "@/lib/schemas/reviews";
import { useJudgementReview } from "./reviews-context";

const TONES: Record<JudgementReviewStatus, string> = {
  approved: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  stale: "bg-amber-50 text-amber-900 ring-amber-300",
  changes_requested: "bg-red-50 text-red-800 ring-red-200",
  awaiting_review: "bg-slate-100 text-slate-700 ring-slate-200",
};

/**
 * A judgement's review status, e.g. "Approved 1/1" or "Stale 0/1". Screen readers hear it as
 * "Review status: Stale 0/1 (0 of 1 required approval current)".
 */
export function ReviewStatusBadge({
  state,
  className,
}: {
  state: Pick<JudgementReviewStateDto, "status" | "currentApprovals" | "requiredApprovals">;
  className?: string;
}) {
  const text = formatReviewStatus(state);
  return (
    <span
      title={text.detail}
      data-review-status={state.status}
      className={clsx(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[state.status],
        className,
      )}
    >
      <span className="sr-only">Review status: </span>
      {text.label}
      <span className="sr-only"> ({text.detail})</span>
    </span>
  );
}

/** The review status of one judgement block in the editor; nothing until the judgement is saved and loaded. */
export function JudgementReviewBadge({ judgementId }: { judgementId: string | null }) {
  const state = useJudgementReview(judgementId);
  // Inside the block's small-caps label: the badge keeps its own case and spacing.
  return state ? <ReviewStatusBadge state={state} className="ml-2 align-middle tracking-normal normal-case" /> : null;
}
