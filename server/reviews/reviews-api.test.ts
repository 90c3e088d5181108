import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as judgementReviewsRoute from "@/app/api/v1/assessments/[assessmentId]/judgements/[judgementId]/reviews/route";
import * as assessmentReviewsRoute from "@/app/api/v1/assessments/[assessmentId]/reviews/route";
import { getDatabase } from "@/db/client";
import { auditEvents, judgementReviews } from "@/db/schema";
import { assessmentReviewsDto, judgementReviewDto } from "@/lib/schemas/reviews";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { callRoute, createTestBearer, createTestSessionCookie } from "../testing/route-test-helpers";
import { assessmentUnderReview } from "./review-test-helpers";

function postReview(assessmentId: string, judgementId: string, body: unknown, token?: string) {
  return callRoute(judgementReviewsRoute.POST, {
    method: "POST",
    path: `/api/v1/assessments/${assessmentId}/judgements/${judgementId}/reviews`,
    params: { assessmentId, judgementId },
    body,
    token,
  });
}

function getReviews(assessmentId: string, auth: { token?: string; cookie?: string }) {
  return callRoute(assessmentReviewsRoute.GET, {
    path: `/api/v1/assessments/${assessmentId}/reviews`,
    params: { assessmentId },
    ...auth,
  });
}

describe("POST /api/v1/assessments/:id/judgements/:judgementId/reviews", () => {
  it("records an approval (201) that every member then sees, with the required counts", async () => {
    const f = await assessmentUnderReview();
    const posted = await postReview(
      f.assessmentId,
      "jdg_key",
      { verdict: "approved" },
      await createTestBearer(f.reviewer),
    );
    expect(posted.status).toBe(201);
    expect(judgementReviewDto.parse(posted.body)).toMatchObject({
      judgementId: "jdg_key",
      verdict: "approved",
      reviewer: { id: f.reviewer.id, name: f.reviewer.name },
      isCurrent: true,
    });
    const listed = await getReviews(f.assessmentId, { cookie: await createTestSessionCookie(f.viewer) });
    expect(listed.status).toBe(200);
    expect(assessmentReviewsDto.parse(listed.body)).toMatchObject({
      assessmentId: f.assessmentId,
      requiredApprovals: 1,
      requiredKeyApprovals: 1,
      judgements: [
        { judgementId: "jdg_key", position: 0, isKey: true, status: "approved", currentApprovals: 1 },
        { judgementId: "jdg_other", position: 1, isKey: false, status: "awaiting_review", reviews: [] },
      ],
    });
  });

  it("answers 400 with field messages and writes nothing for a bad verdict or a request without comment", async () => {
    const f = await assessmentUnderReview();
    const token = await createTestBearer(f.reviewer);
    const missing = await postReview(f.assessmentId, "jdg_key", { verdict: "changes_requested" }, token);
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ comment: ["Say what should change."] });
    const unknown = await postReview(f.assessmentId, "jdg_key", { verdict: "lgtm" }, token);
    expect(unknown.body.error.fields).toEqual({ verdict: ["Choose a verdict: approved or changes_requested."] });
    expect((await postReview(f.assessmentId, "jdg_key", "{", token)).status).toBe(400);
    const reviews = await getDatabase()
      .select()
      .from(judgementReviews)
      .where(eq(judgementReviews.assessmentId, f.assessmentId));
    const audited = await getDatabase().select().from(auditEvents).where(eq(auditEvents.targetType, "judgement"));
    expect([reviews, audited.filter((event) => event.workspaceId === f.workspaceId)]).toEqual([[], []]);
  });

  it("answers 403 with the reason to analysts, viewers and self-approvers", async () => {
    const f = await assessmentUnderReview();
    for (const actor of [f.analyst, f.viewer]) {
      const refused = await postReview(
        f.assessmentId,
        "jdg_key",
        { verdict: "approved" },
        await createTestBearer(actor),
      );
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden:review" } } });
    }
    await f.write(f.text({ likelihood: "unlikely" }), [f.owner]);
    const own = await postReview(f.assessmentId, "jdg_key", { verdict: "approved" }, await createTestBearer(f.owner));
    expect(own).toMatchObject({ status: 403, body: { error: { code: "forbidden:self_approval" } } });
    expect(own.body.error.message).toMatch(/^You edited this judgement, so someone else must approve it/);
  });

  it("answers 404 to non-members, unknown assessments and judgements, and 401 without credentials", async () => {
    const f = await assessmentUnderReview();
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const outsiderToken = await createTestBearer(outsider);
    expect((await postReview(f.assessmentId, "jdg_key", { verdict: "approved" }, outsiderToken)).status).toBe(404);
    expect((await getReviews(f.assessmentId, { token: outsiderToken })).status).toBe(404);
    const token = await createTestBearer(f.reviewer);
    for (const [assessmentId, judgementId] of [
      [randomUUID(), "jdg_key"],
      ["not-a-uuid", "jdg_key"],
      [f.assessmentId, "jdg_unknown"],
    ] as const) {
      expect((await postReview(assessmentId, judgementId, { verdict: "approved" }, token)).status).toBe(404);
    }
    expect((await postReview(f.assessmentId, "jdg_key", { verdict: "approved" })).status).toBe(401);
    expect((await getReviews(f.assessmentId, {})).status).toBe(401);
  });
});
