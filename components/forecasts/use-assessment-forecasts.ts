"use client";

import { useEffect, useState } from "react";
import type { ForecastDto } from "@/lib/schemas/forecasts";
import { loadAssessmentForecasts } from "./forecast-requests";

/** The forecasts of the open assessment by judgement id; `ready` once loaded. */
export interface AssessmentForecasts {
  status: "loading" | "ready" | "error";
  byJudgement: ReadonlyMap<string, ForecastDto>;
}

/**
 * Loads every forecast of the assessment once, for the review panel's forecast controls. Each
 * control then keeps its own forecast up to date after this user's changes.
 */
export function useAssessmentForecasts(assessmentId: string | null): AssessmentForecasts {
  const [state, setState] = useState<AssessmentForecasts>({ status: "loading", byJudgement: new Map() });
  useEffect(() => {
    if (!assessmentId) return;
    const controller = new AbortController();
    loadAssessmentForecasts(assessmentId, controller.signal).then(
      (forecasts) => {
        const byJudgement = new Map(forecasts.map((forecast) => [forecast.judgementId, forecast]));
        if (!controller.signal.aborted) setState({ status: "ready", byJudgement });
      },
      () => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, status: "error" }));
      },
    );
    return () => controller.abort();
  }, [assessmentId]);
  return state;
}
