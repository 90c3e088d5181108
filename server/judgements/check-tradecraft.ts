import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { documentContent } from "@/db/schema";
import { toEvidenceLookup } from "@/lib/editor/citation-evidence";
import { editorSchema } from "@/lib/editor/editor-schema";
import { lintDocument } from "@/lib/editor/lint-document";
import type { TradecraftFindingDto } from "@/lib/schemas/judgements";
import { requireAssessment } from "../assessments/require-assessment";
import type { Actor } from "../auth/actor";
import { flushDocumentContent } from "../collab/store-document-content";
import { loadObservationDtos, loadSourceDtos } from "../evidence/evidence-dtos";

export interface CheckTradecraftOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
}

const EXCERPT_LENGTH = 120;

/**
 * Runs the tradecraft linter on the server over an assessment's text and its workspace's evidence
 * library: the same pure rules the editor runs live, for API clients, exports and reviews that
 * must not trust a browser's word. Pending edits of a document this process holds are saved
 * first. Non-members get 404.
 */
export async function checkTradecraft(options: CheckTradecraftOptions): Promise<TradecraftFindingDto[]> {
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  await flushDocumentContent(assessment.id);
  const [content] = await db
    .select({ json: documentContent.json })
    .from(documentContent)
    .where(eq(documentContent.documentId, assessment.id));
  // Never edited: an empty document has nothing to check.
  if (!content) return [];
  const doc = editorSchema().nodeFromJSON(content.json);
  const [observations, sources] = await Promise.all([
    loadObservationDtos(db, assessment.workspaceId),
    loadSourceDtos(db, assessment.workspaceId),
  ]);
  return lintDocument(doc, toEvidenceLookup({ observations, sources })).map((finding) => {
    const block = doc.nodeAt(finding.blockPos);
    const text =
      finding.to > finding.from
        ? doc.textBetween(finding.from, finding.to, " ", " ")
        : (block?.textBetween(0, block.content.size, " ", " ") ?? "");
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      why: finding.why,
      // Judgements without a stable id are keyed by position inside one run; that is no id to give out.
      judgementId: finding.judgementKey && !finding.judgementKey.startsWith("pos:") ? finding.judgementKey : null,
      excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text,
    };
  });
}
