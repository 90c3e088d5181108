"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { JudgementReviewStateDto } from "@/lib/schemas/reviews";
import { type AssessmentReviews, useAssessmentReviews } from "./use-assessment-reviews";

const EMPTY: AssessmentReviews = {
  status: "loading",
  reviews: null,
  byJudgement: new Map(),
  updatedAt: null,
  reload: () => {},
};

const ReviewsContext = createContext<AssessmentReviews>(EMPTY);

/**
 * Loads the open assessment's review state once for the review panel and every judgement
 * block. Tiptap renders node views through portals inside `EditorContent`, so a provider
 * around the editor reaches them.
 */
export function ReviewsProvider({
  document,
  workspaceId,
  children,
}: {
  /** The open assessment's collaborative document (its id is the assessment id). */
  document: CollabDocument;
  /** The assessment's workspace, whose evidence changes can make approvals stale. */
  workspaceId: string;
  children: ReactNode;
}) {
  const reviews = useAssessmentReviews(document, workspaceId);
  return <ReviewsContext value={reviews}>{children}</ReviewsContext>;
}

/** The open assessment's review state. */
export function useReviews(): AssessmentReviews {
  return useContext(ReviewsContext);
}

/** One judgement's review state; undefined until loaded or while the judgement is not saved yet. */
export function useJudgementReview(judgementId: string | null): JudgementReviewStateDto | undefined {
  const { byJudgement } = useContext(ReviewsContext);
  return judgementId ? byJudgement.get(judgementId) : undefined;
}
