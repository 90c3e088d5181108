import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { type Mappable, Mapping, ReplaceStep, StepMap } from "@tiptap/pm/transform";
import type { DocumentFinding } from "./lint-document";

/**
 * The text block a finding is about, if `pos` is still the start of one in `doc`; null when the
 * position is outside the document or no longer starts a text block. Findings are computed a
 * moment after the text changes, so anything reading their positions must expect them stale.
 */
export function findingBlockAt(doc: ProseMirrorNode, pos: number): ProseMirrorNode | null {
  if (!Number.isInteger(pos) || pos < 0 || pos >= doc.content.size) return null;
  const node = doc.nodeAt(pos);
  return node?.isTextblock ? node : null;
}

function isWholeDocumentReplace(tr: Transaction): boolean {
  return tr.steps.some(
    (step, index) => step instanceof ReplaceStep && step.from === 0 && step.to === tr.docs[index]?.content.size,
  );
}

/**
 * How positions moved in a transaction. The collaboration binding applies remote edits and
 * undo/redo by replacing the whole document, whose own mapping says every position was deleted;
 * for those the mapping is rebuilt from the span where the two documents differ, so findings
 * (and their underlines) elsewhere in the text survive a co-author's keystroke.
 */
export function changeMappingOf(tr: Transaction): Mapping {
  if (!isWholeDocumentReplace(tr)) return tr.mapping;
  const before = tr.before.content;
  const after = tr.doc.content;
  const start = before.findDiffStart(after);
  if (start === null) return new Mapping();
  const end = before.findDiffEnd(after) ?? { a: before.size, b: after.size };
  // The common prefix and suffix can overlap (e.g. "aa" → "a"); move the end past the start.
  const overlap = start - Math.min(end.a, end.b);
  const endA = overlap > 0 ? end.a + overlap : end.a;
  const endB = overlap > 0 ? end.b + overlap : end.b;
  return new Mapping([new StepMap([start, endA - start, endB - start])]);
}

/**
 * Findings moved through a change of the document. A finding whose block was deleted (or merged
 * into another) is dropped, since it no longer points at anything; a finding whose text shrank is
 * kept within its block. The linter's next run replaces them all; until then nothing points
 * outside the document. Returns `findings` itself when nothing moved.
 */
export function mapFindings(findings: DocumentFinding[], mapping: Mappable, doc: ProseMirrorNode): DocumentFinding[] {
  let isChanged = false;
  const mapped = findings.flatMap((finding) => {
    const block = mapping.mapResult(finding.blockPos, 1);
    const node = block.deletedAfter ? null : findingBlockAt(doc, block.pos);
    if (!node) {
      isChanged = true;
      return [];
    }
    const contentStart = block.pos + 1;
    const contentEnd = contentStart + node.content.size;
    const from = Math.min(Math.max(mapping.map(finding.from, 1), contentStart), contentEnd);
    const to = Math.min(Math.max(mapping.map(finding.to, -1), from), contentEnd);
    if (block.pos === finding.blockPos && from === finding.from && to === finding.to) return [finding];
    isChanged = true;
    return [{ ...finding, blockPos: block.pos, from, to }];
  });
  return isChanged ? mapped : findings;
}
