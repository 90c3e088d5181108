import { describe, expect, it } from "vitest";
import { versionComparisonDto } from "@/lib/schemas/history";
import { updateObservation } from "../evidence/update-observation";
import { assessmentForLifecycle, KEY_STATEMENT } from "../lifecycle/lifecycle-test-helpers";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { historyApi, versionLines } from "./history-test-helpers";

const REVISED = "Tikhoretsk is very likely to remain crucial for handling North Korean munitions sent to Russia.";

/** Version 1 named on the fixture text; version 2 after the judgement and the paragraph changed. */
async function twoVersions() {
  const f = await assessmentForLifecycle();
  expect((await historyApi.name(f.assessmentId, f.analyst, { name: "First draft" })).status).toBe(201);
  await f.approve(f.reviewer);
  await f.write([
    { type: "paragraph", content: [{ type: "text", text: "Scope of this revised assessment." }] },
    ...f.text({ statement: REVISED, likelihood: "very_likely", confidence: "high", citations: [f.april.id] }).slice(1),
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Outlook" }] },
  ]);
  expect((await historyApi.name(f.assessmentId, f.analyst, { name: "Revised" })).status).toBe(201);
  return f;
}

describe("comparing versions", () => {
  it("shows per judgement the statement diff, likelihood, confidence, citations and approvals, then the other text", async () => {
    const f = await twoVersions();
    const answer = await historyApi.compare(f.assessmentId, f.viewer, "from=1&to=2");
    expect(answer.status).toBe(200);
    const comparison = versionComparisonDto.parse(answer.body);
    expect(comparison.from).toMatchObject({
      number: 1,
      kind: "named",
      name: "First draft",
      createdBy: { id: f.analyst.id },
    });
    expect(comparison.to).toMatchObject({ number: 2, kind: "named", name: "Revised" });
    expect(comparison.judgements).toHaveLength(1);
    const [judgement] = comparison.judgements;
    expect(judgement).toMatchObject({
      id: "jdg_key",
      change: "changed",
      statement: { before: KEY_STATEMENT, after: REVISED, isChanged: true },
      likelihood: { before: { band: "likely" }, after: { band: "very_likely", range: "80–95%" }, isChanged: true },
      confidence: { before: { level: "moderate" }, after: { level: "high" }, isChanged: true },
      isKey: { before: true, after: true, isChanged: false },
    });
    expect(judgement?.statement.diff.filter((part) => part.kind !== "same")).toEqual([
      { kind: "added", text: "very " },
    ]);
    expect(judgement?.citationsAdded.map((cited) => cited.summary)).toEqual([
      "About 50 rail cars at the Tikhoretsk depot",
    ]);
    expect(judgement?.citationsRemoved.map((cited) => cited.summary)).toEqual([
      "About 60 rail cars at the Tikhoretsk depot",
    ]);
    // Approved between the two: version 1 had no approval; version 2's edit made the approval stale.
    expect(judgement?.approvals).toEqual({ before: [], after: [], isChanged: false });
    expect(comparison.blocks.map((block) => `${block.change} ${block.type}`)).toEqual([
      "changed paragraph",
      "added heading 2",
    ]);
    expect(comparison.blocks[0]?.diff).toContainEqual({ kind: "added", text: "revised " });
  });

  it("shows the approvals current at each point", async () => {
    const f = await assessmentForLifecycle();
    expect((await historyApi.name(f.assessmentId, f.analyst, { name: "Unreviewed" })).status).toBe(201);
    await f.approve(f.reviewer);
    expect((await historyApi.name(f.assessmentId, f.analyst, { name: "Reviewed" })).status).toBe(201);
    const comparison = (await historyApi.compare(f.assessmentId, f.viewer, "from=1&to=2")).body;
    expect(comparison.judgements[0]).toMatchObject({
      change: "unchanged",
      approvals: { before: [], after: [{ reviewer: { id: f.reviewer.id, name: f.reviewer.name } }] },
    });
  });

  it("shows a judgement whose cited observation was re-graded in between as changed, with what changed", async () => {
    const f = await assessmentForLifecycle();
    await f.approve(f.reviewer);
    expect((await historyApi.name(f.assessmentId, f.analyst, { name: "Approved" })).status).toBe(201);
    await updateObservation({
      actor: f.analyst,
      workspaceId: f.workspaceId,
      observationId: f.february.id,
      input: { credibility: 5, revision: 1 },
    });
    expect((await historyApi.name(f.assessmentId, f.analyst, { name: "After the re-grade" })).status).toBe(201);
    const comparison = versionComparisonDto.parse(
      (await historyApi.compare(f.assessmentId, f.viewer, "from=1&to=2")).body,
    );
    const [judgement] = comparison.judgements;
    expect(judgement).toMatchObject({ change: "changed", statement: { isChanged: false } });
    expect(judgement?.citationsRevised).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ observationId: f.february.id, revision: 1, credibility: 2 }),
        after: expect.objectContaining({ observationId: f.february.id, revision: 2, credibility: 5 }),
        description: "revised (revision 1 → 2); re-graded: credibility 2 → 5 (Improbable)",
      }),
    ]);
    // The re-grade made the approval stale: it was current in version 1 and is not in version 2.
    expect(judgement?.approvals).toMatchObject({
      before: [{ reviewer: { id: f.reviewer.id } }],
      after: [],
      isChanged: true,
    });
  });

  it("compares a version with the current text", async () => {
    const f = await assessmentForLifecycle();
    expect((await historyApi.name(f.assessmentId, f.analyst, { name: "First draft" })).status).toBe(201);
    await f.write(f.text({ statement: "Tikhoretsk will stay crucial.", isKey: false }));
    const answer = await historyApi.compare(f.assessmentId, f.viewer, "from=1&to=current");
    expect(answer.status).toBe(200);
    expect(answer.body.to).toMatchObject({ number: null, kind: "current" });
    expect(answer.body.judgements[0]).toMatchObject({
      statement: { after: "Tikhoretsk will stay crucial.", isChanged: true },
      isKey: { before: true, after: false, isChanged: true },
    });
    expect(await versionLines(f.assessmentId)).toEqual(['1 named "First draft"']);
  });

  it("refuses bad input with a clear 4xx and changes nothing", async () => {
    const f = await twoVersions();
    const other = await assessmentForLifecycle();
    expect((await historyApi.name(other.assessmentId, other.analyst, { name: "v1" })).status).toBe(201);
    expect((await historyApi.name(other.assessmentId, other.analyst, { name: "v2" })).status).toBe(201);
    expect((await historyApi.name(other.assessmentId, other.analyst, { name: "v3" })).status).toBe(201);
    // Version 3 exists only on the other assessment: no way to reach it through this one.
    const foreign = await historyApi.compare(f.assessmentId, f.analyst, "from=1&to=3");
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: "not_found:version" } } });
    const same = await historyApi.compare(f.assessmentId, f.analyst, "from=2&to=2");
    expect(same).toMatchObject({
      status: 400,
      body: { error: { fields: { to: ["Choose two different versions to compare."] } } },
    });
    for (const query of ["from=0&to=1", "from=abc&to=2", "to=2", "from=1&to=latest"]) {
      const malformed = await historyApi.compare(f.assessmentId, f.analyst, query);
      expect(malformed, query).toMatchObject({ status: 400, body: { error: { code: "bad_request:validation" } } });
    }
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const hidden = await historyApi.compare(f.assessmentId, outsider, "from=1&to=2");
    expect(hidden).toMatchObject({ status: 404, body: { error: { code: "not_found:assessment" } } });
    expect(await versionLines(f.assessmentId)).toEqual(['1 named "First draft"', '2 named "Revised"']);
  });
});
