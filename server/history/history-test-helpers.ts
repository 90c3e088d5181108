import { asc, eq } from "drizzle-orm";
import * as restoreRoute from "@/app/api/v1/assessments/[assessmentId]/versions/[number]/restore/route";
import * as compareRoute from "@/app/api/v1/assessments/[assessmentId]/versions/compare/route";
import * as versionsRoute from "@/app/api/v1/assessments/[assessmentId]/versions/route";
import { getDatabase } from "@/db/client";
import { assessmentVersions } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { callRoute, createTestBearer, type RouteResult } from "../testing/route-test-helpers";

/** The history REST calls, as a script makes them with the actor's API token. */
export const historyApi = {
  list: async (assessmentId: string, actor: Actor): Promise<RouteResult> =>
    callRoute(versionsRoute.GET, {
      path: `/api/v1/assessments/${assessmentId}/versions`,
      params: { assessmentId },
      token: await createTestBearer(actor),
    }),
  name: async (assessmentId: string, actor: Actor, body: unknown): Promise<RouteResult> =>
    callRoute(versionsRoute.POST, {
      method: "POST",
      path: `/api/v1/assessments/${assessmentId}/versions`,
      params: { assessmentId },
      body,
      token: await createTestBearer(actor),
    }),
  compare: async (assessmentId: string, actor: Actor, query: string): Promise<RouteResult> =>
    callRoute(compareRoute.GET, {
      path: `/api/v1/assessments/${assessmentId}/versions/compare?${query}`,
      params: { assessmentId },
      token: await createTestBearer(actor),
    }),
  restore: async (assessmentId: string, actor: Actor, number: string): Promise<RouteResult> =>
    callRoute(restoreRoute.POST, {
      method: "POST",
      path: `/api/v1/assessments/${assessmentId}/versions/${number}/restore`,
      params: { assessmentId, number },
      token: await createTestBearer(actor),
    }),
};

/** An assessment's versions as `number kind "name"`, oldest first: what the History page lists. */
export async function versionLines(assessmentId: string): Promise<string[]> {
  const rows = await getDatabase()
    .select({ number: assessmentVersions.number, kind: assessmentVersions.kind, name: assessmentVersions.name })
    .from(assessmentVersions)
    .where(eq(assessmentVersions.assessmentId, assessmentId))
    .orderBy(asc(assessmentVersions.number));
  return rows.map((row) => `${row.number} ${row.kind} "${row.name}"`);
}
