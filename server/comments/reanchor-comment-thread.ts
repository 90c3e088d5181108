import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { commentThreads } from "@/db/schema";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { isAnchorDeleted, isAnchorLive } from "@/lib/editor/restored-anchors";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import {
  type CommentThreadDto,
  type ReanchorCommentThreadInput,
  reanchorCommentThreadInput,
} from "@/lib/schemas/comments";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { rebuildDocument } from "../collab/read-document-log";
import { publishCommentsChanged } from "../events/publish-comments-changed";
import { parseInput } from "../http/parse-input";
import { loadCommentThread } from "./load-comment-threads";
import { requireCommentThread } from "./require-comment-thread";

/**
 * Roles that may move a thread's anchor: those who write the text. The repair follows their own
 * undo, which only a writer can make; a reader moving someone's comment would be an edit.
 */
export const REANCHOR_ROLES: readonly WorkspaceRole[] = ["owner", "analyst"];

export interface ReanchorCommentThreadOptions {
  /** An owner or analyst of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  threadId: string;
  /** The new anchors and the ones they replace. */
  input: ReanchorCommentThreadInput;
}

function decode(value: string): Y.RelativePosition {
  return Y.decodeRelativePosition(Buffer.from(value, "base64"));
}

/**
 * 400 unless both new ends stick to characters of live text in the document as stored, the start
 * before the end when both are in one paragraph. The quote is not compared: the restored text is
 * what the range held when it was deleted, which may differ from the text first commented on.
 */
function assertPlaceable(doc: Y.Doc, start: Y.RelativePosition, end: Y.RelativePosition): void {
  const root = doc.getXmlFragment(EDITOR_FIELD);
  const fields: FieldErrors = {};
  if (!isAnchorLive(doc, root, start)) fields.anchorStart = ["The anchor start is not in this document's text."];
  if (!isAnchorLive(doc, root, end)) fields.anchorEnd = ["The anchor end is not in this document's text."];
  if (Object.keys(fields).length === 0) {
    const from = Y.createAbsolutePositionFromRelativePosition(start, doc, false);
    const to = Y.createAbsolutePositionFromRelativePosition(end, doc, false);
    if (from && to && from.type === to.type && from.index >= to.index) {
      fields.anchorEnd = ["The anchor end must come after its start."];
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("bad_request:validation", "The new anchor does not name text of this document.", { fields });
  }
}

/**
 * Moves a thread's range onto text that an undo or redo brought back. Yjs restores deleted text
 * as new items, linked to the old ones only in the undoing client's memory, so every other copy
 * (and that client after a reload) finds the anchored characters deleted: the client that undid
 * sends anchors on the restored text, and all agree from then on. Refused (409) when the anchor
 * changed since the caller loaded it (a concurrent or stale repair) and when the anchored text
 * was not deleted (nothing to repair). The quote stays. Writers only, checked here.
 */
export async function reanchorCommentThread(options: ReanchorCommentThreadOptions): Promise<CommentThreadDto> {
  const input = parseInput(reanchorCommentThreadInput, options.input);
  const actorUserId = auditActorId(options.actor);
  const thread = await getDatabase().transaction(async (tx) => {
    // Locked: two repairs of one thread queue, and the second finds the anchor it replaces gone.
    const { assessment, role, thread: row } = await requireCommentThread({ db: tx, ...options, forUpdate: true });
    if (!REANCHOR_ROLES.includes(role)) {
      throw new AppError("forbidden:comment_thread", "Only owners and analysts may move a thread's anchor.");
    }
    if (row.anchorStart === null || row.anchorEnd === null) {
      throw new AppError("conflict:comment_thread_anchor", "This thread is on a judgement, not on a text range.");
    }
    if (row.anchorStart !== input.previousAnchorStart || row.anchorEnd !== input.previousAnchorEnd) {
      throw new AppError(
        "conflict:comment_thread_anchor",
        "This thread's anchor changed meanwhile. Reload the comments and try again.",
      );
    }
    // The stored log is the truth: the caller sends this after its undo was saved.
    const doc = await rebuildDocument(tx, assessment.id);
    try {
      if (!isAnchorDeleted(doc, decode(row.anchorStart)) && !isAnchorDeleted(doc, decode(row.anchorEnd))) {
        throw new AppError(
          "conflict:comment_thread_anchor",
          "This thread's text is still there; it needs no new anchor.",
        );
      }
      assertPlaceable(doc, decode(input.anchorStart), decode(input.anchorEnd));
    } finally {
      doc.destroy();
    }
    await tx
      .update(commentThreads)
      .set({ anchorStart: input.anchorStart, anchorEnd: input.anchorEnd })
      .where(eq(commentThreads.id, row.id));
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId,
      action: "comment_thread.reanchored",
      targetType: "comment_thread",
      targetId: row.id,
      data: {
        assessmentId: assessment.id,
        judgementId: row.judgementId,
        previousAnchorStart: row.anchorStart,
        previousAnchorEnd: row.anchorEnd,
      },
    });
    return loadCommentThread(tx, assessment.id, row.id);
  });
  await publishCommentsChanged({ assessmentId: thread.assessmentId, threadId: thread.id });
  return thread;
}
