import { canWriteAssessments } from "@/lib/roles";
import { isDocumentLocked } from "./authorize-document";
import type { CollabContext, CollabSocket, JoinedDocument } from "./collab-types";

/**
 * Re-checks whether an assessment's text may change after it was archived, unarchived or
 * published (`assessment.changed`, from any process). Connections switch to read-only, or back,
 * at once and are told with `doc:role`; the server refuses their updates from then on.
 */
export async function applyAssessmentChange(ctx: CollabContext, event: { assessmentId: string }): Promise<void> {
  const affected: { socket: CollabSocket; joined: JoinedDocument }[] = [];
  for (const socket of ctx.namespace.sockets.values()) {
    const joined = socket.data.collab?.joined.get(event.assessmentId);
    if (joined) affected.push({ socket, joined });
  }
  if (affected.length === 0) return;
  const locked = await isDocumentLocked(event.assessmentId);
  for (const { socket, joined } of affected) {
    const readOnly = locked || !canWriteAssessments(joined.role);
    joined.locked = locked;
    if (readOnly === joined.readOnly) continue;
    joined.readOnly = readOnly;
    socket.emit("doc:role", joined.documentId, { readOnly, role: joined.role });
  }
}
