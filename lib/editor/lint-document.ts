import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import {
  type EvidenceLookup,
  type Finding,
  type LintJudgement,
  lintAssessment,
  type RuleId,
  TRADECRAFT_RULES,
} from "@/lib/tradecraft";
import { judgementOf, textOfBlock } from "./judgement-content";
import { JUDGEMENT_NODE } from "./judgement-node";

/** A finding placed in the document. */
export interface DocumentFinding extends Finding {
  /** A key unique within one lint run (React list keys, focus targets). */
  key: string;
  /** Position of the block (judgement or paragraph) the finding is about. */
  blockPos: number;
  /** The text the finding is about, as document positions; the block's start for whole-block findings. */
  from: number;
  to: number;
  /** The judgement's key in the lint run (its id, or its position when it has none), else absent. */
  judgementKey?: string;
}

// Rules that read the evidence library. Without the library every citation would be "unknown",
// so these only run when the caller has the evidence.
const EVIDENCE_RULES: ReadonlySet<RuleId> = new Set([
  "unknown-citation",
  "retracted-citation",
  "key-judgement-single-source",
  "key-judgement-weak-evidence",
]);

const NO_EVIDENCE: EvidenceLookup = { observations: new Map(), sources: new Map() };

interface Block {
  pos: number;
  node: ProseMirrorNode;
}

/**
 * Runs the tradecraft linter over an editor document: judgement blocks with their fields and
 * statements, and every other text block as a free-text paragraph. Pure, so the browser runs
 * it as the text changes and tests run it on a document.
 * @param doc The ProseMirror document.
 * @param evidence The observations and sources the judgements may cite; without it the rules
 *   that need the library are skipped.
 */
export function lintDocument(doc: ProseMirrorNode, evidence?: EvidenceLookup): DocumentFinding[] {
  const judgementBlocks: Block[] = [];
  const paragraphBlocks: Block[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    (node.type.name === JUDGEMENT_NODE ? judgementBlocks : paragraphBlocks).push({ node, pos });
    return false;
  });
  const seen = new Set<string>();
  const judgements: LintJudgement[] = judgementBlocks.map(({ node, pos }) => {
    const judgement = judgementOf(node);
    // Findings are tied to judgements by id; a block without one (or a duplicate) uses its position.
    const id = judgement.id && !seen.has(judgement.id) ? judgement.id : `pos:${pos}`;
    seen.add(id);
    return {
      id,
      // Not `judgement.statement`: finding ranges must be positions, one character per inline leaf.
      statement: textOfBlock(node),
      likelihood: judgement.likelihood ?? undefined,
      confidence: judgement.confidence ?? undefined,
      isKey: judgement.isKey,
      citedObservationIds: judgement.citations,
    };
  });
  const byJudgement = new Map(judgements.map((judgement, index) => [judgement.id, judgementBlocks[index]]));
  const findings = lintAssessment({
    assessment: { judgements, paragraphs: paragraphBlocks.map(({ node }) => textOfBlock(node)) },
    evidence: evidence ?? NO_EVIDENCE,
    rules: evidence ? TRADECRAFT_RULES : TRADECRAFT_RULES.filter((rule) => !EVIDENCE_RULES.has(rule.id)),
  });
  return findings.flatMap((finding, index) => {
    const block =
      finding.judgementId !== undefined
        ? byJudgement.get(finding.judgementId)
        : paragraphBlocks[finding.paragraphIndex ?? -1];
    if (!block) return [];
    // Text offsets equal positions inside a text block (one character per inline leaf).
    const start = block.pos + 1;
    return [
      {
        ...finding,
        key: `${index}:${finding.ruleId}:${block.pos}`,
        blockPos: block.pos,
        from: start + (finding.range?.from ?? 0),
        to: start + (finding.range?.to ?? 0),
        judgementKey: finding.judgementId,
      },
    ];
  });
}
