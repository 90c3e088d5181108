import JSZip from "jszip";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import * as versionRoute from "@/app/api/v1/assessments/[assessmentId]/versions/[number]/route";
import { createNamedVersion } from "../history/create-named-version";
import { assessmentForLifecycle, lifecycleApi } from "../lifecycle/lifecycle-test-helpers";
import { createTestBearer } from "../testing/route-test-helpers";
import { requestExport } from "./export-test-helpers";

/** Version 1 named while in draft, 2 frozen on sending for review, 3 approved, 4 the publication. */
async function versionsOfEveryStatus() {
  const f = await assessmentForLifecycle();
  await createNamedVersion({ actor: f.analyst, assessmentId: f.assessmentId, input: { name: "Baseline" } });
  expect((await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id])).status).toBe(201);
  await f.approve(f.reviewer);
  expect((await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved")).status).toBe(200);
  expect((await lifecycleApi.publish(f.assessmentId, f.owner)).body.number).toBe(4);
  return f;
}

describe("exports state whether a version is published", () => {
  it("marks a draft snapshot DRAFT — NOT PUBLISHED in every format and never calls it published", async () => {
    const f = await versionsOfEveryStatus();
    const md = await (await requestExport(f.viewer, f.assessmentId, "md", "1")).text();
    expect(md.split("\n\n").slice(0, 4)).toEqual([
      expect.stringContaining("**TLP:AMBER**"),
      "**DRAFT — NOT PUBLISHED**",
      "# Rail logistics",
      "**DRAFT — NOT PUBLISHED: a snapshot of an assessment in draft, not reviewed or published. " +
        "Do not circulate it as a finished product.**",
    ]);
    expect(md).toMatch(
      /Version 1 \(named version “Baseline”\), frozen \d+ \w+ \d{4}, \d\d:\d\d UTC by .+\. Status: draft, not published\./,
    );
    expect(md).not.toMatch(/\bpublished \d/);

    const json = JSON.parse(await (await requestExport(f.viewer, f.assessmentId, "json", "1")).text());
    expect(json.release).toMatchObject({ kind: "named", status: "draft", isPublished: false });
    expect(json.content.status).toBe("draft");

    const docx = Buffer.from(await (await requestExport(f.viewer, f.assessmentId, "docx", "1")).arrayBuffer());
    expect((await mammoth.extractRawText({ buffer: docx })).value).toContain("Status: draft, not published.");
    const zip = await JSZip.loadAsync(docx);
    const parts = Object.keys(zip.files).filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const name of parts) expect(await zip.file(name)?.async("string"), name).toContain("DRAFT — NOT PUBLISHED");

    const pdf = await getDocumentProxy(
      new Uint8Array(await (await requestExport(f.viewer, f.assessmentId, "pdf", "1")).arrayBuffer()),
    );
    const { text: pages } = await extractText(pdf, { mergePages: false });
    for (const page of pages) expect(page.match(/DRAFT — NOT PUBLISHED/g)?.length ?? 0).toBeGreaterThanOrEqual(2);

    const token = await createTestBearer(f.viewer);
    const html = await (
      await versionRoute.GET(
        new Request(`http://localhost/api/v1/assessments/${f.assessmentId}/versions/1?format=html`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ assessmentId: f.assessmentId, number: "1" }) },
      )
    ).text();
    expect(html).toContain("Status: draft, not published.");
    expect(html.match(/DRAFT — NOT PUBLISHED/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toContain("published by");
  });

  it("states in review and approved for the automatic versions, and published only for the publication", async () => {
    const f = await versionsOfEveryStatus();
    const markdown = async (number: string) => (await requestExport(f.viewer, f.assessmentId, "md", number)).text();
    const review = await markdown("2");
    expect(review).toContain("**IN REVIEW — NOT PUBLISHED**");
    expect(review).toContain("(automatic version: Sent for review), frozen ");
    expect(review).toContain("Status: in review, not published.");
    expect(await markdown("3")).toContain("Status: approved, not published.");
    const published = await markdown("4");
    expect(published).toMatch(/Publication 1, published \d+ \w+ \d{4}, \d\d:\d\d UTC by /);
    expect(published).not.toContain("NOT PUBLISHED");
  });
});
