import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { auditEvents, judgementReviews, workspaces } from "@/db/schema";
import type { ReviewVerdict } from "@/lib/schemas/reviews";
import { setAssessmentArchived } from "../assessments/set-assessment-archived";
import type { Actor } from "../auth/actor";
import { ContentSaver, storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { getEventBus } from "../events";
import { documentOf, judgementBlock } from "../judgements/judgement-test-helpers";
import { createTestUser } from "../testing/factories";
import { reviewJudgement } from "./review-judgement";
import { assessmentUnderReview } from "./review-test-helpers";

type Fixture = Awaited<ReturnType<typeof assessmentUnderReview>>;

function review(
  f: Fixture,
  actor: Actor,
  verdict: ReviewVerdict = "approved",
  comment?: string,
  judgementId = "jdg_key",
) {
  return reviewJudgement({ actor, assessmentId: f.assessmentId, judgementId, verdict, comment });
}

async function reviewRows(f: Fixture) {
  return getDatabase().select().from(judgementReviews).where(eq(judgementReviews.assessmentId, f.assessmentId));
}

describe("self-approval", () => {
  it("refuses an owner who edited the judgement, even once someone else approved it, and after any later change", async () => {
    const f = await assessmentUnderReview();
    await getDatabase()
      .update(workspaces)
      .set({ requiredApprovals: 1, requiredKeyApprovals: 2 })
      .where(eq(workspaces.id, f.workspaceId));
    await f.write(f.text({ confidence: "high" }), [f.owner]);
    const refused = await review(f, f.owner).catch((error) => error);
    expect(refused).toMatchObject({ code: "forbidden:self_approval", status: 403 });
    expect(refused.message).toBe(
      "You edited this judgement, so someone else must approve it: nobody approves their own work. You can still request changes.",
    );
    expect(await reviewRows(f)).toEqual([]);

    // Another reviewer's approval does not make the owner's own one independent (four eyes).
    await review(f, f.reviewer);
    await expect(review(f, f.owner)).rejects.toMatchObject({ code: "forbidden:self_approval" });
    // Nor does a later change by someone else: the owner still wrote part of what is approved.
    await f.write(f.text({ confidence: "low" }), [f.analyst]);
    await review(f, f.reviewer);
    await expect(review(f, f.owner)).rejects.toMatchObject({ code: "forbidden:self_approval" });
    expect((await reviewRows(f)).map((row) => row.reviewerId)).toEqual([f.reviewer.id, f.reviewer.id]);
    expect(await f.stateOf()).toMatchObject({ status: "awaiting_review", currentApprovals: 1, requiredApprovals: 2 });
  });

  it("refuses the author of a never-approved judgement but not an owner who only edited elsewhere", async () => {
    const f = await assessmentUnderReview();
    await f.write(f.text({}, { other: "The depot will expand." }), [f.owner]);
    await expect(review(f, f.owner, "approved", undefined, "jdg_other")).rejects.toMatchObject({
      code: "forbidden:self_approval",
    });
    // The analyst wrote the key judgement; the owner never touched it.
    await expect(review(f, f.owner, "approved", undefined, "jdg_key")).resolves.toMatchObject({ verdict: "approved" });
    // The review list tells each caller which judgements they helped write, so the panel offers
    // them no Approve there.
    expect((await f.stateOf("jdg_other", f.owner)).callerEdited).toBe(true);
    expect((await f.stateOf("jdg_key", f.owner)).callerEdited).toBe(false);
    expect((await f.stateOf("jdg_key", f.analyst)).callerEdited).toBe(true);
    expect((await f.stateOf("jdg_other", f.reviewer)).callerEdited).toBe(false);
  });

  it("saves pending edits first, so an edit typed a moment ago counts", async () => {
    const f = await assessmentUnderReview();
    // The owner's edit of the key judgement is accepted but its save is still waiting for the
    // content delay.
    const saver = new ContentSaver(f.assessmentId, documentOf(f.text({ likelihood: "almost_certain" })), 60_000);
    try {
      saver.changed(f.owner.id, ["jdg_key"]);
      await expect(review(f, f.owner)).rejects.toMatchObject({ code: "forbidden:self_approval" });
      expect(await f.stateOf()).toMatchObject({ status: "awaiting_review" });
      const [row] = await reviewRows(f);
      expect(row).toBeUndefined();
    } finally {
      saver.cancel();
    }
  });

  it("lets an author request changes on their own judgement, and that request counts", async () => {
    const f = await assessmentUnderReview();
    await f.write(f.text({ confidence: "high" }), [f.owner]);
    await expect(review(f, f.owner, "changes_requested", "Needs a second source.")).resolves.toMatchObject({
      verdict: "changes_requested",
    });
    await review(f, f.reviewer);
    const state = await f.stateOf();
    expect(state).toMatchObject({ status: "changes_requested", currentApprovals: 1 });
    expect(state.reviews.map((r) => [r.reviewer?.name, r.verdict, r.notCountedReason])).toEqual([
      [f.reviewer.name, "approved", null],
      [f.owner.name, "changes_requested", null],
    ]);
  });

  it("never counts an approval by someone who edited the judgement, given before the edit or under the old rule", async () => {
    const f = await assessmentUnderReview();
    await getDatabase()
      .update(workspaces)
      .set({ requiredApprovals: 1, requiredKeyApprovals: 2 })
      .where(eq(workspaces.id, f.workspaceId));
    // The owner approves the analyst's judgement, then edits it and puts it back as approved.
    const own = await review(f, f.owner);
    await f.write(f.text({ confidence: "high" }), [f.owner]);
    await f.write(f.text(), [f.owner]);
    const reviewed = await review(f, f.reviewer);
    const state = await f.stateOf();
    expect(state).toMatchObject({ status: "awaiting_review", currentApprovals: 1, requiredApprovals: 2 });
    expect(state.reviews.map((r) => [r.id, r.isLatest, r.isCurrent, r.notCountedReason])).toEqual([
      [reviewed.id, true, true, null],
      [own.id, true, true, "edited_judgement"],
    ]);

    // An approval by an editor that the old rule let through (it came after someone else's).
    const g = await assessmentUnderReview();
    await getDatabase()
      .update(workspaces)
      .set({ requiredApprovals: 1, requiredKeyApprovals: 2 })
      .where(eq(workspaces.id, g.workspaceId));
    await g.write(g.text({ confidence: "high" }), [g.owner]);
    const riley = await review(g, g.reviewer);
    const [copied] = await getDatabase().select().from(judgementReviews).where(eq(judgementReviews.id, riley.id));
    if (!copied) throw new Error("the reviewer's approval was not stored");
    const { id: _id, createdAt: _createdAt, ...approval } = copied;
    await getDatabase()
      .insert(judgementReviews)
      .values({ ...approval, reviewerId: g.owner.id });
    const legacy = await g.stateOf();
    expect(legacy).toMatchObject({ status: "awaiting_review", currentApprovals: 1, requiredApprovals: 2 });
    expect(legacy.reviews.map((r) => [r.reviewer?.name, r.notCountedReason])).toEqual([
      [g.owner.name, "edited_judgement"],
      [g.reviewer.name, null],
    ]);
  });
});

describe("review rules", () => {
  it("refuses analysts and viewers with 403 and writes nothing", async () => {
    const f = await assessmentUnderReview();
    for (const actor of [f.analyst, f.viewer]) {
      await expect(review(f, actor)).rejects.toMatchObject({ code: "forbidden:review", status: 403 });
      await expect(review(f, actor, "changes_requested", "Not my call")).rejects.toMatchObject({
        code: "forbidden:review",
      });
    }
    expect(await reviewRows(f)).toEqual([]);
  });

  it("answers 404 for a judgement of another assessment and for non-members", async () => {
    const f = await assessmentUnderReview();
    // A second assessment of the same workspace, whose judgement the reviewer may see there.
    const sibling = await createTestDocument(f.workspaceId);
    await storeDocumentContent(sibling, documentOf([judgementBlock("Elsewhere.", { id: "jdg_elsewhere" })]), [
      f.analyst.id,
    ]);
    const misplaced = { actor: f.reviewer, judgementId: "jdg_elsewhere", verdict: "approved" } as const;
    await expect(reviewJudgement({ ...misplaced, assessmentId: f.assessmentId })).rejects.toMatchObject({
      code: "not_found:judgement",
      status: 404,
    });
    await expect(reviewJudgement({ ...misplaced, assessmentId: sibling })).resolves.toMatchObject({
      judgementId: "jdg_elsewhere",
    });
    const outsider = await createTestUser();
    await expect(
      reviewJudgement({ actor: outsider, assessmentId: f.assessmentId, judgementId: "jdg_key", verdict: "approved" }),
    ).rejects.toMatchObject({ code: "not_found:assessment", status: 404 });
    expect(await reviewRows(f)).toEqual([]);
  });

  it("needs a comment to request changes (400, nothing written)", async () => {
    const f = await assessmentUnderReview();
    for (const comment of [undefined, "   "]) {
      const error = await review(f, f.reviewer, "changes_requested", comment).catch((e) => e);
      expect(error).toMatchObject({ status: 400, fields: { comment: ["Say what should change."] } });
    }
    expect(await reviewRows(f)).toEqual([]);
  });

  it("refuses reviews of an archived assessment with 409", async () => {
    const f = await assessmentUnderReview();
    await setAssessmentArchived({ actor: f.owner, assessmentId: f.assessmentId, archived: true });
    await expect(review(f, f.reviewer)).rejects.toMatchObject({ code: "conflict:assessment_archived", status: 409 });
    expect(await reviewRows(f)).toEqual([]);
  });

  it("counts each reviewer's latest verdict: a request for changes stands until that reviewer approves", async () => {
    const f = await assessmentUnderReview();
    expect(await f.stateOf()).toMatchObject({ status: "awaiting_review", currentApprovals: 0 });
    await review(f, f.reviewer, "changes_requested", "Cite the April imagery too.");
    await review(f, f.owner);
    expect(await f.stateOf()).toMatchObject({ status: "changes_requested", currentApprovals: 1 });
    await f.write(f.text({ citations: [f.february.id, f.april.id] }), [f.analyst]);
    await review(f, f.reviewer);
    const state = await f.stateOf();
    expect(state).toMatchObject({ status: "approved", currentApprovals: 1 });
    expect(state.reviews.map((r) => [r.reviewer?.name, r.verdict, r.isLatest, r.isCurrent, r.comment])).toEqual([
      [f.reviewer.name, "approved", true, true, ""],
      [f.owner.name, "approved", true, false, ""],
      [f.reviewer.name, "changes_requested", false, false, "Cite the April imagery too."],
    ]);
  });

  it("needs the workspace's key-judgement count of current approvals, and shows stale when too few remain", async () => {
    const f = await assessmentUnderReview();
    await getDatabase()
      .update(workspaces)
      .set({ requiredApprovals: 1, requiredKeyApprovals: 2 })
      .where(eq(workspaces.id, f.workspaceId));
    await review(f, f.reviewer);
    await review(f, f.reviewer, "approved", undefined, "jdg_other");
    expect(await f.stateOf()).toMatchObject({ status: "awaiting_review", currentApprovals: 1, requiredApprovals: 2 });
    expect(await f.stateOf("jdg_other")).toMatchObject({ status: "approved", requiredApprovals: 1 });
    await review(f, f.owner);
    expect(await f.stateOf()).toMatchObject({ status: "approved", currentApprovals: 2 });
    await f.write(f.text({ likelihood: "unlikely" }), [f.analyst]);
    await review(f, f.reviewer);
    expect(await f.stateOf()).toMatchObject({ status: "stale", currentApprovals: 1 });
  });

  it("writes an audit event for each verdict and announces the change", async () => {
    const f = await assessmentUnderReview();
    const announced = new Promise<string>((resolve) => {
      const unsubscribe = getEventBus().subscribe("review.changed", (event) => {
        if (event.assessmentId !== f.assessmentId) return;
        unsubscribe();
        resolve(event.assessmentId);
      });
    });
    const requested = await review(f, f.reviewer, "changes_requested", "Which imagery?");
    await expect(announced).resolves.toBe(f.assessmentId);
    const approved = await review(f, f.owner);
    const events = await getDatabase()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, f.workspaceId), eq(auditEvents.targetType, "judgement")))
      .orderBy(auditEvents.id);
    expect(events).toMatchObject([
      {
        action: "judgement.changes_requested",
        actorUserId: f.reviewer.id,
        targetId: "jdg_key",
        data: { assessmentId: f.assessmentId, reviewId: requested.id, comment: "Which imagery?" },
      },
      { action: "judgement.approved", actorUserId: f.owner.id, data: { reviewId: approved.id } },
    ]);
  });
});
