import JSZip from "jszip";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import * as versionRoute from "@/app/api/v1/assessments/[assessmentId]/versions/[number]/route";
import { KEY_STATEMENT } from "../lifecycle/lifecycle-test-helpers";
import { createTestUser } from "../testing/factories";
import { createTestBearer } from "../testing/route-test-helpers";
import { OTHER_STATEMENT, publishedVersionForExport, requestExport, SECOND_KEY_STATEMENT } from "./export-test-helpers";

/** Index of each text in `haystack`; fails the test when one is missing. */
function positions(haystack: string, ...needles: string[]): number[] {
  return needles.map((needle) => {
    const at = haystack.indexOf(needle);
    expect(at, `"${needle}" is missing`).toBeGreaterThanOrEqual(0);
    return at;
  });
}

describe("GET …/versions/{number}/export", () => {
  it("exports DOCX with key judgements first, grades, endnotes, source summary and TLP in header and footer", async () => {
    const f = await publishedVersionForExport();
    const response = await requestExport(f.viewer, f.assessmentId, "docx", f.number);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="rail-logistics-publication-1.docx"',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));

    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const [key1, key2, other] = positions(text, KEY_STATEMENT, SECOND_KEY_STATEMENT, OTHER_STATEMENT);
    expect(key1).toBeLessThan(key2 as number);
    expect(key2).toBeLessThan(other as number);
    expect(text).toContain("Likelihood: likely (55–80%). Confidence: moderate.");
    expect(text).toContain("Likelihood: roughly even chance (45–55%). Confidence: low.");
    expect(text).toContain("almost no chance");
    expect(text).toContain(
      "Maxar Technologies, “Tikhoretsk depot imagery, 12 February 2024”, 12 Feb 2024, " +
        "https://example.org/maxar/tikhoretsk; reliability A (completely reliable), grade A2; retrieved 1 Mar 2024.",
    );
    expect(text).toContain("reliability D (not usually reliable), grade D4");
    // The library's notes on a missing title and date are kept; its file ids (S01, S07) are no document's.
    expect(text).toContain(
      "TASS, untitled [relayed via RIA Novosti], n.d. [spring 2024; exact date not found]; reliability D",
    );
    expect(text).not.toMatch(/\bS0[17]\b/);
    expect(text).toContain("OBS-40: Rail cars staged on the depot's northern sidings (observed");
    expect(text).toContain("Single-source key judgements (one originator or none): Key judgement 1.");
    expect(text).toContain("Key judgement 2 (Maxar Technologies (A) and TASS (D))");

    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name));
    expect(parts.some((name) => name.includes("header"))).toBe(true);
    expect(parts.some((name) => name.includes("footer"))).toBe(true);
    for (const name of parts) expect(await zip.file(name)?.async("string"), name).toContain("TLP:AMBER");
  });

  it("exports PDF with the TLP marking on every page, key judgements first and the endnotes", async () => {
    const f = await publishedVersionForExport();
    const response = await requestExport(f.analyst, f.assessmentId, "pdf", f.number);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="rail-logistics-publication-1.pdf"');
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { totalPages, text: pages } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    for (const [index, page] of pages.entries()) {
      expect(page.match(/TLP:AMBER/g)?.length ?? 0, `page ${index + 1}`).toBeGreaterThanOrEqual(2);
    }
    const text = pages.join("\n").replace(/\s+/g, " ");
    const [key1, other] = positions(text, "Key judgement 1.", "Judgement 1.");
    expect(key1).toBeLessThan(other as number);
    positions(text, "Endnotes", "Source summary statement", "grade A2", "retrieved 1 Mar 2024", "roughly even chance");
  });

  it("exports Markdown and JSON with the summary", async () => {
    const f = await publishedVersionForExport();
    const markdown = await requestExport(f.reviewer, f.assessmentId, "md", f.number);
    expect(markdown.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const md = await markdown.text();
    expect(md.startsWith("**TLP:AMBER**")).toBe(true);
    expect(md.trimEnd().split("\n").at(-1)).toContain("**TLP:AMBER**");
    positions(md, "## Key judgements", "## Endnotes", "[^1]:", "| likely | probable | 55–80% |");
    // Brackets are escaped, so the notes read as text, not as a Markdown link.
    expect(md).toContain("TASS, untitled \\[relayed via RIA Novosti\\], n.d. \\[spring 2024; exact date not found\\];");

    const json = await requestExport(f.owner, f.assessmentId, "json", f.number);
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="rail-logistics-publication-1.json"');
    const body = JSON.parse(await json.text());
    expect(body).toMatchObject({
      format: "parallax.assessment-export/1",
      marking: "TLP:AMBER",
      release: { kind: "published", publicationNumber: 1, isPublished: true },
      content: { format: "parallax.assessment-version/1", number: Number(f.number) },
      sourceSummary: { observationCount: 3, sourceCount: 3, singleSourceKeyJudgements: ["Key judgement 1"] },
    });
    expect(body.judgements.map((judgement: { id: string }) => judgement.id)).toEqual([
      "jdg_key",
      "jdg_key2",
      "jdg_other",
    ]);
    expect(await f.auditActions("assessment.exported")).toEqual([
      { action: "assessment.exported", actorUserId: f.reviewer.id, data: { number: Number(f.number), format: "md" } },
      { action: "assessment.exported", actorUserId: f.owner.id, data: { number: Number(f.number), format: "json" } },
    ]);
  });

  it("serves the version as HTML with the same sections, in the same order, as the other formats", async () => {
    const f = await publishedVersionForExport();
    const token = await createTestBearer(f.viewer);
    const response = await versionRoute.GET(
      new Request(`http://localhost/api/v1/assessments/${f.assessmentId}/versions/${f.number}?format=html`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ assessmentId: f.assessmentId, number: f.number }) },
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = html
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    const md = await (await requestExport(f.viewer, f.assessmentId, "md", f.number)).text();
    // The source summary statement is the one the Markdown holds, sentence for sentence.
    const summary = md.split("## Source summary statement\n\n")[1]?.split("\n\n## ")[0] ?? "";
    expect(summary).not.toBe("");
    const order = positions(
      text,
      "TLP:AMBER Limited disclosure, recipients can only spread this on a need-to-know basis",
      "Publication 1, published ",
      "Key judgements",
      KEY_STATEMENT,
      "Other judgements",
      "Assessment",
      "Source summary statement",
      "Single-source key judgements (one originator or none): Key judgement 1.",
      "Estimative language and grades",
      "almost no chance",
      "Completely reliable",
      "Truth cannot be judged",
      "Endnotes",
      "grade A2",
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const paragraph of summary.split("\n\n")) expect(text).toContain(paragraph.replace(/\\/g, ""));
    expect(text).toContain("Likelihood: likely (55–80%).");
    expect(text.match(/TLP:AMBER Limited disclosure/g)).toHaveLength(2);
    expect(html).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it("refuses non-members and unknown versions with 404, and unknown formats with 422", async () => {
    const f = await publishedVersionForExport();
    const outsider = await createTestUser();
    const hidden = await requestExport(outsider, f.assessmentId, "pdf", f.number);
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error.code).toBe("not_found:assessment");
    expect((await requestExport(f.viewer, f.assessmentId, "pdf", "999")).status).toBe(404);
    expect((await requestExport(f.viewer, f.assessmentId, "pdf", `0${f.number}`)).status).toBe(404);
    const bad = await requestExport(f.viewer, f.assessmentId, "rtf", f.number);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({
      code: "unprocessable:export_format",
      fields: { format: [expect.any(String)] },
    });
    expect((await requestExport(f.viewer, f.assessmentId, "", f.number)).status).toBe(422);
    expect(await f.auditActions("assessment.exported")).toEqual([]);
  });
});
