import { and, asc, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { judgementForecasts, judgements } from "@/db/schema";
import type { ForecastDto } from "@/lib/schemas/forecasts";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { closingLikelihood, toForecastDto } from "./forecast-rows";

export interface ListAssessmentForecastsOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
}

/**
 * Every forecast of one assessment, resolved or not, each beside its judgement's band as it is
 * now (null once the block left the text), ordered by judgement id. The assessment page loads
 * them in one request instead of asking each judgement, most of which have none.
 */
export async function listAssessmentForecasts(options: ListAssessmentForecastsOptions): Promise<ForecastDto[]> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  const rows = await db
    .select({
      forecast: judgementForecasts,
      likelihood: judgements.likelihood,
      judgementId: judgements.id,
      closedLikelihood: closingLikelihood,
    })
    .from(judgementForecasts)
    .leftJoin(
      judgements,
      and(
        eq(judgements.assessmentId, judgementForecasts.assessmentId),
        eq(judgements.id, judgementForecasts.judgementId),
      ),
    )
    .where(eq(judgementForecasts.assessmentId, assessment.id))
    .orderBy(asc(judgementForecasts.judgementId));
  return rows.map(({ forecast, likelihood, judgementId, closedLikelihood }) =>
    toForecastDto(forecast, judgementId === null ? null : { likelihood }, undefined, closedLikelihood),
  );
}
