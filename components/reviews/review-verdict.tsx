"use client";

import clsx from "clsx";
import { RelativeTime } from "@/components/ui/relative-time";
import { REVIEW_NOT_COUNTED_LABELS } from "@/lib/reviews/review-format";
import type { JudgementReviewDto } from "@/lib/schemas/reviews";
import { ReviewChanges } from "./review-changes";

/**
 * Whether the verdict still holds: a current approval counts, a stale one no longer does, and
 * neither does any verdict of someone who may no longer review or an approval by an editor.
 */
function freshnessOf(review: JudgementReviewDto): { label: string; className: string } | null {
  if (!review.isLatest) return { label: "superseded", className: "bg-slate-100 text-slate-600 ring-slate-200" };
  if (review.notCountedReason) {
    return {
      label: `not counted: ${REVIEW_NOT_COUNTED_LABELS[review.notCountedReason]}`,
      className: "bg-slate-100 text-slate-700 ring-slate-300",
    };
  }
  if (review.verdict === "approved") {
    return review.isCurrent
      ? { label: "current", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" }
      : { label: "stale", className: "bg-amber-50 text-amber-900 ring-amber-300" };
  }
  // A request for changes stands until its reviewer approves; it only notes that the text moved on.
  return review.isCurrent ? null : { label: "changed since", className: "bg-sky-50 text-sky-800 ring-sky-200" };
}

/**
 * One verdict: who, what (approved, or changes requested with the comment), when, whether it
 * still holds (and if it no longer counts, why), and for a reviewer's latest verdict that no
 * longer matches, what changed since.
 */
export function ReviewVerdict({ review }: { review: JudgementReviewDto }) {
  const freshness = freshnessOf(review);
  const isApproval = review.verdict === "approved";
  return (
    <li className={clsx("text-xs", !review.isLatest && "text-slate-500")}>
      <p className="flex flex-wrap items-baseline gap-x-1">
        <span className="font-medium text-slate-900">{review.reviewer?.name ?? "A deleted account"}</span>
        <span className={isApproval ? "text-emerald-800" : "text-red-800"}>
          {isApproval ? "approved" : "requested changes"}
        </span>
        <RelativeTime date={review.createdAt} className="text-slate-500" />
        {freshness ? (
          <span
            className={clsx("rounded-full px-1.5 text-[0.7rem] font-medium ring-1 ring-inset", freshness.className)}
          >
            {freshness.label}
          </span>
        ) : null}
      </p>
      {review.comment ? (
        <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 whitespace-pre-wrap text-slate-700">
          {review.comment}
        </blockquote>
      ) : null}
      {review.isLatest && review.changes ? <ReviewChanges changes={review.changes} isOpen /> : null}
    </li>
  );
}
