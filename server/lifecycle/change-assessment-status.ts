import { desc, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessmentVersions } from "@/db/schema";
import type { AssessmentStatus } from "@/lib/assessment-status";
import { AppError } from "@/lib/errors";
import type { LifecycleAction } from "@/lib/lifecycle/lifecycle-rules";
import { changeStatusInput, type PublishGateDto } from "@/lib/schemas/lifecycle";
import { type Actor, auditActorId } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { publishAssessmentChanged } from "../events/publish-assessment-changed";
import { parseInput } from "../http/parse-input";
import { evaluatePublishGate } from "./evaluate-publish-gate";
import { readFrozenDocument } from "./read-frozen-document";
import { changeStatus, requireLifecycleStep } from "./require-lifecycle-step";

export interface ChangeAssessmentStatusOptions {
  actor: Actor;
  assessmentId: string;
  /**
   * `approved`: in_review → approved, owners and reviewers, only while the publish gate holds.
   * `draft`: withdraw from in_review or approved, or start a new draft on top of a published
   * version (its frozen versions stay as they are); owners and analysts.
   */
  status: "approved" | "draft";
}

/** 409 `conflict:publish_gate` carrying the gate (its unmet conditions) as `error.current`. */
export function gateRefusal(gate: PublishGateDto, verb: string): AppError {
  const count = gate.unmet.length;
  return new AppError(
    "conflict:publish_gate",
    `This assessment cannot be ${verb} yet: ${count} condition${count === 1 ? " is" : "s are"} not met.`,
    { current: gate },
  );
}

/**
 * Moves an assessment along its lifecycle (other than into review and publishing, which have
 * their own functions), records `assessment.status_changed` in the same transaction and, after
 * the commit, announces `assessment.changed` so open editors lock or unlock at once. Refused
 * steps change nothing: 403 for a role that may not, 409 for the wrong status, an archived
 * assessment, or an unmet gate (with the list of unmet conditions).
 */
export async function changeAssessmentStatus(options: ChangeAssessmentStatusOptions): Promise<AssessmentStatus> {
  const input = parseInput(changeStatusInput, { status: options.status });
  const actorUserId = auditActorId(options.actor);
  // Edits typed a moment ago are part of what is approved; the projection behind the review views catches up too.
  if (input.status === "approved") await flushDocumentContent(options.assessmentId);
  await getDatabase().transaction(async (tx) => {
    const { assessment, action } = await requireLifecycleStep({
      tx,
      actor: options.actor,
      assessmentId: options.assessmentId,
      action: input.status === "approved" ? "approve" : backToDraft,
    });
    if (action === "approve") {
      const document = await readFrozenDocument(tx, assessment.id);
      const { gate } = await evaluatePublishGate({ db: tx, assessment, document });
      if (!gate.isMet) throw gateRefusal(gate, "approved");
    }
    const data: Record<string, unknown> = { step: action };
    if (action === "start_draft") {
      const [latest] = await tx
        .select({ number: assessmentVersions.number })
        .from(assessmentVersions)
        .where(eq(assessmentVersions.assessmentId, assessment.id))
        .orderBy(desc(assessmentVersions.number))
        .limit(1);
      data.onVersion = latest?.number ?? null;
    }
    await changeStatus({ tx, assessment, to: input.status, actorUserId, data });
  });
  await publishAssessmentChanged({ assessmentId: options.assessmentId });
  return input.status;
}

/** Back to draft is a new draft on top of a published version, else a withdrawal from review. */
function backToDraft(status: AssessmentStatus): LifecycleAction {
  return status === "published" ? "start_draft" : "withdraw";
}
