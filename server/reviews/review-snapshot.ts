import { createHash } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type JudgementRow, observationSources, observations, sources } from "@/db/schema";
import type { ReviewedObservationDto } from "@/lib/schemas/reviews";

/**
 * Exactly what a review vouches for: the judgement's statement, likelihood and confidence, its
 * citations (sorted, so reordering them is not a change) and, for each cited observation, its
 * revision, credibility, its sources' reliability grades and whether it is retracted. The key
 * flag and the position are not part of it: they do not change what the judgement claims.
 */
export interface ReviewSnapshot {
  statement: string;
  likelihood: JudgementRow["likelihood"];
  confidence: JudgementRow["confidence"];
  citedObservationIds: string[];
  unresolvedCitations: string[];
  observations: ReviewedObservationDto[];
}

/** A snapshot with the hash a review stores; stale ⇔ the hash computed now differs from the review's. */
export interface HashedReviewSnapshot {
  snapshot: ReviewSnapshot;
  hash: string;
}

/** The projected fields of a judgement a snapshot is built from. */
export type SnapshotJudgement = Pick<
  JudgementRow,
  "id" | "statement" | "likelihood" | "confidence" | "citedObservationIds" | "unresolvedCitations"
>;

/** SHA-256 of a snapshot's canonical JSON (keys in a fixed order, lists sorted). */
export function hashReviewSnapshot(snapshot: ReviewSnapshot): string {
  const canonical = JSON.stringify([
    snapshot.statement,
    snapshot.likelihood,
    snapshot.confidence,
    snapshot.citedObservationIds,
    snapshot.unresolvedCitations,
    snapshot.observations.map((o) => [o.id, o.externalId, o.revision, o.credibility, o.reliability, o.retracted]),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Snapshots of judgements of one workspace as they stand now, by judgement id. Sources are
 * read live because re-grading a source changes no observation revision, yet changes how
 * much every observation from it is worth.
 */
export async function loadReviewSnapshots(
  db: Executor,
  workspaceId: string,
  judgements: readonly SnapshotJudgement[],
): Promise<Map<string, HashedReviewSnapshot>> {
  const cited = await loadCitedObservations(db, workspaceId, [
    ...new Set(judgements.flatMap((judgement) => judgement.citedObservationIds)),
  ]);
  return new Map(
    judgements.map((judgement) => {
      const citedObservationIds = [...new Set(judgement.citedObservationIds)].sort();
      const snapshot: ReviewSnapshot = {
        statement: judgement.statement,
        likelihood: judgement.likelihood,
        confidence: judgement.confidence,
        citedObservationIds,
        unresolvedCitations: [...new Set(judgement.unresolvedCitations)].sort(),
        // An observation that left the workspace reads as unknown, which differs from any graded one.
        observations: citedObservationIds.map(
          (id) =>
            cited.get(id) ?? {
              id,
              externalId: null,
              revision: null,
              credibility: null,
              reliability: [],
              retracted: false,
            },
        ),
      };
      return [judgement.id, { snapshot, hash: hashReviewSnapshot(snapshot) }];
    }),
  );
}

async function loadCitedObservations(
  db: Executor,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, ReviewedObservationDto>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: observations.id,
      externalId: observations.externalId,
      revision: observations.revision,
      credibility: observations.credibility,
      retractedAt: observations.retractedAt,
    })
    .from(observations)
    .where(and(eq(observations.workspaceId, workspaceId), inArray(observations.id, [...ids])));
  const grades = await db
    .select({ observationId: observationSources.observationId, reliability: sources.reliability })
    .from(observationSources)
    .innerJoin(sources, eq(sources.id, observationSources.sourceId))
    .where(inArray(observationSources.observationId, [...ids]))
    .orderBy(asc(observationSources.observationId), asc(observationSources.position));
  const reliabilityOf = new Map<string, ReviewedObservationDto["reliability"]>();
  for (const grade of grades) {
    reliabilityOf.set(grade.observationId, [...(reliabilityOf.get(grade.observationId) ?? []), grade.reliability]);
  }
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        externalId: row.externalId,
        revision: row.revision,
        credibility: row.credibility,
        reliability: reliabilityOf.get(row.id) ?? [],
        retracted: row.retractedAt !== null,
      },
    ]),
  );
}
