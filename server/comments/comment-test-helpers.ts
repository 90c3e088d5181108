import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import * as anchorRoute from "@/app/api/v1/assessments/[assessmentId]/comment-threads/[threadId]/anchor/route";
import * as commentRoute from "@/app/api/v1/assessments/[assessmentId]/comment-threads/[threadId]/comments/[commentId]/route";
import * as commentsRoute from "@/app/api/v1/assessments/[assessmentId]/comment-threads/[threadId]/comments/route";
import * as reopenRoute from "@/app/api/v1/assessments/[assessmentId]/comment-threads/[threadId]/reopen/route";
import * as resolveRoute from "@/app/api/v1/assessments/[assessmentId]/comment-threads/[threadId]/resolve/route";
import * as threadsRoute from "@/app/api/v1/assessments/[assessmentId]/comment-threads/route";
import { getDatabase } from "@/db/client";
import { auditEvents, comments } from "@/db/schema";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import type { Actor } from "../auth/actor";
import { storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { documentOf, judgementBlock } from "../judgements/judgement-test-helpers";
import { createTestApiToken, createTestTeam } from "../testing/factories";
import { callRoute, type RouteResult } from "../testing/route-test-helpers";

export const STATEMENT = "Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.";

/** A team and an assessment whose text holds one judgement (`jdg_key`), with the Y.Doc it was saved from. */
export async function assessmentWithJudgement() {
  const team = await createTestTeam();
  const assessmentId = await createTestDocument(team.workspace.id);
  const doc = documentOf([judgementBlock(STATEMENT, { id: "jdg_key", likelihood: "likely", confidence: "moderate" })]);
  await storeDocumentContent(assessmentId, doc, [team.analyst.id]);
  return { ...team, assessmentId, doc };
}

/** Base64 of a relative position at `index` of the first judgement's text, as the editor would send it. */
export function anchorAt(doc: Y.Doc, index: number): string {
  const judgement = doc.getXmlFragment(EDITOR_FIELD).get(0) as Y.XmlElement;
  const text = judgement.get(0) as Y.XmlText;
  const position = Y.createRelativePositionFromTypeIndex(text, index);
  return Buffer.from(Y.encodeRelativePosition(position)).toString("base64");
}

/** Bearer tokens of a whole team, minted once per test. */
export async function tokensOf<T extends Record<string, Actor>>(people: T): Promise<Record<keyof T, string>> {
  const entries = await Promise.all(
    Object.entries(people).map(async ([role, actor]) => [role, await createTestApiToken(actor)] as const),
  );
  return Object.fromEntries(entries) as Record<keyof T, string>;
}

/** The REST calls of comment threads, as a client makes them. */
export const commentApi = {
  list: (assessmentId: string, token: string, status?: string): Promise<RouteResult> =>
    callRoute(threadsRoute.GET, {
      path: `/api/v1/assessments/${assessmentId}/comment-threads${status ? `?status=${status}` : ""}`,
      params: { assessmentId },
      token,
    }),
  create: (assessmentId: string, token: string, body: unknown): Promise<RouteResult> =>
    callRoute(threadsRoute.POST, { method: "POST", params: { assessmentId }, token, body }),
  reply: (assessmentId: string, threadId: string, token: string, body: unknown): Promise<RouteResult> =>
    callRoute(commentsRoute.POST, { method: "POST", params: { assessmentId, threadId }, token, body }),
  edit: (ids: CommentIds, token: string, body: unknown): Promise<RouteResult> =>
    callRoute(commentRoute.PATCH, { method: "PATCH", params: ids, token, body }),
  remove: (ids: CommentIds, token: string): Promise<RouteResult> =>
    callRoute(commentRoute.DELETE, { method: "DELETE", params: ids, token }),
  resolve: (assessmentId: string, threadId: string, token: string): Promise<RouteResult> =>
    callRoute(resolveRoute.POST, { method: "POST", params: { assessmentId, threadId }, token }),
  reopen: (assessmentId: string, threadId: string, token: string): Promise<RouteResult> =>
    callRoute(reopenRoute.POST, { method: "POST", params: { assessmentId, threadId }, token }),
  reanchor: (assessmentId: string, threadId: string, token: string, body: unknown): Promise<RouteResult> =>
    callRoute(anchorRoute.PUT, { method: "PUT", params: { assessmentId, threadId }, token, body }),
};

export type CommentIds = { assessmentId: string; threadId: string; commentId: string };

/** The comment rows of a thread as stored, oldest first. */
export function storedComments(threadId: string) {
  return getDatabase()
    .select()
    .from(comments)
    .where(eq(comments.threadId, threadId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

/** The audit actions recorded in a workspace, oldest first. */
export async function auditActions(workspaceId: string): Promise<{ action: string; targetId: string }[]> {
  return getDatabase()
    .select({ action: auditEvents.action, targetId: auditEvents.targetId })
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, workspaceId))
    .orderBy(asc(auditEvents.id));
}
