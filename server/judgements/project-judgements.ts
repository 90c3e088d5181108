import { createHash } from "node:crypto";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { type Executor, getDatabaseHandle } from "@/db/client";
import { type JudgementRow, judgementRevisions, judgements, observations } from "@/db/schema";
import type { JudgementContent } from "@/lib/editor/judgement-content";
import { logger } from "../logger";
import { isUuid } from "../policies/require-membership";

export interface ProjectJudgementsOptions {
  /** The transaction the document's derived content is written in. */
  db: Executor;
  assessmentId: string;
  /** The assessment's workspace: only its observations count as resolved citations. */
  workspaceId: string;
  /** The document's judgement blocks in document order (`readJudgements` / `documentToContent`). */
  judgements: readonly JudgementContent[];
  /**
   * Users credited on every judgement whose content changed, when the caller cannot tell who
   * touched which (a restore, a seeded document).
   */
  editorIds?: readonly string[];
  /**
   * Users whose edits touched each judgement block since the last projection, by judgement id:
   * a changed judgement records only its own editors (plus `editorIds`).
   */
  editorsByJudgement?: ReadonlyMap<string, Iterable<string>>;
}

export interface ProjectJudgementsResult {
  /** Judgements inserted or whose content changed. */
  written: number;
  deleted: number;
  /** Ids of the judgements given a new revision (inserted or changed). */
  revisedIds: string[];
  /** Everyone credited on those revisions. */
  editorIds: string[];
}

type ExistingRow = Pick<
  JudgementRow,
  "id" | "position" | "contentHash" | "authorIds" | "citedObservationIds" | "unresolvedCitations"
>;

/**
 * Rewrites the `judgements` rows of one assessment from its judgement blocks: one row per block
 * id (first block wins when an id repeats), rows of removed blocks deleted. A row whose content
 * hash is unchanged keeps its `updatedAt` and authors; only its position or citation
 * resolution are refreshed. Every new content of a judgement is also appended to
 * `judgement_revisions` with the users credited for that judgement (`editorsByJudgement`, plus
 * `editorIds`), who are also appended to its authors. Run it inside the transaction that stores the document's derived
 * content, so both describe the same state of the text.
 */
export async function projectJudgements(options: ProjectJudgementsOptions): Promise<ProjectJudgementsResult> {
  const { db, assessmentId } = options;
  if (getDatabaseHandle().kind === "postgres") {
    // Processes sharing the database take turns per document, so author lists merge, not race.
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`parallax:judgements:${assessmentId}`}, 0))`);
  }
  const blocks = distinctBlocks(assessmentId, options.judgements);
  const known = await workspaceObservationIds(db, options.workspaceId, blocks);
  const existing = new Map<string, ExistingRow>(
    (
      await db
        .select({
          id: judgements.id,
          position: judgements.position,
          contentHash: judgements.contentHash,
          authorIds: judgements.authorIds,
          citedObservationIds: judgements.citedObservationIds,
          unresolvedCitations: judgements.unresolvedCitations,
        })
        .from(judgements)
        .where(eq(judgements.assessmentId, assessmentId))
    ).map((row) => [row.id, row]),
  );
  const revisedIds: string[] = [];
  const credited = new Set<string>();
  for (const [position, block] of blocks.entries()) {
    const citedObservationIds: string[] = [];
    const unresolvedCitations: string[] = [];
    for (const citation of block.citations) {
      const id = citation.toLowerCase();
      if (known.has(id)) citedObservationIds.push(id);
      else unresolvedCitations.push(citation);
    }
    const resolution = { position, citedObservationIds, unresolvedCitations };
    const contentHash = hashJudgement(block);
    const previous = existing.get(block.id);
    const content = {
      statement: block.statement,
      likelihood: block.likelihood,
      confidence: block.confidence,
      isKey: block.isKey,
      contentHash,
    };
    const editorIds = editorsOf(options, block.id);
    if (!previous || previous.contentHash !== contentHash) {
      revisedIds.push(block.id);
      for (const id of editorIds) credited.add(id);
      // The history reviews read: what each approval saw, and who edited the judgement (four eyes).
      await db.insert(judgementRevisions).values({
        assessmentId,
        judgementId: block.id,
        contentHash,
        statement: block.statement,
        likelihood: block.likelihood,
        confidence: block.confidence,
        isKey: block.isKey,
        citedObservationIds,
        editorIds,
      });
    }
    if (!previous) {
      await db.insert(judgements).values({
        assessmentId,
        id: block.id,
        workspaceId: options.workspaceId,
        ...content,
        ...resolution,
        authorIds: editorIds,
      });
    } else if (previous.contentHash !== contentHash) {
      await db
        .update(judgements)
        .set({
          ...content,
          ...resolution,
          authorIds: [...new Set([...previous.authorIds, ...editorIds])],
          updatedAt: sql`now()`,
        })
        .where(and(eq(judgements.assessmentId, assessmentId), eq(judgements.id, block.id)));
    } else if (!sameResolution(previous, resolution)) {
      // Moved, or a citation (not the judgement) changed meaning: not an edit of the judgement.
      await db
        .update(judgements)
        .set(resolution)
        .where(and(eq(judgements.assessmentId, assessmentId), eq(judgements.id, block.id)));
    }
  }
  const kept = blocks.map((block) => block.id);
  const removed = await db
    .delete(judgements)
    .where(
      and(eq(judgements.assessmentId, assessmentId), kept.length > 0 ? notInArray(judgements.id, kept) : undefined),
    )
    .returning({ id: judgements.id });
  return { written: revisedIds.length, deleted: removed.length, revisedIds, editorIds: [...credited] };
}

/**
 * SHA-256 of what a judgement says: statement, likelihood, confidence, key flag and citations
 * (in order). Position is not part of it: moving a judgement does not change it.
 */
export function hashJudgement(block: JudgementContent): string {
  const canonical = JSON.stringify([block.statement, block.likelihood, block.confidence, block.isKey, block.citations]);
  return createHash("sha256").update(canonical).digest("hex");
}

type IdentifiedBlock = JudgementContent & { id: string };

/** Blocks with an id, each id once (the first block wins: later copies are usually pastes). */
function distinctBlocks(assessmentId: string, blocks: readonly JudgementContent[]): IdentifiedBlock[] {
  const seen = new Set<string>();
  const distinct: IdentifiedBlock[] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.id === null || seen.has(block.id)) {
      logger().debug({ assessmentId, index, judgementId: block.id }, "judgement block without a distinct id skipped");
      continue;
    }
    seen.add(block.id);
    distinct.push(block as IdentifiedBlock);
  }
  return distinct;
}

/**
 * Which cited ids are observations of the workspace. Everything else stays unresolved, whether
 * it exists elsewhere or not, so a citation reveals nothing about other workspaces.
 */
async function workspaceObservationIds(
  db: Executor,
  workspaceId: string,
  blocks: readonly JudgementContent[],
): Promise<Set<string>> {
  const candidates = [
    ...new Set(blocks.flatMap((block) => block.citations.filter(isUuid).map((id) => id.toLowerCase()))),
  ];
  if (candidates.length === 0) return new Set();
  const rows = await db
    .select({ id: observations.id })
    .from(observations)
    .where(and(eq(observations.workspaceId, workspaceId), inArray(observations.id, candidates)));
  return new Set(rows.map((row) => row.id));
}

/** Who is credited with a change of judgement `id`: its own editors, then those of every change. */
function editorsOf(options: ProjectJudgementsOptions, id: string): string[] {
  return [...new Set([...(options.editorsByJudgement?.get(id) ?? []), ...(options.editorIds ?? [])])];
}

function sameResolution(
  row: ExistingRow,
  next: { position: number; citedObservationIds: string[]; unresolvedCitations: string[] },
): boolean {
  return (
    row.position === next.position &&
    JSON.stringify(row.citedObservationIds) === JSON.stringify(next.citedObservationIds) &&
    JSON.stringify(row.unresolvedCitations) === JSON.stringify(next.unresolvedCitations)
  );
}
