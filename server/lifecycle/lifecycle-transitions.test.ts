import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { assessments, reviewRequests } from "@/db/schema";
import { lifecycleDto } from "@/lib/schemas/lifecycle";
import { getEventBus } from "../events";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { assessmentForLifecycle, lifecycleApi } from "./lifecycle-test-helpers";

async function requestedReviewers(assessmentId: string): Promise<string[]> {
  const rows = await getDatabase()
    .select({ reviewerId: reviewRequests.reviewerId })
    .from(reviewRequests)
    .where(eq(reviewRequests.assessmentId, assessmentId));
  return rows.map((row) => row.reviewerId).sort();
}

describe("requesting review", () => {
  it("moves a draft into review, records the request, notifies the reviewer, audits and announces it", async () => {
    const f = await assessmentForLifecycle();
    const announced: string[] = [];
    const unsubscribe = getEventBus().subscribe("assessment.changed", (event) => {
      announced.push(event.assessmentId);
    });
    try {
      const response = await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
      expect(response.status).toBe(201);
      expect(lifecycleDto.parse(response.body)).toMatchObject({
        status: "in_review",
        reviewRequests: [{ reviewer: { id: f.reviewer.id }, requestedBy: { id: f.analyst.id } }],
      });
    } finally {
      unsubscribe();
    }
    expect(announced).toEqual([f.assessmentId]);
    expect(await f.statusOf()).toBe("in_review");
    expect(await requestedReviewers(f.assessmentId)).toEqual([f.reviewer.id]);
    expect(await f.notified()).toEqual([`${f.reviewer.id}:review_requested`]);
    expect(await f.auditActions()).toEqual([
      {
        action: "assessment.status_changed",
        actorUserId: f.analyst.id,
        data: { from: "draft", to: "in_review", reviewers: [{ id: f.reviewer.id, name: f.reviewer.name }] },
      },
      {
        action: "assessment.review_requested",
        actorUserId: f.analyst.id,
        data: { reviewers: [{ id: f.reviewer.id, name: f.reviewer.name }] },
      },
    ]);
  });

  it("adds reviewers while in review and notifies only those newly asked", async () => {
    const f = await assessmentForLifecycle();
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    const again = await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id, f.owner.id]);
    expect(again.status).toBe(201);
    expect(await requestedReviewers(f.assessmentId)).toEqual([f.reviewer.id, f.owner.id].sort());
    expect(await f.notified()).toEqual([`${f.owner.id}:review_requested`, `${f.reviewer.id}:review_requested`].sort());
    expect((await f.auditActions("assessment.review_requested")).map((event) => event.data)).toEqual([
      { reviewers: [{ id: f.reviewer.id, name: f.reviewer.name }] },
      { reviewers: [{ id: f.owner.id, name: f.owner.name }] },
    ]);
    expect(await f.statusOf()).toBe("in_review");
  });

  it("refuses reviewers and viewers (403), and analysts, viewers, oneself and outsiders as reviewers (400), changing nothing", async () => {
    const f = await assessmentForLifecycle();
    for (const actor of [f.reviewer, f.viewer]) {
      const refused = await lifecycleApi.requestReview(f.assessmentId, actor, [f.owner.id]);
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden:review_request" } } });
    }
    const outsider = await createTestUser();
    const invalid = await lifecycleApi.requestReview(f.assessmentId, f.owner, [
      f.reviewer.id,
      f.analyst.id,
      f.viewer.id,
      f.owner.id,
      outsider.id,
    ]);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields.reviewerIds).toEqual([
      `${f.analyst.id} is not a reviewer or owner of this workspace.`,
      `${f.viewer.id} is not a reviewer or owner of this workspace.`,
      "You cannot review at your own request: choose someone else.",
      `${outsider.id} is not a reviewer or owner of this workspace.`,
    ]);
    const empty = await lifecycleApi.requestReview(f.assessmentId, f.owner, []);
    expect(empty.body.error.fields).toEqual({ reviewerIds: ["Choose at least one reviewer."] });
    expect(await f.statusOf()).toBe("draft");
    expect(await requestedReviewers(f.assessmentId)).toEqual([]);
    expect(await f.notified()).toEqual([]);
    expect(await f.auditActions()).toEqual([]);
  });

  it("answers 404 to non-members and 409 once approved or archived", async () => {
    const f = await assessmentForLifecycle();
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    expect((await lifecycleApi.requestReview(f.assessmentId, outsider, [f.reviewer.id])).status).toBe(404);
    await getDatabase().update(assessments).set({ archivedAt: new Date() }).where(eq(assessments.id, f.assessmentId));
    const archived = await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    expect(archived).toMatchObject({ status: 409, body: { error: { code: "conflict:assessment_archived" } } });
    await getDatabase()
      .update(assessments)
      .set({ archivedAt: null, status: "approved" })
      .where(eq(assessments.id, f.assessmentId));
    const approved = await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    expect(approved).toMatchObject({ status: 409, body: { error: { code: "conflict:assessment_status" } } });
    expect(await requestedReviewers(f.assessmentId)).toEqual([]);
  });
});

describe("review rounds", () => {
  it("lists only the current round's requests: none once published or back in draft, and a new round asks afresh", async () => {
    const f = await assessmentForLifecycle();
    /** Whom the card (`GET …/status`) and `GET …/review-requests` say was asked; both must agree. */
    const asked = async (): Promise<string[]> => {
      const lifecycle = lifecycleDto.parse((await lifecycleApi.status(f.assessmentId, f.analyst)).body);
      const listed = await lifecycleApi.reviewRequests(f.assessmentId, f.analyst);
      expect(listed.status).toBe(200);
      const ids = lifecycle.reviewRequests.map((request) => request.reviewer.id);
      expect((listed.body as { reviewer: { id: string } }[]).map((request) => request.reviewer.id)).toEqual(ids);
      return ids;
    };
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    expect(await asked()).toEqual([f.reviewer.id]);
    await f.approve(f.reviewer);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved")).status).toBe(200);
    expect(await asked()).toEqual([f.reviewer.id]);
    expect((await lifecycleApi.publish(f.assessmentId, f.owner)).status).toBe(201);
    // The round ended with the publication; the reviewer asked was told about it.
    expect(await asked()).toEqual([]);
    expect(await f.notified()).toContain(`${f.reviewer.id}:published`);

    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft")).status).toBe(200);
    expect(await asked()).toEqual([]);
    expect(await requestedReviewers(f.assessmentId)).toEqual([]);

    // The next round asks only whom it names, and a withdrawal ends it as well.
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.owner.id]);
    expect(await asked()).toEqual([f.owner.id]);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft")).status).toBe(200);
    expect(await asked()).toEqual([]);
    expect(await requestedReviewers(f.assessmentId)).toEqual([]);
  });
});

describe("status changes", () => {
  it("lets owners and reviewers mark it approved, and writers withdraw it, each audited", async () => {
    const f = await assessmentForLifecycle();
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    await f.approve(f.reviewer);
    for (const actor of [f.analyst, f.viewer]) {
      const refused = await lifecycleApi.changeStatus(f.assessmentId, actor, "approved");
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden:approve_assessment" } } });
    }
    const approved = await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    expect(approved.status).toBe(200);
    expect(lifecycleDto.parse(approved.body)).toMatchObject({ status: "approved", allowedActions: [] });
    for (const actor of [f.reviewer, f.viewer]) {
      const refused = await lifecycleApi.changeStatus(f.assessmentId, actor, "draft");
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden:withdraw_review" } } });
    }
    const withdrawn = await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft");
    expect(withdrawn.body).toMatchObject({ status: "draft", allowedActions: ["request_review"] });
    expect((await f.auditActions("assessment.status_changed")).map((event) => event.data)).toEqual([
      { from: "draft", to: "in_review", reviewers: [{ id: f.reviewer.id, name: f.reviewer.name }] },
      { from: "in_review", to: "approved", step: "approve" },
      { from: "approved", to: "draft", step: "withdraw" },
    ]);
  });

  it("refuses steps from the wrong status with 409 and unknown targets with 400, changing nothing", async () => {
    const f = await assessmentForLifecycle();
    const early = await lifecycleApi.changeStatus(f.assessmentId, f.owner, "approved");
    expect(early).toMatchObject({ status: 409, body: { error: { code: "conflict:assessment_status" } } });
    expect(early.body.error.message).toBe("This assessment is draft. Marking it approved needs it to be in review.");
    const already = await lifecycleApi.changeStatus(f.assessmentId, f.owner, "draft");
    expect(already).toMatchObject({ status: 409, body: { error: { code: "conflict:assessment_status" } } });
    for (const status of ["published", "in_review", "done"]) {
      const invalid = await lifecycleApi.changeStatus(f.assessmentId, f.owner, status);
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.fields.status[0]).toMatch(/^Choose approved or draft/);
    }
    const early2 = await lifecycleApi.publish(f.assessmentId, f.owner);
    expect(early2).toMatchObject({ status: 409, body: { error: { code: "conflict:assessment_status" } } });
    expect(await f.statusOf()).toBe("draft");
    expect(await f.auditActions()).toEqual([]);
  });

  it("lets only owners publish, and writers start a new draft on a published version", async () => {
    const f = await assessmentForLifecycle();
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    await f.approve(f.reviewer);
    await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    for (const actor of [f.analyst, f.reviewer, f.viewer]) {
      const refused = await lifecycleApi.publish(f.assessmentId, actor);
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden:publish" } } });
    }
    expect(await f.statusOf()).toBe("approved");
    const published = await lifecycleApi.publish(f.assessmentId, f.owner);
    // Sending for review and approving froze automatic versions 1 and 2.
    expect(published).toMatchObject({ status: 201, body: { number: 3, kind: "published" } });
    for (const actor of [f.reviewer, f.viewer]) {
      const refused = await lifecycleApi.changeStatus(f.assessmentId, actor, "draft");
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden:start_draft" } } });
    }
    const draft = await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft");
    expect(draft.body).toMatchObject({
      status: "draft",
      versions: [
        { number: 4, kind: "automatic", name: "New draft started" },
        { number: 3, kind: "published" },
        { number: 2, kind: "automatic", name: "Approved" },
        { number: 1, kind: "automatic", name: "Sent for review" },
      ],
    });
    expect((await f.auditActions("assessment.status_changed")).slice(-2).map((event) => event.data)).toEqual([
      { from: "approved", to: "published", step: "publish", version: 3 },
      { from: "published", to: "draft", step: "start_draft", onVersion: 3 },
    ]);
  });
});
