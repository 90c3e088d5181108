import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type JudgementForecast, type JudgementRow, judgementForecasts, judgements } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isPastResolveBy, todayUtc } from "@/lib/forecasts/forecast-days";
import { forecastProbability } from "@/lib/forecasts/forecast-scoring";
import type { ForecastDto } from "@/lib/schemas/forecasts";

/** The judgement's projected row, or 404 `not_found:judgement` when the assessment's text has no such block. */
export async function requireJudgementRow(db: Executor, assessmentId: string, judgementId: string) {
  const [row] = await db
    .select()
    .from(judgements)
    .where(and(eq(judgements.assessmentId, assessmentId), eq(judgements.id, judgementId)));
  if (!row) throw new AppError("not_found:judgement");
  return row;
}

/** The judgement's forecast, or null; `forUpdate` locks it until the transaction ends. */
export async function findForecast(
  db: Executor,
  assessmentId: string,
  judgementId: string,
  options: { forUpdate?: boolean } = {},
): Promise<JudgementForecast | null> {
  const query = db
    .select()
    .from(judgementForecasts)
    .where(and(eq(judgementForecasts.assessmentId, assessmentId), eq(judgementForecasts.judgementId, judgementId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** The judgement's forecast, or 404 `not_found:forecast`. */
export async function requireForecast(
  db: Executor,
  assessmentId: string,
  judgementId: string,
  options: { forUpdate?: boolean } = {},
): Promise<JudgementForecast> {
  const row = await findForecast(db, assessmentId, judgementId, options);
  if (!row) throw new AppError("not_found:forecast", "This judgement has no forecast.");
  return row;
}

/** 409 `conflict:forecast_resolved`: a resolved forecast is a record of what was predicted, never rewritten. */
export function refuseResolved(row: JudgementForecast): void {
  if (row.outcome !== null) {
    throw new AppError(
      "conflict:forecast_resolved",
      "This forecast is already resolved; its outcome and score are final.",
      { current: row.outcome },
    );
  }
}

/** A forecast as the API shows it, beside the judgement's band as it is now (if it is still in the text). */
export function toForecastDto(
  row: JudgementForecast,
  judgement: Pick<JudgementRow, "likelihood"> | null,
  today: string = todayUtc(),
): ForecastDto {
  const likelihood = judgement?.likelihood ?? null;
  return {
    assessmentId: row.assessmentId,
    judgementId: row.judgementId,
    workspaceId: row.workspaceId,
    resolveBy: row.resolveBy,
    criterion: row.criterion,
    pointEstimate: row.pointEstimate,
    likelihood,
    probability: likelihood ? forecastProbability(likelihood, row.pointEstimate) : null,
    isDue: row.outcome === null && isPastResolveBy(row.resolveBy, today),
    setBy: row.setBy,
    updatedAt: row.updatedAt.toISOString(),
    outcome: row.outcome,
    scoredLikelihood: row.scoredLikelihood,
    scoredProbability: row.scoredProbability,
    brierScore: row.brierScore,
    analystIds: row.analystIds,
    reviewerIds: row.reviewerIds,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    outcomeNote: row.outcomeNote,
  };
}
