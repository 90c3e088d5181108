"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDocumentChanges } from "@/components/editor/use-document-changes";
import { useLibraryUpdates } from "@/components/evidence/use-library-updates";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { DocumentChangeKind } from "@/lib/collab/protocol";
import type { AssessmentReviewsDto, JudgementReviewStateDto } from "@/lib/schemas/reviews";

/** The review state of the open assessment, as the editor's panel and judgement blocks show it. */
export interface AssessmentReviews {
  /** `loading` until the first answer; `error` when none could be loaded (a later failure keeps the last). */
  status: "loading" | "ready" | "error";
  /** The judgements' review states, in document order; null until loaded. */
  reviews: AssessmentReviewsDto | null;
  /** Review states by judgement id. */
  byJudgement: ReadonlyMap<string, JudgementReviewStateDto>;
  /** When a reload last changed what is shown (ms since the epoch); null until something changed. */
  updatedAt: number | null;
  /** Loads the review state again (after this user's own verdict, say). */
  reload: () => void;
}

// A verdict, or the projection rewriting a judgement (its approvals may have gone stale).
const REVIEW_CHANGE_KINDS: readonly DocumentChangeKind[] = ["reviews", "judgements"];

async function loadReviews(assessmentId: string, signal: AbortSignal): Promise<AssessmentReviewsDto> {
  const url = `/api/v1/assessments/${encodeURIComponent(assessmentId)}/reviews`;
  const response = await fetch(url, { signal, credentials: "same-origin", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as AssessmentReviewsDto;
}

/**
 * Loads the assessment's review state over REST and loads it again, live, whenever the server
 * says a verdict was given or a judgement was rewritten, and whenever the workspace's evidence
 * library changes: a cited observation revised, re-graded or retracted makes approvals stale
 * without any edit of the text.
 */
export function useAssessmentReviews(document: CollabDocument | null, workspaceId: string): AssessmentReviews {
  const assessmentId = document?.id ?? null;
  const [reviews, setReviews] = useState<AssessmentReviewsDto | null>(null);
  const [status, setStatus] = useState<AssessmentReviews["status"]>("loading");
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const shown = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` is the signal to load again.
  useEffect(() => {
    if (!assessmentId) return;
    // A newer change supersedes a load still under way: only the latest answer is shown.
    const controller = new AbortController();
    loadReviews(assessmentId, controller.signal).then(
      (loaded) => {
        if (controller.signal.aborted) return;
        const serialized = JSON.stringify(loaded);
        if (shown.current !== null && shown.current !== serialized) setUpdatedAt(Date.now());
        shown.current = serialized;
        setReviews(loaded);
        setStatus("ready");
      },
      () => {
        if (!controller.signal.aborted) setStatus((previous) => (previous === "ready" ? previous : "error"));
      },
    );
    return () => controller.abort();
  }, [assessmentId, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  useDocumentChanges(document, REVIEW_CHANGE_KINDS, reload);
  useLibraryUpdates(workspaceId, reload);

  return useMemo(
    () => ({
      status,
      reviews,
      byJudgement: new Map((reviews?.judgements ?? []).map((state) => [state.judgementId, state])),
      updatedAt,
      reload,
    }),
    [status, reviews, updatedAt, reload],
  );
}
