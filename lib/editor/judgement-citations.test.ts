import { Editor, type JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { exportBlocksOf } from "../exports/export-body";
import { documentToContent } from "./document-content";
import { EDITOR_FIELD, schemaExtensions } from "./editor-extensions";
import { editorSchema } from "./editor-schema";
import {
  joinBackwardIntoStatement,
  joinForwardIntoStatement,
  judgementChipsOutOfReach,
  moveToDocumentEnd,
} from "./judgement-chips-editing";
import {
  addJudgementCitation,
  chipCitationsOf,
  chipCitationsOfJson,
  JUDGEMENT_CITATIONS_NODE,
  removeJudgementCitation,
} from "./judgement-citations";
import { judgementOf, textOfBlock } from "./judgement-content";
import { splitJudgement } from "./judgement-editing";

const STATEMENT = "Tikhoretsk is likely to remain crucial.";

/** A judgement as documents stored before chips were nodes hold it: chips in the `citations` attribute. */
const legacyJudgement: JSONContent = {
  type: "judgement",
  attrs: { id: "jdg_old", likelihood: "likely", citations: ["OBS-01", "OBS-02"] },
  content: [{ type: "text", text: STATEMENT }],
};

function chips(...ids: string[]): JSONContent {
  return {
    type: JUDGEMENT_CITATIONS_NODE,
    content: ids.map((observationId) => ({ type: "citation", attrs: { observationId } })),
  };
}

function judgementWith(...content: JSONContent[]): JSONContent {
  return { type: "judgement", attrs: { id: "jdg_new" }, content };
}

function docOf(...blocks: JSONContent[]): ProseMirrorNode {
  return editorSchema().nodeFromJSON({ type: "doc", content: blocks });
}

/** The first judgement of `doc` after `change` ran on it at its position. */
function edited(doc: ProseMirrorNode, change: (tr: Transaction, pos: number) => boolean) {
  const { tr } = EditorState.create({ doc });
  const changed = change(tr, 0);
  return { changed, judgement: tr.doc.child(0) };
}

describe("judgement citation chips", () => {
  it("reads documents stored with the old citations attribute, through the shared document", () => {
    const content = documentToContent(
      prosemirrorJSONToYDoc(editorSchema(), { type: "doc", content: [legacyJudgement] }, EDITOR_FIELD),
    );
    expect(content.judgements).toEqual([
      expect.objectContaining({ id: "jdg_old", statement: STATEMENT, citations: ["OBS-01", "OBS-02"] }),
    ]);
    expect(chipCitationsOfJson(legacyJudgement)).toEqual(["OBS-01", "OBS-02"]);
  });

  it("moves the old list into chip nodes on the first change, clearing the attribute", () => {
    const added = edited(docOf(legacyJudgement), (tr, pos) => addJudgementCitation(tr, pos, "OBS-03"));
    expect(added.changed).toBe(true);
    expect(added.judgement.attrs.citations).toEqual([]);
    expect(added.judgement.toJSON().content).toEqual([
      legacyJudgement.content?.[0],
      chips("OBS-01", "OBS-02", "OBS-03"),
    ]);
    expect(judgementOf(added.judgement)).toMatchObject({
      statement: STATEMENT,
      citations: ["OBS-01", "OBS-02", "OBS-03"],
    });

    const removed = edited(docOf(legacyJudgement), (tr, pos) => removeJudgementCitation(tr, pos, "OBS-01"));
    expect(removed.judgement.attrs.citations).toEqual([]);
    expect(chipCitationsOf(removed.judgement)).toEqual(["OBS-02"]);
  });

  it("adds an observation once, and removes every copy two people made at once", () => {
    // Two chip lists and a repeat: what two people citing at the same moment leave behind.
    const doc = docOf(judgementWith({ type: "text", text: STATEMENT }, chips("OBS-01", "OBS-02"), chips("OBS-02")));
    expect(chipCitationsOf(doc.child(0))).toEqual(["OBS-01", "OBS-02"]);
    expect(edited(doc, (tr, pos) => addJudgementCitation(tr, pos, "OBS-02")).changed).toBe(false);
    const added = edited(doc, (tr, pos) => addJudgementCitation(tr, pos, "OBS-03")).judgement;
    expect(added.toJSON().content?.slice(1)).toEqual([chips("OBS-01", "OBS-02"), chips("OBS-02", "OBS-03")]);
    expect(chipCitationsOf(added)).toEqual(["OBS-01", "OBS-02", "OBS-03"]);
    const removed = edited(doc, (tr, pos) => removeJudgementCitation(tr, pos, "OBS-02")).judgement;
    expect(chipCitationsOf(removed)).toEqual(["OBS-01"]);
    expect(judgementOf(removed).citations).toEqual(["OBS-01"]);
  });

  it("keeps chips out of the statement, its text offsets and the plain text, and lists them in exports", () => {
    const inline = { type: "citation", attrs: { observationId: "OBS-09" } };
    const judgement = judgementWith({ type: "text", text: "Rail cars fell " }, inline, chips("OBS-01"));
    const node = docOf(judgement).child(0);
    expect(judgementOf(node)).toMatchObject({ statement: "Rail cars fell ", citations: ["OBS-01", "OBS-09"] });
    // Offsets into the linter's text are positions inside the block.
    expect(textOfBlock(node)).toHaveLength(node.content.size);
    expect(textOfBlock(node).trimEnd()).toBe("Rail cars fell");
    const content = documentToContent(
      prosemirrorJSONToYDoc(editorSchema(), { type: "doc", content: [judgement] }, EDITOR_FIELD),
    );
    expect(content.text).toContain("Rail cars fell  [Judgement.");
    expect(content.text).toContain("Cites: OBS-01, OBS-09.");
    const [block] = exportBlocksOf({ type: "doc", content: [judgement] }, (id) => (id === "OBS-01" ? 1 : 2));
    expect(block).toMatchObject({
      kind: "judgement",
      chips: [1],
      inlines: [{ kind: "text" }, { kind: "cite", number: 2 }],
    });
  });

  it("adds a chip without rewriting the statement, so its text and comment anchors stay", () => {
    const doc = prosemirrorJSONToYDoc(
      editorSchema(),
      { type: "doc", content: [judgementWith({ type: "text", text: STATEMENT })] },
      EDITOR_FIELD,
    );
    const element = () => doc.getXmlFragment(EDITOR_FIELD).get(0) as Y.XmlElement;
    const statement = element().get(0);
    const { doc: node, meta } = initProseMirrorDoc(doc.getXmlFragment(EDITOR_FIELD), editorSchema());
    const { tr } = EditorState.create({ doc: node });
    addJudgementCitation(tr, 0, "OBS-01");
    updateYFragment(doc, doc.getXmlFragment(EDITOR_FIELD), tr.doc, meta);
    expect(element().get(0)).toBe(statement);
    expect(documentToContent(doc).judgements[0]).toMatchObject({ statement: STATEMENT, citations: ["OBS-01"] });
  });

  it("keeps the caret and the editing keys out of the chips", () => {
    const text = (value: string) => ({ type: "text", text: value });
    const editor = new Editor({
      element: null,
      extensions: schemaExtensions(),
      content: {
        type: "doc",
        content: [judgementWith(text("A"), chips("OBS-01")), { type: "paragraph", content: [text("B")] }],
      },
    });
    const judgement = () => editor.state.doc.child(0);
    const statementEnd = 2;
    // The caret inside or after the chips goes back to the statement's end.
    const state = EditorState.create({ doc: editor.state.doc, plugins: [judgementChipsOutOfReach()] });
    for (const pos of [statementEnd + 1, judgement().nodeSize - 1]) {
      const { state: after } = state.applyTransaction(state.tr.setSelection(TextSelection.create(state.doc, pos)));
      expect(after.selection.from).toBe(statementEnd);
    }
    // Delete at the statement's end joins the next paragraph into the statement, before the chips.
    editor.commands.setTextSelection(statementEnd);
    expect(editor.commands.command(joinForwardIntoStatement)).toBe(true);
    expect(judgement().textContent).toBe("AB");
    expect(chipCitationsOf(judgement())).toEqual(["OBS-01"]);
    expect(judgement().lastChild?.type.name).toBe(JUDGEMENT_CITATIONS_NODE);
    // Enter moves the rest of the statement to a paragraph; the chips stay with the judgement.
    editor.commands.setTextSelection(statementEnd);
    expect(editor.commands.command(splitJudgement)).toBe(true);
    expect(editor.getJSON().content?.map((block) => block.type)).toEqual(["judgement", "paragraph"]);
    expect(judgement().textContent).toBe("A");
    expect(chipCitationsOf(judgement())).toEqual(["OBS-01"]);
    // Backspace at the paragraph's start joins it back, before the chips.
    expect(editor.state.selection.from).toBe(judgement().nodeSize + 1);
    expect(editor.commands.command(joinBackwardIntoStatement)).toBe(true);
    expect(editor.state.doc.childCount).toBe(1);
    expect(judgement().textContent).toBe("AB");
    expect(judgement().lastChild?.type.name).toBe(JUDGEMENT_CITATIONS_NODE);
    // Ctrl+End goes to the end of the last statement, not after its chips.
    editor.commands.setTextSelection(1);
    expect(editor.commands.command(moveToDocumentEnd)).toBe(true);
    expect(editor.state.selection.from).toBe(3);
    editor.destroy();
  });
});
