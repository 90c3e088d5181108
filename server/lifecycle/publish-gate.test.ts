import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { assessmentVersions, judgementReviews, workspaces } from "@/db/schema";
import { publishGateDto } from "@/lib/schemas/lifecycle";
import { createCommentThread } from "../comments/create-comment-thread";
import { resolveCommentThread } from "../comments/resolve-comment-thread";
import { judgementBlock } from "../judgements/judgement-test-helpers";
import { changeMemberRole } from "../members/change-member-role";
import { removeMember } from "../members/remove-member";
import { reviewJudgement } from "../reviews/review-judgement";
import { createTestUser } from "../testing/factories";
import { assessmentForLifecycle, lifecycleApi, OTHER_STATEMENT } from "./lifecycle-test-helpers";

const THIRD_STATEMENT = "Deliveries through the depot are unlikely to stop before the end of 2024.";

/**
 * In review with three judgements: the key one approved and then changed (stale), a second one
 * that nobody approved and whose confidence is missing (a linter error), a third one on which
 * changes are requested; plus an open blocking thread on the key judgement.
 */
async function assessmentWithEveryObstacle() {
  const f = await assessmentForLifecycle();
  const blocks = (keyConfidence: "moderate" | "high", otherConfidence: "low" | null) =>
    f.text({ confidence: keyConfidence }, [
      judgementBlock(OTHER_STATEMENT, {
        id: "jdg_other",
        likelihood: "likely",
        confidence: otherConfidence,
        citations: [f.april.id],
      }),
      judgementBlock(THIRD_STATEMENT, {
        id: "jdg_third",
        likelihood: "unlikely",
        confidence: "low",
        citations: [f.april.id],
      }),
    ]);
  await f.write(blocks("moderate", null));
  await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id, f.owner.id]);
  await f.approve(f.reviewer);
  await f.write(blocks("high", null));
  await reviewJudgement({
    actor: f.reviewer,
    assessmentId: f.assessmentId,
    judgementId: "jdg_third",
    verdict: "changes_requested",
    comment: "Say which trains you counted.",
  });
  const thread = await createCommentThread({
    actor: f.reviewer,
    assessmentId: f.assessmentId,
    input: { judgementId: "jdg_key", isBlocking: true, body: "Is the February count comparable with April?" },
  });
  return { ...f, blocks, thread };
}

describe("the publish gate", () => {
  it("refuses approval with exactly the unmet conditions (409) and changes nothing", async () => {
    const f = await assessmentWithEveryObstacle();
    const refused = await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("conflict:publish_gate");
    expect(refused.body.error.message).toBe("This assessment cannot be approved yet: 5 conditions are not met.");
    const gate = publishGateDto.parse(refused.body.error.current);
    expect(gate).toMatchObject({ isMet: false, judgementCount: 3 });
    expect(
      gate.unmet.map(({ code, judgementId, threadId, ruleId }) => ({ code, judgementId, threadId, ruleId })),
    ).toEqual([
      { code: "judgement_approval_stale", judgementId: "jdg_key", threadId: null, ruleId: null },
      { code: "judgement_awaiting_approval", judgementId: "jdg_other", threadId: null, ruleId: null },
      { code: "judgement_changes_requested", judgementId: "jdg_third", threadId: null, ruleId: null },
      { code: "blocking_thread_open", judgementId: "jdg_key", threadId: f.thread.id, ruleId: null },
      { code: "tradecraft_error", judgementId: "jdg_other", threadId: null, ruleId: "missing-confidence" },
    ]);
    expect(gate.unmet.map((condition) => condition.message)).toEqual([
      "Key judgement 1 (“Tikhoretsk is likely to remain crucial for handling North K…”) changed, or its evidence did, since it was approved: 0 of 1 required current approval.",
      "Judgement 1 (“The depot is likely to keep handling rail traffic from Tuma…”) has 0 of 1 required current approval.",
      "Changes are requested on judgement 2 (“Deliveries through the depot are unlikely to stop before th…”).",
      "A blocking comment thread on key judgement 1 (“Tikhoretsk is likely to remain crucial for handling North K…”) is still open: resolve it first.",
      "Judgement 1 (“The depot is likely to keep handling rail traffic from Tuma…”): This judgement has no confidence level. Choose low, moderate or high.",
    ]);
    expect(await f.statusOf()).toBe("in_review");
    expect(await f.auditActions("assessment.status_changed")).toHaveLength(1);
    // The same list is readable by any member before trying.
    const shown = await lifecycleApi.status(f.assessmentId, f.viewer);
    expect(shown.body.gate).toEqual(gate);
  });

  it("passes once every condition is cleared, and approving then succeeds", async () => {
    const f = await assessmentWithEveryObstacle();
    await f.write(f.blocks("high", "low"));
    await f.approve(f.reviewer);
    await f.approve(f.reviewer, "jdg_other");
    await f.approve(f.reviewer, "jdg_third");
    const stillBlocked = await lifecycleApi.status(f.assessmentId, f.viewer);
    expect(stillBlocked.body.gate.unmet.map((condition: { code: string }) => condition.code)).toEqual([
      "blocking_thread_open",
    ]);
    await resolveCommentThread({ actor: f.reviewer, assessmentId: f.assessmentId, threadId: f.thread.id });
    const open = await lifecycleApi.status(f.assessmentId, f.viewer);
    expect(open.body.gate).toEqual({ isMet: true, judgementCount: 3, unmet: [] });
    const approved = await lifecycleApi.changeStatus(f.assessmentId, f.owner, "approved");
    expect(approved).toMatchObject({ status: 200, body: { status: "approved" } });
  });

  it("counts key approvals as the workspace requires them", async () => {
    const f = await assessmentForLifecycle();
    await getDatabase().update(workspaces).set({ requiredKeyApprovals: 2 }).where(eq(workspaces.id, f.workspaceId));
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id, f.owner.id]);
    await f.approve(f.reviewer);
    const one = await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    expect(one.body.error.current.unmet).toEqual([
      expect.objectContaining({
        code: "judgement_awaiting_approval",
        message: expect.stringMatching(/1 of 2 required current approvals\.$/),
      }),
    ]);
    await f.approve(f.owner);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved")).status).toBe(200);
  });

  it("refuses judgement blocks that have no id of their own, which no review can cover", async () => {
    const f = await assessmentForLifecycle();
    const copy = { likelihood: "likely" as const, confidence: "low" as const, citations: [f.april.id] };
    await f.write(
      f.text({}, [
        judgementBlock("A pasted copy of a judgement.", { id: "jdg_key", ...copy }),
        judgementBlock("Written by a script without an id.", copy),
      ]),
    );
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    await f.approve(f.reviewer);
    const refused = await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    expect(
      refused.body.error.current.unmet.map(({ code, judgementId }: { code: string; judgementId: string }) => ({
        code,
        judgementId,
      })),
    ).toEqual([
      { code: "judgement_without_id", judgementId: "jdg_key" },
      { code: "judgement_without_id", judgementId: null },
    ]);
    // No version could number them: they are named by their text, without a number.
    expect(refused.body.error.current.unmet[0].message).toMatch(
      /^Judgement \(“A pasted copy of a judgement\.”\) has no id/,
    );
    expect(refused.body.error.current.unmet[1].message).toMatch(
      /^Judgement \(“Written by a script without an id\.”\) has no id/,
    );
  });

  it("refuses an assessment without judgements, and publishing re-checks the gate after approval", async () => {
    const f = await assessmentForLifecycle();
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    await f.approve(f.reviewer);
    await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    // Approved, then the text loses its only judgement: publishing must not go ahead.
    await f.write([{ type: "paragraph", content: [{ type: "text", text: "Only a paragraph now." }] }]);
    const refused = await lifecycleApi.publish(f.assessmentId, f.owner);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "conflict:publish_gate" } } });
    expect(refused.body.error.current.unmet).toEqual([
      {
        code: "no_judgements",
        message: "The assessment has no judgement yet: add at least one.",
        judgementId: null,
        threadId: null,
        ruleId: null,
      },
    ]);
    expect(await f.statusOf()).toBe("approved");
    const versions = await getDatabase()
      .select({ kind: assessmentVersions.kind, name: assessmentVersions.name })
      .from(assessmentVersions)
      .where(eq(assessmentVersions.assessmentId, f.assessmentId))
      .orderBy(assessmentVersions.number);
    // Only the automatic versions of the status changes: no publication.
    expect(versions.map((version) => version.kind)).not.toContain("published");
    expect(await f.auditActions("assessment.published")).toEqual([]);
  });
});

describe("whose approvals the gate counts", () => {
  it("stops counting an approval once its reviewer is demoted or removed, even after the assessment was approved", async () => {
    const f = await assessmentForLifecycle();
    const vera = await createTestUser({ name: "Vera Reviewer", workspace: { id: f.workspaceId }, role: "reviewer" });
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [vera.id]);
    await f.approve(vera);
    await changeMemberRole({ actor: f.owner, workspaceId: f.workspaceId, userId: vera.id, role: "viewer" });
    const demoted = await lifecycleApi.changeStatus(f.assessmentId, f.owner, "approved");
    expect(demoted).toMatchObject({ status: 409, body: { error: { code: "conflict:publish_gate" } } });
    expect(demoted.body.error.current.unmet).toEqual([
      expect.objectContaining({
        code: "judgement_awaiting_approval",
        judgementId: "jdg_key",
        message: expect.stringMatching(/has 0 of 1 required current approval\.$/),
      }),
    ]);
    expect(await f.statusOf()).toBe("in_review");

    // Her role back, her approval counts again; approved, then she is removed: publishing re-checks.
    await changeMemberRole({ actor: f.owner, workspaceId: f.workspaceId, userId: vera.id, role: "reviewer" });
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.owner, "approved")).status).toBe(200);
    await removeMember({ actor: f.owner, workspaceId: f.workspaceId, userId: vera.id });
    const refused = await lifecycleApi.publish(f.assessmentId, f.owner);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "conflict:publish_gate" } } });
    expect(refused.body.error.current.unmet.map((condition: { code: string }) => condition.code)).toEqual([
      "judgement_awaiting_approval",
    ]);
    expect(await f.statusOf()).toBe("approved");
    expect(await f.auditActions("assessment.published")).toEqual([]);
  });

  it("does not count the approval of an author of the judgement, even one the old rule let through", async () => {
    const f = await assessmentForLifecycle();
    await getDatabase().update(workspaces).set({ requiredKeyApprovals: 2 }).where(eq(workspaces.id, f.workspaceId));
    await f.write(f.text({ confidence: "high" }), [f.owner]);
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id, f.owner.id]);
    const riley = await f.approve(f.reviewer);
    await expect(f.approve(f.owner)).rejects.toMatchObject({ code: "forbidden:self_approval" });
    // What the old rule accepted: the author's approval after someone else's.
    const [row] = await getDatabase().select().from(judgementReviews).where(eq(judgementReviews.id, riley.id));
    if (!row) throw new Error("the reviewer's approval was not stored");
    const { id: _id, createdAt: _createdAt, ...approval } = row;
    await getDatabase()
      .insert(judgementReviews)
      .values({ ...approval, reviewerId: f.owner.id });
    const refused = await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    expect(refused.status).toBe(409);
    expect(refused.body.error.current.unmet).toEqual([
      expect.objectContaining({
        code: "judgement_awaiting_approval",
        message: expect.stringMatching(/has 1 of 2 required current approvals\.$/),
      }),
    ]);
    expect(await f.statusOf()).toBe("in_review");
  });
});
