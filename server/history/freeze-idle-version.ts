import { desc, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessments, assessmentVersions } from "@/db/schema";
import type { VersionSummaryDto } from "@/lib/schemas/lifecycle";
import { toVersionSummary } from "../lifecycle/lifecycle-rows";
import { readFrozenDocument } from "../lifecycle/read-frozen-document";
import { freezeVersion } from "./freeze-version";
import { versionNode } from "./version-node";

/** The name of a version frozen after a burst of editing. */
export const IDLE_VERSION_NAME = "After a burst of editing";

export interface FreezeIdleVersionOptions {
  assessmentId: string;
  /** Who edited last: shown as the version's author. */
  actorUserId: string | null;
}

/**
 * Freezes an automatic version after a burst of edits went quiet, unless the text (rebuilt from
 * the log) is the same as the latest version's: then it answers null. Several processes may
 * notice the same burst; the assessment's row lock makes them take turns, so the second finds
 * the first one's version equal and adds nothing. Archived and published text is never versioned here.
 */
export async function freezeIdleVersion(options: FreezeIdleVersionOptions): Promise<VersionSummaryDto | null> {
  return getDatabase().transaction(async (tx) => {
    const [assessment] = await tx
      .select()
      .from(assessments)
      .where(eq(assessments.id, options.assessmentId))
      .for("update");
    if (!assessment || assessment.archivedAt || assessment.status === "published") return null;
    const document = await readFrozenDocument(tx, assessment.id);
    const [latest] = await tx
      .select({ ydocState: assessmentVersions.ydocState })
      .from(assessmentVersions)
      .where(eq(assessmentVersions.assessmentId, assessment.id))
      .orderBy(desc(assessmentVersions.number))
      .limit(1);
    if (latest ? versionNode(latest.ydocState).eq(document.node) : document.node.textContent === "") return null;
    const { row, content } = await freezeVersion({
      tx,
      assessment,
      kind: "automatic",
      name: IDLE_VERSION_NAME,
      actorUserId: options.actorUserId,
      document,
    });
    return toVersionSummary(row, content.publishedBy);
  });
}
