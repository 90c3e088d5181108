import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as observationRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/[observationId]/route";
import * as observationsRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/route";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam } from "../testing/factories";
import { createSource } from "./create-source";
import { observationsFromCsv } from "./evidence-csv";
import { exportEvidenceCsv, exportEvidenceJson } from "./export-evidence";
import { importEvidence } from "./import-evidence";
import { listEvidenceRevisions } from "./list-evidence-revisions";
import { listObservations } from "./list-observations";

const DATASET_PATH = path.join(import.meta.dirname, "fixtures/dprk-russia-observations.json");
const dataset = () => JSON.parse(readFileSync(DATASET_PATH, "utf8"));

/** A team with the State Department fact sheet and the CSIS report that relays its figure. */
async function createSources() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const state = await createSource({
    actor: team.analyst,
    workspaceId,
    input: { publisher: "U.S. Department of State", type: "official_statement", reliability: "A" },
  });
  const csis = await createSource({
    actor: team.analyst,
    workspaceId,
    input: { publisher: "CSIS Beyond Parallel", type: "think_tank_analysis", reliability: "B" },
  });
  return { ...team, workspaceId, state, csis, token: await createTestApiToken(team.analyst) };
}

const TEN_THOUSAND = {
  summary: "More than 10,000 containers of munitions delivered to Russia since September 2023",
  observed: { precision: "day", date: "2024-02-23" },
  quantities: [{ metric: "containers_min", value: 10000 }],
  credibility: 2,
};

describe("source attribution", () => {
  it("records who a relaying source attributes an observation to, beside plain source ids", async () => {
    const { workspaceId, state, csis, token, analyst } = await createSources();
    const created = await callRoute(observationsRoute.POST, {
      method: "POST",
      path: "/",
      params: { workspaceId },
      bearer: token,
      json: { ...TEN_THOUSAND, sourceIds: [state.id, { id: csis.id, attributedTo: "The White House" }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.sources).toMatchObject([
      { id: state.id, publisher: "U.S. Department of State", attributedTo: null },
      { id: csis.id, publisher: "CSIS Beyond Parallel", attributedTo: "The White House" },
    ]);

    // A change that does not touch the sources keeps the attribution; one that lists them again sets it.
    const patch = (json: unknown) =>
      callRoute(observationRoute.PATCH, {
        method: "PATCH",
        path: "/",
        params: { workspaceId, observationId: created.body.id },
        bearer: token,
        json,
      });
    const regraded = await patch({ revision: 1, credibility: 3 });
    expect(regraded.body.sources.map((s: { attributedTo: string | null }) => s.attributedTo)).toEqual([
      null,
      "The White House",
    ]);
    const corrected = await patch({ revision: 2, sourceIds: [state.id, { id: csis.id, attributedTo: "" }] });
    expect(corrected.body.sources.map((s: { attributedTo: string | null }) => s.attributedTo)).toEqual([null, null]);

    const history = await listEvidenceRevisions({
      actor: analyst,
      workspaceId,
      kind: "observation",
      recordId: created.body.id,
    });
    expect(
      history.map((r) => [r.revision, (r.snapshot.sources as { attributedTo: string }[])[1]?.attributedTo]),
    ).toEqual([
      [3, null],
      [2, "The White House"],
      [1, "The White House"],
    ]);
  });

  it("refuses a malformed attribution with a field message and writes nothing", async () => {
    const { workspaceId, csis, token, analyst } = await createSources();
    const refused = await callRoute(observationsRoute.POST, {
      method: "POST",
      path: "/",
      params: { workspaceId },
      bearer: token,
      json: { ...TEN_THOUSAND, sourceIds: [{ id: csis.id, attributedTo: "x".repeat(501) }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({
      "sourceIds.0.attributedTo": ["Use at most 500 characters for the attribution."],
    });
    expect(await listObservations({ actor: analyst, workspaceId })).toEqual([]);
  });

  it("imports the dataset's OBS-19 as the State Department's figure that CSIS attributes to the White House", async () => {
    const { workspace, analyst } = await createTestTeam();
    await importEvidence({ actor: analyst, workspaceId: workspace.id, file: dataset() });
    const [obs19] = await listObservations({ actor: analyst, workspaceId: workspace.id, q: "10,000 containers" });
    expect(obs19?.sources).toMatchObject([
      { externalId: "S09", publisher: expect.stringMatching(/^U\.S\. Department of State/), attributedTo: null },
      { externalId: "S07", publisher: "CSIS Beyond Parallel (Korea Chair)", attributedTo: "The White House" },
    ]);

    const exported = await exportEvidenceJson({ actor: analyst, workspaceId: workspace.id });
    const observations = exported.observations as { id: string; source_attributions: Record<string, string> }[];
    expect(observations.find((o) => o.id === "OBS-19")?.source_attributions).toEqual({ S07: "The White House" });
    expect(observations.find((o) => o.id === "OBS-26")?.source_attributions).toEqual({});

    const csv = await exportEvidenceCsv({ actor: analyst, workspaceId: workspace.id });
    const fromCsv = observationsFromCsv(csv).find((record) => record.id === "OBS-19");
    expect(fromCsv).toMatchObject({ source_ids: ["S09", "S07"], source_attributions: { S07: "The White House" } });
  });

  it("refuses an attribution for a source the observation does not cite", async () => {
    const { workspace, analyst } = await createTestTeam();
    const file = dataset();
    file.observations[0].source_attributions = { S09: "The White House", S01: 7 };
    await expect(importEvidence({ actor: analyst, workspaceId: workspace.id, file })).rejects.toMatchObject({
      code: "bad_request:import",
      fields: {
        "observations.0.source_attributions.S09": ["OBS-01: S09 is not one of this observation's sources."],
        "observations.0.source_attributions.S01": ["OBS-01: An attribution is a name of at most 500 characters."],
      },
    });
  });
});
