import { Editor, type JSONContent, type Editor as TiptapEditor } from "@tiptap/core";
import { joinBackward, setBlockType, wrapIn } from "@tiptap/pm/commands";
import { Fragment, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { wrapInList } from "@tiptap/pm/schema-list";
import { type Command, EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentToContent } from "./document-content";
import { EDITOR_FIELD, schemaExtensions } from "./editor-extensions";
import { editorSchema } from "./editor-schema";
import { splitJudgement, touchesJudgement, unmakesJudgement, withUniqueIds } from "./judgement-editing";

const judgement: JSONContent = {
  type: "judgement",
  attrs: { id: "jdg_tikhoretsk", likelihood: "likely", confidence: "moderate", isKey: true, citations: ["OBS-01"] },
  content: [
    { type: "text", text: "Tikhoretsk is " },
    { type: "text", text: "likely", marks: [{ type: "italic" }] },
    { type: "text", text: " to remain crucial." },
  ],
};

function headlessEditor(content: JSONContent[]): TiptapEditor {
  return new Editor({ element: null, extensions: schemaExtensions(), content: { type: "doc", content } });
}

function judgementNodes(doc: ProseMirrorNode): ProseMirrorNode[] {
  const found: ProseMirrorNode[] = [];
  doc.descendants((node) => {
    if (node.type.name === "judgement") found.push(node);
  });
  return found;
}

/** Changes the judgement in `doc` the way the editor binding writes a ProseMirror change into Yjs. */
function editJudgement(doc: Y.Doc, edit: (state: EditorState, pos: number) => EditorState["tr"]): void {
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, editorSchema());
  const state = EditorState.create({ doc: pmDoc });
  let pos = -1;
  pmDoc.descendants((node, at) => {
    if (node.type.name === "judgement" && pos < 0) pos = at;
  });
  updateYFragment(doc, fragment, edit(state, pos).doc, meta);
}

describe("judgement node", () => {
  it("keeps every field and the statement's formatting through the shared document", () => {
    const json = { type: "doc", content: [judgement] };
    const content = documentToContent(prosemirrorJSONToYDoc(editorSchema(), json, EDITOR_FIELD));
    expect(content.json).toEqual(json);
  });

  it("gives each inserted judgement its own id, in place of an empty paragraph", () => {
    const editor = headlessEditor([{ type: "paragraph" }]);
    editor.commands.insertJudgement({ likelihood: "unlikely" });
    editor.commands.insertJudgement();
    const [first, second, ...rest] = judgementNodes(editor.state.doc);
    expect(rest).toHaveLength(0);
    expect(editor.state.doc.childCount).toBe(2);
    expect(first?.attrs.id).toMatch(/^jdg_[0-9a-f]{20}$/);
    expect(second?.attrs.id).toMatch(/^jdg_[0-9a-f]{20}$/);
    expect(first?.attrs.id).not.toBe(second?.attrs.id);
    expect(first?.attrs.likelihood).toBe("unlikely");
    editor.destroy();
  });

  it("Enter continues the text in a paragraph instead of a second judgement with the same id", () => {
    const editor = headlessEditor([judgement]);
    const split = "Tikhoretsk is likely".length + 1;
    editor.commands.setTextSelection(split);
    expect(editor.commands.command(splitJudgement)).toBe(true);
    expect(editor.getJSON().content?.map((node) => [node.type, node.attrs?.id])).toEqual([
      ["judgement", "jdg_tikhoretsk"],
      ["paragraph", undefined],
    ]);
    expect(editor.state.doc.child(1).textContent).toBe(" to remain crucial.");
    editor.destroy();
  });

  it("tells where a quote would take in a judgement: the caret in it, or a selection across it", () => {
    const editor = headlessEditor([{ type: "paragraph", content: [{ type: "text", text: "Context." }] }, judgement]);
    const judgementStart = editor.state.doc.child(0).nodeSize;
    editor.commands.setTextSelection(3);
    expect(touchesJudgement(editor.state)).toBe(false);
    editor.commands.setTextSelection(judgementStart + 1);
    expect(touchesJudgement(editor.state)).toBe(true);
    editor.commands.setTextSelection({ from: 3, to: judgementStart + 3 });
    expect(touchesJudgement(editor.state)).toBe(true);
    editor.destroy();
  });

  it("keeps its id through concurrent edits of its fields and statement, and through reloads", () => {
    const alice = prosemirrorJSONToYDoc(editorSchema(), { type: "doc", content: [judgement] }, EDITOR_FIELD);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));

    editJudgement(alice, (state, pos) => state.tr.setNodeAttribute(pos, "likelihood", "very_likely"));
    editJudgement(bob, (state, pos) => {
      const end = pos + (state.doc.nodeAt(pos)?.nodeSize ?? 0) - 1;
      return state.tr.insertText(" for munitions", end - 1).setNodeAttribute(pos, "citations", ["OBS-01", "OBS-07"]);
    });
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));

    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(alice));
    const before = Y.encodeStateAsUpdate(reloaded);
    for (const doc of [alice, bob, reloaded, reloaded]) {
      expect(documentToContent(doc).judgements).toEqual([
        {
          id: "jdg_tikhoretsk",
          statement: "Tikhoretsk is likely to remain crucial for munitions.",
          likelihood: "very_likely",
          confidence: "moderate",
          isKey: true,
          citations: ["OBS-01", "OBS-07"],
        },
      ]);
    }
    // Reading never writes: no id is (re)generated on load.
    expect(Y.encodeStateAsUpdate(reloaded)).toEqual(before);
  });

  it("gives a pasted copy a new id but lets a cut judgement keep its own", () => {
    const schema = editorSchema();
    const node = schema.nodeFromJSON(judgement);
    const [copied, moved, twice] = [
      withUniqueIds(Fragment.from(node), new Set(["jdg_tikhoretsk"])),
      withUniqueIds(Fragment.from(node), new Set()),
      withUniqueIds(Fragment.from([node, node]), new Set()),
    ];
    expect(copied.child(0).attrs.id).toMatch(/^jdg_[0-9a-f]{20}$/);
    expect(copied.child(0).attrs.likelihood).toBe("likely");
    expect(copied.child(0).textContent).toBe(node.textContent);
    expect(moved.child(0).attrs.id).toBe("jdg_tikhoretsk");
    expect(twice.child(0).attrs.id).toBe("jdg_tikhoretsk");
    expect(twice.child(1).attrs.id).not.toBe("jdg_tikhoretsk");
  });

  it("ignores stored values outside the scales instead of showing or exporting them", () => {
    const doc = prosemirrorJSONToYDoc(
      editorSchema(),
      { type: "doc", content: [{ ...judgement, attrs: { id: "jdg_x", likelihood: "probable", confidence: "total" } }] },
      EDITOR_FIELD,
    );
    expect(documentToContent(doc).judgements[0]).toMatchObject({ likelihood: null, confidence: null, citations: [] });
  });
});

describe("judgement guard", () => {
  const intro: JSONContent = { type: "paragraph", content: [{ type: "text", text: "Context." }] };
  const blank: JSONContent = { type: "judgement", attrs: { id: "jdg_blank" } };

  function stateOf(content: JSONContent[], caret: (doc: ProseMirrorNode) => number): EditorState {
    const doc = editorSchema().nodeFromJSON({ type: "doc", content });
    return EditorState.create({ doc, selection: TextSelection.create(doc, caret(doc)) });
  }

  /** The transaction `command` makes in `state` (it must make one). */
  function run(state: EditorState, command: Command): Transaction {
    let made: Transaction | null = null;
    command(state, (tr) => {
      made = tr;
    });
    if (!made) throw new Error("the command did nothing");
    return made;
  }

  it("refuses what would turn a judgement into another block or nest it: headings, lists, quotes, a join", () => {
    const schema = editorSchema();
    const inStatement = stateOf([intro, judgement], (doc) => doc.child(0).nodeSize + 3);
    const atStatementStart = stateOf([intro, judgement], (doc) => doc.child(0).nodeSize + 1);
    const bulletList = schema.nodes.bulletList;
    const blockquote = schema.nodes.blockquote;
    const heading = schema.nodes.heading;
    const paragraph = schema.nodes.paragraph;
    if (!bulletList || !blockquote || !heading || !paragraph) throw new Error("schema lacks a node");
    // A judgement cannot be a list item's first child: Tiptap's list commands clear the block to
    // a paragraph first, which is the `setBlockType(paragraph)` here.
    expect(wrapInList(bulletList)(inStatement)).toBe(false);
    for (const command of [setBlockType(heading, { level: 2 }), setBlockType(paragraph), wrapIn(blockquote)]) {
      expect(unmakesJudgement(inStatement, run(inStatement, command))).toBe(true);
    }
    expect(unmakesJudgement(atStatementStart, run(atStatementStart, joinBackward))).toBe(true);
  });

  it("lets a judgement's fields and statement change, and a judgement or a blank one go", () => {
    const state = stateOf([intro, judgement], (doc) => doc.child(0).nodeSize + 3);
    const at = state.doc.child(0).nodeSize;
    const fields = state.tr.setNodeMarkup(at, undefined, { ...state.doc.child(1).attrs, likelihood: "unlikely" });
    expect(unmakesJudgement(state, fields)).toBe(false);
    expect(unmakesJudgement(state, state.tr.insertText("really "))).toBe(false);
    expect(unmakesJudgement(state, state.tr.delete(at, state.doc.content.size))).toBe(false);
    // Deleting from the paragraph above into the statement takes the statement's start with it.
    expect(unmakesJudgement(state, state.tr.delete(3, at + 5))).toBe(false);
    const blankState = stateOf([intro, blank], (doc) => doc.child(0).nodeSize + 1);
    const heading = editorSchema().nodes.heading;
    if (!heading) throw new Error("schema lacks headings");
    expect(unmakesJudgement(blankState, run(blankState, setBlockType(heading, { level: 2 })))).toBe(false);
  });
});
