import { and, eq, inArray } from "drizzle-orm";
import { type Executor, getDatabase } from "@/db/client";
import { type Assessment, assessmentVersions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { diffVersions } from "@/lib/history/diff-versions";
import { type CompareSideDto, compareVersionsQuery, type VersionComparisonDto } from "@/lib/schemas/history";
import type { VersionContentDto } from "@/lib/schemas/lifecycle";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { parseInput } from "../http/parse-input";
import { buildVersionContent } from "../lifecycle/build-version-content";
import { publicationNumber } from "../lifecycle/publication-number";
import { readFrozenDocument } from "../lifecycle/read-frozen-document";
import { tallyDocument } from "./tally-document";

export interface CompareVersionsOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  /** The query: `from` (a number) and `to` (a number, or `current` for the live text). */
  query: Record<string, string>;
}

type Side = { side: CompareSideDto; content: VersionContentDto };

/**
 * What changed between two versions of one assessment (or a version and the text as it is
 * now): per judgement the statement's word diff, likelihood, confidence, key flag, citations
 * added and removed and the approvals at each point; then the other text's changes. Only the
 * assessment's own versions can be compared: a number it does not have is 404
 * `not_found:version`; malformed numbers or `from` equal to `to` are 400 with field messages.
 */
export async function compareVersions(options: CompareVersionsOptions): Promise<VersionComparisonDto> {
  const query = parseInput(compareVersionsQuery, options.query);
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  const numbers = [Number(query.from), ...(query.to === "current" ? [] : [Number(query.to)])];
  const stored = await loadSides(db, assessment.id, numbers);
  const from = stored.get(Number(query.from));
  const to = query.to === "current" ? await currentSide(assessment) : stored.get(Number(query.to));
  if (!from || !to) throw new AppError("not_found:version", "This assessment has no version with that number.");
  const diff = diffVersions(from.content, to.content);
  return { assessmentId: assessment.id, from: from.side, to: to.side, ...diff };
}

/** The assessment's versions with these numbers, by number. */
async function loadSides(db: Executor, assessmentId: string, numbers: number[]): Promise<Map<number, Side>> {
  const rows = await db
    .select({ version: assessmentVersions, publicationNumber, creator: { id: users.id, name: users.name } })
    .from(assessmentVersions)
    .leftJoin(users, eq(users.id, assessmentVersions.createdBy))
    .where(and(eq(assessmentVersions.assessmentId, assessmentId), inArray(assessmentVersions.number, numbers)));
  return new Map(
    rows.map(({ version, publicationNumber, creator }): [number, Side] => [
      version.number,
      {
        side: {
          number: version.number,
          kind: version.kind,
          publicationNumber,
          name: version.name,
          createdAt: version.createdAt.toISOString(),
          createdBy: creator?.id && creator.name !== null ? { id: creator.id, name: creator.name } : null,
        },
        content: version.content as unknown as VersionContentDto,
      },
    ]),
  );
}

/** The text as it is now, rebuilt from the durable log, with the approvals current now. */
async function currentSide(assessment: Assessment): Promise<Side> {
  await flushDocumentContent(assessment.id);
  const db = getDatabase();
  const document = await readFrozenDocument(db, assessment.id);
  const content = await buildVersionContent({
    db,
    assessment,
    document,
    tallies: await tallyDocument(db, assessment, document),
    number: 0,
    status: assessment.status,
    publishedAt: new Date(),
    publishedBy: null,
  });
  return {
    side: {
      number: null,
      kind: "current",
      publicationNumber: null,
      name: "Current text",
      createdAt: null,
      createdBy: null,
    },
    content,
  };
}
