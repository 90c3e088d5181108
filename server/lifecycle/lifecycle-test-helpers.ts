import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import * as publishRoute from "@/app/api/v1/assessments/[assessmentId]/publish/route";
import * as reviewRequestsRoute from "@/app/api/v1/assessments/[assessmentId]/review-requests/route";
import * as statusRoute from "@/app/api/v1/assessments/[assessmentId]/status/route";
import { getDatabase } from "@/db/client";
import { assessmentAuthors, assessments, auditEvents, documentUpdates, notifications } from "@/db/schema";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { editorSchema } from "@/lib/editor/editor-schema";
import type { JudgementAttributes } from "@/lib/editor/judgement-node";
import type { Actor } from "../auth/actor";
import { storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { judgementBlock } from "../judgements/judgement-test-helpers";
import { reviewJudgement } from "../reviews/review-judgement";
import { createTestObservation, createTestSource } from "../testing/evidence-factories";
import { createTestTeam } from "../testing/factories";
import { callRoute, createTestBearer, type RouteResult } from "../testing/route-test-helpers";

export const KEY_STATEMENT =
  "Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.";
export const OTHER_STATEMENT = "The depot is likely to keep handling rail traffic from Tumangang.";

/**
 * A team, a graded source and two observations, and an assessment ("Rail logistics", TLP:AMBER)
 * whose text — a paragraph and one key judgement citing `february` — is in the durable update
 * log (what publishing freezes) and in the derived copy and projection (what reviews read), as
 * the collaboration server would leave it. `write` applies new text to the same Y.Doc as an edit
 * by `editors`, appends it to the log and saves the derived copy, like a live edit.
 */
export async function assessmentForLifecycle() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const source = await createTestSource(team.analyst, workspaceId, { title: "Tikhoretsk rail depot imagery" });
  const observe = (summary: string, month: string, externalId: string) =>
    createTestObservation(team.analyst, workspaceId, {
      externalId,
      summary,
      observed: { precision: "month", month },
      credibility: 2,
      sourceIds: [source.id],
    });
  const february = await observe("About 60 rail cars at the Tikhoretsk depot", "2024-02", "OBS-26");
  const april = await observe("About 50 rail cars at the Tikhoretsk depot", "2024-04", "OBS-27");
  const assessmentId = await createTestDocument(workspaceId);
  await getDatabase()
    .update(assessments)
    .set({ title: "Rail logistics", keyQuestion: "Will Tikhoretsk keep handling munitions?", tlp: "AMBER" })
    .where(eq(assessments.id, assessmentId));
  const doc = new Y.Doc();

  /** A paragraph and the key judgement (`key` overrides its attributes); `extra` blocks follow. */
  const text = (
    key: { statement?: string } & Partial<JudgementAttributes> = {},
    extra: JSONContent[] = [],
  ): JSONContent[] => {
    const { statement = KEY_STATEMENT, ...attrs } = key;
    return [
      { type: "paragraph", content: [{ type: "text", text: "Scope of this assessment." }] },
      judgementBlock(statement, {
        id: "jdg_key",
        likelihood: "likely",
        confidence: "moderate",
        isKey: true,
        citations: [february.id],
        ...attrs,
      }),
      ...extra,
    ];
  };
  const write = async (blocks: JSONContent[], editors: readonly Actor[] = [team.analyst]) => {
    const before = Y.encodeStateVector(doc);
    prosemirrorJSONToYXmlFragment(editorSchema(), { type: "doc", content: blocks }, doc.getXmlFragment(EDITOR_FIELD));
    const db = getDatabase();
    await db
      .insert(documentUpdates)
      .values({ documentId: assessmentId, update: Y.encodeStateAsUpdate(doc, before), userId: editors[0]?.id ?? null });
    for (const editor of editors) {
      await db.insert(assessmentAuthors).values({ assessmentId, userId: editor.id }).onConflictDoNothing();
    }
    await storeDocumentContent(
      assessmentId,
      doc,
      editors.map((editor) => editor.id),
    );
  };
  await write(text());

  /** A verdict by `reviewer` on a judgement of the current text. */
  const approve = (reviewer: Actor, judgementId = "jdg_key") =>
    reviewJudgement({ actor: reviewer, assessmentId, judgementId, verdict: "approved" });

  const statusOf = async () => {
    const [row] = await getDatabase()
      .select({ status: assessments.status })
      .from(assessments)
      .where(eq(assessments.id, assessmentId));
    return row?.status;
  };
  /** The audit actions recorded on the assessment, oldest first. */
  const auditActions = async (action?: string) =>
    (
      await getDatabase()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetId, assessmentId), action ? eq(auditEvents.action, action) : undefined))
        .orderBy(auditEvents.id)
    ).map((event) => ({ action: event.action, actorUserId: event.actorUserId, data: event.data }));
  /** Notifications recorded about the assessment, as `userId:kind`, sorted. */
  const notified = async () =>
    (
      await getDatabase()
        .select({ userId: notifications.userId, kind: notifications.kind })
        .from(notifications)
        .where(eq(notifications.assessmentId, assessmentId))
    )
      .map((row) => `${row.userId}:${row.kind}`)
      .sort();

  return {
    ...team,
    workspaceId,
    source,
    february,
    april,
    assessmentId,
    doc,
    text,
    write,
    approve,
    statusOf,
    auditActions,
    notified,
  };
}

/** The lifecycle REST calls, as a script makes them with the actor's API token. */
export const lifecycleApi = {
  status: async (assessmentId: string, actor: Actor): Promise<RouteResult> =>
    callRoute(statusRoute.GET, {
      path: `/api/v1/assessments/${assessmentId}/status`,
      params: { assessmentId },
      token: await createTestBearer(actor),
    }),
  changeStatus: async (assessmentId: string, actor: Actor, status: unknown): Promise<RouteResult> =>
    callRoute(statusRoute.POST, {
      method: "POST",
      path: `/api/v1/assessments/${assessmentId}/status`,
      params: { assessmentId },
      body: { status },
      token: await createTestBearer(actor),
    }),
  reviewRequests: async (assessmentId: string, actor: Actor): Promise<RouteResult> =>
    callRoute(reviewRequestsRoute.GET, {
      path: `/api/v1/assessments/${assessmentId}/review-requests`,
      params: { assessmentId },
      token: await createTestBearer(actor),
    }),
  requestReview: async (assessmentId: string, actor: Actor, reviewerIds: unknown): Promise<RouteResult> =>
    callRoute(reviewRequestsRoute.POST, {
      method: "POST",
      path: `/api/v1/assessments/${assessmentId}/review-requests`,
      params: { assessmentId },
      body: { reviewerIds },
      token: await createTestBearer(actor),
    }),
  publish: async (assessmentId: string, actor: Actor): Promise<RouteResult> =>
    callRoute(publishRoute.POST, {
      method: "POST",
      path: `/api/v1/assessments/${assessmentId}/publish`,
      params: { assessmentId },
      token: await createTestBearer(actor),
    }),
};
