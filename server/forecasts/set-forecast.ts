import { judgementForecasts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isPastResolveBy, latestResolveBy, MAX_FORECAST_YEARS, todayUtc } from "@/lib/forecasts/forecast-days";
import { bandRange, isInBand } from "@/lib/forecasts/forecast-scoring";
import { WRITER_ROLES } from "@/lib/roles";
import { type ForecastDto, type SetForecastInput, setForecastInput } from "@/lib/schemas/forecasts";
import { formatLikelihoodRange, likelihoodOf } from "@/lib/standards/icd203";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishForecastsChanged } from "../events/publish-forecasts-changed";
import { parseInput } from "../http/parse-input";
import { findForecast, refuseClosed, refuseResolved, requireJudgementRow, toForecastDto } from "./forecast-rows";
import { withLockedAssessment } from "./with-locked-assessment";

export interface SetForecastOptions {
  /** An owner or analyst of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  /** The judgement block's id ("jdg_…"), as projected from the assessment's text. */
  judgementId: string;
  input: SetForecastInput;
}

/**
 * 400 `bad_request:resolve_by` for a day before today (UTC): a forecast about a day already past
 * predicts nothing; and for a day more than 50 years ahead (9999-12-31), which nobody will score.
 */
function refuseResolveByOutOfRange(resolveBy: string): void {
  const today = todayUtc();
  if (isPastResolveBy(resolveBy, today)) {
    throw new AppError("bad_request:resolve_by", "The resolve-by day has already passed.", {
      fields: {
        resolveBy: [`Choose today (${today}, UTC) or a later day: a forecast is about what has not happened yet.`],
      },
    });
  }
  const latest = latestResolveBy(today);
  if (resolveBy > latest) {
    throw new AppError("bad_request:resolve_by", "The resolve-by day is too far ahead.", {
      fields: {
        resolveBy: [`Choose a day within ${MAX_FORECAST_YEARS} years, by ${latest}: a forecast must be resolvable.`],
      },
    });
  }
}

/**
 * Makes a judgement a forecast, or changes its resolve-by day, criterion or point estimate while
 * it is unresolved. The point estimate must lie inside the judgement's likelihood band as it is
 * now (422 `unprocessable:point_estimate`), so a forecast never says more than the text does; a
 * judgement without a likelihood predicts nothing (422 `unprocessable:likelihood`). The resolve-by
 * day must not have passed (400), and a forecast whose day has passed is closed: it can no longer
 * be changed (409 `conflict:forecast_closed`), only resolved.
 */
export async function setForecast(options: SetForecastOptions): Promise<ForecastDto> {
  const input = parseInput(setForecastInput, options.input);
  const { actor } = options;
  const refusal = () => new AppError("forbidden:forecast", "Only owners and analysts can set forecasts.");
  const saved = await withLockedAssessment(
    { actor, assessmentId: options.assessmentId, roles: WRITER_ROLES, refusal },
    async (tx, locked) => {
      const judgement = await requireJudgementRow(tx, locked.id, options.judgementId);
      const existing = await findForecast(tx, locked.id, judgement.id, { forUpdate: true });
      if (existing) {
        refuseResolved(existing);
        refuseClosed(existing);
      }
      refuseResolveByOutOfRange(input.resolveBy);
      if (!judgement.likelihood) {
        throw new AppError("unprocessable:likelihood", "Give the judgement a likelihood before making it a forecast.", {
          fields: { "": ["The judgement has no likelihood, so it predicts nothing that could be scored."] },
        });
      }
      const pointEstimate = input.pointEstimate ?? null;
      if (pointEstimate !== null && !isInBand(pointEstimate, judgement.likelihood)) {
        const { min, max } = bandRange(judgement.likelihood);
        throw new AppError("unprocessable:point_estimate", "The point estimate lies outside the judgement's band.", {
          fields: {
            pointEstimate: [
              `The judgement is “${likelihoodOf(judgement.likelihood).term}” (${formatLikelihoodRange(judgement.likelihood)}): ` +
                `give a point estimate from ${min} to ${max}, or none to score the band's midpoint.`,
            ],
          },
        });
      }
      const values = {
        resolveBy: input.resolveBy,
        criterion: input.criterion,
        pointEstimate,
        setBy: auditActorId(actor),
        updatedAt: new Date(),
      };
      const [row] = await tx
        .insert(judgementForecasts)
        .values({ assessmentId: locked.id, judgementId: judgement.id, workspaceId: locked.workspaceId, ...values })
        .onConflictDoUpdate({ target: [judgementForecasts.assessmentId, judgementForecasts.judgementId], set: values })
        .returning();
      if (!row) throw new Error("upsert into judgement_forecasts returned no row");
      await recordAuditEvent({
        db: tx,
        workspaceId: locked.workspaceId,
        actorUserId: auditActorId(actor),
        action: "forecast.set",
        targetType: "judgement",
        targetId: judgement.id,
        data: { assessmentId: locked.id, resolveBy: row.resolveBy, criterion: row.criterion, pointEstimate },
      });
      return toForecastDto(row, judgement);
    },
  );
  // Open pages of the assessment show it at once (after the commit, so they read it).
  await publishForecastsChanged({ assessmentId: saved.assessmentId });
  return saved;
}
