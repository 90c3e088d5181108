import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as conflictsRoute from "@/app/api/v1/workspaces/[workspaceId]/evidence/conflicts/route";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam, createTestUser } from "../testing/factories";
import { createObservation } from "./create-observation";
import { createSite } from "./create-site";
import { importEvidence } from "./import-evidence";
import { listObservations } from "./list-observations";
import { listSites } from "./list-sites";
import { listSources } from "./list-sources";
import { retractObservation } from "./retract-observation";

const DATASET_PATH = path.join(import.meta.dirname, "fixtures/dprk-russia-observations.json");

/** A team whose library holds the DPRK–Russia dataset. */
async function createLibrary() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  await importEvidence({
    actor: team.analyst,
    workspaceId,
    file: JSON.parse(readFileSync(DATASET_PATH, "utf8")),
  });
  const sites = await listSites({ actor: team.analyst, workspaceId });
  const siteId = (externalId: string) => sites.find((site) => site.externalId === externalId)?.id as string;
  return { ...team, workspaceId, siteId, token: await createTestApiToken(team.viewer) };
}

function getConflicts(workspaceId: string, token: string, query = "") {
  return callRoute(conflictsRoute.GET, {
    path: `/api/v1/workspaces/${workspaceId}/evidence/conflicts${query}`,
    params: { workspaceId },
    bearer: token,
  });
}

describe("GET /evidence/conflicts", () => {
  it("surfaces the dataset's attribution conflict on the 10,000 containers and its literal at-least values", async () => {
    const { workspaceId, token } = await createLibrary();
    const response = await getConflicts(workspaceId, token);
    expect(response.status).toBe(200);
    const summary = response.body.map((conflict: { kind: string; metric: string | null; participants: [] }) => [
      conflict.kind,
      conflict.metric,
      conflict.participants.map((p: { externalId: string }) => p.externalId),
    ]);
    expect(summary).toEqual([
      ["attribution", null, ["OBS-19"]],
      ["value", "containers_min", ["OBS-35", "OBS-32"]],
    ]);
    const [attribution] = response.body;
    expect(attribution.participants[0].originators).toMatchObject([
      { name: expect.stringMatching(/^U\.S\. Department of State/), via: [{ externalId: "S09", attributed: false }] },
      { name: "The White House", via: [{ externalId: "S07", attributed: true }] },
    ]);
    expect(attribution.participants[0].quantity).toMatchObject({ metric: "containers_min", value: 10000 });
    expect(attribution.explanation).toContain("The White House [according to S07]");
  });

  it("narrows to a site, finds a new disagreeing count, and forgets it once retracted", async () => {
    const { workspaceId, token, analyst, siteId } = await createLibrary();
    const tikhoretsk = siteId("tikhoretsk_depot");
    // About 60 in February and about 50 in April: a change over time, not a conflict.
    expect((await getConflicts(workspaceId, token, `?siteId=${tikhoretsk}`)).body).toEqual([]);

    const sources = await listSources({ actor: analyst, workspaceId });
    const recount = await createObservation({
      actor: analyst,
      workspaceId,
      input: {
        summary: "About 50 rail cars at the depot on 20 Feb 2024",
        siteId: tikhoretsk,
        observed: { precision: "day", date: "2024-02-20" },
        quantities: [{ metric: "rail_cars", value: 50, approximate: true }],
        credibility: 3,
        sourceIds: [sources.find((source) => source.externalId === "S22")?.id as string],
      },
    });
    const atSite = await getConflicts(workspaceId, token, `?siteId=${tikhoretsk}`);
    expect(atSite.body).toHaveLength(1);
    expect(atSite.body[0]).toMatchObject({
      kind: "value",
      metric: "rail_cars",
      site: { id: tikhoretsk },
      participants: [
        { externalId: "OBS-26", quantity: { value: 60, approximate: true } },
        { observationId: recount.id, quantity: { value: 50, approximate: true } },
      ],
    });
    expect(atSite.body[0].explanation).toContain("≈60 in OBS-26 (Feb 2024)");

    await retractObservation({ actor: analyst, workspaceId, observationId: recount.id, reason: "Misdated" });
    expect((await getConflicts(workspaceId, token, `?siteId=${tikhoretsk}`)).body).toEqual([]);
    // Still in the library, marked, just no longer in dispute.
    const listed = await listObservations({ actor: analyst, workspaceId, siteId: tikhoretsk });
    expect(listed.find((observation) => observation.id === recount.id)?.retraction).toMatchObject({
      reason: "Misdated",
    });
  });

  it("answers 400 for a malformed site id, 404 for another team's site and for non-members", async () => {
    const { workspaceId, token } = await createLibrary();
    const bad = await getConflicts(workspaceId, token, "?siteId=tikhoretsk");
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { siteId: ["siteId must be a site id."] } } } });

    const other = await createTestTeam();
    const elsewhere = await createSite({
      actor: other.analyst,
      workspaceId: other.workspace.id,
      input: { name: "Elsewhere" },
    });
    expect((await getConflicts(workspaceId, token, `?siteId=${elsewhere.id}`)).status).toBe(404);

    const stranger = await createTestApiToken(await createTestUser());
    expect((await getConflicts(workspaceId, stranger)).status).toBe(404);
  });
});
