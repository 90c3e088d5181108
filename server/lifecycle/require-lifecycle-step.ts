import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Assessment, assessments } from "@/db/schema";
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from "@/lib/assessment-status";
import { AppError, type ErrorCode } from "@/lib/errors";
import { LIFECYCLE_RULES, type LifecycleAction } from "@/lib/lifecycle/lifecycle-rules";
import type { WorkspaceRole } from "@/lib/roles";
import { requireAssessment } from "../assessments/require-assessment";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { freezeStatusVersion } from "../history/freeze-status-version";
import { clearReviewRequests } from "./lifecycle-rows";

const REFUSALS: Record<LifecycleAction, { code: ErrorCode; message: string; verb: string }> = {
  request_review: {
    code: "forbidden:review_request",
    message: "Only owners and analysts can ask for review.",
    verb: "Asking for review",
  },
  approve: {
    code: "forbidden:approve_assessment",
    message: "Only owners and reviewers can mark an assessment approved.",
    verb: "Marking it approved",
  },
  withdraw: {
    code: "forbidden:withdraw_review",
    message: "Only owners and analysts can withdraw an assessment to draft.",
    verb: "Withdrawing it to draft",
  },
  publish: { code: "forbidden:publish", message: "Only owners can publish an assessment.", verb: "Publishing" },
  start_draft: {
    code: "forbidden:start_draft",
    message: "Only owners and analysts can start a new draft.",
    verb: "Starting a new draft",
  },
};

/**
 * Locks the assessment row for the rest of the transaction (concurrent steps queue, so each sees
 * the status the previous one left) and checks that the caller may take `action` from the
 * current status: a member whose role may not gets 403, an archived assessment or a status the
 * step does not start from 409, and non-members 404.
 */
export async function requireLifecycleStep(options: {
  tx: Executor;
  actor: Actor;
  assessmentId: string;
  /** The step, or how to tell it from the current status (e.g. "back to draft" is a withdrawal or a new draft). */
  action: LifecycleAction | ((status: AssessmentStatus) => LifecycleAction);
}): Promise<{ assessment: Assessment; role: WorkspaceRole; action: LifecycleAction }> {
  const { assessment, role } = await requireAssessment({
    db: options.tx,
    actor: options.actor,
    assessmentId: options.assessmentId,
    forUpdate: true,
  });
  const action = typeof options.action === "function" ? options.action(assessment.status) : options.action;
  const rule = LIFECYCLE_RULES[action];
  const refusal = REFUSALS[action];
  // Approving and publishing are sign-offs by a person; the CLI operator is nobody's reviewer.
  const isSignOff = action === "approve" || action === "publish";
  if (!rule.roles.includes(role) || (isSignOff && options.actor.via === "operator")) {
    throw new AppError(refusal.code, refusal.message);
  }
  if (assessment.archivedAt) {
    throw new AppError("conflict:assessment_archived", "This assessment is archived. Restore it first.");
  }
  if (!rule.from.includes(assessment.status)) {
    const needed = rule.from.map((status) => ASSESSMENT_STATUS_LABELS[status].toLowerCase()).join(" or ");
    throw new AppError(
      "conflict:assessment_status",
      `This assessment is ${ASSESSMENT_STATUS_LABELS[assessment.status].toLowerCase()}. ${refusal.verb} needs it to be ${needed}.`,
    );
  }
  return { assessment, role, action };
}

/**
 * Moves a locked assessment to `to` and records `assessment.status_changed` (`from`, `to` and
 * `data`) in the same transaction, with an automatic version of the text at that moment (not
 * for publication, which freezes its own). Publish `assessment.changed` after the commit.
 */
export async function changeStatus(options: {
  tx: Executor;
  assessment: Assessment;
  to: AssessmentStatus;
  actorUserId: string | null;
  data?: Record<string, unknown>;
}): Promise<void> {
  const { tx, assessment } = options;
  await tx
    .update(assessments)
    .set({ status: options.to, updatedAt: sql`now()` })
    .where(eq(assessments.id, assessment.id));
  await recordAuditEvent({
    db: tx,
    workspaceId: assessment.workspaceId,
    actorUserId: options.actorUserId,
    action: "assessment.status_changed",
    targetType: "assessment",
    targetId: assessment.id,
    data: { from: assessment.status, to: options.to, ...options.data },
  });
  await freezeStatusVersion({ tx, assessment, to: options.to, actorUserId: options.actorUserId });
  // Back in draft the round is over: its requests must not show as pending, nor carry into the next.
  if (options.to === "draft") await clearReviewRequests(tx, assessment.id);
}
