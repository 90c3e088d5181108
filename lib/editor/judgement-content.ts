import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { CONFIDENCE_DEFINITIONS, type ConfidenceLevel } from "@/lib/standards/confidence";
import type { LikelihoodBand } from "@/lib/standards/icd203";
import { formatLikelihoodTerm } from "@/lib/tradecraft";
import { CITATION_NODE, citationIdOf, inlineCitationsOf } from "./citation-node";
import { JUDGEMENT_NODE, toCitations, toConfidence, toLikelihood } from "./judgement-node";

/** A judgement block as data: what the server projects, exports and lints. */
export interface JudgementContent {
  /** Stable id of the block; null only for a block written without one (e.g. by a script). */
  id: string | null;
  /**
   * The statement as plain text: hard breaks become line breaks, inline citations are left out
   * (they are listed in `citations`).
   */
  statement: string;
  likelihood: LikelihoodBand | null;
  confidence: ConfidenceLevel | null;
  isKey: boolean;
  /**
   * Cited observation ids: the block's citation chips, then citations inline in the statement,
   * in text order; each id once.
   */
  citations: string[];
}

/**
 * Plain text of a text block for the linter: every inline leaf is one character (an inline
 * citation a space), so offsets into the text equal positions inside the block.
 */
export function textOfBlock(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, undefined, (leaf) => (leaf.type.name === "hardBreak" ? "\n" : " "));
}

/**
 * Plain text of a text block for reading and export: hard breaks become line breaks and inline
 * citations become `citation(id)` (nothing when not given).
 */
export function readableTextOf(node: ProseMirrorNode, citation: (id: string) => string = () => ""): string {
  return node.textBetween(0, node.content.size, undefined, (leaf) => {
    if (leaf.type.name === "hardBreak") return "\n";
    if (leaf.type.name === CITATION_NODE) {
      const id = citationIdOf(leaf);
      return id ? citation(id) : "";
    }
    return "";
  });
}

/** The judgement a node holds, with unknown attribute values read as "not chosen". */
export function judgementOf(node: ProseMirrorNode): JudgementContent {
  return {
    id: typeof node.attrs.id === "string" && node.attrs.id !== "" ? node.attrs.id : null,
    statement: readableTextOf(node),
    likelihood: toLikelihood(node.attrs.likelihood),
    confidence: toConfidence(node.attrs.confidence),
    isKey: node.attrs.isKey === true,
    citations: toCitations([...toCitations(node.attrs.citations), ...inlineCitationsOf(node)]),
  };
}

/** Every judgement block of a document, in document order. */
export function readJudgements(doc: ProseMirrorNode): JudgementContent[] {
  const judgements: JudgementContent[] = [];
  doc.descendants((node) => {
    if (node.type.name === JUDGEMENT_NODE) judgements.push(judgementOf(node));
    return !node.isTextblock;
  });
  return judgements;
}

/**
 * A judgement as one line of plain text: the statement followed by its likelihood with the
 * numeric band, confidence, key flag and citations, so an exported text keeps what the block
 * says. "Tikhoretsk … Russia. [Key judgement. Likelihood: likely (55–80%). Confidence: moderate
 * confidence. Cites: OBS-01, OBS-02.]"
 */
export function formatJudgementLine(judgement: JudgementContent): string {
  const parts = [
    judgement.isKey ? "Key judgement." : "Judgement.",
    `Likelihood: ${judgement.likelihood ? formatLikelihoodTerm(judgement.likelihood) : "not set"}.`,
    `Confidence: ${judgement.confidence ? CONFIDENCE_DEFINITIONS[judgement.confidence].label.toLowerCase() : "not set"}.`,
    `Cites: ${judgement.citations.length > 0 ? judgement.citations.join(", ") : "nothing"}.`,
  ];
  return `${judgement.statement} [${parts.join(" ")}]`;
}
