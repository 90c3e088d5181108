import type { JSONContent } from "@tiptap/core";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { editorSchema } from "./editor-schema";
import { placeCarriedThreads } from "./moved-comments";

const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });

function stateOf(content: JSONContent[]): EditorState {
  return EditorState.create({ doc: editorSchema().nodeFromJSON({ type: "doc", content }) });
}

/** Cuts `from`–`to` and pastes it at the end of the last paragraph, as two transactions. */
function cutAndPasteAtEnd(state: EditorState, from: number, to: number) {
  const slice = state.doc.slice(from, to);
  const cut = state.apply(state.tr.delete(from, to));
  const end = cut.doc.content.size - 1;
  const paste = cut.tr.setSelection(TextSelection.create(cut.doc, end)).replaceSelection(slice);
  return paste;
}

describe("placeCarriedThreads", () => {
  it("finds each carried thread's words, by occurrence, in the pasted text", () => {
    const state = stateOf([paragraph("about 50 rail cars, about 60 rail cars"), paragraph("Second.")]);
    // Cut "50 rail cars, about 60 rail cars" (positions 7–39); threads on the second "rail cars" and on "60".
    const paste = cutAndPasteAtEnd(state, 7, 39);
    const placed = placeCarriedThreads(paste, {
      text: "50 rail cars, about 60 rail cars",
      threads: [
        { id: "t-rail", quote: "rail cars", occurrence: 1 },
        { id: "t-60", quote: "60", occurrence: 0 },
      ],
    });
    const textOf = (id: string) => {
      const range = placed.get(id);
      return range ? paste.doc.textBetween(range.from, range.to) : null;
    };
    expect(textOf("t-rail")).toBe("rail cars");
    expect(textOf("t-60")).toBe("60");
    // The second occurrence: after "60 ", not after "50 ".
    const rail = placed.get("t-rail");
    const sixty = placed.get("t-60");
    expect(rail && sixty && rail.from).toBe(sixty ? sixty.to + 1 : -1);
  });

  it("moves nothing when what was inserted is not the carried text", () => {
    const state = stateOf([paragraph("about 50 rail cars"), paragraph("Second.")]);
    const tr = state.tr.insertText(" rail cars elsewhere", state.doc.content.size - 1);
    expect(
      placeCarriedThreads(tr, { text: "50 rail cars", threads: [{ id: "t", quote: "rail cars", occurrence: 0 }] }).size,
    ).toBe(0);
    expect(
      placeCarriedThreads(state.tr.delete(1, 5), {
        text: "about",
        threads: [{ id: "t", quote: "about", occurrence: 0 }],
      }).size,
    ).toBe(0);
  });

  it("finds words carried across paragraphs", () => {
    const state = stateOf([paragraph("First line."), paragraph("Second line."), paragraph("Third.")]);
    // Cut from inside the first paragraph to inside the second: "line.\nSecond".
    const paste = cutAndPasteAtEnd(state, 7, 20);
    const placed = placeCarriedThreads(paste, {
      text: "line.\nSecond",
      threads: [{ id: "t", quote: "Second", occurrence: 0 }],
    });
    const range = placed.get("t");
    expect(range && paste.doc.textBetween(range.from, range.to)).toBe("Second");
  });
});
