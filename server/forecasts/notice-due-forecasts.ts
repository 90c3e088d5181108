import { and, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessments, judgementForecasts, judgements, memberships } from "@/db/schema";
import { todayUtc } from "@/lib/forecasts/forecast-days";
import { judgementEditorIds } from "../judgements/has-edited-judgement";
import { logger } from "../logger";
import { quoted } from "../notifications/notification-text";
import { announceNotifications, recordNotifications } from "../notifications/record-notifications";
import { RESOLVER_ROLES } from "./record-forecast-outcome";

/** Forecasts whose day passed longer ago than this are not announced any more (a first start on old data). */
export const DUE_NOTICE_DAYS = 14;

/** How often each process looks for forecasts that fell due. */
export const DUE_NOTICE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Records `forecast_due` for every open forecast whose resolve-by day has passed (within the last
 * `DUE_NOTICE_DAYS` days): each owner and reviewer of its workspace who may record its outcome is
 * told once (not whoever set it or edited its judgement: they may not resolve it). Idempotent per
 * forecast and day (the subject key), so every process may run it. Resolves with how many
 * notifications were new.
 */
export async function noticeDueForecasts(options: { today?: string } = {}): Promise<number> {
  const db = getDatabase();
  const today = options.today ?? todayUtc();
  const oldest = todayUtc(new Date(Date.parse(`${today}T00:00:00Z`) - DUE_NOTICE_DAYS * 86_400_000));
  const due = await db
    .select({
      forecast: judgementForecasts,
      title: assessments.title,
      statement: judgements.statement,
      authorIds: judgements.authorIds,
    })
    .from(judgementForecasts)
    .innerJoin(assessments, eq(assessments.id, judgementForecasts.assessmentId))
    .innerJoin(
      judgements,
      and(
        eq(judgements.assessmentId, judgementForecasts.assessmentId),
        eq(judgements.id, judgementForecasts.judgementId),
      ),
    )
    .where(
      and(
        isNull(judgementForecasts.outcome),
        lt(judgementForecasts.resolveBy, today),
        gte(judgementForecasts.resolveBy, oldest),
        isNull(assessments.archivedAt),
      ),
    );
  let recorded: string[] = [];
  let count = 0;
  for (const { forecast, title, statement, authorIds } of due) {
    const editors = await judgementEditorIds(db, {
      assessmentId: forecast.assessmentId,
      judgementId: forecast.judgementId,
    });
    const own = new Set([...authorIds, ...editors, forecast.setBy]);
    const resolvers = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, forecast.workspaceId), inArray(memberships.role, [...RESOLVER_ROLES])));
    const users = await recordNotifications(
      db,
      resolvers
        .filter((resolver) => !own.has(resolver.userId))
        .map((resolver) => ({
          userId: resolver.userId,
          workspaceId: forecast.workspaceId,
          assessmentId: forecast.assessmentId,
          kind: "forecast_due" as const,
          judgementId: forecast.judgementId,
          summary: `The forecast ${quoted(statement)} in ${quoted(title)} is due: its resolve-by day ${forecast.resolveBy} has passed. Record how it turned out.`,
          subjectKey: `${forecast.assessmentId}:${forecast.judgementId}:${forecast.resolveBy}`,
        })),
    );
    count += users.length;
    recorded = [...recorded, ...users];
  }
  await announceNotifications(recorded);
  return count;
}

/**
 * Looks for forecasts that fell due now and then (a minute after start, then hourly) for as long
 * as the process runs. Never throws: a failed round is logged and the next one tries again.
 * Returns the function that stops it.
 */
export function startDueForecastNotices(intervalMs: number = DUE_NOTICE_INTERVAL_MS): () => void {
  const run = () => {
    noticeDueForecasts().catch((error: unknown) => logger().error({ err: error }, "noticing due forecasts failed"));
  };
  const first = setTimeout(run, Math.min(60_000, intervalMs));
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
