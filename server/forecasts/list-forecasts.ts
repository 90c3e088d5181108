import { and, asc, desc, eq, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessments, judgementForecasts, judgements } from "@/db/schema";
import { todayUtc } from "@/lib/forecasts/forecast-days";
import type { ForecastListDto, ForecastState } from "@/lib/schemas/forecasts";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";
import { closingLikelihood, toForecastDto } from "./forecast-rows";

export interface ListForecastsOptions {
  /** Any member of the workspace. */
  actor: Actor;
  workspaceId: string;
  /** `due`: unresolved and past their resolve-by day (UTC); `open`: every unresolved one; `resolved`. */
  state: ForecastState;
  /** Today, for tests; defaults to the current UTC date. */
  today?: string;
}

/**
 * The workspace's forecasts in one state, with each judgement's statement (null once the block
 * left the text), its assessment's title and a link to it. Unresolved ones come soonest-due
 * first; resolved ones latest-resolved first.
 */
export async function listForecasts(options: ListForecastsOptions): Promise<ForecastListDto> {
  const db = getDatabase();
  await requireMembership({ db, actor: options.actor, workspaceId: options.workspaceId });
  const today = options.today ?? todayUtc();
  const conditions: Record<ForecastState, SQL | undefined> = {
    due: and(isNull(judgementForecasts.outcome), lt(judgementForecasts.resolveBy, today)),
    open: isNull(judgementForecasts.outcome),
    resolved: isNotNull(judgementForecasts.outcome),
  };
  const rows = await db
    .select({
      forecast: judgementForecasts,
      statement: judgements.statement,
      likelihood: judgements.likelihood,
      closedLikelihood: closingLikelihood,
      assessmentTitle: assessments.title,
    })
    .from(judgementForecasts)
    .innerJoin(assessments, eq(assessments.id, judgementForecasts.assessmentId))
    .leftJoin(
      judgements,
      and(
        eq(judgements.assessmentId, judgementForecasts.assessmentId),
        eq(judgements.id, judgementForecasts.judgementId),
      ),
    )
    .where(and(eq(judgementForecasts.workspaceId, options.workspaceId), conditions[options.state]))
    .orderBy(
      ...(options.state === "resolved"
        ? [desc(judgementForecasts.resolvedAt)]
        : [asc(judgementForecasts.resolveBy), asc(judgementForecasts.updatedAt)]),
      asc(judgementForecasts.judgementId),
    );
  return {
    state: options.state,
    forecasts: rows.map(({ forecast, statement, likelihood, closedLikelihood, assessmentTitle }) => ({
      ...toForecastDto(forecast, statement === null ? null : { likelihood }, today, closedLikelihood),
      statement,
      assessmentTitle,
      link: `/w/${forecast.workspaceId}/a/${forecast.assessmentId}#judgement-${encodeURIComponent(forecast.judgementId)}`,
    })),
  };
}
