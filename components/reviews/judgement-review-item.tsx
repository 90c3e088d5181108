"use client";

import type { Editor } from "@tiptap/core";
import clsx from "clsx";
import { useId } from "react";
import { ForecastControl } from "@/components/forecasts/forecast-control";
import { FOCUS_RING } from "@/components/ui/button";
import type { WorkspaceRole } from "@/lib/roles";
import type { ForecastDto } from "@/lib/schemas/forecasts";
import type { JudgementReviewStateDto } from "@/lib/schemas/reviews";
import { ReviewActions } from "./review-actions";
import { ReviewStatusBadge } from "./review-status-badge";
import { ReviewVerdict } from "./review-verdict";
import { scrollToJudgement } from "./scroll-to-judgement";

function excerpt(statement: string): string {
  const text = statement.trim();
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

/**
 * One judgement in the review panel: its statement (a button that scrolls the editor to it),
 * status with current of required approvals, every verdict (each reviewer's latest first in
 * the list the server sends, newest first), and the verdict buttons for reviewers and owners.
 */
export function JudgementReviewItem({
  editor,
  assessmentId,
  state,
  canReview,
  role,
  forecast,
  onReviewed,
}: {
  editor: Editor;
  assessmentId: string;
  state: JudgementReviewStateDto;
  /** Whether this user's role gives verdicts (owners, reviewers); the server checks again. */
  canReview: boolean;
  /** The user's role, for the forecast control (who may set one, who may record the outcome). */
  role?: WorkspaceRole | null;
  /** The judgement's forecast (null: none); undefined while the assessment's forecasts load or if they could not. */
  forecast?: ForecastDto | null;
  onReviewed: () => void;
}) {
  const titleId = useId();
  const text = excerpt(state.statement);
  const latest = state.reviews.filter((review) => review.isLatest);
  const earlier = state.reviews.filter((review) => !review.isLatest);
  return (
    <li className="rounded border border-slate-200 bg-white p-2" data-review-judgement-id={state.judgementId}>
      <button
        type="button"
        id={titleId}
        onClick={() => scrollToJudgement(editor, state.judgementId)}
        className={clsx("w-full rounded text-left text-slate-900 hover:text-accent-700", FOCUS_RING)}
      >
        <span className="font-medium">{state.isKey ? "Key judgement" : "Judgement"}: </span>
        {text ? `“${text}”` : "(empty)"}
      </button>
      <div className="mt-1 flex flex-wrap items-center gap-1.5">
        <ReviewStatusBadge state={state} />
        {state.isKey && state.requiredApprovals > 1 ? (
          <span className="text-xs text-slate-600">key judgements need {state.requiredApprovals}</span>
        ) : null}
      </div>
      {latest.length > 0 ? (
        <ul aria-label="Verdicts" className="mt-2 space-y-2">
          {latest.map((review) => (
            <ReviewVerdict key={review.id} review={review} />
          ))}
        </ul>
      ) : (
        <p className="mt-1.5 text-xs text-slate-600">No verdicts yet.</p>
      )}
      {earlier.length > 0 ? (
        <details className="mt-1.5 text-xs">
          <summary className="cursor-pointer text-slate-600">Earlier verdicts ({earlier.length})</summary>
          <ul aria-label="Earlier verdicts" className="mt-1 space-y-1.5">
            {earlier.map((review) => (
              <ReviewVerdict key={review.id} review={review} />
            ))}
          </ul>
        </details>
      ) : null}
      {canReview ? (
        <ReviewActions
          assessmentId={assessmentId}
          judgementId={state.judgementId}
          describedBy={titleId}
          mayApprove={!state.callerEdited}
          onReviewed={onReviewed}
        />
      ) : null}
      {forecast !== undefined ? (
        <ForecastControl
          assessmentId={assessmentId}
          judgementId={state.judgementId}
          initialForecast={forecast}
          role={role ?? null}
          callerEdited={state.callerEdited}
        />
      ) : null}
    </li>
  );
}
