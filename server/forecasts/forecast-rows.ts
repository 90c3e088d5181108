import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type JudgementForecast, type JudgementRow, judgementForecasts, judgements } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isPastResolveBy, todayUtc } from "@/lib/forecasts/forecast-days";
import { closedForecastProbability, forecastProbability } from "@/lib/forecasts/forecast-scoring";
import type { ForecastDto } from "@/lib/schemas/forecasts";
import type { LikelihoodBand } from "@/lib/standards/icd203";

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

/**
 * The judgement's band when its forecast closed, i.e. at the end of the resolve-by day (UTC): the
 * likelihood of its last revision stored before the next day began (null when it had none, or no
 * revision before then). A forecast past its day is scored on this, whatever the text says later.
 * A correlated subquery on `judgement_forecasts`, for selects from that table (written with
 * qualified names: Drizzle leaves columns unqualified in single-table selects, and an unqualified
 * `judgement_id` would resolve to the revisions' own).
 */
export const closingLikelihood = sql<LikelihoodBand | null>`(
  select r.likelihood from judgement_revisions r
  where r.assessment_id = "judgement_forecasts"."assessment_id"
    and r.judgement_id = "judgement_forecasts"."judgement_id"
    and r.created_at < (("judgement_forecasts"."resolve_by" + 1)::timestamp at time zone 'UTC')
  order by r.id desc limit 1)`;

/** The band of one forecast's judgement when the forecast closed (see `closingLikelihood`). */
export async function findClosingLikelihood(db: Executor, row: JudgementForecast): Promise<LikelihoodBand | null> {
  const [found] = await db
    .select({ likelihood: closingLikelihood })
    .from(judgementForecasts)
    .where(
      and(eq(judgementForecasts.assessmentId, row.assessmentId), eq(judgementForecasts.judgementId, row.judgementId)),
    );
  return found?.likelihood ?? null;
}

/**
 * 409 `conflict:forecast_closed` once the resolve-by day has passed: what was forecast by then is
 * what gets scored, so it can no longer be reworded, re-estimated, moved or withdrawn; only its
 * outcome can be recorded.
 */
export function refuseClosed(row: JudgementForecast, today: string = todayUtc()): void {
  if (row.outcome === null && isPastResolveBy(row.resolveBy, today)) {
    throw new AppError(
      "conflict:forecast_closed",
      `The forecast closed at the end of ${row.resolveBy} (UTC): it stands as it was then, waiting for its outcome.`,
      { current: { resolveBy: row.resolveBy, criterion: row.criterion, pointEstimate: row.pointEstimate } },
    );
  }
}

/** A forecast as the API shows it, beside the judgement's band as it is now (if it is still in the text). */
export function toForecastDto(
  row: JudgementForecast,
  judgement: Pick<JudgementRow, "likelihood"> | null,
  today: string = todayUtc(),
  /** The band when the forecast closed (`closingLikelihood`); only read once it is due. */
  closedLikelihood: LikelihoodBand | null = null,
): ForecastDto {
  const likelihood = judgement?.likelihood ?? null;
  const isDue = row.outcome === null && isPastResolveBy(row.resolveBy, today);
  const scoring = isDue ? closedLikelihood : likelihood;
  return {
    assessmentId: row.assessmentId,
    judgementId: row.judgementId,
    workspaceId: row.workspaceId,
    resolveBy: row.resolveBy,
    criterion: row.criterion,
    pointEstimate: row.pointEstimate,
    likelihood,
    closingLikelihood: isDue ? closedLikelihood : null,
    probability: scoring ? (isDue ? closedForecastProbability : forecastProbability)(scoring, row.pointEstimate) : null,
    isDue,
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
