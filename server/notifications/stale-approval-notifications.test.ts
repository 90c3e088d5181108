import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { retractObservation } from "../evidence/retract-observation";
import { updateObservation } from "../evidence/update-observation";
import { updateSource } from "../evidence/update-source";
import { changeMemberRole } from "../members/change-member-role";
import { reviewJudgement } from "../reviews/review-judgement";
import { assessmentUnderReview, KEY_STATEMENT } from "../reviews/review-test-helpers";
import { noticeStaleApprovals } from "./notice-stale-approvals";
import { inbox, inboxOf } from "./notification-test-helpers";

type Fixture = Awaited<ReturnType<typeof assessmentUnderReview>>;

/** The key judgement (written by the analyst) approved by `approver` (the reviewer by default). */
async function approved(approver: (f: Fixture) => Actor = (f) => f.reviewer) {
  const f = await assessmentUnderReview();
  const review = await reviewJudgement({
    actor: approver(f),
    assessmentId: f.assessmentId,
    judgementId: "jdg_key",
    verdict: "approved",
  });
  return { ...f, review };
}

/** The key judgement's statement as a summary quotes it: one line of at most 80 characters. */
const KEY = `“${KEY_STATEMENT.slice(0, 79).trimEnd()}…”`;

/** Changes the owner makes (so reviewer and analyst are told), and the reason each summary gives. */
const CHANGES: [string, (f: Fixture) => Promise<unknown>, string][] = [
  [
    "the text is edited (projection)",
    (f) => f.write(f.text({ statement: "Tikhoretsk will remain crucial." }), [f.owner]),
    "the statement changed",
  ],
  [
    "the likelihood changes",
    (f) => f.write(f.text({ likelihood: "very_likely" }), [f.owner]),
    "the likelihood changed",
  ],
  [
    "a citation is added",
    (f) => f.write(f.text({ citations: [f.february.id, f.april.id] }), [f.owner]),
    "its citations changed",
  ],
  [
    "the cited observation is revised",
    (f) =>
      updateObservation({
        actor: f.owner,
        workspaceId: f.workspaceId,
        observationId: f.february.id,
        input: { summary: "About 65 rail cars at the Tikhoretsk depot", revision: 1 },
      }),
    "OBS-26 was revised",
  ],
  [
    "the cited observation is re-graded",
    (f) =>
      updateObservation({
        actor: f.owner,
        workspaceId: f.workspaceId,
        observationId: f.february.id,
        input: { credibility: 4, revision: 1 },
      }),
    "OBS-26 was re-graded",
  ],
  [
    "the cited observation's source is re-graded",
    (f) =>
      updateSource({
        actor: f.owner,
        workspaceId: f.workspaceId,
        sourceId: f.source.id,
        input: { reliability: "D", revision: 1 },
      }),
    "OBS-26 was re-graded",
  ],
  [
    "the cited observation is retracted",
    (f) =>
      retractObservation({
        actor: f.owner,
        workspaceId: f.workspaceId,
        observationId: f.february.id,
        reason: "Misdated",
      }),
    "OBS-26 was retracted",
  ],
];

describe("stale-approval notifications", () => {
  it.each(CHANGES)("tell the reviewer and the authors when %s", async (_, change, reason) => {
    const f = await approved();
    expect(await inbox(f.reviewer)).toEqual([]);
    await change(f);
    expect(await inbox(f.reviewer)).toEqual([
      expect.objectContaining({
        kind: "approval_stale",
        summary: `Your approval of ${KEY} in “Collaboration test” is stale: ${reason}`,
        judgementId: "jdg_key",
        actor: { id: f.owner.id, name: "Olivia Owner" },
        url: `/w/${f.workspaceId}/a/${f.assessmentId}#judgement-jdg_key`,
      }),
    ]);
    expect(await inbox(f.analyst)).toEqual([
      expect.objectContaining({
        kind: "approval_stale",
        summary: `Rey Reviewer's approval of ${KEY} in “Collaboration test” is stale: ${reason}`,
      }),
    ]);
    // Whoever made the change is not told about it; the viewer had no part in it.
    expect(await inbox(f.owner)).toEqual([]);
    expect(await inbox(f.viewer)).toEqual([]);
  });

  it("records one notification per approval however often the staleness is noticed", async () => {
    const f = await approved();
    await f.write(f.text({ likelihood: "very_likely" }), [f.owner]);
    await f.write(f.text({ likelihood: "almost_certain" }), [f.owner]);
    await updateObservation({
      actor: f.owner,
      workspaceId: f.workspaceId,
      observationId: f.february.id,
      input: { credibility: 3, revision: 1 },
    });
    // Noticing again directly, as another process would.
    await noticeStaleApprovals({ scope: { assessmentId: f.assessmentId }, actorUserIds: [] });
    expect(await inboxOf(f.reviewer, "approval_stale")).toHaveLength(1);
    expect(await inboxOf(f.analyst, "approval_stale")).toHaveLength(1);
    const stored = await getDatabase()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "approval_stale"), eq(notifications.subjectKey, f.review.id)));
    expect(stored.map((row) => row.userId).sort()).toEqual([f.reviewer.id, f.analyst.id].sort());
  });

  it("tell nobody when the change leaves the approval current", async () => {
    const f = await approved();
    await f.write(f.text({}, { other: "The depot will expand.", intro: "A new scope." }), [f.owner]);
    await updateObservation({
      actor: f.owner,
      workspaceId: f.workspaceId,
      observationId: f.april.id,
      input: { credibility: 5, revision: 1 },
    });
    expect(await inbox(f.reviewer)).toEqual([]);
    expect(await inbox(f.analyst)).toEqual([]);
  });

  it("tell nobody about a verdict that is not the reviewer's latest approval", async () => {
    const f = await approved();
    await reviewJudgement({
      actor: f.reviewer,
      assessmentId: f.assessmentId,
      judgementId: "jdg_key",
      verdict: "changes_requested",
      comment: "On second thought: which months?",
    });
    await f.write(f.text({ likelihood: "very_likely" }), [f.owner]);
    expect(await inboxOf(f.reviewer, "approval_stale")).toEqual([]);
    expect(await inboxOf(f.analyst, "approval_stale")).toEqual([]);
  });

  it("do not tell an approver who made their own approval stale, but do tell the author", async () => {
    const f = await approved((fixture) => fixture.owner);
    await updateSource({
      actor: f.owner,
      workspaceId: f.workspaceId,
      sourceId: f.source.id,
      input: { reliability: "E", revision: 1 },
    });
    expect(await inbox(f.owner)).toEqual([]);
    expect(await inbox(f.analyst)).toEqual([
      expect.objectContaining({
        summary: `Olivia Owner's approval of ${KEY} in “Collaboration test” is stale: OBS-26 was re-graded`,
      }),
    ]);
  });

  it("tell nobody about an approval that no longer counts because its reviewer may no longer review", async () => {
    const f = await approved();
    await changeMemberRole({ actor: f.owner, workspaceId: f.workspaceId, userId: f.reviewer.id, role: "viewer" });
    await f.write(f.text({ likelihood: "very_likely" }), [f.owner]);
    expect(await inboxOf(f.reviewer, "approval_stale")).toEqual([]);
    expect(await inboxOf(f.analyst, "approval_stale")).toEqual([]);
  });

  it("never throws, whatever the scope names", async () => {
    await expect(
      noticeStaleApprovals({ scope: { assessmentId: "not-a-uuid" }, actorUserIds: [null] }),
    ).resolves.toBeUndefined();
    await expect(
      noticeStaleApprovals({
        scope: {
          workspaceId: "00000000-0000-4000-8000-000000000009",
          sourceIds: ["x", "00000000-0000-4000-8000-00000000000a"],
        },
        actorUserIds: [],
      }),
    ).resolves.toBeUndefined();
  });
});
