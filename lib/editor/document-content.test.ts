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
    });
  });
});
