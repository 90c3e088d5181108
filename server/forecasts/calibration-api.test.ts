import { describe, expect, it } from "vitest";
import * as calibrationRoute from "@/app/api/v1/workspaces/[workspaceId]/calibration/route";
import * as forecastsRoute from "@/app/api/v1/workspaces/[workspaceId]/forecasts/route";
import { calibrationDto, forecastListDto } from "@/lib/schemas/forecasts";
import type { Actor } from "../auth/actor";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { callRoute, createTestBearer } from "../testing/route-test-helpers";
import { daysFromToday, forecastingTeam, setDueTestForecast, setTestForecast } from "./forecast-test-helpers";
import { recordForecastOutcome } from "./record-forecast-outcome";

async function getCalibration(actor: Actor, workspaceId: string) {
  return callRoute(calibrationRoute.GET, {
    path: `/api/v1/workspaces/${workspaceId}/calibration`,
    params: { workspaceId },
    token: await createTestBearer(actor),
  });
}

async function getForecasts(actor: Actor, workspaceId: string, state: string) {
  return callRoute(forecastsRoute.GET, {
    path: `/api/v1/workspaces/${workspaceId}/forecasts?state=${state}`,
    params: { workspaceId },
    token: await createTestBearer(actor),
  });
}

describe("GET /api/v1/workspaces/:id/calibration", () => {
  it("scores a hand-worked set of four resolved forecasts by two analysts, one reviewer", async () => {
    const f = await forecastingTeam();
    const bea = await createTestUser({ name: "Bea Analyst", workspace: f.workspace, role: "analyst" });
    // Ana's three judgements are approved by Rey; Bea's two are not approved by anyone.
    const ana = await f.writeAssessment(
      [
        { id: "jdg_a1", likelihood: "likely" },
        { id: "jdg_a2", likelihood: "likely" },
        { id: "jdg_a3", likelihood: "roughly_even_chance" },
      ],
      { author: f.analyst, approvedBy: f.reviewer },
    );
    const b = await f.writeAssessment(
      [
        { id: "jdg_b1", likelihood: "unlikely" },
        { id: "jdg_b2", likelihood: "very_likely" },
      ],
      { author: bea },
    );
    const resolve = async (
      assessmentId: string,
      judgementId: string,
      outcome: "happened" | "did_not_happen" | "annulled",
      pointEstimate?: number,
    ) => {
      await setDueTestForecast(f.analyst, assessmentId, { judgementId, pointEstimate });
      await recordForecastOutcome({ actor: f.owner, assessmentId, judgementId, input: { outcome } });
    };
    await resolve(ana, "jdg_a1", "happened"); // p = 0.675 (midpoint), (0.675 − 1)² = 0.105625
    await resolve(ana, "jdg_a2", "did_not_happen", 0.7); // p = 0.7, (0.7 − 0)² = 0.49
    await resolve(ana, "jdg_a3", "annulled"); // not scored
    await resolve(b, "jdg_b1", "did_not_happen"); // p = 0.325 (midpoint of 20–45%), 0.325² = 0.105625
    await resolve(b, "jdg_b2", "happened", 0.9); // p = 0.9, (0.9 − 1)² = 0.01
    // A resolved forecast is never rewritten, so it cannot be rescored.
    await expect(setTestForecast(f.analyst, b, { judgementId: "jdg_b2" })).rejects.toMatchObject({
      code: "conflict:forecast_resolved",
    });

    const answer = await getCalibration(f.viewer, f.workspaceId);
    expect(answer.status).toBe(200);
    const calibration = calibrationDto.parse(answer.body);
    // Workspace: (0.105625 + 0.49 + 0.105625 + 0.01) / 4 = 0.71125 / 4 = 0.1778125.
    expect(calibration.workspace).toMatchObject({ resolvedCount: 4, annulledCount: 1 });
    expect(calibration.workspace.meanBrier).toBeCloseTo(0.1778125, 6);
    const bins = Object.fromEntries(calibration.workspace.bins.map((bin) => [bin.band, bin]));
    expect(Object.keys(bins)).toEqual(["unlikely", "likely", "very_likely"]);
    expect(bins.unlikely).toMatchObject({ count: 1, observedFrequency: 0 });
    expect(bins.likely).toMatchObject({ count: 2, observedFrequency: 0.5 }); // 1 of 2 happened
    expect(bins.likely?.meanPredicted).toBeCloseTo(0.6875, 6); // (0.675 + 0.7) / 2
    expect(bins.likely?.meanBrier).toBeCloseTo(0.2978125, 6); // (0.105625 + 0.49) / 2
    expect(bins.very_likely).toMatchObject({ count: 1, observedFrequency: 1 });

    // Ana: a1 and a2 (a3 annulled) → 0.2978125; Bea: (0.105625 + 0.01) / 2 = 0.0578125.
    expect(calibration.analysts.map((person) => [person.name, person.resolvedCount, person.annulledCount])).toEqual([
      ["Ana Analyst", 2, 1],
      ["Bea Analyst", 2, 0],
    ]);
    expect(calibration.analysts[0]?.meanBrier).toBeCloseTo(0.2978125, 6);
    expect(calibration.analysts[1]?.meanBrier).toBeCloseTo(0.0578125, 6);
    expect(calibration.analysts[1]?.bins.map((bin) => bin.band)).toEqual(["unlikely", "very_likely"]);
    // Rey's approval was current on Ana's judgements only.
    expect(calibration.reviewers.map((person) => [person.userId, person.resolvedCount])).toEqual([[f.reviewer.id, 2]]);
    expect(calibration.reviewers[0]?.meanBrier).toBeCloseTo(0.2978125, 6);
  });

  it("answers 404 to non-members, and an empty calibration to a team with nothing resolved", async () => {
    const f = await forecastingTeam();
    const stranger = await createTestUser();
    await createTestWorkspace(stranger);
    expect((await getCalibration(stranger, f.workspaceId)).status).toBe(404);
    expect((await getForecasts(stranger, f.workspaceId, "due")).status).toBe(404);
    const empty = await getCalibration(f.viewer, f.workspaceId);
    expect(empty.body).toEqual({
      workspace: { resolvedCount: 0, annulledCount: 0, meanBrier: null, bins: [] },
      analysts: [],
      reviewers: [],
    });
  });
});

describe("GET /api/v1/workspaces/:id/forecasts", () => {
  it("lists as due only unresolved forecasts whose resolve-by day has passed", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([
      { id: "jdg_late", likelihood: "likely", statement: "The depot stays in use through 2025." },
      { id: "jdg_today", likelihood: "likely" },
      { id: "jdg_later", likelihood: "likely" },
      { id: "jdg_done", likelihood: "likely" },
    ]);
    await setDueTestForecast(f.analyst, assessmentId, { judgementId: "jdg_late", resolveBy: daysFromToday(-3) });
    await setTestForecast(f.analyst, assessmentId, { judgementId: "jdg_today", resolveBy: daysFromToday(0) });
    await setTestForecast(f.analyst, assessmentId, { judgementId: "jdg_later", resolveBy: daysFromToday(30) });
    await setDueTestForecast(f.analyst, assessmentId, { judgementId: "jdg_done", resolveBy: daysFromToday(-10) });
    await recordForecastOutcome({
      actor: f.reviewer,
      assessmentId,
      judgementId: "jdg_done",
      input: { outcome: "happened" },
    });

    const due = forecastListDto.parse((await getForecasts(f.viewer, f.workspaceId, "due")).body);
    expect(due.forecasts.map((forecast) => forecast.judgementId)).toEqual(["jdg_late"]);
    expect(due.forecasts[0]).toMatchObject({
      statement: "The depot stays in use through 2025.",
      assessmentTitle: expect.any(String),
      isDue: true,
      link: `/w/${f.workspaceId}/a/${assessmentId}#judgement-jdg_late`,
    });
    const open = forecastListDto.parse((await getForecasts(f.viewer, f.workspaceId, "open")).body);
    expect(open.forecasts.map((forecast) => forecast.judgementId)).toEqual(["jdg_late", "jdg_today", "jdg_later"]);
    const resolved = forecastListDto.parse((await getForecasts(f.viewer, f.workspaceId, "resolved")).body);
    expect(resolved.forecasts.map((forecast) => [forecast.judgementId, forecast.outcome])).toEqual([
      ["jdg_done", "happened"],
    ]);
    expect((await getForecasts(f.viewer, f.workspaceId, "overdue")).status).toBe(400);
  });
});
