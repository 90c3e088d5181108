import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { assessments, commentThreads } from "@/db/schema";
import { commentThreadDto } from "@/lib/schemas/comments";
import { storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { documentOf, judgementBlock } from "../judgements/judgement-test-helpers";
import { createTestApiToken, createTestUser, createTestWorkspace } from "../testing/factories";
import {
  anchorAt,
  assessmentWithJudgement,
  auditActions,
  commentApi,
  STATEMENT,
  tokensOf,
} from "./comment-test-helpers";

async function threadCount(assessmentId: string): Promise<number> {
  return (await getDatabase().select().from(commentThreads).where(eq(commentThreads.assessmentId, assessmentId)))
    .length;
}

describe("POST /api/v1/assessments/:id/comment-threads", () => {
  it("starts a thread on a judgement that every member then sees, with the author's name", async () => {
    const { assessmentId, reviewer, viewer, workspace } = await assessmentWithJudgement();
    const tokens = await tokensOf({ reviewer, viewer });
    const response = await commentApi.create(assessmentId, tokens.reviewer, {
      judgementId: "jdg_key",
      isBlocking: true,
      body: "  Which observations support 'crucial'?  ",
    });
    expect(response.status).toBe(201);
    const thread = commentThreadDto.parse(response.body);
    expect(thread).toMatchObject({
      assessmentId,
      judgementId: "jdg_key",
      anchorStart: null,
      isBlocking: true,
      status: "open",
      createdBy: { id: reviewer.id, name: reviewer.name },
      comments: [{ body: "Which observations support 'crucial'?", author: { id: reviewer.id, name: reviewer.name } }],
    });
    const listed = await commentApi.list(assessmentId, tokens.viewer);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([thread]);
    expect(await auditActions(workspace.id)).toEqual([{ action: "comment_thread.created", targetId: thread.id }]);
  });

  it("anchors a thread to a text range whose relative positions resolve in the document", async () => {
    const { assessmentId, viewer, doc } = await assessmentWithJudgement();
    const token = await createTestApiToken(viewer);
    const anchorStart = anchorAt(doc, 0);
    const anchorEnd = anchorAt(doc, 11);
    const response = await commentApi.create(assessmentId, token, {
      anchorStart,
      anchorEnd,
      quote: "Tikhoretsk ",
      body: "Spell out the oblast on first mention.",
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ judgementId: null, anchorStart, anchorEnd, quote: "Tikhoretsk " });
    // The stored anchor still finds its place after text is inserted before it.
    const text = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, "In our view, ");
    const bytes = Uint8Array.from(Buffer.from(response.body.anchorEnd, "base64"));
    const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), doc);
    expect(end?.index).toBe("In our view, Tikhoretsk ".length);
  });

  it("keeps HTML in a body as literal text", async () => {
    const { assessmentId, analyst, viewer } = await assessmentWithJudgement();
    const body = `<img src=x onerror="alert(1)"> & <b>bold</b>`;
    const response = await commentApi.create(assessmentId, await createTestApiToken(analyst), {
      judgementId: "jdg_key",
      body,
    });
    expect(response.status).toBe(201);
    const listed = await commentApi.list(assessmentId, await createTestApiToken(viewer));
    expect(listed.body[0].comments[0].body).toBe(body);
  });

  it("records mentions of members with their names, and refuses to mention anyone else", async () => {
    const { assessmentId, analyst, reviewer, owner } = await assessmentWithJudgement();
    const token = await createTestApiToken(reviewer);
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const refused = await commentApi.create(assessmentId, token, {
      judgementId: "jdg_key",
      body: `@Ana Analyst @Stranger please check`,
      mentionIds: [analyst.id, outsider.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({ mentionIds: ["Mention only members of this workspace."] });
    expect(await threadCount(assessmentId)).toBe(0);
    const body = "@Ana Analyst @Olivia Owner please check";
    const created = await commentApi.create(assessmentId, token, {
      judgementId: "jdg_key",
      body,
      mentionIds: [analyst.id, owner.id, analyst.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.comments[0]).toMatchObject({
      body,
      mentions: [
        { id: analyst.id, name: analyst.name },
        { id: owner.id, name: owner.name },
      ],
    });
  });

  it("answers 400 with field messages for bad anchors, bodies and subjects, writing nothing", async () => {
    const { assessmentId, analyst, doc } = await assessmentWithJudgement();
    const token = await createTestApiToken(analyst);
    const good = anchorAt(doc, 3);
    const cases: [unknown, string][] = [
      [{ anchorStart: "not base64!", anchorEnd: good, body: "x" }, "anchorStart"],
      [{ anchorStart: good, anchorEnd: "AA==", body: "x" }, "anchorEnd"],
      [{ anchorStart: good, anchorEnd: "A".repeat(1028), body: "x" }, "anchorEnd"],
      [{ anchorStart: good, body: "x" }, "anchorEnd"],
      [{ judgementId: "jdg_key", body: "   " }, "body"],
      [{ judgementId: "jdg_key", body: "x".repeat(10_001) }, "body"],
      [{ judgementId: "jdg_key", quote: "q".repeat(2_001), body: "x" }, "quote"],
      [{ judgementId: "jdg_key", body: "x", mentionIds: ["someone"] }, "mentionIds.0"],
      [{ body: "About nothing in particular" }, ""],
    ];
    for (const [body, field] of cases) {
      const response = await commentApi.create(assessmentId, token, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(Object.keys(response.body.error.fields)).toEqual([field]);
    }
    expect(await threadCount(assessmentId)).toBe(0);
  });

  it("answers 404 for a judgement of another assessment and for non-members", async () => {
    const { assessmentId, analyst, workspace } = await assessmentWithJudgement();
    const otherAssessment = await createTestDocument(workspace.id);
    await storeDocumentContent(otherAssessment, documentOf([judgementBlock(STATEMENT, { id: "jdg_other" })]));
    const token = await createTestApiToken(analyst);
    const foreign = await commentApi.create(assessmentId, token, { judgementId: "jdg_other", body: "Wrong one" });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found:judgement");

    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const outsiderToken = await createTestApiToken(outsider);
    for (const id of [assessmentId, randomUUID(), "not-a-uuid"]) {
      const response = await commentApi.create(id, outsiderToken, { judgementId: "jdg_key", body: "Hello" });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("not_found:assessment");
      expect((await commentApi.list(id, outsiderToken)).status).toBe(404);
    }
    expect(await threadCount(assessmentId)).toBe(0);
  });

  it("lets viewers comment but not mark a thread blocking", async () => {
    const { assessmentId, viewer } = await assessmentWithJudgement();
    const token = await createTestApiToken(viewer);
    const blocking = await commentApi.create(assessmentId, token, {
      judgementId: "jdg_key",
      isBlocking: true,
      body: "Stop",
    });
    expect(blocking.status).toBe(403);
    expect(blocking.body.error.message).toMatch(/owners, analysts and reviewers/);
    expect(await threadCount(assessmentId)).toBe(0);
    const plain = await commentApi.create(assessmentId, token, { judgementId: "jdg_key", body: "A question" });
    expect(plain.status).toBe(201);
  });

  it("refuses comments on an archived assessment with 409", async () => {
    const { assessmentId, reviewer } = await assessmentWithJudgement();
    await getDatabase().update(assessments).set({ archivedAt: new Date() }).where(eq(assessments.id, assessmentId));
    const response = await commentApi.create(assessmentId, await createTestApiToken(reviewer), {
      judgementId: "jdg_key",
      body: "Too late",
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("conflict:assessment_archived");
    expect(await threadCount(assessmentId)).toBe(0);
  });
});
