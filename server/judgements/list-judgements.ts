import { and, asc, eq, inArray } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { judgements, observations, users } from "@/db/schema";
import type { JudgementCitationDto, JudgementDto } from "@/lib/schemas/judgements";
import { formatLikelihoodRange, likelihoodOf } from "@/lib/standards/icd203";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";

export interface ListJudgementsOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
}

/**
 * An assessment's judgements in document order, with their cited observations and authors.
 * Pending edits of a document this process holds are saved first; edits accepted by another
 * process appear within its content-save delay (about 2 s). Non-members get 404.
 */
export async function listJudgements(options: ListJudgementsOptions): Promise<JudgementDto[]> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  await flushDocumentContent(assessment.id);
  const rows = await db
    .select()
    .from(judgements)
    .where(eq(judgements.assessmentId, assessment.id))
    .orderBy(asc(judgements.position), asc(judgements.id));
  const observationIds = [...new Set(rows.flatMap((row) => row.citedObservationIds))];
  const authorIds = [...new Set(rows.flatMap((row) => row.authorIds))];
  const cited =
    observationIds.length === 0
      ? []
      : await db
          .select({
            id: observations.id,
            externalId: observations.externalId,
            summary: observations.summary,
            retractedAt: observations.retractedAt,
          })
          .from(observations)
          .where(and(eq(observations.workspaceId, assessment.workspaceId), inArray(observations.id, observationIds)));
  const people =
    authorIds.length === 0
      ? []
      : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds));
  const citationsById = new Map<string, JudgementCitationDto>(
    cited.map((row) => [
      row.id,
      { observationId: row.id, externalId: row.externalId, summary: row.summary, retracted: row.retractedAt !== null },
    ]),
  );
  const peopleById = new Map(people.map((person) => [person.id, person]));
  return rows.map((row) => {
    const citations = row.citedObservationIds.flatMap((id) => citationsById.get(id) ?? []);
    // A cited observation that is no longer the workspace's reads as unresolved, like any other.
    const lost = row.citedObservationIds.filter((id) => !citationsById.has(id));
    return {
      id: row.id,
      position: row.position,
      statement: row.statement,
      likelihood: row.likelihood,
      likelihoodTerm: row.likelihood ? likelihoodOf(row.likelihood).term : null,
      likelihoodRange: row.likelihood ? formatLikelihoodRange(row.likelihood) : null,
      confidence: row.confidence,
      isKey: row.isKey,
      citations,
      unresolvedCitations: [...lost, ...row.unresolvedCitations],
      contentHash: row.contentHash,
      // Users who were deleted since are left out.
      authors: row.authorIds.flatMap((id) => peopleById.get(id) ?? []),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
