import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as assessmentForecastsRoute from "@/app/api/v1/assessments/[assessmentId]/forecasts/route";
import * as outcomeRoute from "@/app/api/v1/assessments/[assessmentId]/judgements/[judgementId]/forecast/outcome/route";
import { DELETE, GET, PUT } from "@/app/api/v1/assessments/[assessmentId]/judgements/[judgementId]/forecast/route";
import { getDatabase } from "@/db/client";
import { auditEvents, judgementForecasts } from "@/db/schema";
import { latestResolveBy } from "@/lib/forecasts/forecast-days";
import { type ForecastDto, forecastDto } from "@/lib/schemas/forecasts";
import type { Actor } from "../auth/actor";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { callRoute, createTestBearer } from "../testing/route-test-helpers";
import { backdateForecast, daysFromToday, forecastingTeam } from "./forecast-test-helpers";

type Method = "GET" | "PUT" | "DELETE";

async function forecast(method: Method, actor: Actor, assessmentId: string, body?: unknown, judgementId = "jdg_key") {
  const handler = { GET, PUT, DELETE }[method];
  return callRoute(handler, {
    method,
    path: `/api/v1/assessments/${assessmentId}/judgements/${judgementId}/forecast`,
    params: { assessmentId, judgementId },
    body,
    token: await createTestBearer(actor),
  });
}

async function outcome(actor: Actor, assessmentId: string, body: unknown, judgementId = "jdg_key") {
  return callRoute(outcomeRoute.POST, {
    method: "POST",
    path: `/api/v1/assessments/${assessmentId}/judgements/${judgementId}/forecast/outcome`,
    params: { assessmentId, judgementId },
    body,
    token: await createTestBearer(actor),
  });
}

const CRITERION = "Imagery shows at least 40 rail cars at Tikhoretsk on the resolve-by day.";
// Resolve-by days are relative to today: a day in the past is refused for a new forecast.
const SOON = daysFromToday(30);
const LATER = daysFromToday(60);
const NEXT_YEAR = daysFromToday(365);

/** The stored forecast rows and forecast audit events of an assessment. */
async function storedFor(assessmentId: string) {
  const db = getDatabase();
  const rows = await db.select().from(judgementForecasts).where(eq(judgementForecasts.assessmentId, assessmentId));
  const events = await db
    .select({ action: auditEvents.action, data: auditEvents.data })
    .from(auditEvents)
    .where(and(like(auditEvents.action, "forecast.%"), eq(auditEvents.targetId, "jdg_key")))
    .orderBy(auditEvents.id);
  return { rows, events: events.filter((event) => event.data.assessmentId === assessmentId) };
}

describe("PUT/GET/DELETE …/judgements/:judgementId/forecast", () => {
  it("sets and updates a forecast that every member then reads, audited each time", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }]);
    const set = await forecast("PUT", f.analyst, assessmentId, {
      resolveBy: SOON,
      criterion: CRITERION,
      pointEstimate: 0.7,
    });
    expect(set.status).toBe(200);
    expect(forecastDto.parse(set.body)).toMatchObject({
      resolveBy: SOON,
      criterion: CRITERION,
      pointEstimate: expect.closeTo(0.7, 6),
      likelihood: "likely",
      probability: expect.closeTo(0.7, 6),
      outcome: null,
      setBy: f.analyst.id,
    });
    const updated = await forecast("PUT", f.owner, assessmentId, { resolveBy: LATER, criterion: "Revised." });
    expect(updated.status).toBe(200);
    const read = await forecast("GET", f.viewer, assessmentId);
    expect(read.status).toBe(200);
    // No point estimate any more: the midpoint of likely (55–80%) is scored, (55 + 80) / 200 = 0.675.
    expect(read.body).toMatchObject({ resolveBy: LATER, criterion: "Revised.", pointEstimate: null });
    expect(read.body.probability).toBeCloseTo(0.675, 9);
    expect((await storedFor(assessmentId)).events.map((event) => event.action)).toEqual([
      "forecast.set",
      "forecast.set",
    ]);
  });

  it("refuses a point estimate outside the band (422, field message) and stores nothing", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }]);
    const refused = await forecast("PUT", f.analyst, assessmentId, {
      resolveBy: SOON,
      criterion: CRITERION,
      pointEstimate: 0.5,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("unprocessable:point_estimate");
    expect(refused.body.error.fields.pointEstimate[0]).toContain("from 0.55 to 0.8");
    expect(await storedFor(assessmentId)).toEqual({ rows: [], events: [] });
    expect((await forecast("GET", f.analyst, assessmentId)).status).toBe(404);
  });

  it("refuses judgements without likelihood (422), bad fields (400) and unknown judgements (404)", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: null }]);
    const body = { resolveBy: SOON, criterion: CRITERION };
    const noBand = await forecast("PUT", f.analyst, assessmentId, body);
    expect([noBand.status, noBand.body.error.code]).toEqual([422, "unprocessable:likelihood"]);
    const bad = await forecast("PUT", f.analyst, assessmentId, {
      resolveBy: "2026-02-30",
      criterion: " ",
      pointEstimate: 2,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["criterion", "pointEstimate", "resolveBy"]);
    expect((await forecast("PUT", f.analyst, assessmentId, body, "jdg_missing")).status).toBe(404);
    expect((await storedFor(assessmentId)).rows).toEqual([]);
  });

  it("refuses a resolve-by day in the past (400, field message) and stores nothing; today is fine", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }]);
    for (const resolveBy of ["2020-01-01", daysFromToday(-1)]) {
      const refused = await forecast("PUT", f.analyst, assessmentId, { resolveBy, criterion: CRITERION });
      expect([refused.status, refused.body.error.code]).toEqual([400, "bad_request:resolve_by"]);
      expect(Object.keys(refused.body.error.fields)).toEqual(["resolveBy"]);
      expect(refused.body.error.fields.resolveBy[0]).toContain(daysFromToday(0));
    }
    expect(await storedFor(assessmentId)).toEqual({ rows: [], events: [] });
    expect(
      (await forecast("PUT", f.analyst, assessmentId, { resolveBy: daysFromToday(0), criterion: CRITERION })).status,
    ).toBe(200);
  });

  it("refuses a resolve-by day more than 50 years ahead (400, field message naming the last day allowed)", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }]);
    const latest = latestResolveBy();
    for (const resolveBy of ["9999-12-31", daysFromToday(50 * 366)]) {
      const refused = await forecast("PUT", f.analyst, assessmentId, { resolveBy, criterion: CRITERION });
      expect([refused.status, refused.body.error.code]).toEqual([400, "bad_request:resolve_by"]);
      expect(refused.body.error.fields.resolveBy).toEqual([
        `Choose a day within 50 years, by ${latest}: a forecast must be resolvable.`,
      ]);
    }
    expect(await storedFor(assessmentId)).toEqual({ rows: [], events: [] });
    expect((await forecast("PUT", f.analyst, assessmentId, { resolveBy: latest, criterion: CRITERION })).status).toBe(
      200,
    );
  });

  it("refuses moving an open forecast's day into the past, and every change once its own day has passed", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }]);
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION });
    const moved = await forecast("PUT", f.analyst, assessmentId, {
      resolveBy: daysFromToday(-5),
      criterion: CRITERION,
    });
    expect([moved.status, moved.body.error.code]).toEqual([400, "bad_request:resolve_by"]);
    expect((await storedFor(assessmentId)).rows.map((row) => row.resolveBy)).toEqual([SOON]);
    // Set long ago, its day has come: what it said by then is what gets scored, so no rewording
    // it to fit what happened, no later day, no new estimate and no withdrawing it.
    await backdateForecast(assessmentId, "jdg_key", daysFromToday(-2));
    for (const body of [
      { resolveBy: daysFromToday(-2), criterion: "Revised." },
      { resolveBy: LATER, criterion: CRITERION },
      { resolveBy: daysFromToday(-2), criterion: CRITERION, pointEstimate: 0.56 },
    ]) {
      const refused = await forecast("PUT", f.analyst, assessmentId, body);
      expect([refused.status, refused.body.error.code]).toEqual([409, "conflict:forecast_closed"]);
    }
    const removed = await forecast("DELETE", f.owner, assessmentId);
    expect([removed.status, removed.body.error.code]).toEqual([409, "conflict:forecast_closed"]);
    const stored = await storedFor(assessmentId);
    expect(stored.rows.map((row) => [row.resolveBy, row.criterion, row.pointEstimate])).toEqual([
      [daysFromToday(-2), CRITERION, null],
    ]);
    expect(stored.events.map((event) => event.action)).toEqual(["forecast.set"]);
  });

  it("lets only owners and analysts write, and hides it from other teams", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }]);
    const body = { resolveBy: SOON, criterion: CRITERION };
    for (const actor of [f.reviewer, f.viewer]) {
      const refused = await forecast("PUT", actor, assessmentId, body);
      expect([refused.status, refused.body.error.code]).toEqual([403, "forbidden:forecast"]);
    }
    const stranger = await createTestUser();
    await createTestWorkspace(stranger);
    expect((await forecast("PUT", stranger, assessmentId, body)).status).toBe(404);
    expect((await forecast("PUT", f.analyst, assessmentId, body)).status).toBe(200);
    expect((await forecast("GET", stranger, assessmentId)).status).toBe(404);
    expect((await forecast("DELETE", f.reviewer, assessmentId)).status).toBe(403);
    expect((await forecast("DELETE", f.analyst, assessmentId)).status).toBe(204);
    expect((await forecast("GET", f.analyst, assessmentId)).status).toBe(404);
    expect((await forecast("DELETE", f.analyst, assessmentId)).status).toBe(404);
  });
});

describe("POST …/forecast/outcome", () => {
  it("resolves once (owners and reviewers), freezing the score; every later change is refused", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }], { approvedBy: f.reviewer });
    expect((await outcome(f.reviewer, assessmentId, { outcome: "happened" })).status).toBe(404);
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION });
    // "Did not happen" is known only once the day has passed.
    await backdateForecast(assessmentId, "jdg_key", daysFromToday(-1));
    for (const actor of [f.analyst, f.viewer]) {
      const refused = await outcome(actor, assessmentId, { outcome: "happened" });
      expect([refused.status, refused.body.error.code]).toEqual([403, "forbidden:forecast_outcome"]);
    }
    const resolved = await outcome(f.reviewer, assessmentId, { outcome: "did_not_happen", note: "42 cars" });
    expect(resolved.status).toBe(200);
    expect(forecastDto.parse(resolved.body)).toMatchObject({
      outcome: "did_not_happen",
      scoredLikelihood: "likely",
      analystIds: [f.analyst.id],
      reviewerIds: [f.reviewer.id],
      resolvedBy: f.reviewer.id,
      outcomeNote: "42 cars",
    });
    expect(resolved.body.scoredProbability).toBeCloseTo(0.675, 6); // the midpoint of 55–80%
    expect(resolved.body.brierScore).toBeCloseTo(0.455625, 6); // (0.675 − 0)² = 0.455625
    const before = await storedFor(assessmentId);

    const again = await outcome(f.owner, assessmentId, { outcome: "happened" });
    expect([again.status, again.body.error.code]).toEqual([409, "conflict:forecast_resolved"]);
    const body = { resolveBy: NEXT_YEAR, criterion: CRITERION };
    expect((await forecast("PUT", f.analyst, assessmentId, body)).status).toBe(409);
    expect((await forecast("DELETE", f.analyst, assessmentId)).status).toBe(409);
    expect(await storedFor(assessmentId)).toEqual(before);
    expect(before.events.map((event) => event.action)).toEqual(["forecast.set", "forecast.resolved"]);
  });

  it("records “happened” before the day (the criterion was met early), “did not happen” only once it has passed", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([
      { id: "jdg_key", likelihood: "likely" },
      { id: "jdg_other", likelihood: "likely" },
    ]);
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION });
    const early = await outcome(f.reviewer, assessmentId, { outcome: "did_not_happen" });
    expect([early.status, early.body.error.code]).toEqual([422, "unprocessable:forecast_not_due"]);
    expect(early.body.error.fields.outcome[0]).toContain(SOON);
    const stored = await storedFor(assessmentId);
    expect(stored.rows.map((row) => [row.outcome, row.brierScore])).toEqual([[null, null]]);
    expect(stored.events.map((event) => event.action)).toEqual(["forecast.set"]);

    // On its last day it can still happen.
    await backdateForecast(assessmentId, "jdg_key", daysFromToday(0));
    expect((await outcome(f.reviewer, assessmentId, { outcome: "did_not_happen" })).status).toBe(422);
    await backdateForecast(assessmentId, "jdg_key", daysFromToday(-1));
    expect((await outcome(f.reviewer, assessmentId, { outcome: "did_not_happen" })).status).toBe(200);

    await forecast("PUT", f.analyst, assessmentId, { resolveBy: NEXT_YEAR, criterion: CRITERION }, "jdg_other");
    const happened = await outcome(f.reviewer, assessmentId, { outcome: "happened" }, "jdg_other");
    expect(happened.status).toBe(200);
    expect(happened.body.brierScore).toBeCloseTo(0.105625, 6); // (0.675 − 1)²
  });

  it("stores, answers and audits the same Brier score the page shows, without floating-point noise", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }]);
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION, pointEstimate: 0.7 });
    const happened = await outcome(f.reviewer, assessmentId, { outcome: "happened" });
    expect(happened.status).toBe(200);
    // (0.7 − 1)² computed in floating point is 0.09000000000000002.
    expect(happened.body.brierScore).toBe(0.09);
    const stored = await storedFor(assessmentId);
    expect(stored.rows.map((row) => row.brierScore)).toEqual([0.09]);
    expect(stored.events.at(-1)?.data).toMatchObject({ brierScore: 0.09, scoredProbability: 0.7 });
  });

  it("annuls without a Brier score and refuses a bad outcome with a field message", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "unlikely" }]);
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION });
    const bad = await outcome(f.owner, assessmentId, { outcome: "maybe" });
    expect([bad.status, Object.keys(bad.body.error.fields)]).toEqual([400, ["outcome"]]);
    const annulled = await outcome(f.owner, assessmentId, { outcome: "annulled" });
    expect(annulled.status).toBe(200);
    expect(annulled.body).toMatchObject({ outcome: "annulled", brierScore: null, reviewerIds: [] });
  });

  it("lets nobody record the outcome of a forecast they set or of a judgement they wrote (403), changing nothing", async () => {
    const f = await forecastingTeam();
    // The owner wrote the key judgement; the analyst wrote the other, whose forecast the owner set.
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }], { author: f.owner });
    await f.writeText(
      assessmentId,
      [
        { id: "jdg_key", likelihood: "likely" },
        { id: "jdg_two", likelihood: "unlikely" },
      ],
      f.analyst,
    );
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION });
    await forecast("PUT", f.owner, assessmentId, { resolveBy: SOON, criterion: CRITERION }, "jdg_two");
    for (const judgementId of ["jdg_key", "jdg_two"]) {
      const own = await outcome(f.owner, assessmentId, { outcome: "happened" }, judgementId);
      expect([own.status, own.body.error.code]).toEqual([403, "forbidden:own_forecast"]);
    }
    const stored = await storedFor(assessmentId);
    expect(stored.rows.map((row) => row.outcome)).toEqual([null, null]);
    expect(stored.events.map((event) => event.action)).toEqual(["forecast.set"]);
    // Someone who neither wrote nor set it may.
    expect((await outcome(f.reviewer, assessmentId, { outcome: "happened" })).status).toBe(200);
    expect((await outcome(f.reviewer, assessmentId, { outcome: "annulled" }, "jdg_two")).status).toBe(200);
  });

  it("scores a forecast past its day on the band its judgement had when the day ended, not on later edits", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "unlikely" }]);
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION, pointEstimate: 0.4 });
    await backdateForecast(assessmentId, "jdg_key", daysFromToday(-3));
    // The rail cars turned up after all; the text is moved up before the outcome is recorded.
    await f.writeText(assessmentId, [{ id: "jdg_key", likelihood: "almost_certain" }]);
    const due = await forecast("GET", f.viewer, assessmentId);
    expect(forecastDto.parse(due.body)).toMatchObject({
      isDue: true,
      likelihood: "almost_certain",
      closingLikelihood: "unlikely",
      probability: 0.4,
    });
    const listed = await callRoute(assessmentForecastsRoute.GET, {
      method: "GET",
      path: `/api/v1/assessments/${assessmentId}/forecasts`,
      params: { assessmentId },
      token: await createTestBearer(f.viewer),
    });
    expect(listed.body.map((item: ForecastDto) => [item.closingLikelihood, item.probability])).toEqual([
      ["unlikely", 0.4],
    ]);
    const resolved = await outcome(f.reviewer, assessmentId, { outcome: "happened" });
    expect(resolved.status).toBe(200);
    // (0.4 − 1)² = 0.36; the edited text would have scored (0.97 − 1)² = 0.0009.
    expect(resolved.body).toMatchObject({ scoredLikelihood: "unlikely", scoredProbability: 0.4, brierScore: 0.36 });
  });

  it("scores a closed forecast on its band's midpoint when the text had left its point estimate behind, and annuls one that had no band", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([
      { id: "jdg_key", likelihood: "likely" },
      { id: "jdg_two", likelihood: "likely" },
    ]);
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION, pointEstimate: 0.7 });
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION }, "jdg_two");
    // Before the day ended the key judgement went down to "unlikely" and the other lost its band;
    // neither forecast was updated, and now neither can be.
    await f.writeText(assessmentId, [
      { id: "jdg_key", likelihood: "unlikely" },
      { id: "jdg_two", likelihood: null },
    ]);
    await backdateForecast(assessmentId, "jdg_key", daysFromToday(-1));
    await backdateForecast(assessmentId, "jdg_two", daysFromToday(-1));
    const scored = await outcome(f.reviewer, assessmentId, { outcome: "did_not_happen" });
    // unlikely's midpoint 0.325: (0.325 − 0)² = 0.105625.
    expect(scored.body).toMatchObject({ scoredLikelihood: "unlikely", scoredProbability: 0.325, brierScore: 0.105625 });
    const unscorable = await outcome(f.reviewer, assessmentId, { outcome: "did_not_happen" }, "jdg_two");
    expect([unscorable.status, unscorable.body.error.code]).toEqual([422, "unprocessable:likelihood"]);
    expect(unscorable.body.error.fields[""][0]).toContain("record it as annulled");
    const annulled = await outcome(f.reviewer, assessmentId, { outcome: "annulled" }, "jdg_two");
    expect(annulled.status).toBe(200);
    expect(annulled.body).toMatchObject({ outcome: "annulled", scoredLikelihood: null, brierScore: null });
  });

  it("refuses to score a judgement whose band no longer holds the point estimate, or that has no band (422)", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([{ id: "jdg_key", likelihood: "likely" }]);
    await forecast("PUT", f.analyst, assessmentId, {
      resolveBy: SOON,
      criterion: CRITERION,
      pointEstimate: 0.7,
    });
    await f.writeText(assessmentId, [{ id: "jdg_key", likelihood: "unlikely" }]);
    const moved = await outcome(f.reviewer, assessmentId, { outcome: "happened" });
    expect([moved.status, moved.body.error.code]).toEqual([422, "unprocessable:point_estimate"]);
    await f.writeText(assessmentId, [{ id: "jdg_key", likelihood: null }]);
    const none = await outcome(f.reviewer, assessmentId, { outcome: "happened" });
    expect([none.status, none.body.error.code]).toEqual([422, "unprocessable:likelihood"]);
    const stored = await storedFor(assessmentId);
    expect(stored.rows.map((row) => [row.outcome, row.brierScore, row.resolvedAt])).toEqual([[null, null, null]]);
    expect(stored.events.map((event) => event.action)).toEqual(["forecast.set"]);
  });
});

describe("GET /api/v1/assessments/:assessmentId/forecasts", () => {
  it("lists every forecast of the assessment in one answer, and nothing of other teams", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([
      { id: "jdg_a", likelihood: "likely" },
      { id: "jdg_b", likelihood: "unlikely" },
      { id: "jdg_none", likelihood: "likely" },
    ]);
    const other = await f.writeAssessment([{ id: "jdg_a", likelihood: "likely" }]);
    const list = async (actor: Actor, id = assessmentId) =>
      callRoute(assessmentForecastsRoute.GET, {
        path: `/api/v1/assessments/${id}/forecasts`,
        params: { assessmentId: id },
        token: await createTestBearer(actor),
      });
    expect((await list(f.viewer)).body).toEqual([]);
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: SOON, criterion: CRITERION }, "jdg_b");
    await forecast("PUT", f.analyst, assessmentId, { resolveBy: LATER, criterion: CRITERION }, "jdg_a");
    await forecast("PUT", f.analyst, other, { resolveBy: LATER, criterion: CRITERION }, "jdg_a");
    await outcome(f.reviewer, assessmentId, { outcome: "happened" }, "jdg_b");
    // jdg_a leaves the text: its forecast is still listed, without a band.
    await f.writeText(assessmentId, [{ id: "jdg_b", likelihood: "unlikely" }]);

    const listed = await list(f.viewer);
    expect(listed.status).toBe(200);
    const forecasts = listed.body.map((item: unknown) => forecastDto.parse(item));
    expect(
      forecasts.map((item: ForecastDto) => [item.judgementId, item.assessmentId, item.outcome, item.likelihood]),
    ).toEqual([
      ["jdg_a", assessmentId, null, null],
      ["jdg_b", assessmentId, "happened", "unlikely"],
    ]);
    const stranger = await createTestUser();
    await createTestWorkspace(stranger);
    expect((await list(stranger)).status).toBe(404);
  });
});
