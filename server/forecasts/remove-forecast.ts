import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { judgementForecasts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { WRITER_ROLES } from "@/lib/roles";
import { requireAssessment } from "../assessments/require-assessment";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishForecastsChanged } from "../events/publish-forecasts-changed";
import { refuseClosed, refuseResolved, requireForecast } from "./forecast-rows";

export interface RemoveForecastOptions {
  /** An owner or analyst of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  judgementId: string;
}

/**
 * Removes an open forecast (the judgement stays as it is). A resolved one is part of the team's
 * track record and stays (409 `conflict:forecast_resolved`), and so does one whose resolve-by day
 * has passed (409 `conflict:forecast_closed`): withdrawing a forecast once its answer is near
 * would keep the misses out of the record. None at all is a 404.
 */
export async function removeForecast(options: RemoveForecastOptions): Promise<void> {
  const { actor } = options;
  const assessmentId = await getDatabase().transaction(async (tx) => {
    const { assessment, role } = await requireAssessment({
      db: tx,
      actor,
      assessmentId: options.assessmentId,
      forUpdate: true,
    });
    if (!WRITER_ROLES.includes(role))
      throw new AppError("forbidden:forecast", "Only owners and analysts can remove forecasts.");
    const row = await requireForecast(tx, assessment.id, options.judgementId, { forUpdate: true });
    refuseResolved(row);
    refuseClosed(row);
    await tx
      .delete(judgementForecasts)
      .where(
        and(eq(judgementForecasts.assessmentId, assessment.id), eq(judgementForecasts.judgementId, row.judgementId)),
      );
    await recordAuditEvent({
      db: tx,
      workspaceId: assessment.workspaceId,
      actorUserId: auditActorId(actor),
      action: "forecast.removed",
      targetType: "judgement",
      targetId: row.judgementId,
      data: { assessmentId: assessment.id, resolveBy: row.resolveBy, criterion: row.criterion },
    });
    return assessment.id;
  });
  await publishForecastsChanged({ assessmentId });
}
