import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { isEncodedRelativePosition } from "@/lib/schemas/comments";
import {
  type AnchorBinding,
  type AnchorRange,
  decodeAnchor,
  encodeAnchorRange,
  findJudgementRange,
  judgementAt,
  resolveAnchorRange,
} from "./comment-anchors";
import { decodeThread, placeThreads } from "./comment-highlights";
import { EDITOR_FIELD } from "./editor-extensions";
import { editorSchema } from "./editor-schema";

// Anchors of comment threads against real Yjs documents bound the way the editor binds them:
// two replicas (a reviewer's and an analyst's browser) edit concurrently and exchange updates.

const PHRASE = "crucial for handling";
const CONTENT: JSONContent[] = [
  { type: "paragraph", content: [{ type: "text", text: "The depot is crucial for handling munitions." }] },
  {
    type: "judgement",
    attrs: { id: "jdg_tikhoretsk", likelihood: "likely", confidence: "moderate", isKey: true, citations: [] },
    content: [{ type: "text", text: "Tikhoretsk will remain busy." }],
  },
  { type: "paragraph", content: [{ type: "text", text: "Rail cars fell from 60 to 50." }] },
];

function newReplica(): Y.Doc {
  return prosemirrorJSONToYDoc(editorSchema(), { type: "doc", content: CONTENT }, EDITOR_FIELD);
}

/** A second replica of `doc`, as another browser would load it from the server. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Exchanges what each replica lacks, like the collaboration server does. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** The ProseMirror document a replica renders, with the binding's mapping. */
function render(doc: Y.Doc): { pm: ProseMirrorNode; binding: AnchorBinding } {
  const type = doc.getXmlFragment(EDITOR_FIELD);
  const { doc: pm, mapping } = initProseMirrorDoc(type, editorSchema());
  return { pm, binding: { doc, type, mapping } };
}

/** Edits a replica through ProseMirror, written into Yjs the way the editor binding does. */
function edit(doc: Y.Doc, change: (tr: Transaction, pm: ProseMirrorNode) => void): void {
  const type = doc.getXmlFragment(EDITOR_FIELD);
  const { doc: pm, meta } = initProseMirrorDoc(type, editorSchema());
  const tr = EditorState.create({ doc: pm }).tr;
  change(tr, pm);
  updateYFragment(doc, type, tr.doc, meta);
}

/** The range of the first occurrence of `text` in one text node. */
function rangeOf(pm: ProseMirrorNode, text: string): AnchorRange {
  let found: AnchorRange | null = null;
  pm.descendants((node, pos) => {
    const index = node.isText ? (node.text ?? "").indexOf(text) : -1;
    if (!found && index >= 0) found = { from: pos + index, to: pos + index + text.length };
  });
  if (!found) throw new Error(`"${text}" is not in the document`);
  return found;
}

/** The anchored text as a replica shows it now; null when detached. */
function anchoredText(doc: Y.Doc, anchors: { anchorStart: string; anchorEnd: string }): string | null {
  const { pm, binding } = render(doc);
  const start = decodeAnchor(anchors.anchorStart);
  const end = decodeAnchor(anchors.anchorEnd);
  if (!start || !end) throw new Error("anchors do not decode");
  const range = resolveAnchorRange(binding, start, end);
  return range ? pm.textBetween(range.from, range.to, "\n") : null;
}

/** A reviewer's replica anchors a comment to `text`; the analyst's replica starts from the same state. */
function anchorPhrase(text = PHRASE) {
  const reviewer = newReplica();
  const analyst = copyOf(reviewer);
  const { pm, binding } = render(reviewer);
  return { reviewer, analyst, anchors: encodeAnchorRange(binding, rangeOf(pm, text)) };
}

describe("comment anchors", () => {
  it("encode as base64 relative positions the comments API accepts", () => {
    const { anchors, reviewer } = anchorPhrase();
    expect(isEncodedRelativePosition(anchors.anchorStart)).toBe(true);
    expect(isEncodedRelativePosition(anchors.anchorEnd)).toBe(true);
    expect(anchoredText(reviewer, anchors)).toBe(PHRASE);
  });

  it("stay on the phrase when another replica types before it, on both replicas", () => {
    const { reviewer, analyst, anchors } = anchorPhrase();
    edit(analyst, (tr) => tr.insertText("Reportedly, the ", 1));
    expect(anchoredText(reviewer, anchors)).toBe(PHRASE);
    sync(reviewer, analyst);
    expect(render(analyst).pm.textContent).toContain("Reportedly, the The depot");
    expect(anchoredText(reviewer, anchors)).toBe(PHRASE);
    expect(anchoredText(analyst, anchors)).toBe(PHRASE);
  });

  it("keep text typed at either edge outside and take in text typed inside", () => {
    const { reviewer, analyst, anchors } = anchorPhrase();
    // One edit each, as typing is: y-prosemirror diffs a text node from its first to its last
    // change, so one transaction with two distant edits rewrites the text between them.
    edit(analyst, (tr, pm) => tr.insertText("[after]", rangeOf(pm, PHRASE).to));
    edit(analyst, (tr, pm) => tr.insertText("[before]", rangeOf(pm, PHRASE).from));
    sync(reviewer, analyst);
    expect(render(reviewer).pm.textContent).toContain(`[before]${PHRASE}[after]`);
    expect(anchoredText(reviewer, anchors)).toBe(PHRASE);
    edit(reviewer, (tr, pm) => tr.insertText(" and storing", rangeOf(pm, "for handling").from + 3));
    expect(anchoredText(reviewer, anchors)).toBe("crucial for and storing handling");
  });

  it("follow concurrent edits on both sides of the phrase made before the replicas met", () => {
    const { reviewer, analyst, anchors } = anchorPhrase();
    edit(analyst, (tr) => tr.insertText("Imagery shows ", 1));
    edit(reviewer, (tr, pm) => tr.insertText(" North Korean", rangeOf(pm, "munitions").from - 1));
    sync(reviewer, analyst);
    expect(render(reviewer).pm.textContent).toBe(render(analyst).pm.textContent);
    expect(anchoredText(reviewer, anchors)).toBe(PHRASE);
    expect(anchoredText(analyst, anchors)).toBe(PHRASE);
  });

  it("are detached when the anchored text is deleted, or its whole paragraph", () => {
    const phrase = anchorPhrase();
    edit(phrase.analyst, (tr, pm) => {
      const { from, to } = rangeOf(pm, PHRASE);
      tr.delete(from, to);
    });
    sync(phrase.reviewer, phrase.analyst);
    expect(anchoredText(phrase.reviewer, phrase.anchors)).toBeNull();

    const paragraph = anchorPhrase("Rail cars");
    edit(paragraph.analyst, (tr, pm) => {
      const { from } = rangeOf(pm, "Rail cars");
      tr.delete(from - 1, pm.content.size);
    });
    sync(paragraph.reviewer, paragraph.analyst);
    expect(render(paragraph.reviewer).pm.textContent).not.toContain("Rail");
    expect(anchoredText(paragraph.reviewer, paragraph.anchors)).toBeNull();
  });

  it("place a phrase at the very start of the document, and follow it there", () => {
    const { reviewer, analyst, anchors } = anchorPhrase("The depot");
    expect(anchoredText(reviewer, anchors)).toBe("The depot");
    edit(analyst, (tr, pm) => tr.insertText(" old", rangeOf(pm, "The").to));
    sync(reviewer, analyst);
    expect(anchoredText(reviewer, anchors)).toBe("The old depot");
    expect(anchoredText(analyst, anchors)).toBe("The old depot");
  });

  it("are detached when the first paragraph, holding the phrase, is deleted", () => {
    const { reviewer, analyst, anchors } = anchorPhrase("The depot");
    edit(analyst, (tr, pm) => tr.delete(0, pm.child(0).nodeSize));
    sync(reviewer, analyst);
    expect(render(reviewer).pm.textContent).not.toContain("depot");
    expect(anchoredText(reviewer, anchors)).toBeNull();
  });

  it("span blocks and stay put when a block is inserted between others", () => {
    const reviewer = newReplica();
    const analyst = copyOf(reviewer);
    const { pm, binding } = render(reviewer);
    const anchors = encodeAnchorRange(binding, { from: rangeOf(pm, "munitions").from, to: rangeOf(pm, "Rail").to });
    const schema = editorSchema();
    edit(analyst, (tr) => tr.insert(0, schema.node("paragraph", null, schema.text("Summary"))));
    sync(reviewer, analyst);
    expect(anchoredText(reviewer, anchors)).toBe("munitions.\nTikhoretsk will remain busy.\nRail");
  });

  it("are unplaced when they name another document's text or are not positions at all", () => {
    const { anchors } = anchorPhrase();
    const unrelated = newReplica();
    expect(anchoredText(unrelated, anchors)).toBeNull();
    expect(decodeAnchor("not base64!")).toBeNull();
    expect(decodeAnchor(btoa("\u00ff\u00ff\u00ff"))).toBeNull();
  });
});

describe("comment thread placement", () => {
  it("places range threads on their text and judgement threads on their block", () => {
    const { reviewer, anchors } = anchorPhrase("will remain");
    const { pm, binding } = render(reviewer);
    const threads = [
      { id: "range", judgementId: "jdg_tikhoretsk", ...anchors },
      { id: "judgement", judgementId: "jdg_tikhoretsk", anchorStart: null, anchorEnd: null },
      { id: "gone", judgementId: "jdg_deleted", anchorStart: null, anchorEnd: null },
      { id: "garbled", judgementId: null, anchorStart: "AAAA", anchorEnd: "AAAA" },
    ].map(decodeThread);
    const placements = placeThreads(binding, pm, threads);
    expect(placements.get("range")).toEqual(rangeOf(pm, "will remain"));
    expect(placements.get("judgement")).toEqual(findJudgementRange(pm, "jdg_tikhoretsk"));
    expect(placements.get("gone")).toBeNull();
    expect(placements.get("garbled")).toBeNull();
    expect(judgementAt(pm, rangeOf(pm, "will remain").from)?.id).toBe("jdg_tikhoretsk");
    expect(judgementAt(pm, rangeOf(pm, PHRASE).from)).toBeNull();
  });
});
