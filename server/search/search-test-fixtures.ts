import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import {
  assessments,
  comments,
  commentThreads,
  type NewObservation,
  type NewSource,
  observationSources,
  observations,
  sites,
  sources,
} from "@/db/schema";
import type { AssessmentStatus } from "@/lib/assessment-status";
import type { Actor } from "../auth/actor";
import { storeDocumentContent } from "../collab/store-document-content";
import { documentOf, judgementBlock } from "../judgements/judgement-test-helpers";
import { createTestTeam, createTestUser, createTestWorkspace } from "../testing/factories";

// Rows are inserted directly (as factories do) so these tests depend on search alone; the
// assessment text goes through the real projection, which writes document_content and judgements.

async function insertOne<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

export function insertSource(workspaceId: string, values: Partial<NewSource> & Pick<NewSource, "publisher">) {
  return insertOne(
    getDatabase()
      .insert(sources)
      .values({ type: "media", reliability: "C", ...values, workspaceId })
      .returning({ id: sources.id }),
  );
}

/** An observation citing `sourceIds`; April 2024, credibility 2 unless `values` says otherwise. */
export async function insertObservation(
  workspaceId: string,
  values: Partial<NewObservation> & Pick<NewObservation, "summary">,
  sourceIds: string[] = [],
) {
  const row = await insertOne(
    getDatabase()
      .insert(observations)
      .values({
        observedPrecision: "month",
        observedStart: "2024-04-01",
        observedEnd: "2024-04-30",
        credibility: 2,
        ...values,
        workspaceId,
      })
      .returning({ id: observations.id }),
  );
  if (sourceIds.length) {
    await getDatabase()
      .insert(observationSources)
      .values(sourceIds.map((sourceId, position) => ({ observationId: row.id, sourceId, position })));
  }
  return row;
}

export interface AssessmentText {
  title: string;
  keyQuestion?: string;
  status?: AssessmentStatus;
  /** Paragraphs of the body. */
  paragraphs?: string[];
  /** Judgement blocks: id, statement and cited observation ids. */
  judgements?: { id: string; statement: string; citations?: string[] }[];
}

/** An assessment whose text is stored the way the collaboration server stores it. */
export async function insertAssessment(workspaceId: string, text: AssessmentText, editor: Actor): Promise<string> {
  const row = await insertOne(
    getDatabase()
      .insert(assessments)
      .values({ workspaceId, title: text.title, keyQuestion: text.keyQuestion ?? "", status: text.status ?? "draft" })
      .returning({ id: assessments.id }),
  );
  const blocks = [
    ...(text.paragraphs ?? []).map((paragraph) => ({
      type: "paragraph",
      content: [{ type: "text", text: paragraph }],
    })),
    ...(text.judgements ?? []).map((judgement) =>
      judgementBlock(judgement.statement, {
        id: judgement.id,
        likelihood: "likely",
        confidence: "moderate",
        citations: judgement.citations ?? [],
      }),
    ),
  ];
  await storeDocumentContent(row.id, documentOf(blocks), [editor.id]);
  return row.id;
}

/** A comment thread on a judgement, with one comment per body; returns the thread and comment ids. */
export async function insertComments(
  workspaceId: string,
  assessmentId: string,
  judgementId: string | null,
  author: Actor,
  bodies: string[],
): Promise<{ threadId: string; commentIds: string[] }> {
  const thread = await insertOne(
    getDatabase()
      .insert(commentThreads)
      .values({ workspaceId, assessmentId, judgementId, createdBy: author.id })
      .returning({ id: commentThreads.id }),
  );
  const rows = await getDatabase()
    .insert(comments)
    .values(bodies.map((body) => ({ threadId: thread.id, authorId: author.id, body })))
    .returning({ id: comments.id });
  return { threadId: thread.id, commentIds: rows.map((row) => row.id) };
}

/** Marks a comment deleted the way deleteComment does: the body stays as a tombstone. */
export async function markCommentDeleted(commentId: string): Promise<void> {
  await getDatabase().execute(sql`update comments set deleted_at = now() where id = ${commentId}`);
}

/** A site of `workspaceId`. */
export function insertSite(workspaceId: string, name: string) {
  return insertOne(getDatabase().insert(sites).values({ workspaceId, name }).returning({ id: sites.id }));
}

/** A team, and another team's workspace whose records mention the same words (none may leak). */
export async function createSearchTeams() {
  const team = await createTestTeam();
  const strangerOwner = await createTestUser({ name: "Sam Stranger" });
  const otherWorkspace = await createTestWorkspace(strangerOwner, "Other desk");
  return { ...team, workspaceId: team.workspace.id, strangerOwner, otherWorkspaceId: otherWorkspace.id };
}
