import { getDatabase } from "@/db/client";
import { createNamedVersionInput } from "@/lib/schemas/history";
import type { VersionSummaryDto } from "@/lib/schemas/lifecycle";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { publishHistoryChanged } from "../events/publish-history-changed";
import { parseInput } from "../http/parse-input";
import { toVersionSummary } from "../lifecycle/lifecycle-rows";
import { freezeVersion } from "./freeze-version";
import { requireVersionWriter } from "./require-version-writer";

export interface CreateNamedVersionOptions {
  /** An owner or analyst of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  /** The body sent: `{ name }`, 1–120 characters once trimmed. */
  input: unknown;
}

/**
 * Freezes the assessment's text as it is now (rebuilt from the durable log) as a named version,
 * the next number, with `assessment.version_named` in the audit log, and announces it to the
 * assessment's open pages. Owners and analysts; other members 403 `forbidden:version`, non-members
 * 404. Any status: naming changes no text.
 */
export async function createNamedVersion(options: CreateNamedVersionOptions): Promise<VersionSummaryDto> {
  const input = parseInput(createNamedVersionInput, options.input);
  const actorUserId = auditActorId(options.actor);
  await flushDocumentContent(options.assessmentId);
  const { assessmentId, version } = await getDatabase().transaction(async (tx) => {
    const assessment = await requireVersionWriter({
      tx,
      actor: options.actor,
      assessmentId: options.assessmentId,
      refusal: "Only owners and analysts can name a version.",
    });
    const { row, content } = await freezeVersion({
      tx,
      assessment,
      kind: "named",
      name: input.name,
      actorUserId,
    });
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "assessment.version_named",
      targetType: "assessment",
      targetId: assessment.id,
      data: { number: row.number, versionId: row.id, name: input.name },
    });
    return { assessmentId: assessment.id, version: toVersionSummary(row, content.publishedBy) };
  });
  // After the commit: open History pages and audit trails of the assessment list it at once.
  await publishHistoryChanged({ assessmentId });
  return version;
}
