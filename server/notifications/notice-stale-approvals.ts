import { and, eq, inArray } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessments, memberships, users } from "@/db/schema";
import { logger } from "../logger";
import { REVIEWER_ROLES } from "../reviews/review-standing";
import { currentMembers } from "./current-members";
import { describeStaleApproval } from "./describe-stale-approval";
import { findStaleApprovals, type StaleApproval, type StaleApprovalScope } from "./find-stale-approvals";
import { quoted } from "./notification-text";
import { announceNotifications, type NotificationInput, recordNotifications } from "./record-notifications";

export interface NoticeStaleApprovalsOptions {
  /** What changed: an assessment's judgements, or observations or sources of a workspace. */
  scope: StaleApprovalScope;
  /** Who made the change (the editors of the judgements a save revised, or the evidence editor): never told of it. */
  actorUserIds: readonly (string | null | undefined)[];
}

/**
 * Call after a change is committed that may have made approvals stale: each approval that no
 * longer holds and was not noticed before gets an `approval_stale` notification for its reviewer
 * and the judgement's authors, keyed by the review id, so noticing it again (another save, another
 * process) records nothing. Never throws: the change is already committed, and failing to tell
 * someone about it must not fail the request that made it.
 */
export async function noticeStaleApprovals(options: NoticeStaleApprovalsOptions): Promise<void> {
  try {
    const db = getDatabase();
    const stale = await findStaleApprovals(db, options.scope);
    if (stale.length === 0) return;
    const excluded = new Set(options.actorUserIds.filter((id): id is string => Boolean(id)));
    const items = await staleApprovalNotifications(stale, excluded);
    const actorUserId = [...excluded][0] ?? null;
    const notified = await recordNotifications(
      db,
      items.map((item) => ({ ...item, actorUserId })),
    );
    await announceNotifications(notified);
  } catch (error) {
    logger().error({ err: error, scope: options.scope }, "noticing stale approvals failed");
  }
}

/**
 * One notification for the reviewer and one for each author (still members, not the change's
 * makers), for approvals whose reviewer may still review.
 */
async function staleApprovalNotifications(
  stale: readonly StaleApproval[],
  excluded: ReadonlySet<string>,
): Promise<Omit<NotificationInput, "actorUserId">[]> {
  const db = getDatabase();
  const workspaceId = stale[0]?.judgement.workspaceId;
  if (!workspaceId) return [];
  const people = new Set(
    stale.flatMap(({ review, judgement }) => [review.reviewerId ?? [], ...judgement.authorIds].flat()),
  );
  const members = await currentMembers(db, workspaceId, people);
  const titles = new Map(
    (
      await db
        .select({ id: assessments.id, title: assessments.title })
        .from(assessments)
        .where(inArray(assessments.id, [...new Set(stale.map(({ judgement }) => judgement.assessmentId))]))
    ).map((row) => [row.id, row.title]),
  );
  const reviewerIds = [...new Set(stale.flatMap(({ review }) => review.reviewerId ?? []))];
  // An approval by someone who may no longer review does not count (review-standing.ts): its going
  // stale changes nothing, so nobody is told.
  const reviewing = new Set(
    (reviewerIds.length === 0
      ? []
      : await db
          .select({ userId: memberships.userId, role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, reviewerIds)))
    )
      .filter((member) => REVIEWER_ROLES.includes(member.role))
      .map((member) => member.userId),
  );
  const names = new Map(
    (reviewerIds.length === 0
      ? []
      : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, reviewerIds))
    ).map((row) => [row.id, row.name]),
  );
  return stale.flatMap(({ review, judgement, approvedStatement, changes }) => {
    const reviewerId = review.reviewerId;
    if (!reviewerId || !reviewing.has(reviewerId)) return [];
    const what = `${quoted(approvedStatement)} in ${quoted(titles.get(judgement.assessmentId) ?? "")}`;
    const why = describeStaleApproval(changes);
    const base = {
      workspaceId,
      assessmentId: judgement.assessmentId,
      kind: "approval_stale" as const,
      judgementId: judgement.id,
      subjectKey: review.id,
    };
    const recipients = [reviewerId, ...judgement.authorIds.filter((id) => id !== reviewerId)];
    return [...new Set(recipients)]
      .filter((userId) => members.has(userId) && !excluded.has(userId))
      .map((userId) => ({
        ...base,
        userId,
        summary:
          userId === reviewerId
            ? `Your approval of ${what} is stale: ${why}`
            : `${names.get(reviewerId) ?? "A reviewer"}'s approval of ${what} is stale: ${why}`,
      }));
  });
}
