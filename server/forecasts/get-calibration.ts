import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { judgementForecasts, users } from "@/db/schema";
import { calibrate, type ScoredForecast } from "@/lib/forecasts/calibration";
import type { CalibrationDto, PersonCalibrationDto } from "@/lib/schemas/forecasts";
import type { Actor } from "../auth/actor";
import { requireMembership } from "../policies/require-membership";

export interface GetCalibrationOptions {
  /** Any member of the workspace. */
  actor: Actor;
  workspaceId: string;
}

type Resolved = ScoredForecast & { analystIds: string[]; reviewerIds: string[] };

/**
 * How well the workspace's resolved forecasts were calibrated: for the whole workspace, per
 * analyst (the judgement's authors) and per reviewer (whose approval was current), all as frozen
 * when each forecast was resolved. A forecast with two authors counts once for each of them.
 */
export async function getCalibration(options: GetCalibrationOptions): Promise<CalibrationDto> {
  const db = getDatabase();
  await requireMembership({ db, actor: options.actor, workspaceId: options.workspaceId });
  const rows = await db
    .select()
    .from(judgementForecasts)
    .where(and(eq(judgementForecasts.workspaceId, options.workspaceId), isNotNull(judgementForecasts.outcome)));
  const resolved = rows.flatMap((row): Resolved[] =>
    row.outcome && row.scoredLikelihood && row.scoredProbability !== null
      ? [
          {
            band: row.scoredLikelihood,
            probability: row.scoredProbability,
            outcome: row.outcome,
            analystIds: row.analystIds,
            reviewerIds: row.reviewerIds,
          },
        ]
      : [],
  );
  const people = [...new Set(resolved.flatMap((forecast) => [...forecast.analystIds, ...forecast.reviewerIds]))];
  const named =
    people.length === 0
      ? []
      : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people));
  const nameOf = new Map(named.map((user) => [user.id, user.name]));
  const perPerson = (idsOf: (forecast: Resolved) => string[]): PersonCalibrationDto[] =>
    [...new Set(resolved.flatMap(idsOf))]
      .map((userId) => ({
        userId,
        name: nameOf.get(userId) ?? null,
        ...calibrate(resolved.filter((forecast) => idsOf(forecast).includes(userId))),
      }))
      .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || a.userId.localeCompare(b.userId));
  return {
    workspace: calibrate(resolved),
    analysts: perPerson((forecast) => forecast.analystIds),
    reviewers: perPerson((forecast) => forecast.reviewerIds),
  };
}
