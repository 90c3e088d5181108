import type { JSONContent } from "@tiptap/core";
import { type Node as ProseMirrorNode, Slice } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { editorSchema } from "./editor-schema";
import { type DocumentFinding, lintDocument } from "./lint-document";
import { changeMappingOf, findingBlockAt, mapFindings } from "./lint-findings";

// Findings arrive a moment after the text changes (the linter waits for a pause), so between a
// change and the next run they must follow the text or go, never point past its end.

const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const HEDGED = ["Remote line one might.", "Remote line two could.", "Remote line three perhaps."];

function stateOf(content: JSONContent[]): EditorState {
  return EditorState.create({ doc: editorSchema().nodeFromJSON({ type: "doc", content }) });
}

function rangeOf(doc: ProseMirrorNode, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    const index = node.isText ? (node.text ?? "").indexOf(text) : -1;
    if (!found && index >= 0) found = { from: pos + index, to: pos + index + text.length };
  });
  if (!found) throw new Error(`"${text}" is not in the document`);
  return found;
}

/** The findings after `tr`, mapped as the linter's plugin maps them, and what each one marks. */
function afterChange(findings: DocumentFinding[], tr: Transaction) {
  const mapped = mapFindings(findings, changeMappingOf(tr), tr.doc);
  for (const finding of mapped) expect(findingBlockAt(tr.doc, finding.blockPos)).not.toBeNull();
  return mapped.map((finding) => tr.doc.textBetween(finding.from, finding.to));
}

/** The change as the collaboration binding applies a remote edit or an undo: the whole document replaced. */
function asWholeReplace(state: EditorState, change: (tr: Transaction) => void): Transaction {
  const edited = state.tr;
  change(edited);
  return state.tr.replace(0, state.doc.content.size, new Slice(edited.doc.content, 0, 0));
}

describe("lint findings between runs", () => {
  const state = stateOf([paragraph("Tikhoretsk is busy."), ...HEDGED.map(paragraph)]);
  const findings = lintDocument(state.doc);
  const hedges = ["might", "could", "perhaps"];

  it("start on their words", () => {
    expect(findings.map((finding) => state.doc.textBetween(finding.from, finding.to))).toEqual(hedges);
  });

  it("are dropped with the paragraphs they were in, deleted here or by a co-author", () => {
    const from = rangeOf(state.doc, "busy.").to;
    const local = state.tr.delete(from, state.doc.content.size - 1);
    expect(local.doc.content.size).toBeLessThan(findings.at(-1)?.blockPos ?? 0);
    expect(afterChange(findings, local)).toEqual([]);
    const remote = asWholeReplace(state, (tr) => tr.delete(from, tr.doc.content.size - 1));
    expect(afterChange(findings, remote)).toEqual([]);
  });

  it("follow their words when text is typed before them, here or by a co-author", () => {
    const local = state.tr.insertText("Reportedly, ", 1);
    expect(afterChange(findings, local)).toEqual(hedges);
    const remote = asWholeReplace(state, (tr) => tr.insertText("Reportedly, ", 1));
    expect(afterChange(findings, remote)).toEqual(hedges);
    const between = asWholeReplace(state, (tr) => tr.insertText("Still, ", rangeOf(tr.doc, "Remote line two").from));
    expect(afterChange(findings, between)).toEqual(hedges);
  });

  it("keep those before a paragraph a co-author deletes", () => {
    // The two versions of the text only say which span differs: paragraphs that start alike make
    // that span ambiguous, so what follows may be dropped until the next run, never misplaced outside.
    const { from } = rangeOf(state.doc, HEDGED[1] ?? "");
    const tr = asWholeReplace(state, (edit) => edit.delete(from - 1, from + (HEDGED[1]?.length ?? 0) + 1));
    expect(afterChange(findings, tr)[0]).toBe("might");
  });

  it("stay the same list when a change moves none of them", () => {
    expect(
      mapFindings(findings, changeMappingOf(state.tr.insertText("!", state.doc.content.size - 1)), state.doc),
    ).toBe(findings);
  });
});

describe("findingBlockAt", () => {
  it("finds only text blocks inside the document", () => {
    const { doc } = stateOf([paragraph("One."), paragraph("Two.")]);
    expect(findingBlockAt(doc, 0)?.textContent).toBe("One.");
    expect(findingBlockAt(doc, 6)?.textContent).toBe("Two.");
    expect(findingBlockAt(doc, 2)).toBeNull();
    expect(findingBlockAt(doc, doc.content.size)).toBeNull();
    expect(findingBlockAt(doc, 257)).toBeNull();
    expect(findingBlockAt(doc, -1)).toBeNull();
  });
});
