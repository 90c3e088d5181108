import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { findJudgementRange } from "./comment-anchors";
import { judgementOf } from "./judgement-content";
import { JUDGEMENT_NODE } from "./judgement-node";

const EXCERPT_LENGTH = 60;

/** What the side panels call a block: "Key judgement", "Judgement" or "Text". */
export function blockKindOf(node: ProseMirrorNode): "Key judgement" | "Judgement" | "Text" {
  if (node.type.name !== JUDGEMENT_NODE) return "Text";
  return judgementOf(node).isKey ? "Key judgement" : "Judgement";
}

/**
 * A block as the lint, review and comments panels title it: `Key judgement: “Tikhoretsk will …”`,
 * or `Judgement (empty)`. Inline citations read as a space.
 */
export function blockLabelOf(node: ProseMirrorNode): string {
  const kind = blockKindOf(node);
  const text = node.textBetween(0, node.content.size, "\n", " ").trim();
  if (!text) return `${kind} (empty)`;
  const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 3)}…` : text;
  return `${kind}: “${excerpt}”`;
}

/**
 * The label of a comment thread on a judgement, the block's own label ("Key judgement: “…”");
 * "Judgement (removed from the text)" when no block has the id any more.
 */
export function judgementLabelOf(doc: ProseMirrorNode, judgementId: string): string {
  const range = findJudgementRange(doc, judgementId);
  const block = range ? doc.nodeAt(range.from) : null;
  return block ? blockLabelOf(block) : "Judgement (removed from the text)";
}
