"use client";

import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { useFieldErrors } from "../forms/form-context";
import { SubmitButton } from "../forms/submit-button";

interface Candidate {
  id: string;
  name: string;
  role: string;
}

/** Reviewers to choose from, with those already asked marked (and not offered again while in review). */
function ReviewerChoices({ candidates, askedIds }: { candidates: Candidate[]; askedIds: ReadonlySet<string> }) {
  const errors = useFieldErrors("reviewerIds");
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Reviewers</legend>
      <ul className="mt-2 space-y-1.5">
        {candidates.map((candidate) => {
          const isAsked = askedIds.has(candidate.id);
          return (
            <li key={candidate.id}>
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="reviewerIds"
                  value={candidate.id}
                  disabled={isAsked}
                  defaultChecked={isAsked}
                  className="size-4 rounded border-slate-300"
                />
                <span>{candidate.name}</span>
                <span className="text-xs text-slate-500">{isAsked ? "asked" : candidate.role}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {errors.length > 0 ? (
        <ul className="mt-2 text-sm text-red-700" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/**
 * Asks reviewers to review: from draft it sends the assessment into review, while in review it
 * asks more reviewers. The candidates are the workspace's reviewers and owners but the caller.
 */
export function RequestReviewForm({
  action,
  candidates,
  askedIds,
  isInReview,
}: {
  action: FormAction;
  candidates: Candidate[];
  /** Reviewers already asked in this round (in review); empty for a draft, where a new round starts. */
  askedIds: string[];
  isInReview: boolean;
}) {
  if (candidates.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        Nobody can review yet: invite a member with the reviewer role (or another owner) first.
      </p>
    );
  }
  const asked = new Set(askedIds);
  const isEveryoneAsked = candidates.every((candidate) => asked.has(candidate.id));
  return (
    <ActionForm action={action} className="space-y-3" aria-label="Request review">
      <ReviewerChoices candidates={candidates} askedIds={asked} />
      {isEveryoneAsked ? null : (
        <SubmitButton size="sm" pendingLabel="Asking…">
          {isInReview ? "Ask more reviewers" : "Request review"}
        </SubmitButton>
      )}
    </ActionForm>
  );
}
