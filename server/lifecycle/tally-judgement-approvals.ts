import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type JudgementReview, judgementReviews, observations, workspaces } from "@/db/schema";
import type { JudgementContent } from "@/lib/editor/judgement-content";
import { isUuid } from "../policies/require-membership";
import { type HashedReviewSnapshot, loadReviewSnapshots } from "../reviews/review-snapshot";
import { countReviews, loadReviewStanding, weighReviews } from "../reviews/review-standing";

/** A judgement block with an id of its own: the only kind reviews can refer to. */
export type IdentifiedJudgement = JudgementContent & { id: string };

/** Where one judgement of the frozen text stands with its reviewers. */
export interface JudgementTally {
  judgement: IdentifiedJudgement;
  /** Its position among the document's judgement blocks, from 0. */
  position: number;
  /** What a review of it now would hash; equal to an approval's hash exactly when that approval is current. */
  current: HashedReviewSnapshot;
  /** Approvals or key approvals the workspace requires for it. */
  required: number;
  /** Latest verdicts per reviewer that approve exactly this content and count, newest first. */
  currentApprovals: JudgementReview[];
  /** Latest approvals that count but no longer match the content or its evidence. */
  staleApprovals: JudgementReview[];
  /** Latest verdicts that count and ask for changes: they stand until their reviewer approves. */
  changeRequests: JudgementReview[];
}

/**
 * Counts each judgement's reviews against the given text, with the rules of the review backend
 * (`listAssessmentReviews`, both through `weighReviews`): only each reviewer's latest verdict
 * counts, and only while they are a member whose role reviews; an approval by an editor of the
 * judgement never counts; an approval is current while the review hash of the judgement and its
 * cited evidence is unchanged, and a request for changes stands whatever else happened.
 * Citations are resolved like the projection resolves them (observations of the workspace
 * only), so the hashes equal the ones reviews stored.
 * `judgements` are the identified blocks in document order (first block wins on a repeated id).
 */
export async function tallyJudgementApprovals(options: {
  db: Executor;
  assessmentId: string;
  workspaceId: string;
  judgements: readonly { judgement: IdentifiedJudgement; position: number }[];
}): Promise<JudgementTally[]> {
  const { db, workspaceId } = options;
  if (options.judgements.length === 0) return [];
  const [rules] = await db
    .select({ required: workspaces.requiredApprovals, requiredKey: workspaces.requiredKeyApprovals })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!rules) throw new Error("the assessment's workspace is gone");
  const candidates = [
    ...new Set(options.judgements.flatMap(({ judgement }) => judgement.citations.filter(isUuid)).map(lower)),
  ];
  const known = new Set(
    candidates.length === 0
      ? []
      : (
          await db
            .select({ id: observations.id })
            .from(observations)
            .where(and(eq(observations.workspaceId, workspaceId), inArray(observations.id, candidates)))
        ).map((row) => row.id),
  );
  const snapshots = await loadReviewSnapshots(
    db,
    workspaceId,
    options.judgements.map(({ judgement }) => ({
      id: judgement.id,
      statement: judgement.statement,
      likelihood: judgement.likelihood,
      confidence: judgement.confidence,
      citedObservationIds: judgement.citations.map(lower).filter((id) => known.has(id)),
      unresolvedCitations: judgement.citations.filter((id) => !known.has(lower(id))),
    })),
  );
  const reviews = await db
    .select()
    .from(judgementReviews)
    .where(eq(judgementReviews.assessmentId, options.assessmentId))
    .orderBy(desc(judgementReviews.createdAt), desc(judgementReviews.id));
  const standing = await loadReviewStanding(db, { workspaceId, assessmentId: options.assessmentId, reviews });
  return options.judgements.map(({ judgement, position }) => {
    const current = snapshots.get(judgement.id);
    if (!current) throw new Error("no snapshot for a judgement of the text");
    const weighed = weighReviews(
      reviews.filter((review) => review.judgementId === judgement.id),
      current.hash,
      standing,
    );
    return {
      judgement,
      position,
      current,
      required: judgement.isKey ? rules.requiredKey : rules.required,
      ...countReviews(weighed),
    };
  });
}

function lower(id: string): string {
  return id.toLowerCase();
}
