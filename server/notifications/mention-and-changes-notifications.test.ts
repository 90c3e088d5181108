import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { addComment } from "../comments/add-comment";
import { createCommentThread } from "../comments/create-comment-thread";
import { editComment } from "../comments/edit-comment";
import { reviewJudgement } from "../reviews/review-judgement";
import { assessmentUnderReview, KEY_STATEMENT } from "../reviews/review-test-helpers";
import { inbox, inboxOf } from "./notification-test-helpers";
import { recordNotificationsSafely } from "./record-notifications";

describe("mention notifications", () => {
  it("tells each member mentioned in a new thread or reply, once, and never the writer", async () => {
    const f = await assessmentUnderReview();
    const thread = await createCommentThread({
      actor: f.analyst,
      assessmentId: f.assessmentId,
      input: {
        judgementId: "jdg_key",
        body: "@Rey @Vic @Ana does the drop from 60 to 50 hold?",
        mentionIds: [f.reviewer.id, f.viewer.id, f.analyst.id],
      },
    });
    for (const person of [f.reviewer, f.viewer]) {
      expect(await inbox(person)).toEqual([
        expect.objectContaining({
          kind: "mentioned",
          summary: "Ana Analyst mentioned you on “Collaboration test”",
          workspace: { id: f.workspaceId, name: f.workspace.name },
          assessmentId: f.assessmentId,
          judgementId: "jdg_key",
          threadId: thread.id,
          actor: { id: f.analyst.id, name: "Ana Analyst" },
          url: `/w/${f.workspaceId}/a/${f.assessmentId}#thread-${thread.id}`,
          readAt: null,
        }),
      ]);
    }
    // The writer mentioned themself: nothing; the owner was not mentioned: nothing.
    expect(await inbox(f.analyst)).toEqual([]);
    expect(await inbox(f.owner)).toEqual([]);

    await addComment({
      actor: f.reviewer,
      assessmentId: f.assessmentId,
      threadId: thread.id,
      input: { body: "@Olivia can you check the source?", mentionIds: [f.owner.id] },
    });
    expect(await inboxOf(f.owner, "mentioned")).toEqual([
      expect.objectContaining({ summary: "Rey Reviewer mentioned you on “Collaboration test”", threadId: thread.id }),
    ]);
    // A reply without mentions tells nobody new.
    await addComment({
      actor: f.viewer,
      assessmentId: f.assessmentId,
      threadId: thread.id,
      input: { body: "Agreed." },
    });
    expect(await inbox(f.reviewer)).toHaveLength(1);
    expect(await inbox(f.owner)).toHaveLength(1);
  });

  it("tells members an edit mentions for the first time, and nobody twice", async () => {
    const f = await assessmentUnderReview();
    const thread = await createCommentThread({
      actor: f.analyst,
      assessmentId: f.assessmentId,
      input: { judgementId: "jdg_key", body: "@Rey does this hold?", mentionIds: [f.reviewer.id] },
    });
    const [first] = thread.comments;
    if (!first) throw new Error("the thread has no comment");
    await editComment({
      actor: f.analyst,
      assessmentId: f.assessmentId,
      threadId: thread.id,
      commentId: first.id,
      input: { body: "@Rey @Olivia does this hold?", mentionIds: [f.reviewer.id, f.owner.id] },
    });
    expect(await inboxOf(f.owner, "mentioned")).toEqual([
      expect.objectContaining({ summary: "Ana Analyst mentioned you on “Collaboration test”", threadId: thread.id }),
    ]);
    expect(await inboxOf(f.reviewer, "mentioned")).toHaveLength(1);
  });
});

describe("changes-requested notifications", () => {
  it("tells the judgement's authors and editors, not the reviewer or anyone else", async () => {
    const f = await assessmentUnderReview();
    // The owner edits the key judgement too: both wrote it now.
    await f.write(f.text({ confidence: "low" }), [f.owner]);
    const review = await reviewJudgement({
      actor: f.reviewer,
      assessmentId: f.assessmentId,
      judgementId: "jdg_key",
      verdict: "changes_requested",
      comment: "Say which months the counts cover.",
    });
    for (const author of [f.analyst, f.owner]) {
      expect(await inbox(author)).toEqual([
        expect.objectContaining({
          kind: "changes_requested",
          summary: `Rey Reviewer requested changes to “${KEY_STATEMENT.slice(0, 79).trimEnd()}…” in “Collaboration test”`,
          judgementId: "jdg_key",
          threadId: null,
          actor: { id: f.reviewer.id, name: "Rey Reviewer" },
          url: `/w/${f.workspaceId}/a/${f.assessmentId}#judgement-jdg_key`,
        }),
      ]);
    }
    expect(await inbox(f.reviewer)).toEqual([]);
    expect(await inbox(f.viewer)).toEqual([]);
    const stored = await getDatabase().select().from(notifications).where(eq(notifications.subjectKey, review.id));
    expect(stored).toHaveLength(2);
  });

  it("does not tell an owner about changes they requested on a judgement they edited", async () => {
    const f = await assessmentUnderReview();
    await f.write(f.text({ confidence: "low" }), [f.owner]);
    await reviewJudgement({
      actor: f.owner,
      assessmentId: f.assessmentId,
      judgementId: "jdg_key",
      verdict: "changes_requested",
      comment: "Low confidence needs a reason.",
    });
    expect(await inbox(f.owner)).toEqual([]);
    expect(await inboxOf(f.analyst, "changes_requested")).toHaveLength(1);
    // Approvals notify nobody.
    await reviewJudgement({
      actor: f.reviewer,
      assessmentId: f.assessmentId,
      judgementId: "jdg_key",
      verdict: "approved",
    });
    expect(await inbox(f.analyst)).toHaveLength(1);
  });
});

describe("recording notifications safely", () => {
  it("keeps the change when its notifications cannot be written", async () => {
    const f = await assessmentUnderReview();
    const db = getDatabase();
    const outcome = await db.transaction(async (tx) => {
      const notified = await recordNotificationsSafely(tx, "test", async (savepoint) => {
        // A user id that does not exist violates the foreign key.
        await savepoint.insert(notifications).values({
          userId: "00000000-0000-4000-8000-000000000001",
          workspaceId: f.workspaceId,
          kind: "mentioned",
          summary: "never stored",
        });
        return ["00000000-0000-4000-8000-000000000001"];
      });
      // The surrounding transaction still works after the failed savepoint.
      await tx.update(users).set({ name: "Ana Renamed" }).where(eq(users.id, f.analyst.id));
      return notified;
    });
    expect(outcome).toEqual([]);
    const [analyst] = await db.select({ name: users.name }).from(users).where(eq(users.id, f.analyst.id));
    expect(analyst?.name).toBe("Ana Renamed");
  });
});
