import type { JSONContent } from "@tiptap/core";
import { and, eq, gt } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { judgementForecasts, judgementRevisions } from "@/db/schema";
import type { JudgementAttributes } from "@/lib/editor/judgement-node";
import { todayUtc } from "@/lib/forecasts/forecast-days";
import type { Actor } from "../auth/actor";
import { storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { documentOf, judgementBlock } from "../judgements/judgement-test-helpers";
import { reviewJudgement } from "../reviews/review-judgement";
import { createTestTeam } from "../testing/factories";
import { setForecast } from "./set-forecast";

/** The UTC date `days` from today, YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return todayUtc(new Date(Date.now() + days * 86_400_000));
}

/** A forecast on the rail-car count set by `actor`, resolving a year from today unless `resolveBy` says otherwise. */
export function setTestForecast(
  actor: Actor,
  assessmentId: string,
  options: { judgementId?: string; pointEstimate?: number; resolveBy?: string } = {},
) {
  return setForecast({
    actor,
    assessmentId,
    judgementId: options.judgementId ?? "jdg_key",
    input: {
      resolveBy: options.resolveBy ?? daysFromToday(365),
      criterion: "Imagery shows at least 40 rail cars at the Tikhoretsk depot by the resolve-by day.",
      pointEstimate: options.pointEstimate,
    },
  });
}

/**
 * Moves a forecast's resolve-by day to `resolveBy` in the database, as if it had been set long ago
 * and the day had come since: the API refuses a day in the past for a new forecast. The
 * judgement's revisions so far move to the day before, as its text was written before the forecast
 * closed (a closed forecast is scored on the band of the last revision before its day ended).
 */
export async function backdateForecast(assessmentId: string, judgementId: string, resolveBy: string): Promise<void> {
  const db = getDatabase();
  await db
    .update(judgementForecasts)
    .set({ resolveBy })
    .where(and(eq(judgementForecasts.assessmentId, assessmentId), eq(judgementForecasts.judgementId, judgementId)));
  const before = new Date(Date.parse(`${resolveBy}T00:00:00Z`) - 86_400_000);
  await db
    .update(judgementRevisions)
    .set({ createdAt: before })
    .where(
      and(
        eq(judgementRevisions.assessmentId, assessmentId),
        eq(judgementRevisions.judgementId, judgementId),
        gt(judgementRevisions.createdAt, before),
      ),
    );
}

/** A forecast set a while ago whose resolve-by day (`resolveBy`, in the past) has come. */
export async function setDueTestForecast(
  actor: Actor,
  assessmentId: string,
  options: { judgementId?: string; pointEstimate?: number; resolveBy?: string } = {},
) {
  const forecast = await setTestForecast(actor, assessmentId, { ...options, resolveBy: undefined });
  await backdateForecast(assessmentId, forecast.judgementId, options.resolveBy ?? daysFromToday(-1));
  return forecast;
}

/** One judgement of a test assessment: its id, band and who wrote it. */
export interface TestJudgement {
  id: string;
  likelihood: JudgementAttributes["likelihood"];
  statement?: string;
}

/**
 * A team and a helper that writes an assessment holding `judgements`, as if `author` had typed
 * them, optionally approved by the reviewer. Returns the assessment id.
 */
export async function forecastingTeam() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  /** Stores `judgements` as the assessment's text, as if `author` had typed them. */
  const writeText = (assessmentId: string, judgements: readonly TestJudgement[], author: Actor = team.analyst) => {
    const blocks: JSONContent[] = judgements.map((judgement) =>
      judgementBlock(judgement.statement ?? `The depot stays in use (${judgement.id}).`, {
        id: judgement.id,
        likelihood: judgement.likelihood,
        confidence: "moderate",
      }),
    );
    return storeDocumentContent(assessmentId, documentOf(blocks), [author.id]);
  };
  const writeAssessment = async (
    judgements: readonly TestJudgement[],
    options: { author?: Actor; approvedBy?: Actor } = {},
  ): Promise<string> => {
    const assessmentId = await createTestDocument(workspaceId);
    await writeText(assessmentId, judgements, options.author);
    for (const judgement of options.approvedBy ? judgements : []) {
      await reviewJudgement({
        actor: options.approvedBy as Actor,
        assessmentId,
        judgementId: judgement.id,
        verdict: "approved",
      });
    }
    return assessmentId;
  };
  return { ...team, workspaceId, writeText, writeAssessment };
}
