import type { Executor } from "@/db/client";
import type { Assessment } from "@/db/schema";
import type { AssessmentStatus } from "@/lib/assessment-status";
import { freezeVersion } from "./freeze-version";

/** The name an automatic version gets at a status change, by where the assessment goes (and came from). */
export function statusVersionName(from: AssessmentStatus, to: AssessmentStatus): string {
  if (to === "in_review") return "Sent for review";
  if (to === "approved") return "Approved";
  if (to === "draft") return from === "published" ? "New draft started" : "Withdrawn to draft";
  if (to === "published") return "Published";
  return `Moved to ${to}`;
}

/**
 * Freezes the automatic version of a status change, in the transaction that changes the status:
 * what was sent for review, approved or withdrawn stays readable and comparable even after the
 * text moves on. Publication freezes its own (published) version instead, so it is skipped here.
 */
export async function freezeStatusVersion(options: {
  tx: Executor;
  /** The assessment as loaded (and locked) before the change: `status` is where it comes from. */
  assessment: Assessment;
  to: AssessmentStatus;
  actorUserId: string | null;
}): Promise<void> {
  if (options.to === "published") return;
  await freezeVersion({
    tx: options.tx,
    assessment: options.assessment,
    kind: "automatic",
    name: statusVersionName(options.assessment.status, options.to),
    // What was sent for review is the text in review, what was approved the approved text.
    status: options.to,
    actorUserId: options.actorUserId,
  });
}
