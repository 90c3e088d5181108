import { describe, expect, it } from "vitest";
import { inboxOf } from "../notifications/notification-test-helpers";
import { backdateForecast, daysFromToday, forecastingTeam, setTestForecast } from "./forecast-test-helpers";
import { noticeDueForecasts } from "./notice-due-forecasts";
import { recordForecastOutcome } from "./record-forecast-outcome";

describe("forecast notifications", () => {
  it("tells the judgement's author and the forecast's setter how it was resolved, not the resolver", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([
      { id: "jdg_key", likelihood: "likely", statement: "Tikhoretsk stays in use." },
    ]);
    // The analyst wrote the judgement; the owner made it a forecast at 0.7; the reviewer resolves it.
    await setTestForecast(f.owner, assessmentId, { pointEstimate: 0.7 });
    await recordForecastOutcome({
      actor: f.reviewer,
      assessmentId,
      judgementId: "jdg_key",
      input: { outcome: "happened" },
    });
    for (const person of [f.analyst, f.owner]) {
      const [told, ...more] = await inboxOf(person, "forecast_resolved");
      expect(more).toEqual([]);
      // (0.7 − 1)² = 0.09
      expect(told).toMatchObject({
        summary: `${f.reviewer.name} resolved the forecast “Tikhoretsk stays in use.” in “Collaboration test”: happened, Brier 0.090`,
        assessmentId,
        judgementId: "jdg_key",
        actor: { id: f.reviewer.id },
      });
    }
    expect(await inboxOf(f.reviewer, "forecast_resolved")).toEqual([]);
    expect(await inboxOf(f.viewer, "forecast_resolved")).toEqual([]);
  });

  it("tells each owner and reviewer who may resolve it, once, when a forecast's day has passed", async () => {
    const f = await forecastingTeam();
    const assessmentId = await f.writeAssessment([
      { id: "jdg_key", likelihood: "likely", statement: "Tikhoretsk stays in use." },
      { id: "jdg_old", likelihood: "unlikely" },
      { id: "jdg_done", likelihood: "likely" },
      { id: "jdg_open", likelihood: "likely" },
    ]);
    for (const judgementId of ["jdg_key", "jdg_old", "jdg_done", "jdg_open"]) {
      await setTestForecast(f.analyst, assessmentId, { judgementId });
    }
    await backdateForecast(assessmentId, "jdg_key", daysFromToday(-1));
    // Due for weeks already (say, on a first start with old data): not announced any more.
    await backdateForecast(assessmentId, "jdg_old", daysFromToday(-20));
    // Resolved before anyone was told.
    await backdateForecast(assessmentId, "jdg_done", daysFromToday(-2));
    await recordForecastOutcome({
      actor: f.reviewer,
      assessmentId,
      judgementId: "jdg_done",
      input: { outcome: "annulled" },
    });
    await noticeDueForecasts();
    await noticeDueForecasts();
    for (const person of [f.owner, f.reviewer]) {
      const told = await inboxOf(person, "forecast_due");
      expect(told.map((notification) => [notification.judgementId, notification.summary])).toEqual([
        [
          "jdg_key",
          `The forecast “Tikhoretsk stays in use.” in “Collaboration test” is due: its resolve-by day ${daysFromToday(-1)} has passed. Record how it turned out.`,
        ],
      ]);
    }
    // The analyst wrote and set it (may not resolve it); viewers may not resolve at all.
    expect(await inboxOf(f.analyst, "forecast_due")).toEqual([]);
    expect(await inboxOf(f.viewer, "forecast_due")).toEqual([]);
  });
});
