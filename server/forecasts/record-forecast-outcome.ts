import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type JudgementForecast, type JudgementRow, judgementForecasts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { canRecordOutcome, dayAfter, isPastResolveBy } from "@/lib/forecasts/forecast-days";
import { brierScore, closedForecastProbability, forecastProbability, isInBand } from "@/lib/forecasts/forecast-scoring";
import type { WorkspaceRole } from "@/lib/roles";
import { type ForecastDto, type RecordForecastOutcomeInput, recordForecastOutcomeInput } from "@/lib/schemas/forecasts";
import { formatLikelihoodRange } from "@/lib/standards/icd203";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishForecastsChanged } from "../events/publish-forecasts-changed";
import { parseInput } from "../http/parse-input";
import { hasEditedJudgement } from "../judgements/has-edited-judgement";
import { recordForecastResolved } from "../notifications/record-forecast-resolved";
import { announceNotifications, recordNotificationsSafely } from "../notifications/record-notifications";
import { currentApproverIds } from "./current-approvers";
import {
  findClosingLikelihood,
  refuseResolved,
  requireForecast,
  requireJudgementRow,
  toForecastDto,
} from "./forecast-rows";
import { withLockedAssessment } from "./with-locked-assessment";

/** Roles that may say how a forecast turned out: the ones who vouch for judgements, not the ones who write them. */
export const RESOLVER_ROLES: readonly WorkspaceRole[] = ["owner", "reviewer"];

/**
 * 403 `forbidden:own_forecast` for whoever set the forecast or ever edited its judgement (four
 * eyes, as for approvals): an outcome scores its authors, and nobody scores their own forecast.
 */
async function refuseOwnForecast(
  tx: Executor,
  actor: Actor,
  forecast: JudgementForecast,
  judgement: JudgementRow,
): Promise<void> {
  const own =
    forecast.setBy === actor.id ||
    judgement.authorIds.includes(actor.id) ||
    (await hasEditedJudgement(tx, {
      userId: actor.id,
      assessmentId: judgement.assessmentId,
      judgementId: judgement.id,
    }));
  if (own) {
    throw new AppError(
      "forbidden:own_forecast",
      "You wrote this judgement or set its forecast, so someone else records how it turned out: nobody scores their own forecast.",
    );
  }
}

export interface RecordForecastOutcomeOptions {
  /** An owner or reviewer of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  judgementId: string;
  input: RecordForecastOutcomeInput;
}

/**
 * Resolves a forecast once and for all: freezes the judgement's band and the probability scored
 * (the point estimate, else the band's midpoint), its Brier score (none when annulled), its
 * authors and the reviewers whose approval is current, so later edits never rescore it. A forecast
 * whose resolve-by day has passed is scored on the band its judgement had when that day ended
 * (edits since do not count), and on its point estimate only while that band holds it.
 * "Happened" may be recorded as soon as the criterion is met and an annulment at any time, but
 * "did not happen" only once the resolve-by day has passed (422 `unprocessable:forecast_not_due`).
 * Whoever set the forecast or edited the judgement may not resolve it (403 `forbidden:own_forecast`).
 * Refusals change nothing: no forecast or judgement 404, already resolved 409, a judgement
 * without likelihood (or whose band moved away from the point estimate) 422.
 */
export async function recordForecastOutcome(options: RecordForecastOutcomeOptions): Promise<ForecastDto> {
  const input = parseInput(recordForecastOutcomeInput, options.input);
  const { actor } = options;
  const refusal = () =>
    new AppError("forbidden:forecast_outcome", "Only reviewers and owners can record how a forecast turned out.");
  let notified: string[] = [];
  const saved = await withLockedAssessment(
    { actor, assessmentId: options.assessmentId, roles: RESOLVER_ROLES, refusal },
    async (tx, locked) => {
      const forecast = await requireForecast(tx, locked.id, options.judgementId, { forUpdate: true });
      refuseResolved(forecast);
      if (!canRecordOutcome(input.outcome, forecast.resolveBy)) {
        throw new AppError(
          "unprocessable:forecast_not_due",
          "It can still happen: the resolve-by day has not passed.",
          {
            fields: {
              outcome: [
                `The forecast runs until ${forecast.resolveBy} (UTC): record “did not happen” from ${dayAfter(forecast.resolveBy)}, ` +
                  "or “happened” as soon as the criterion is met.",
              ],
            },
          },
        );
      }
      const judgement = await requireJudgementRow(tx, locked.id, forecast.judgementId);
      await refuseOwnForecast(tx, actor, forecast, judgement);
      // Past its day the forecast is scored as it stood when the day ended; before, as it is now.
      const closed = isPastResolveBy(forecast.resolveBy);
      const band = closed ? await findClosingLikelihood(tx, forecast) : judgement.likelihood;
      // An annulment scores nothing, so it needs no band.
      if (!band && input.outcome !== "annulled") {
        throw new AppError(
          "unprocessable:likelihood",
          "The judgement has no likelihood, so there is nothing to score.",
          {
            fields: {
              "": [
                closed
                  ? `The judgement had no likelihood when the forecast closed at the end of ${forecast.resolveBy} (UTC): record it as annulled.`
                  : "Give the judgement a likelihood, or remove its forecast.",
              ],
            },
          },
        );
      }
      if (band && !closed && forecast.pointEstimate !== null && !isInBand(forecast.pointEstimate, band)) {
        throw new AppError(
          "unprocessable:point_estimate",
          "The point estimate lies outside the judgement's band now.",
          {
            fields: {
              pointEstimate: [
                `The judgement's band changed to ${formatLikelihoodRange(band)} since the point estimate ${forecast.pointEstimate} was set: update the forecast first.`,
              ],
            },
          },
        );
      }
      const probability = band
        ? (closed ? closedForecastProbability : forecastProbability)(band, forecast.pointEstimate)
        : null;
      const [row] = await tx
        .update(judgementForecasts)
        .set({
          outcome: input.outcome,
          scoredLikelihood: band,
          scoredProbability: probability,
          brierScore: probability === null ? null : brierScore(probability, input.outcome),
          analystIds: judgement.authorIds,
          reviewerIds: await currentApproverIds(tx, locked.workspaceId, judgement),
          resolvedBy: auditActorId(actor),
          resolvedAt: new Date(),
          outcomeNote: input.note ?? "",
        })
        .where(and(eq(judgementForecasts.assessmentId, locked.id), eq(judgementForecasts.judgementId, judgement.id)))
        .returning();
      if (!row) throw new Error("update of judgement_forecasts returned no row");
      await recordAuditEvent({
        db: tx,
        workspaceId: locked.workspaceId,
        actorUserId: auditActorId(actor),
        action: "forecast.resolved",
        targetType: "judgement",
        targetId: judgement.id,
        data: {
          assessmentId: locked.id,
          outcome: row.outcome,
          scoredLikelihood: band,
          scoredProbability: probability,
          brierScore: row.brierScore,
          note: row.outcomeNote,
        },
      });
      notified = await recordNotificationsSafely(tx, "forecast resolved", (savepoint) =>
        recordForecastResolved(savepoint, { actor, assessment: locked, judgement, forecast: row }),
      );
      return toForecastDto(row, judgement, undefined, band);
    },
  );
  // Open pages of the assessment show it at once (after the commit, so they read it).
  await publishForecastsChanged({ assessmentId: saved.assessmentId });
  await announceNotifications(notified);
  return saved;
}
