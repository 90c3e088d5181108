import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { assessments, commentThreads } from "@/db/schema";
import { commentDto } from "@/lib/schemas/comments";
import { getEventBus } from "../events/event-bus";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { assessmentWithJudgement, auditActions, commentApi, storedComments, tokensOf } from "./comment-test-helpers";

/** A team, a thread the reviewer started on the judgement, and everyone's tokens. */
async function threadByReviewer() {
  const team = await assessmentWithJudgement();
  const tokens = await tokensOf({
    owner: team.owner,
    analyst: team.analyst,
    reviewer: team.reviewer,
    viewer: team.viewer,
  });
  const response = await commentApi.create(team.assessmentId, tokens.reviewer, {
    judgementId: "jdg_key",
    body: "Source for 'crucial'?",
  });
  expect(response.status).toBe(201);
  const threadId: string = response.body.id;
  const firstCommentId: string = response.body.comments[0].id;
  return { ...team, tokens, threadId, firstCommentId };
}

async function storedThread(threadId: string) {
  const [row] = await getDatabase().select().from(commentThreads).where(eq(commentThreads.id, threadId));
  return row;
}

describe("replies and one's own comments", () => {
  it("adds replies with mentions in order", async () => {
    const { assessmentId, threadId, tokens, reviewer, analyst } = await threadByReviewer();
    const reply = await commentApi.reply(assessmentId, threadId, tokens.analyst, {
      body: "@Rey Reviewer see OBS-26",
      mentionIds: [reviewer.id],
    });
    expect(reply.status).toBe(201);
    expect(commentDto.parse(reply.body)).toMatchObject({
      threadId,
      author: { id: analyst.id, name: analyst.name },
      mentions: [{ id: reviewer.id, name: reviewer.name }],
    });
    const listed = await commentApi.list(assessmentId, tokens.viewer);
    expect(listed.body[0].comments.map((comment: { body: string }) => comment.body)).toEqual([
      "Source for 'crucial'?",
      "@Rey Reviewer see OBS-26",
    ]);
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const refused = await commentApi.reply(assessmentId, threadId, tokens.analyst, {
      body: "@Nobody",
      mentionIds: [outsider.id],
    });
    expect(refused.status).toBe(400);
    expect(await storedComments(threadId)).toHaveLength(2);
  });

  it("lets the author edit their comment and refuses everyone else, owners included", async () => {
    const { assessmentId, threadId, firstCommentId, tokens } = await threadByReviewer();
    const ids = { assessmentId, threadId, commentId: firstCommentId };
    for (const token of [tokens.owner, tokens.analyst]) {
      const refused = await commentApi.edit(ids, token, { body: "Rewritten by someone else" });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden:comment");
    }
    expect((await storedComments(threadId))[0]).toMatchObject({ body: "Source for 'crucial'?", editedAt: null });
    const edited = await commentApi.edit(ids, tokens.reviewer, { body: "Which source supports 'crucial'?" });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe("Which source supports 'crucial'?");
    expect(edited.body.editedAt).not.toBeNull();
  });

  it("deletes the author's own comment as a tombstone and refuses to delete someone else's", async () => {
    const { assessmentId, threadId, firstCommentId, tokens, workspace } = await threadByReviewer();
    const ids = { assessmentId, threadId, commentId: firstCommentId };
    const refused = await commentApi.remove(ids, tokens.owner);
    expect(refused.status).toBe(403);
    expect((await storedComments(threadId))[0]?.deletedAt).toBeNull();
    const removed = await commentApi.remove(ids, tokens.reviewer);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: firstCommentId, body: "", mentions: [] });
    expect(removed.body.deletedAt).not.toBeNull();
    const listed = await commentApi.list(assessmentId, tokens.viewer);
    expect(listed.body[0].comments).toEqual([removed.body]);
    expect((await commentApi.edit(ids, tokens.reviewer, { body: "Back" })).status).toBe(409);
    expect((await auditActions(workspace.id)).map((event) => event.action)).toEqual([
      "comment_thread.created",
      "comment.deleted",
    ]);
  });

  it("answers 404 for a thread of another assessment", async () => {
    const first = await threadByReviewer();
    const second = await threadByReviewer();
    const response = await commentApi.reply(first.assessmentId, second.threadId, first.tokens.reviewer, {
      body: "Crossed wires",
    });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found:comment_thread");
    expect(await storedComments(second.threadId)).toHaveLength(1);
  });

  it("refuses replies, edits and resolving once the assessment is archived", async () => {
    const { assessmentId, threadId, firstCommentId, tokens } = await threadByReviewer();
    await getDatabase().update(assessments).set({ archivedAt: new Date() }).where(eq(assessments.id, assessmentId));
    const ids = { assessmentId, threadId, commentId: firstCommentId };
    for (const response of [
      await commentApi.reply(assessmentId, threadId, tokens.analyst, { body: "Late" }),
      await commentApi.edit(ids, tokens.reviewer, { body: "Late edit" }),
      await commentApi.remove(ids, tokens.reviewer),
      await commentApi.resolve(assessmentId, threadId, tokens.reviewer),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe("conflict:assessment_archived");
    }
    expect(await storedComments(threadId)).toMatchObject([{ body: "Source for 'crucial'?", deletedAt: null }]);
    expect((await commentApi.list(assessmentId, tokens.viewer)).body).toHaveLength(1);
  });
});

describe("resolving and reopening", () => {
  it("refuses analysts and viewers who did not start the thread, changing nothing", async () => {
    const { assessmentId, threadId, tokens } = await threadByReviewer();
    for (const token of [tokens.analyst, tokens.viewer]) {
      const response = await commentApi.resolve(assessmentId, threadId, token);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        "Only the thread's author, owners and reviewers may resolve this thread.",
      );
    }
    expect((await storedThread(threadId))?.resolvedAt).toBeNull();
  });

  it("lets the author resolve and reopen, and an owner too, filtering lists by status", async () => {
    const { assessmentId, threadId, tokens, reviewer, owner, workspace } = await threadByReviewer();
    const resolved = await commentApi.resolve(assessmentId, threadId, tokens.reviewer);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "resolved", resolvedBy: { id: reviewer.id, name: reviewer.name } });
    expect((await commentApi.resolve(assessmentId, threadId, tokens.owner)).status).toBe(409);
    expect((await commentApi.list(assessmentId, tokens.viewer, "open")).body).toEqual([]);
    expect((await commentApi.list(assessmentId, tokens.viewer, "resolved")).body).toHaveLength(1);

    const reopened = await commentApi.reopen(assessmentId, threadId, tokens.owner);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: "open", resolvedAt: null, resolvedBy: null });
    const again = await commentApi.resolve(assessmentId, threadId, tokens.owner);
    expect(again.body).toMatchObject({ status: "resolved", resolvedBy: { id: owner.id } });
    expect((await commentApi.reopen(assessmentId, threadId, tokens.reviewer)).status).toBe(200);
    expect((await commentApi.list(assessmentId, tokens.viewer, "open")).body).toHaveLength(1);
    expect((await commentApi.list(assessmentId, tokens.viewer, "closed")).status).toBe(400);

    expect((await auditActions(workspace.id)).map((event) => event.action)).toEqual([
      "comment_thread.created",
      "comment_thread.resolved",
      "comment_thread.reopened",
      "comment_thread.resolved",
      "comment_thread.reopened",
    ]);
  });

  it("lets a viewer resolve a thread they started, and a reviewer reopen it", async () => {
    const { assessmentId, viewer, reviewer, analyst } = await assessmentWithJudgement();
    const tokens = await tokensOf({ viewer, reviewer, analyst });
    const thread = await commentApi.create(assessmentId, tokens.viewer, { judgementId: "jdg_key", body: "Typo?" });
    const response = await commentApi.resolve(assessmentId, thread.body.id, tokens.viewer);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("resolved");
    expect((await commentApi.reopen(assessmentId, thread.body.id, tokens.analyst)).status).toBe(403);
    const reopened = await commentApi.reopen(assessmentId, thread.body.id, tokens.reviewer);
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe("open");
  });

  it("writes an audit event for replies and edits", async () => {
    const { assessmentId, threadId, firstCommentId, tokens, workspace } = await threadByReviewer();
    const reply = await commentApi.reply(assessmentId, threadId, tokens.analyst, { body: "Added OBS-26." });
    await commentApi.edit({ assessmentId, threadId, commentId: firstCommentId }, tokens.reviewer, { body: "Thanks" });
    expect(await auditActions(workspace.id)).toEqual([
      { action: "comment_thread.created", targetId: threadId },
      { action: "comment.created", targetId: reply.body.id },
      { action: "comment.edited", targetId: firstCommentId },
    ]);
  });

  it("announces every change as comments.changed for live delivery", async () => {
    const events: unknown[] = [];
    const unsubscribe = getEventBus().subscribe("comments.changed", (event) => {
      events.push(event);
    });
    try {
      const { assessmentId, threadId, firstCommentId, tokens } = await threadByReviewer();
      await commentApi.reply(assessmentId, threadId, tokens.analyst, { body: "Added OBS-26." });
      await commentApi.edit({ assessmentId, threadId, commentId: firstCommentId }, tokens.reviewer, { body: "Ok" });
      await commentApi.resolve(assessmentId, threadId, tokens.reviewer);
      // Refused changes announce nothing.
      await commentApi.reopen(assessmentId, threadId, tokens.viewer);
      const expected = { type: "comments.changed", assessmentId, threadId };
      await expect.poll(() => events).toEqual([expected, expected, expected, expected]);
    } finally {
      unsubscribe();
    }
  });
});
