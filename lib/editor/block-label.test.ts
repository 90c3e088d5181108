import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { blockLabelOf, judgementLabelOf } from "./block-label";
import { editorSchema } from "./editor-schema";

function docOf(content: JSONContent[]) {
  return editorSchema().nodeFromJSON({ type: "doc", content });
}

function blocksOf(content: JSONContent[]) {
  const doc = docOf(content);
  return Array.from({ length: doc.childCount }, (_, index) => doc.child(index));
}

const judgement = (isKey: boolean, text?: string): JSONContent => ({
  type: "judgement",
  attrs: { id: `jdg_${isKey}`, likelihood: "likely", confidence: "moderate", isKey, citations: [] },
  content: text ? [{ type: "text", text }] : [],
});

describe("blockLabelOf", () => {
  it("calls a key judgement a key judgement, as the lint, review and comments panels all do", () => {
    const [key, other, text, empty] = blocksOf([
      judgement(true, "Tikhoretsk will remain busy."),
      judgement(false, "Shipments will continue."),
      { type: "paragraph", content: [{ type: "text", text: "Rail cars fell from 60 to 50." }] },
      judgement(true),
    ]);
    expect(key && blockLabelOf(key)).toBe("Key judgement: “Tikhoretsk will remain busy.”");
    expect(other && blockLabelOf(other)).toBe("Judgement: “Shipments will continue.”");
    expect(text && blockLabelOf(text)).toBe("Text: “Rail cars fell from 60 to 50.”");
    expect(empty && blockLabelOf(empty)).toBe("Key judgement (empty)");
  });

  it("shortens a long statement to an excerpt", () => {
    const [block] = blocksOf([judgement(false, "x".repeat(80))]);
    expect(block && blockLabelOf(block)).toBe(`Judgement: “${"x".repeat(57)}…”`);
  });
});

describe("judgementLabelOf", () => {
  it("labels a thread on a key judgement “Key judgement”, and one on a removed judgement", () => {
    const doc = docOf([judgement(true, "Tikhoretsk will remain busy."), judgement(false, "Shipments will continue.")]);
    expect(judgementLabelOf(doc, "jdg_true")).toBe("Key judgement: “Tikhoretsk will remain busy.”");
    expect(judgementLabelOf(doc, "jdg_false")).toBe("Judgement: “Shipments will continue.”");
    expect(judgementLabelOf(doc, "jdg_gone")).toBe("Judgement (removed from the text)");
  });
});
