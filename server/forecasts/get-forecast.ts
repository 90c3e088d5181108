import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { judgements } from "@/db/schema";
import { isPastResolveBy } from "@/lib/forecasts/forecast-days";
import type { ForecastDto } from "@/lib/schemas/forecasts";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { findClosingLikelihood, requireForecast, toForecastDto } from "./forecast-rows";

export interface GetForecastOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  judgementId: string;
}

/**
 * A judgement's forecast (404 `not_found:forecast` when it has none), with the judgement's band as
 * it is now and, once due, as it was when the forecast closed.
 */
export async function getForecast(options: GetForecastOptions): Promise<ForecastDto> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  const row = await requireForecast(db, assessment.id, options.judgementId);
  // The block may have left the text since; its forecast is kept, without a band now.
  const [judgement] = await db
    .select({ likelihood: judgements.likelihood })
    .from(judgements)
    .where(and(eq(judgements.assessmentId, assessment.id), eq(judgements.id, row.judgementId)));
  const isDue = row.outcome === null && isPastResolveBy(row.resolveBy);
  return toForecastDto(row, judgement ?? null, undefined, isDue ? await findClosingLikelihood(db, row) : null);
}
