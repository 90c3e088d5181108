import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { type JudgementRow, judgements, observations } from "@/db/schema";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { editorSchema } from "@/lib/editor/editor-schema";
import type { JudgementAttributes } from "@/lib/editor/judgement-node";

/** A judgement block as ProseMirror JSON. */
export function judgementBlock(statement: string, attrs: Partial<JudgementAttributes>): JSONContent {
  return { type: "judgement", attrs, content: statement ? [{ type: "text", text: statement }] : [] };
}

/**
 * A judgement block as the editor binding writes one into the shared document: an element named
 * after the node, with its non-null attributes and the statement as text.
 */
export function judgementElement(statement: string, attrs: Partial<JudgementAttributes>): Y.XmlElement {
  const element = new Y.XmlElement("judgement");
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) element.setAttribute(name, value as string);
  }
  element.insert(0, [new Y.XmlText(statement)]);
  return element;
}

/** A Y.Doc holding `blocks`, written with the editor schema the way the editor binding writes it. */
export function documentOf(blocks: JSONContent[]): Y.Doc {
  return prosemirrorJSONToYDoc(editorSchema(), { type: "doc", content: blocks }, EDITOR_FIELD);
}

/** An observation row of `workspaceId` (inserted directly: these tests are about citing it). */
export async function insertTestObservation(
  workspaceId: string,
  summary: string,
  options: { externalId?: string; retracted?: boolean } = {},
): Promise<string> {
  const [row] = await getDatabase()
    .insert(observations)
    .values({
      workspaceId,
      externalId: options.externalId ?? null,
      summary,
      observedPrecision: "month",
      observedStart: "2024-02-01",
      observedEnd: "2024-02-29",
      credibility: 2,
      retractedAt: options.retracted ? new Date() : null,
      retractionReason: options.retracted ? "Misidentified imagery" : null,
    })
    .returning({ id: observations.id });
  if (!row) throw new Error("insert into observations returned no row");
  return row.id;
}

/** The projected rows of an assessment, in document order. */
export async function judgementRows(assessmentId: string): Promise<JudgementRow[]> {
  return getDatabase()
    .select()
    .from(judgements)
    .where(eq(judgements.assessmentId, assessmentId))
    .orderBy(judgements.position);
}
