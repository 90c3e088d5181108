import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { assessmentVersions } from "@/db/schema";
import { buildExportModel } from "@/lib/exports/export-model";
import { versionContentDto } from "@/lib/schemas/lifecycle";
import { judgementBlock } from "../judgements/judgement-test-helpers";
import { assessmentForLifecycle, KEY_STATEMENT, lifecycleApi, OTHER_STATEMENT } from "./lifecycle-test-helpers";

const FIRST_STATEMENT = "Rail deliveries to Tikhoretsk resumed in March 2024.";

/** Judgement, key judgement, judgement: the app and the exports must agree on "Judgement 2". */
async function assessmentWithKeyJudgementInTheMiddle() {
  const f = await assessmentForLifecycle();
  const cited = { likelihood: "likely" as const, confidence: "moderate" as const, citations: [f.april.id] };
  await f.write([
    { type: "paragraph", content: [{ type: "text", text: "Scope of this assessment." }] },
    judgementBlock(FIRST_STATEMENT, { id: "jdg_first", ...cited }),
    judgementBlock(KEY_STATEMENT, { id: "jdg_key", ...cited, isKey: true }),
    judgementBlock(OTHER_STATEMENT, { id: "jdg_other", ...cited }),
  ]);
  return f;
}

describe("judgement numbers", () => {
  it("are the exports' numbers in the publish checklist and on the version's page", async () => {
    const f = await assessmentWithKeyJudgementInTheMiddle();
    expect((await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id])).status).toBe(201);

    // The checklist names the judgement after the key judgement "Judgement 2", as the PDF will.
    const gate = (await lifecycleApi.status(f.assessmentId, f.viewer)).body.gate;
    expect(gate.unmet.map((condition: { message: string }) => condition.message)).toEqual([
      "Judgement 1 (“Rail deliveries to Tikhoretsk resumed in March 2024.”) has 0 of 1 required current approval.",
      "Key judgement 1 (“Tikhoretsk is likely to remain crucial for handling North K…”) has 0 of 1 required current approval.",
      "Judgement 2 (“The depot is likely to keep handling rail traffic from Tuma…”) has 0 of 1 required current approval.",
    ]);

    for (const judgementId of ["jdg_first", "jdg_key", "jdg_other"]) await f.approve(f.reviewer, judgementId);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved")).status).toBe(200);
    expect((await lifecycleApi.publish(f.assessmentId, f.owner)).status).toBe(201);
    const [version] = await getDatabase()
      .select()
      .from(assessmentVersions)
      .where(and(eq(assessmentVersions.assessmentId, f.assessmentId), eq(assessmentVersions.kind, "published")));
    if (!version) throw new Error("no published version");

    // Every export of the version (one model for all formats) numbers the same way.
    const model = buildExportModel(versionContentDto.parse(version.content), { ...version, publicationNumber: 1 });
    expect(model.judgements.map((judgement) => [judgement.id, judgement.label])).toEqual([
      ["jdg_key", "Key judgement 1"],
      ["jdg_first", "Judgement 1"],
      ["jdg_other", "Judgement 2"],
    ]);
    // The version's page labels each judgement block of the text alike.
    const labels = [...version.html.matchAll(/data-judgement-id="([^"]+)"><p class="pl-judgement__label">([^<]*)</g)];
    expect(labels.map(([, id, label]) => [id, label])).toEqual([
      ["jdg_first", "Judgement 1"],
      ["jdg_key", "Key judgement 1"],
      ["jdg_other", "Judgement 2"],
    ]);
  });
});
