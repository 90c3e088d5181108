import type { JSONContent } from "@tiptap/core";
import type { JudgementAttributes } from "@/lib/editor/judgement-node";
import type { JudgementReviewStateDto } from "@/lib/schemas/reviews";
import type { Actor } from "../auth/actor";
import { storeDocumentContent } from "../collab/store-document-content";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { documentOf, judgementBlock } from "../judgements/judgement-test-helpers";
import { createTestObservation, createTestSource } from "../testing/evidence-factories";
import { createTestTeam } from "../testing/factories";
import { listAssessmentReviews } from "./list-assessment-reviews";

export const KEY_STATEMENT =
  "Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.";
export const OTHER_STATEMENT =
  "Fewer containers at the entrances suggest the depot is handling material more efficiently.";

/** The key judgement's attributes as first written. */
export const KEY_ATTRS = {
  id: "jdg_key",
  likelihood: "likely",
  confidence: "moderate",
  isKey: true,
} satisfies Partial<JudgementAttributes>;

/**
 * A team, one graded source, two observations from it (only `february` cited at first) and an
 * assessment whose text holds a paragraph, the key judgement and a second judgement, written by
 * the analyst. `write` stores a new version of the text as if `editors` had typed it.
 */
export async function assessmentUnderReview() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const source = await createTestSource(team.analyst, workspaceId);
  const observe = (summary: string, month: string, externalId: string) =>
    createTestObservation(team.analyst, workspaceId, {
      externalId,
      summary,
      observed: { precision: "month", month },
      credibility: 2,
      sourceIds: [source.id],
    });
  const february = await observe("About 60 rail cars at the Tikhoretsk depot", "2024-02", "OBS-26");
  const april = await observe("About 50 rail cars at the Tikhoretsk depot", "2024-04", "OBS-27");
  const assessmentId = await createTestDocument(workspaceId);

  /** The document: a paragraph, the key judgement (`key` overrides its attributes) and a second judgement. */
  const text = (
    key: { statement?: string } & Partial<JudgementAttributes> = {},
    rest: { intro?: string; other?: string } = {},
  ): JSONContent[] => {
    const { statement = KEY_STATEMENT, ...attrs } = key;
    return [
      { type: "paragraph", content: [{ type: "text", text: rest.intro ?? "Scope of this assessment." }] },
      judgementBlock(statement, { ...KEY_ATTRS, citations: [february.id], ...attrs }),
      judgementBlock(rest.other ?? OTHER_STATEMENT, { id: "jdg_other", likelihood: "likely", confidence: "low" }),
    ];
  };
  const write = (blocks: JSONContent[], editors: readonly Actor[]) =>
    storeDocumentContent(
      assessmentId,
      documentOf(blocks),
      editors.map((editor) => editor.id),
    );
  await write(text(), [team.analyst]);

  /** The review state of one judgement, as `viewer` (any member) sees it. */
  const stateOf = async (judgementId = "jdg_key", viewer: Actor = team.viewer): Promise<JudgementReviewStateDto> => {
    const reviews = await listAssessmentReviews({ actor: viewer, assessmentId });
    const state = reviews.judgements.find((judgement) => judgement.judgementId === judgementId);
    if (!state) throw new Error(`judgement ${judgementId} is not in the assessment`);
    return state;
  };
  return { ...team, workspaceId, source, february, april, assessmentId, text, write, stateOf };
}
