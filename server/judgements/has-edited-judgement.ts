import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { judgementRevisions } from "@/db/schema";

/**
 * Whether `userId` ever edited the judgement: some revision of it credits them. The four-eyes
 * rules rest on it: nobody approves a judgement they edited, nor records how its forecast turned out.
 */
export async function hasEditedJudgement(
  db: Executor,
  options: { userId: string; assessmentId: string; judgementId: string },
): Promise<boolean> {
  const [edited] = await db
    .select({ id: judgementRevisions.id })
    .from(judgementRevisions)
    .where(
      and(
        eq(judgementRevisions.assessmentId, options.assessmentId),
        eq(judgementRevisions.judgementId, options.judgementId),
        sql`${judgementRevisions.editorIds} @> ${JSON.stringify([options.userId])}::jsonb`,
      ),
    )
    .limit(1);
  return edited !== undefined;
}

/** Everyone credited by some revision of the judgement: the people who ever edited it. */
export async function judgementEditorIds(
  db: Executor,
  options: { assessmentId: string; judgementId: string },
): Promise<string[]> {
  const editors = await db
    .selectDistinct({ userId: sql<string>`jsonb_array_elements_text(${judgementRevisions.editorIds})` })
    .from(judgementRevisions)
    .where(
      and(
        eq(judgementRevisions.assessmentId, options.assessmentId),
        eq(judgementRevisions.judgementId, options.judgementId),
      ),
    );
  return editors.map((editor) => editor.userId);
}
