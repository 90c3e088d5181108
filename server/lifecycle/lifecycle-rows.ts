import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { type Assessment, assessmentVersions, memberships, reviewRequests, users } from "@/db/schema";
import type { AssessmentStatus } from "@/lib/assessment-status";
import { REVIEW_REQUEST_REVIEWER_ROLES } from "@/lib/lifecycle/lifecycle-rules";
import type { LifecycleDto, ReviewRequestDto, VersionSummaryDto } from "@/lib/schemas/lifecycle";
import { type NumberedVersion, publicationNumber } from "./publication-number";

/** The statuses in which a review round is under way, so its requests are still pending. */
const OPEN_ROUND_STATUSES: readonly AssessmentStatus[] = ["in_review", "approved"];

/**
 * The reviewers asked in the current review round, in the order they were asked: none once the
 * assessment is published or back in draft, where the next request starts a new round.
 */
export async function loadReviewRequests(
  db: Executor,
  assessment: Pick<Assessment, "id" | "status">,
): Promise<ReviewRequestDto[]> {
  if (!OPEN_ROUND_STATUSES.includes(assessment.status)) return [];
  const assessmentId = assessment.id;
  const requester = alias(users, "requester");
  const rows = await db
    .select({
      reviewer: { id: users.id, name: users.name },
      requester: { id: requester.id, name: requester.name },
      requestedAt: reviewRequests.requestedAt,
    })
    .from(reviewRequests)
    .innerJoin(users, eq(users.id, reviewRequests.reviewerId))
    .leftJoin(requester, eq(requester.id, reviewRequests.requestedBy))
    .where(eq(reviewRequests.assessmentId, assessmentId))
    .orderBy(asc(reviewRequests.requestedAt), asc(users.name));
  return rows.map((row) => ({
    reviewer: row.reviewer,
    requestedBy: row.requester?.id ? row.requester : null,
    requestedAt: row.requestedAt.toISOString(),
  }));
}

/** Ends the assessment's review round: a new draft has nobody asked, and the next request starts afresh. */
export async function clearReviewRequests(db: Executor, assessmentId: string): Promise<void> {
  await db.delete(reviewRequests).where(eq(reviewRequests.assessmentId, assessmentId));
}

/**
 * Members who may be asked for review (reviewers and owners), but never `exceptUserId`: nobody
 * reviews at their own request. `onlyIds` narrows the list to the ones named in a request.
 */
export async function loadReviewerCandidates(
  db: Executor,
  options: { workspaceId: string; exceptUserId: string | null; onlyIds?: readonly string[] },
): Promise<LifecycleDto["reviewerCandidates"]> {
  if (options.onlyIds?.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, options.workspaceId),
        inArray(memberships.role, [...REVIEW_REQUEST_REVIEWER_ROLES]),
        options.exceptUserId ? ne(memberships.userId, options.exceptUserId) : undefined,
        options.onlyIds ? inArray(memberships.userId, [...options.onlyIds]) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

/** An assessment's frozen versions, newest first, without their (large) contents. */
export async function loadVersionSummaries(db: Executor, assessmentId: string): Promise<VersionSummaryDto[]> {
  const rows = await db
    .select({
      id: assessmentVersions.id,
      number: assessmentVersions.number,
      kind: assessmentVersions.kind,
      publicationNumber,
      name: assessmentVersions.name,
      title: assessmentVersions.title,
      createdAt: assessmentVersions.createdAt,
      creator: { id: users.id, name: users.name },
    })
    .from(assessmentVersions)
    .leftJoin(users, eq(users.id, assessmentVersions.createdBy))
    .where(eq(assessmentVersions.assessmentId, assessmentId))
    .orderBy(desc(assessmentVersions.number));
  return rows.map((row) => toVersionSummary(row, row.creator));
}

/** A version row as its summary. */
export function toVersionSummary(
  row: Pick<NumberedVersion, "id" | "number" | "kind" | "publicationNumber" | "name" | "title" | "createdAt">,
  creator: { id: string | null; name: string | null } | null,
): VersionSummaryDto {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    publicationNumber: row.publicationNumber,
    name: row.name,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    createdBy: creator?.id && creator.name !== null ? { id: creator.id, name: creator.name } : null,
  };
}
