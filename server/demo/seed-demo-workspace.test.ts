import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as judgementsRoute from "@/app/api/v1/assessments/[assessmentId]/judgements/route";
import { documentToContent } from "@/lib/editor/document-content";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { editorSchema } from "@/lib/editor/editor-schema";
import { listAssessments } from "../assessments/list-assessments";
import { operatorActor } from "../auth/actor";
import { CollabTestClient } from "../collab/testing/collab-test-client";
import {
  type CollabTestServer,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { listObservations } from "../evidence/list-observations";
import { listSources } from "../evidence/list-sources";
import { getAssessmentVersion } from "../lifecycle/get-assessment-version";
import { listAssessmentVersions } from "../lifecycle/list-assessment-versions";
import { callRoute } from "../testing/call-route";
import { verifyCredentials } from "../users/verify-credentials";
import { DEMO_ACCOUNTS, DEMO_ASSESSMENT, type DemoSeedResult, seedDemoWorkspace } from "./seed-demo-workspace";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

// Each test file has its own fresh database: seeded once here, as on a first start.
let seeded: DemoSeedResult;
beforeAll(async () => {
  const result = await seedDemoWorkspace();
  if (!result) throw new Error("an empty database was not seeded");
  seeded = result;
}, 120_000);

describe("demo workspace seed", () => {
  it("freezes the seeded text as a named version whose key judgement is the demo's", async () => {
    const analyst = await verifyCredentials(DEMO_ACCOUNTS.analyst);
    const actor = { ...analyst, via: "session" as const };
    const versions = await listAssessmentVersions({ actor, assessmentId: seeded.assessmentId });
    expect(versions.map(({ number, kind, name }) => ({ number, kind, name }))).toEqual([
      { number: 1, kind: "named", name: "Demo baseline" },
    ]);
    const version = await getAssessmentVersion({ actor, assessmentId: seeded.assessmentId, number: 1 });
    const key = version.content.judgements.filter((judgement) => judgement.isKey);
    expect(key).toHaveLength(1);
    expect(key[0]?.citations.length).toBeGreaterThan(0);
  });

  it("seeds an empty database once: accounts that sign in, the assessment and the example evidence", async () => {
    const analyst = await verifyCredentials(DEMO_ACCOUNTS.analyst);
    await verifyCredentials(DEMO_ACCOUNTS.reviewer);
    const actor = { ...analyst, via: "session" as const };
    const assessments = await listAssessments({ actor, workspaceId: seeded.workspaceId });
    expect(assessments.map((assessment) => assessment.title)).toEqual([DEMO_ASSESSMENT.title]);
    const observations = await listObservations({ actor: operatorActor(), workspaceId: seeded.workspaceId });
    expect(observations).toHaveLength(40);
    // The demo grades its evidence (the dataset has no grades): imagery is "probably true", and
    // the CSIS imagery article read through the Finnish report is only "fairly reliable".
    const railCars = observations.find((observation) => observation.externalId === "OBS-27");
    expect(railCars?.credibility).toBe(2);
    const sources = await listSources({ actor, workspaceId: seeded.workspaceId });
    const relayed = sources.find((source) => source.externalId === "S07");
    expect(relayed).toMatchObject({ reliability: "C", revision: 2 });
    expect(relayed?.reliabilityRationale).toContain("not part of the dataset");
    expect(sources.filter((source) => source.reliability === "F")).toEqual([]);

    // The Tikhoretsk assessment's judgements are listed at once, citing the imported observations.
    const reviewer = { ...(await verifyCredentials(DEMO_ACCOUNTS.reviewer)), via: "session" as const };
    const response = await callRoute(judgementsRoute.GET, {
      path: `/api/v1/assessments/${seeded.assessmentId}/judgements`,
      params: { assessmentId: seeded.assessmentId },
      bearer: await createTestToken(reviewer),
    });
    expect(response.status).toBe(200);
    const [key, ...related] = response.body;
    expect(key).toMatchObject({
      statement: "Tikhoretsk is likely to remain crucial for handling North Korean munitions sent to Russia.",
      likelihood: "likely",
      likelihoodRange: "55–80%",
      confidence: "moderate",
      isKey: true,
      unresolvedCitations: [],
      authors: [{ name: DEMO_ACCOUNTS.analyst.name }],
    });
    expect(key.citations.slice(0, 2).map((citation: { externalId: string }) => citation.externalId)).toEqual([
      "OBS-26",
      "OBS-27",
    ]);
    const byExternalId = new Map(observations.map((observation) => [observation.externalId, observation.id]));
    expect(key.citations[0].observationId).toBe(byExternalId.get("OBS-26"));
    expect(related.length).toBeGreaterThan(0);
    expect(related.every((judgement: { isKey: boolean }) => !judgement.isKey)).toBe(true);

    expect(await seedDemoWorkspace()).toBeNull();
  });

  it("gives the demo assessment a text the collaboration server loads from the update log", async () => {
    const analyst = { ...(await verifyCredentials(DEMO_ACCOUNTS.analyst)), via: "session" as const };
    const server: CollabTestServer = await startCollabTestServer();
    cleanup.push(() => server.close());
    const client = await CollabTestClient.connect(server.url, { token: await createTestToken(analyst) });
    cleanup.push(() => client.close());
    const { doc } = await client.join(seeded.assessmentId);
    // The editor binding builds its ProseMirror document the same way, dropping what the schema rejects.
    let rewritten = false;
    doc.on("update", () => {
      rewritten = true;
    });
    initProseMirrorDoc(doc.getXmlFragment(EDITOR_FIELD), editorSchema()).doc.check();
    expect(rewritten).toBe(false);
    const content = documentToContent(doc);
    expect(content.text).toContain(DEMO_ASSESSMENT.keyQuestion);
    expect(content.judgements.filter((judgement) => judgement.isKey)).toHaveLength(1);
    expect(content.judgements.every((judgement) => judgement.id?.startsWith("jdg_"))).toBe(true);
  });
});
