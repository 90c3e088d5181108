import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { ReviewVerdict } from "@/lib/schemas/reviews";
import type { Actor } from "../auth/actor";
import { addMember } from "../members/add-member";
import { changeMemberRole } from "../members/change-member-role";
import { removeMember } from "../members/remove-member";
import { createTestUser } from "../testing/factories";
import { reviewJudgement } from "./review-judgement";
import { assessmentUnderReview } from "./review-test-helpers";

type Fixture = Awaited<ReturnType<typeof assessmentUnderReview>>;

function review(f: Fixture, actor: Actor, verdict: ReviewVerdict = "approved", comment?: string) {
  return reviewJudgement({ actor, assessmentId: f.assessmentId, judgementId: "jdg_key", verdict, comment });
}

function setRole(f: Fixture, member: Actor, role: "owner" | "analyst" | "reviewer" | "viewer") {
  return changeMemberRole({ actor: f.owner, workspaceId: f.workspaceId, userId: member.id, role });
}

/** Each verdict on the key judgement as [reviewer name, verdict, isLatest, notCountedReason], newest first. */
async function verdicts(f: Fixture) {
  return (await f.stateOf()).reviews.map((r) => [r.reviewer?.name ?? null, r.verdict, r.isLatest, r.notCountedReason]);
}

describe("whose verdicts count", () => {
  it("stops counting a reviewer's approval once their role no longer reviews, and counts it again when it does", async () => {
    const f = await assessmentUnderReview();
    await review(f, f.reviewer);
    expect(await f.stateOf()).toMatchObject({ status: "approved", currentApprovals: 1 });

    for (const role of ["viewer", "analyst"] as const) {
      await setRole(f, f.reviewer, role);
      expect(await f.stateOf()).toMatchObject({ status: "awaiting_review", currentApprovals: 0 });
      // Still listed, still current, but shown as not counting and why.
      expect((await f.stateOf()).reviews).toMatchObject([
        { reviewer: { id: f.reviewer.id }, verdict: "approved", isLatest: true, isCurrent: true },
      ]);
      expect(await verdicts(f)).toEqual([[f.reviewer.name, "approved", true, "not_a_reviewer"]]);
    }
    await setRole(f, f.reviewer, "reviewer");
    expect(await f.stateOf()).toMatchObject({ status: "approved", currentApprovals: 1 });
    expect(await verdicts(f)).toEqual([[f.reviewer.name, "approved", true, null]]);
  });

  it("no longer blocks on a request for changes from someone who can no longer review", async () => {
    const f = await assessmentUnderReview();
    await review(f, f.reviewer, "changes_requested", "Cite the April imagery too.");
    await review(f, f.owner);
    expect(await f.stateOf()).toMatchObject({ status: "changes_requested" });
    await setRole(f, f.reviewer, "viewer");
    expect(await f.stateOf()).toMatchObject({ status: "approved", currentApprovals: 1 });
    expect(await verdicts(f)).toEqual([
      [f.owner.name, "approved", true, null],
      [f.reviewer.name, "changes_requested", true, "not_a_reviewer"],
    ]);
  });

  it("stops counting the verdicts of a member who left or was removed, and keeps them in the audit trail", async () => {
    const f = await assessmentUnderReview();
    const vera = await createTestUser({ name: "Vera Reviewer", workspace: { id: f.workspaceId }, role: "reviewer" });
    await review(f, vera);
    await review(f, f.reviewer);
    await removeMember({ actor: f.owner, workspaceId: f.workspaceId, userId: vera.id });
    await removeMember({ actor: f.reviewer, workspaceId: f.workspaceId, userId: f.reviewer.id });
    expect(await f.stateOf()).toMatchObject({ status: "awaiting_review", currentApprovals: 0 });
    expect(await verdicts(f)).toEqual([
      [f.reviewer.name, "approved", true, "not_a_member"],
      ["Vera Reviewer", "approved", true, "not_a_member"],
    ]);
    const audited = await getDatabase()
      .select({ actorUserId: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, f.workspaceId), eq(auditEvents.action, "judgement.approved")));
    expect(audited.map((event) => event.actorUserId).sort()).toEqual([vera.id, f.reviewer.id].sort());

    // Invited back as a reviewer, their verdict counts again (it was never withdrawn).
    await addMember({ actor: f.owner, workspaceId: f.workspaceId, email: vera.email, role: "reviewer" });
    expect(await f.stateOf()).toMatchObject({ status: "approved", currentApprovals: 1 });
  });

  it("stops counting the verdicts of a deleted account, which stay listed without a name", async () => {
    const f = await assessmentUnderReview();
    const gone = await createTestUser({ workspace: { id: f.workspaceId }, role: "reviewer" });
    await review(f, gone, "changes_requested", "Which imagery?");
    await review(f, gone);
    expect(await f.stateOf()).toMatchObject({ status: "approved", currentApprovals: 1 });
    await getDatabase().delete(users).where(eq(users.id, gone.id));
    expect(await f.stateOf()).toMatchObject({ status: "awaiting_review", currentApprovals: 0 });
    expect(await verdicts(f)).toEqual([
      [null, "approved", true, "account_deleted"],
      [null, "changes_requested", true, "account_deleted"],
    ]);
  });
});
