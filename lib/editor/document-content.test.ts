import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentToContent } from "./document-content";
import { EDITOR_FIELD } from "./editor-extensions";
import { editorSchema } from "./editor-schema";

const assessment = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Key judgements" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Tikhoretsk is " },
        { type: "text", text: "likely", marks: [{ type: "bold" }] },
        { type: "text", text: " to remain crucial." },
      ],
    },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "about 50 rail cars" }] }] },
      ],
    },
  ],
};

describe("documentToContent", () => {
  it("gives the editor's JSON and one line of text per block", () => {
    const doc = prosemirrorJSONToYDoc(editorSchema(), assessment, EDITOR_FIELD);
    const content = documentToContent(doc);
    expect(content.text).toBe("Key judgements\nTikhoretsk is likely to remain crucial.\nabout 50 rail cars");
    expect(content.json.content?.[0]).toEqual(assessment.content[0]);
    expect(content.json.content?.[1]?.content?.[1]).toEqual({
      type: "text",
      text: "likely",
      marks: [{ type: "bold" }],
    });
  });

  it("exports judgements: their JSON with every field, and a text line with the band, confidence and citations", () => {
    const judgement = {
      type: "judgement",
      attrs: {
        id: "jdg_04",
        likelihood: "likely",
        confidence: "moderate",
        isKey: true,
        citations: ["OBS-01", "OBS-02"],
      },
      content: [{ type: "text", text: "Tikhoretsk is likely to remain crucial." }],
    };
    const unset = {
      type: "judgement",
      attrs: { id: "jdg_05" },
      content: [{ type: "text", text: "Shipments resume." }],
    };
    const doc = prosemirrorJSONToYDoc(
      editorSchema(),
      { type: "doc", content: [assessment.content[0], judgement, unset] },
      EDITOR_FIELD,
    );
    const content = documentToContent(doc);
    expect(content.json.content?.[1]).toEqual(judgement);
    expect(content.text.split("\n")).toEqual([
      "Key judgements",
      "Tikhoretsk is likely to remain crucial. [Key judgement. Likelihood: likely (55–80%). Confidence: moderate confidence. Cites: OBS-01, OBS-02.]",
      "Shipments resume. [Judgement. Likelihood: not set. Confidence: not set. Cites: nothing.]",
    ]);
    expect(content.judgements.map((item) => [item.id, item.likelihood, item.citations])).toEqual([
      ["jdg_04", "likely", ["OBS-01", "OBS-02"]],
      ["jdg_05", null, []],
    ]);
  });

  it("leaves out nodes the schema does not know, without changing the Y.Doc", () => {
    const doc = prosemirrorJSONToYDoc(editorSchema(), assessment, EDITOR_FIELD);
    const unknown = new Y.XmlElement("futureWidget");
    unknown.insert(0, [new Y.XmlText("from a newer client")]);
    doc.getXmlFragment(EDITOR_FIELD).insert(1, [unknown]);
    const before = Y.encodeStateAsUpdate(doc);

    const content = documentToContent(doc);
    expect(content.text).not.toContain("from a newer client");
    expect(content.json.content).toHaveLength(3);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it("reads a new, empty document as the editor shows it: one empty paragraph", () => {
    expect(documentToContent(new Y.Doc())).toEqual({
      json: { type: "doc", content: [{ type: "paragraph" }] },
      text: "",
      judgements: [],
    });
  });

  it("leaves NUL characters out of the text, the JSON and the judgements, without changing the Y.Doc", () => {
    const judgement = {
      type: "judgement",
      attrs: { id: "jdg_\u000004", likelihood: "likely", confidence: "moderate", citations: ["OBS\u0000-01"] },
      content: [
        { type: "text", text: "Tikhoretsk\u0000 is likely to remain " },
        { type: "text", text: "crucial\u0000", marks: [{ type: "bold" }] },
      ],
    };
    const doc = prosemirrorJSONToYDoc(editorSchema(), { type: "doc", content: [judgement] }, EDITOR_FIELD);
    const before = Y.encodeStateAsUpdate(doc);

    const content = documentToContent(doc);
    expect(JSON.stringify(content)).not.toContain("\\u0000");
    expect(content.judgements.map((item) => [item.id, item.statement, item.citations])).toEqual([
      ["jdg_04", "Tikhoretsk is likely to remain crucial", ["OBS-01"]],
    ]);
    expect(content.text).toContain("Tikhoretsk is likely to remain crucial [");
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
