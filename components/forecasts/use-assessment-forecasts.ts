"use client";

import { useCallback, useEffect, useState } from "react";
import { useDocumentChanges } from "@/components/editor/use-document-changes";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { DocumentChangeKind } from "@/lib/collab/protocol";
import type { ForecastDto } from "@/lib/schemas/forecasts";
import { loadAssessmentForecasts } from "./forecast-requests";

/** The forecasts of the open assessment by judgement id; `ready` once loaded. */
export interface AssessmentForecasts {
  status: "loading" | "ready" | "error";
  byJudgement: ReadonlyMap<string, ForecastDto>;
}

// A forecast set, changed, removed or resolved by anyone; a judgement rewritten (its band, which
// a forecast's probability follows while it is open).
const FORECAST_CHANGE_KINDS: readonly DocumentChangeKind[] = ["forecasts", "judgements"];

/**
 * Loads every forecast of the assessment for the review panel's forecast controls, and loads
 * them again, live, whenever the server says one changed (on any page, by anyone) or the
 * judgements were rewritten.
 */
export function useAssessmentForecasts(document: CollabDocument | null): AssessmentForecasts {
  const assessmentId = document?.id ?? null;
  const [state, setState] = useState<AssessmentForecasts>({ status: "loading", byJudgement: new Map() });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` is the signal to load again.
  useEffect(() => {
    if (!assessmentId) return;
    // A newer change supersedes a load still under way: only the latest answer is shown.
    const controller = new AbortController();
    loadAssessmentForecasts(assessmentId, controller.signal).then(
      (forecasts) => {
        const byJudgement = new Map(forecasts.map((forecast) => [forecast.judgementId, forecast]));
        if (!controller.signal.aborted) setState({ status: "ready", byJudgement });
      },
      () => {
        // A failed reload keeps what was shown.
        if (!controller.signal.aborted)
          setState((previous) => (previous.status === "ready" ? previous : { ...previous, status: "error" }));
      },
    );
    return () => controller.abort();
  }, [assessmentId, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  useDocumentChanges(document, FORECAST_CHANGE_KINDS, reload);
  return state;
}
