import { Editor, type JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { documentToContent } from "./document-content";
import { EDITOR_FIELD, schemaExtensions } from "./editor-extensions";
import { editorSchema } from "./editor-schema";
import { judgementOf } from "./judgement-content";
import { lintDocument } from "./lint-document";

const OBS_A = "0b6f2a52-7d1e-4c59-9a6e-1f0b8f6d2a01";
const OBS_B = "0b6f2a52-7d1e-4c59-9a6e-1f0b8f6d2a02";

const cite = (observationId: string): JSONContent => ({ type: "citation", attrs: { observationId } });
const text = (value: string): JSONContent => ({ type: "text", text: value });

function docOf(content: JSONContent[]) {
  return editorSchema().nodeFromJSON({ type: "doc", content });
}

describe("inline citation node", () => {
  it("round-trips through the shared document and reads as a marker in the text export", () => {
    const json = {
      type: "doc",
      content: [{ type: "paragraph", content: [text("About 50 rail cars"), cite(OBS_A), text(" in April.")] }],
    };
    const content = documentToContent(prosemirrorJSONToYDoc(editorSchema(), json, EDITOR_FIELD));
    expect(content.json).toEqual(json);
    expect(content.text).toBe(`About 50 rail cars[${OBS_A}] in April.`);
  });

  it("counts citations inside a judgement statement as the judgement's citations, each once", () => {
    const node = editorSchema().nodeFromJSON({
      type: "judgement",
      attrs: { id: "jdg_1", citations: [OBS_B] },
      content: [text("Tikhoretsk is likely to remain crucial"), cite(OBS_A), cite(OBS_B), text(".")],
    });
    const judgement = judgementOf(node);
    expect(judgement.citations).toEqual([OBS_B, OBS_A]);
    expect(judgement.statement).toBe("Tikhoretsk is likely to remain crucial.");
  });

  it("satisfies the citation rule and keeps finding ranges on the right text after a citation", () => {
    const doc = docOf([
      {
        type: "judgement",
        attrs: { id: "jdg_1", likelihood: "likely", confidence: "moderate" },
        content: [text("Rail cars fell"), cite(OBS_A), text(". It is very likely, with high confidence, to grow.")],
      },
      { type: "paragraph", content: [cite(OBS_B), text(" We assess with high confidence that it is likely.")] },
    ]);
    const findings = lintDocument(doc);
    expect(findings.map((finding) => finding.ruleId)).not.toContain("missing-citation");
    const mixed = findings.filter((finding) => finding.ruleId === "likelihood-and-confidence-in-one-sentence");
    expect(mixed.map((finding) => doc.textBetween(finding.from, finding.to))).toEqual([
      "It is very likely, with high confidence, to grow.",
      "We assess with high confidence that it is likely.",
    ]);
  });

  it("is inserted at the caret by its command, but not where inline nodes cannot go", () => {
    const editor = new Editor({
      element: null,
      extensions: schemaExtensions(),
      content: { type: "doc", content: [{ type: "paragraph", content: [text("Seen at the depot.")] }] },
    });
    editor.commands.setTextSelection(1 + "Seen at the depot".length);
    expect(editor.commands.insertCitation(OBS_A)).toBe(true);
    expect(editor.getJSON().content?.[0]?.content).toEqual([text("Seen at the depot"), cite(OBS_A), text(".")]);
    expect(editor.commands.insertCitation("  ")).toBe(false);
    editor.commands.setContent({ type: "doc", content: [{ type: "codeBlock", content: [text("x = 1")] }] });
    editor.commands.setTextSelection(2);
    expect(editor.can().insertCitation(OBS_A)).toBe(false);
    editor.destroy();
  });
});
