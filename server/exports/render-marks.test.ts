import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildExportModel } from "@/lib/exports/export-model";
import { SAMPLE_PUBLICATION, sampleVersionContent } from "@/lib/exports/testing/sample-version-content";
import { renderDocx } from "./render-docx";
import { renderHtml } from "./render-html";
import { renderMarkdown } from "./render-markdown";

/** The sample publication with a paragraph whose words are underlined and struck through (toolbar marks). */
function modelWithMarks() {
  const content = sampleVersionContent();
  const document = content.document as { content: unknown[] };
  document.content.unshift({
    type: "paragraph",
    content: [
      { type: "text", text: "Traffic is " },
      { type: "text", text: "rising", marks: [{ type: "underline" }] },
      { type: "text", text: ", not " },
      { type: "text", text: "falling", marks: [{ type: "strike" }] },
      { type: "text", text: "." },
    ],
  });
  return buildExportModel(content, SAMPLE_PUBLICATION);
}

describe("underline and strike-through in exports", () => {
  it("keeps them in HTML and Markdown", () => {
    const model = modelWithMarks();
    expect(renderHtml(model)).toContain("Traffic is <u>rising</u>, not <s>falling</s>.");
    expect(renderMarkdown(model)).toContain("Traffic is <u>rising</u>, not ~~falling~~.");
  });

  it("keeps them in DOCX runs", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(modelWithMarks()));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const runOf = (text: string) => xml.match(new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>${text}</w:t></w:r>`))?.[0];
    expect(runOf("rising")).toMatch(/<w:u w:val="single"\/>/);
    expect(runOf("falling")).toMatch(/<w:strike\/>/);
    expect(runOf("Traffic is ")).not.toMatch(/<w:u |<w:strike/);
  });
});
