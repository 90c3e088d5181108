import { and, eq, inArray } from "drizzle-orm";
import { type Executor, getDatabase } from "@/db/client";
import { type Assessment, assessmentAuthors, judgementReviews, memberships, reviewRequests } from "@/db/schema";
import { versionMention } from "@/lib/history/version-labels";
import type { VersionSummaryDto } from "@/lib/schemas/lifecycle";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { publishAssessmentChanged } from "../events/publish-assessment-changed";
import { freezeVersion } from "../history/freeze-version";
import {
  announceNotifications,
  recordNotifications,
  recordNotificationsSafely,
} from "../notifications/record-notifications";
import { gateRefusal } from "./change-assessment-status";
import { evaluatePublishGate } from "./evaluate-publish-gate";
import { toVersionSummary } from "./lifecycle-rows";
import { readFrozenDocument } from "./read-frozen-document";
import { changeStatus, requireLifecycleStep } from "./require-lifecycle-step";

export interface PublishAssessmentOptions {
  /** An owner of the assessment's workspace, signed in as themselves. */
  actor: Actor;
  assessmentId: string;
}

/**
 * Publishes an approved assessment: in one transaction it re-checks the publish gate on the text
 * rebuilt from the durable log, freezes that text as the next version (the Y.Doc state, the
 * rendered HTML and the structured JSON with judgements, grades, citations and the approvals
 * current now), moves the assessment to published (its text locks) and records
 * `assessment.status_changed` and `assessment.published`. Authors, requested reviewers and
 * everyone who reviewed a judgement are notified. Versions are immutable (a trigger refuses
 * UPDATE and DELETE); a new draft starts on top, and the next publication takes the next version
 * number and is called by the next publication number ("Publication 2").
 */
export async function publishAssessment(options: PublishAssessmentOptions): Promise<VersionSummaryDto> {
  const actorUserId = auditActorId(options.actor);
  // Saves the derived copy of recent edits (the review views read it); the version itself comes from the log.
  await flushDocumentContent(options.assessmentId);
  let announce: string[] = [];
  const version = await getDatabase().transaction(async (tx) => {
    const { assessment } = await requireLifecycleStep({
      tx,
      actor: options.actor,
      assessmentId: options.assessmentId,
      action: "publish",
    });
    const document = await readFrozenDocument(tx, assessment.id);
    const { gate, tallies } = await evaluatePublishGate({ db: tx, assessment, document });
    if (!gate.isMet) throw gateRefusal(gate, "published");
    // The row lock taken above serialises publications of this assessment, so the next number is free.
    const { row } = await freezeVersion({
      tx,
      assessment,
      kind: "published",
      name: assessment.title,
      actorUserId,
      document,
      tallies,
    });
    const { number, publicationNumber } = row;
    const publishedBy = actorUserId ? { id: actorUserId, name: options.actor.name } : null;
    await changeStatus({ tx, assessment, to: "published", actorUserId, data: { step: "publish", version: number } });
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "assessment.published",
      targetType: "assessment",
      targetId: assessment.id,
      data: {
        version: number,
        publication: publicationNumber,
        versionId: row.id,
        title: assessment.title,
        judgements: tallies.length,
      },
    });
    const audience = await publicationAudience(tx, assessment);
    // The publication matters more than telling people about it: a failed notification only logs.
    announce = await recordNotificationsSafely(tx, "published", (savepoint) =>
      recordNotifications(
        savepoint,
        audience.map((userId) => ({
          userId,
          workspaceId: assessment.workspaceId,
          assessmentId: assessment.id,
          kind: "published" as const,
          actorUserId,
          summary: `${options.actor.name} published “${assessment.title}” as ${versionMention(row)}.`,
          subjectKey: `version:${row.id}`,
        })),
      ),
    );
    return toVersionSummary(row, publishedBy);
  });
  await announceNotifications(announce);
  await publishAssessmentChanged({ assessmentId: options.assessmentId });
  return version;
}

/** Its authors, the reviewers asked and everyone with a verdict on it, while still members. */
async function publicationAudience(
  db: Executor,
  assessment: Pick<Assessment, "id" | "workspaceId">,
): Promise<string[]> {
  const [authors, requested, reviewers] = await Promise.all([
    db
      .select({ userId: assessmentAuthors.userId })
      .from(assessmentAuthors)
      .where(eq(assessmentAuthors.assessmentId, assessment.id)),
    db
      .select({ userId: reviewRequests.reviewerId })
      .from(reviewRequests)
      .where(eq(reviewRequests.assessmentId, assessment.id)),
    db
      .selectDistinct({ userId: judgementReviews.reviewerId })
      .from(judgementReviews)
      .where(eq(judgementReviews.assessmentId, assessment.id)),
  ]);
  const ids = [...new Set([...authors, ...requested, ...reviewers].flatMap((row) => row.userId ?? []))];
  if (ids.length === 0) return [];
  const members = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, assessment.workspaceId), inArray(memberships.userId, ids)));
  return members.map((member) => member.userId).sort();
}
