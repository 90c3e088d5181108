import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import { and, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { type Executor, getDatabase } from "@/db/client";
import { assessmentAuthors, assessments, assessmentVersions, documentUpdates } from "@/db/schema";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { AppError } from "@/lib/errors";
import { versionMention } from "@/lib/history/version-labels";
import type { VersionSummaryDto } from "@/lib/schemas/lifecycle";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { rebuildDocument } from "../collab/read-document-log";
import { flushDocumentContent, storeDocumentContent } from "../collab/store-document-content";
import { publishDocumentRestored } from "../events/publish-document-restored";
import { publishHistoryChanged } from "../events/publish-history-changed";
import { toVersionSummary } from "../lifecycle/lifecycle-rows";
import { parseVersionNumber } from "../lifecycle/parse-version-number";
import { publicationNumber } from "../lifecycle/publication-number";
import { logger } from "../logger";
import { freezeVersion } from "./freeze-version";
import { requireVersionWriter } from "./require-version-writer";
import { versionNode } from "./version-node";

export interface RestoreVersionOptions {
  /** An owner or analyst of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  /** The version to restore, from its URL. */
  number: string | number;
}

/**
 * Makes the assessment's text what version `number` froze, as a new change on top: the Yjs
 * update that turns the current text into the version's is appended to the durable log like an
 * editor's update (history is never rewritten: every version and every earlier update stays),
 * with `assessment.version_restored` in the audit log and an automatic version "Restored from
 * version N" (or "… from publication N"). Open editors on every process receive it. Owners and analysts only (403
 * `forbidden:version`); refused while archived or published (409), non-members 404.
 */
export async function restoreVersion(options: RestoreVersionOptions): Promise<VersionSummaryDto> {
  const number = parseVersionNumber(options.number);
  const actorUserId = auditActorId(options.actor);
  // Edits typed a moment ago reach the log first, so the restore is computed on top of them.
  await flushDocumentContent(options.assessmentId);
  const summary = await getDatabase().transaction(async (tx) => {
    const assessment = await requireVersionWriter({
      tx,
      actor: options.actor,
      assessmentId: options.assessmentId,
      refusal: "Only owners and analysts can restore a version.",
    });
    if (assessment.archivedAt) {
      throw new AppError("conflict:assessment_archived", "This assessment is archived. Restore it first.");
    }
    if (assessment.status === "published") {
      throw new AppError(
        "conflict:assessment_status",
        "This assessment is published. Start a new draft before restoring a version.",
      );
    }
    const restored = await appendRestoreUpdate({ tx, assessmentId: assessment.id, number, actorUserId });
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "assessment.version_restored",
      targetType: "assessment",
      targetId: assessment.id,
      data: { number },
    });
    const { row, content } = await freezeVersion({
      tx,
      assessment,
      kind: "automatic",
      name: `Restored from ${versionMention(restored)}`,
      actorUserId,
    });
    return toVersionSummary(row, content.publishedBy);
  });
  await refreshAfterRestore(options.assessmentId, actorUserId);
  return summary;
}

/**
 * Appends to the log the update that turns the current text into version `number`'s, as an
 * edit by the restorer (who becomes an author), and answers that version's numbers. Restoring the
 * text it already has appends nothing.
 */
async function appendRestoreUpdate(options: {
  tx: Executor;
  assessmentId: string;
  number: number;
  actorUserId: string | null;
}): Promise<Pick<VersionSummaryDto, "number" | "publicationNumber">> {
  const { tx, assessmentId, actorUserId } = options;
  const [version] = await tx
    .select({ ydocState: assessmentVersions.ydocState, publicationNumber })
    .from(assessmentVersions)
    .where(and(eq(assessmentVersions.assessmentId, assessmentId), eq(assessmentVersions.number, options.number)));
  if (!version) throw new AppError("not_found:version", "This assessment has no version with that number.");
  const restored = { number: options.number, publicationNumber: version.publicationNumber };
  const doc = await rebuildDocument(tx, assessmentId);
  try {
    const before = Y.encodeStateVector(doc);
    let isChanged = false;
    doc.on("update", () => {
      isChanged = true;
    });
    // y-prosemirror's own diff of the fragment against the target: unchanged blocks keep their identity.
    prosemirrorToYXmlFragment(versionNode(version.ydocState), doc.getXmlFragment(EDITOR_FIELD));
    if (!isChanged) return restored;
    const update = Y.encodeStateAsUpdate(doc, before);
    await tx.insert(documentUpdates).values({ documentId: assessmentId, update, userId: actorUserId });
  } finally {
    doc.destroy();
  }
  if (actorUserId) {
    await tx.insert(assessmentAuthors).values({ assessmentId, userId: actorUserId }).onConflictDoNothing();
  }
  await tx.update(assessments).set({ updatedAt: sql`now()` }).where(eq(assessments.id, assessmentId));
  return restored;
}

/** Open documents (any process) pick up the new update and version; the derived copy and judgements follow. */
async function refreshAfterRestore(assessmentId: string, actorUserId: string | null): Promise<void> {
  await publishDocumentRestored({ assessmentId });
  // The restore's version and audit entry: open History pages and audit trails list them.
  await publishHistoryChanged({ assessmentId });
  const doc = await rebuildDocument(getDatabase(), assessmentId);
  try {
    await storeDocumentContent(assessmentId, doc, actorUserId ? [actorUserId] : []);
  } catch (error) {
    // The log has the restore; the derived copy catches up with the next edit.
    logger().warn({ err: error, documentId: assessmentId }, "saving content after a restore failed");
  } finally {
    doc.destroy();
  }
}
