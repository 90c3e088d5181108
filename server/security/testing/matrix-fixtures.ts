import { randomBytes } from "node:crypto";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { assessmentAuthors, documentUpdates } from "@/db/schema";
import { encodeAnchor } from "@/lib/editor/comment-anchors";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { editorSchema } from "@/lib/editor/editor-schema";
import type { Actor } from "../../auth/actor";
import { storeDocumentContent } from "../../collab/store-document-content";
import { createTestDocument } from "../../collab/testing/start-collab-test-server";
import { addComment } from "../../comments/add-comment";
import { createCommentThread } from "../../comments/create-comment-thread";
import { resolveCommentThread } from "../../comments/resolve-comment-thread";
import { addObservationAttachment } from "../../evidence/add-observation-attachment";
import { createSite } from "../../evidence/create-site";
import { testPng } from "../../evidence/testing/test-images";
import { createInvitation } from "../../invitations/create-invitation";
import { judgementBlock } from "../../judgements/judgement-test-helpers";
import { changeAssessmentStatus } from "../../lifecycle/change-assessment-status";
import { publishAssessment } from "../../lifecycle/publish-assessment";
import { requestReview } from "../../lifecycle/request-review";
import { createTestNotification } from "../../notifications/notification-test-helpers";
import { reviewJudgement } from "../../reviews/review-judgement";
import { createTestObservation, createTestSource } from "../../testing/evidence-factories";
import { createTestUser, createTestWorkspace } from "../../testing/factories";
import { createApiToken } from "../../tokens/create-api-token";

/** The members of the workspace the matrix's resources belong to. */
export interface MatrixTeam {
  workspaceId: string;
  owner: Actor;
  analyst: Actor;
  reviewer: Actor;
  viewer: Actor;
}

export type AssessmentStage = "draft" | "in_review" | "approved" | "published";

let counter = 0;
/** A short unique suffix, so fresh records never collide with the shared ones. */
export function unique(): string {
  counter += 1;
  return `${counter}-${randomBytes(3).toString("hex")}`;
}

let images = 0;
/** A PNG no earlier call returned (the same bytes again would be the existing attachment, a 200). */
export function uniquePng(): Uint8Array {
  images += 1;
  return testPng(1 + (images % 64), 1 + Math.floor(images / 64));
}

/**
 * Builders of records in the team's workspace, through the domain functions (so they are what
 * the routes would have made). The matrix test uses one of each for every refused call and a
 * fresh one for each allowed call that changes or consumes it.
 */
export function matrixFixtures(team: MatrixTeam) {
  const { workspaceId, owner, analyst, reviewer } = team;
  const source = () => createTestSource(analyst, workspaceId, { title: `Rail depot imagery ${unique()}` });
  const site = () => createSite({ actor: analyst, workspaceId, input: { name: `Tikhoretsk depot ${unique()}` } });
  const observation = async (sourceId?: string) =>
    createTestObservation(analyst, workspaceId, {
      summary: `About 50 rail cars at the Tikhoretsk depot (${unique()})`,
      sourceIds: [sourceId ?? (await source()).id],
    });
  const attachment = async (observationId: string) => {
    const { attachment } = await addObservationAttachment({
      actor: analyst,
      workspaceId,
      observationId,
      bytes: uniquePng(),
      fileName: "depot.png",
    });
    return attachment;
  };

  /** An assessment whose text (a key judgement by the analyst, citing an observation) is durable, taken to `stage`. */
  const assessment = async (stage: AssessmentStage = "draft"): Promise<string> => {
    const assessmentId = await createTestDocument(workspaceId);
    const cited = await observation();
    const doc = new Y.Doc();
    const blocks = [
      { type: "paragraph", content: [{ type: "text", text: "Scope of this assessment." }] },
      judgementBlock("Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.", {
        id: "jdg_key",
        likelihood: "likely",
        confidence: "moderate",
        isKey: true,
        citations: [cited.id],
      }),
    ];
    prosemirrorJSONToYXmlFragment(editorSchema(), { type: "doc", content: blocks }, doc.getXmlFragment(EDITOR_FIELD));
    const db = getDatabase();
    await db
      .insert(documentUpdates)
      .values({ documentId: assessmentId, update: Y.encodeStateAsUpdate(doc), userId: analyst.id });
    await db.insert(assessmentAuthors).values({ assessmentId, userId: analyst.id });
    await storeDocumentContent(assessmentId, doc, [analyst.id]);
    if (stage === "draft") return assessmentId;
    await requestReview({ actor: analyst, assessmentId, reviewerIds: [reviewer.id] });
    await reviewJudgement({ actor: reviewer, assessmentId, judgementId: "jdg_key", verdict: "approved" });
    if (stage === "in_review") return assessmentId;
    await changeAssessmentStatus({ actor: reviewer, assessmentId, status: "approved" });
    if (stage === "approved") return assessmentId;
    await publishAssessment({ actor: owner, assessmentId });
    return assessmentId;
  };

  /** A thread on the key judgement, started by the analyst unless `author` says otherwise, open or resolved. */
  const thread = async (assessmentId: string, options: { author?: Actor; resolved?: boolean } = {}) => {
    const author = options.author ?? analyst;
    const created = await createCommentThread({
      actor: author,
      assessmentId,
      input: { judgementId: "jdg_key", body: `Which imagery shows this? (${unique()})` },
    });
    if (options.resolved) await resolveCommentThread({ actor: author, assessmentId, threadId: created.id });
    return created;
  };
  /**
   * A thread on a phrase that was deleted and came back as new characters (as every copy but the
   * undoing one sees an undo), and the body that moves its anchor onto them.
   */
  const restoredThread = async () => {
    const assessmentId = await createTestDocument(workspaceId);
    const doc = new Y.Doc();
    const phrase = "crucial for handling";
    const text = new Y.XmlText(`Tikhoretsk is ${phrase} munitions.`);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [text]);
    doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
    const at = text.toString().indexOf(phrase);
    const anchorsAt = () => ({
      anchorStart: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, at, 0)),
      anchorEnd: encodeAnchor(Y.createRelativePositionFromTypeIndex(text, at + phrase.length, -1)),
    });
    const previous = anchorsAt();
    const thread = await createCommentThread({
      actor: reviewer,
      assessmentId,
      input: { ...previous, quote: phrase, body: `Is this sourced? (${unique()})` },
    });
    text.delete(at, phrase.length);
    text.insert(at, phrase);
    await getDatabase()
      .insert(documentUpdates)
      .values({ documentId: assessmentId, update: Y.encodeStateAsUpdate(doc), userId: analyst.id });
    const body = {
      ...anchorsAt(),
      previousAnchorStart: previous.anchorStart,
      previousAnchorEnd: previous.anchorEnd,
    };
    return { assessmentId, threadId: thread.id, body };
  };
  const comment = (assessmentId: string, threadId: string) =>
    addComment({ actor: analyst, assessmentId, threadId, input: { body: `Planet Labs, 12 April (${unique()})` } });

  return {
    source,
    site,
    observation,
    attachment,
    assessment,
    thread,
    restoredThread,
    comment,
    /** A pending link to the team's workspace. */
    invitation: () => createInvitation({ actor: owner, workspaceId, role: "viewer" }),
    /** A pending link to a workspace of somebody else, so accepting it changes nothing here. */
    foreignInvitation: async () => {
      const host = await createTestUser({ name: "Hal Host" });
      const workspace = await createTestWorkspace(host);
      return createInvitation({ actor: host, workspaceId: workspace.id, role: "viewer" });
    },
    member: () => createTestUser({ name: `Mo Member ${unique()}`, workspace: { id: workspaceId }, role: "viewer" }),
    user: () => createTestUser({ name: `Uma User ${unique()}` }),
    analystToken: async () => (await createApiToken({ actor: analyst, name: `script ${unique()}` })).token,
    analystNotification: () => createTestNotification(analyst, workspaceId),
  };
}

export type MatrixFixtures = ReturnType<typeof matrixFixtures>;
