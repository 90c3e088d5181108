import { readFile } from "node:fs/promises";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { and, eq, inArray } from "drizzle-orm";
import * as Y from "yjs";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { observations } from "@/db/schema";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { editorSchema } from "@/lib/editor/editor-schema";
import { createJudgementId, toConfidence } from "@/lib/editor/judgement-node";
import { LIKELIHOOD_SCALE, type LikelihoodBand } from "@/lib/standards/icd203";
import { insertUpdateRows } from "../collab/insert-update-rows";
import { storeDocumentContent } from "../collab/store-document-content";
import { logger } from "../logger";

/**
 * The example dataset's judgements about the Tikhoretsk depot, in reading order: JDG-04 (the key
 * judgement), then the ones citing the depot's observations (OBS-08/09, OBS-23, OBS-26/27).
 */
export const DEMO_KEY_JUDGEMENT = "JDG-04";
export const DEMO_RELATED_JUDGEMENTS = ["JDG-03", "JDG-11", "JDG-05"] as const;

const datasetJudgement = z.looseObject({
  id: z.string(),
  text: z.string(),
  likelihood_term: z.string().nullish(),
  confidence: z.string().nullish(),
  cited_observation_ids: z.array(z.string()).default([]),
});
type DatasetJudgement = z.infer<typeof datasetJudgement>;

export interface WriteDemoAssessmentDocumentOptions {
  assessmentId: string;
  /** The workspace whose imported observations (by external id) the judgements cite. */
  workspaceId: string;
  /** Recorded as the writer of the text and author of its judgements. */
  authorId: string;
  keyQuestion: string;
  /** The example dataset file, whose `judgements` are used. */
  path: string;
}

/**
 * Writes the demo assessment's text (key question, scope and the Tikhoretsk judgements citing
 * the imported observations) through the durable path of live edits, a `document_updates` row
 * made with the shared editor schema, then projects its judgements so the API lists them at once.
 */
export async function writeDemoAssessmentDocument(options: WriteDemoAssessmentDocumentOptions): Promise<void> {
  const file = z
    .object({ judgements: z.array(datasetJudgement) })
    .parse(JSON.parse(await readFile(options.path, "utf8")));
  const byId = new Map(file.judgements.map((judgement) => [judgement.id, judgement]));
  const picked = [DEMO_KEY_JUDGEMENT, ...DEMO_RELATED_JUDGEMENTS].flatMap((id) => byId.get(id) ?? []);
  const observationIds = await observationIdsByExternalId(
    options.workspaceId,
    picked.flatMap((judgement) => judgement.cited_observation_ids),
  );
  const block = (judgement: DatasetJudgement): JSONContent => ({
    type: "judgement",
    attrs: {
      id: createJudgementId(),
      likelihood: bandOfTerm(judgement.likelihood_term),
      confidence: toConfidence(judgement.confidence),
      isKey: judgement.id === DEMO_KEY_JUDGEMENT,
      citations: judgement.cited_observation_ids.flatMap((externalId) => {
        const id = observationIds.get(externalId);
        if (!id) logger().warn({ judgement: judgement.id, externalId }, "demo judgement cites an unknown observation");
        return id ? [id] : [];
      }),
    },
    content: [{ type: "text", text: judgement.text }],
  });
  const [key, ...related] = picked;
  const content: JSONContent[] = [
    heading("Key question"),
    paragraph(options.keyQuestion),
    heading("Scope"),
    paragraph(
      "Covers the Tikhoretsk munitions depot (719th Artillery Ammunition Base, Krasnodar Krai) from the first North Korean " +
        "rail deliveries seen in autumn 2023 to the imagery of April 2024. Every judgement cites the observations of " +
        "this workspace's evidence library it rests on: commercial satellite imagery analysed by CSIS Beyond Parallel " +
        "and RUSI, and official statements. Several statements are paraphrases, and their likelihood terms and " +
        "confidence levels were assigned by the dataset's compiler.",
    ),
    heading("Key judgement"),
    ...(key ? [block(key)] : []),
    heading("Related judgements"),
    ...related.map(block),
  ];
  const doc = prosemirrorJSONToYDoc(editorSchema(), { type: "doc", content }, EDITOR_FIELD);
  await insertUpdateRows([
    { documentId: options.assessmentId, update: Y.encodeStateAsUpdate(doc), userId: options.authorId },
  ]);
  await storeDocumentContent(options.assessmentId, doc, [options.authorId]);
}

/** The ICD 203 band a dataset's `likelihood_term` names (first or second row), or null. */
export function bandOfTerm(term: string | null | undefined): LikelihoodBand | null {
  const wanted = term?.trim().toLowerCase();
  return LIKELIHOOD_SCALE.find((entry) => entry.term === wanted || entry.equivalent === wanted)?.band ?? null;
}

async function observationIdsByExternalId(workspaceId: string, externalIds: string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await getDatabase()
    .select({ id: observations.id, externalId: observations.externalId })
    .from(observations)
    .where(and(eq(observations.workspaceId, workspaceId), inArray(observations.externalId, [...new Set(externalIds)])));
  return new Map(rows.flatMap((row) => (row.externalId ? [[row.externalId, row.id] as const] : [])));
}

function heading(text: string): JSONContent {
  return { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] };
}

function paragraph(text: string): JSONContent {
  return { type: "paragraph", content: [{ type: "text", text }] };
}
