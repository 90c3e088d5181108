import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { assessments } from "@/db/schema";
import { createNamedVersion } from "../history/create-named-version";
import { assessmentForLifecycle } from "../lifecycle/lifecycle-test-helpers";
import { requestExport } from "./export-test-helpers";

/** The PDF's text, pages joined, white space collapsed. */
async function pdfText(response: Response): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("PDF export of text outside Windows-1252", () => {
  it("prints Cyrillic, Greek and signs as written, and Korean or Chinese as a visible □ with a note", async () => {
    const f = await assessmentForLifecycle();
    await getDatabase()
      .update(assessments)
      .set({ title: "Тихорецк депо: 조선 → Россия (ДНР) ≈60", keyQuestion: "Что происходит в Тихорецке? Ελληνικά 中" })
      .where(eq(assessments.id, f.assessmentId));
    await createNamedVersion({ actor: f.analyst, assessmentId: f.assessmentId, input: { name: "Unicode" } });

    const text = await pdfText(await requestExport(f.viewer, f.assessmentId, "pdf", "1"));
    expect(text).toContain("Тихорецк депо: □□ → Россия (ДНР) ≈60");
    expect(text).toContain("Что происходит в Тихорецке? Ελληνικά □");
    expect(text).not.toContain("?????");
    expect(text).toContain(
      "Note: 3 different characters in this assessment (U+C870, U+C120, U+4E2D), for example Korean, Chinese or " +
        "Japanese script, cannot be drawn with the font embedded in this PDF and are printed as □. " +
        "The Markdown, DOCX, HTML and JSON exports keep the full text.",
    );
    // The other formats keep every character.
    const md = await (await requestExport(f.viewer, f.assessmentId, "md", "1")).text();
    expect(md).toContain("Тихорецк депо: 조선 → Россия (ДНР) ≈60");
  });

  it("adds no note when every character can be drawn", async () => {
    const f = await assessmentForLifecycle();
    await createNamedVersion({ actor: f.analyst, assessmentId: f.assessmentId, input: { name: "Latin" } });
    const text = await pdfText(await requestExport(f.viewer, f.assessmentId, "pdf", "1"));
    expect(text).toContain("Rail logistics");
    expect(text).not.toContain("□");
    expect(text).not.toContain("cannot be drawn");
  });
});
