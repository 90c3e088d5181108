import type { Executor } from "@/db/client";
import type { Assessment, JudgementForecast, JudgementRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { judgementEditorIds } from "../judgements/has-edited-judgement";
import { currentMembers } from "./current-members";
import { quoted } from "./notification-text";
import { recordNotifications } from "./record-notifications";

export interface RecordForecastResolvedOptions {
  /** Who recorded the outcome; not notified. */
  actor: Actor;
  assessment: Pick<Assessment, "id" | "workspaceId" | "title">;
  judgement: Pick<JudgementRow, "id" | "statement" | "authorIds">;
  /** The forecast as resolved (outcome, Brier score, who set it). */
  forecast: Pick<JudgementForecast, "outcome" | "brierScore" | "setBy">;
}

/** "happened, Brier 0.090", "did not happen, Brier 0.456", "annulled, not scored". */
function describeOutcome(forecast: RecordForecastResolvedOptions["forecast"]): string {
  if (forecast.outcome === "annulled" || forecast.brierScore === null) return "annulled, not scored";
  const what = forecast.outcome === "happened" ? "happened" : "did not happen";
  return `${what}, Brier ${forecast.brierScore.toFixed(3)}`;
}

/**
 * Records `forecast_resolved` for the people the outcome scores: the judgement's authors, the
 * editors of its revisions and whoever set the forecast, still members of the workspace. Runs in
 * the outcome's transaction; resolves with the users to announce to after the commit. A forecast
 * is resolved once, so its judgement is the subject.
 */
export async function recordForecastResolved(db: Executor, options: RecordForecastResolvedOptions): Promise<string[]> {
  const { actor, assessment, judgement, forecast } = options;
  const editors = await judgementEditorIds(db, { assessmentId: assessment.id, judgementId: judgement.id });
  const recipients = await currentMembers(db, assessment.workspaceId, [
    ...judgement.authorIds,
    ...editors,
    ...(forecast.setBy ? [forecast.setBy] : []),
  ]);
  return recordNotifications(
    db,
    [...recipients].map((userId) => ({
      userId,
      workspaceId: assessment.workspaceId,
      assessmentId: assessment.id,
      kind: "forecast_resolved" as const,
      actorUserId: actor.id,
      judgementId: judgement.id,
      summary: `${actor.name} resolved the forecast ${quoted(judgement.statement)} in ${quoted(assessment.title)}: ${describeOutcome(forecast)}`,
      subjectKey: `${assessment.id}:${judgement.id}`,
    })),
  );
}
