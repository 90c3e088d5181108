import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/workspaces/[workspaceId]/evidence/export/route";
import * as importRoute from "@/app/api/v1/workspaces/[workspaceId]/evidence/import/route";
import { getDatabase } from "@/db/client";
import { observations, sites, sources } from "@/db/schema";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam } from "../testing/factories";
import { exportEvidenceJson } from "./export-evidence";
import { importEvidence } from "./import-evidence";
import { listObservations } from "./list-observations";
import { listSites } from "./list-sites";
import { listSources } from "./list-sources";
import { updateObservation } from "./update-observation";

const DATASET_PATH = path.join(import.meta.dirname, "fixtures/dprk-russia-observations.json");
const dataset = () => JSON.parse(readFileSync(DATASET_PATH, "utf8"));

async function countRows(workspaceId: string) {
  const db = getDatabase();
  return {
    sources: (await db.select().from(sources).where(eq(sources.workspaceId, workspaceId))).length,
    sites: (await db.select().from(sites).where(eq(sites.workspaceId, workspaceId))).length,
    observations: (await db.select().from(observations).where(eq(observations.workspaceId, workspaceId))).length,
  };
}

describe("evidence import and export", () => {
  it("imports the DPRK–Russia dataset once, and a second import creates nothing", async () => {
    const { workspace, analyst } = await createTestTeam();
    const token = await createTestApiToken(analyst);
    const post = () =>
      callRoute(importRoute.POST, {
        method: "POST",
        path: "/",
        params: { workspaceId: workspace.id },
        bearer: token,
        json: dataset(),
      });
    const first = await post();
    expect(first).toMatchObject({
      status: 200,
      body: {
        sources: { created: 28, existing: 0 },
        sites: { created: 11, existing: 0 },
        observations: { created: 40, existing: 0 },
      },
    });
    const second = await post();
    expect(second.body).toEqual({
      sources: { created: 0, existing: 28, differing: [] },
      sites: { created: 0, existing: 11, differing: [] },
      observations: { created: 0, existing: 40, differing: [] },
      ignoredFields: [],
    });
    expect(await countRows(workspace.id)).toEqual({ sources: 28, sites: 11, observations: 40 });

    const tikhoretsk = await listObservations({
      actor: analyst,
      workspaceId: workspace.id,
      q: "rail cars at the Tikhoretsk",
    });
    expect(tikhoretsk.map((o) => o.externalId)).toEqual(["OBS-26"]);
    expect(tikhoretsk[0]).toMatchObject({
      site: { externalId: "tikhoretsk_depot" },
      observed: { precision: "month", start: "2024-02-01", end: "2024-02-29" },
      quantities: [{ metric: "rail_cars", value: 60, approximate: true }],
      qualitative: [{ metric: "storage_areas_in_use_fraction", text: "slightly over half" }],
      credibility: 6,
      sources: [{ externalId: "S07", reliability: "F" }],
    });
    const ranged = (await listObservations({ actor: analyst, workspaceId: workspace.id })).find(
      (o) => o.externalId === "OBS-09",
    );
    expect(ranged?.observed).toMatchObject({ precision: "range", start: "2023-08-01", end: "2023-10-31" });
    const sourceList = await listSources({ actor: analyst, workspaceId: workspace.id });
    expect(sourceList.find((s) => s.externalId === "S09")).toMatchObject({
      type: "official_statement",
      reliability: "F",
    });
    const siteList = await listSites({ actor: analyst, workspaceId: workspace.id });
    expect(siteList.find((s) => s.externalId === "tikhoretsk_depot")).toMatchObject({
      coordinatePrecision: "town",
      country: "RU",
    });
    expect(siteList.find((s) => s.externalId === "russia_dprk_aggregate")).toMatchObject({
      latitude: null,
      coordinatePrecision: null,
    });
  });

  it("keeps site facts with their sources and where each source was found, and exports them", async () => {
    const { workspace, analyst } = await createTestTeam();
    const result = await importEvidence({ actor: analyst, workspaceId: workspace.id, file: dataset() });
    expect(result.ignoredFields).toEqual([]);
    const sourceList = await listSources({ actor: analyst, workspaceId: workspace.id });
    const idOf = (externalId: string) => sourceList.find((s) => s.externalId === externalId)?.id;
    expect(sourceList.find((s) => s.externalId === "S07")?.foundIn).toEqual([
      "https://www.verkkouutiset.fi/a/venajan-tarkealla-asevarastolla-tapahtuu-pohjois-koreasta-on-tullut-jopa-35-miljoonaa-ammusta/",
    ]);
    const tikhoretsk = (await listSites({ actor: analyst, workspaceId: workspace.id })).find(
      (s) => s.externalId === "tikhoretsk_depot",
    );
    expect(tikhoretsk?.facts).toHaveLength(4);
    expect(tikhoretsk?.facts[2]).toEqual({
      text: "About 290 km from the Ukrainian border (White House); about 200 km (RUSI); about 350 km from the front line (Postimees)",
      sourceIds: [idOf("S08"), idOf("S16"), idOf("S22")],
    });

    const exported = await exportEvidenceJson({ actor: analyst, workspaceId: workspace.id });
    const original = dataset();
    const byId = (list: unknown, id: string) => (list as Record<string, unknown>[]).find((r) => r.id === id);
    expect(byId(exported.sources, "S07")).toMatchObject({ found_in: byId(original.sources, "S07")?.found_in });
    expect(byId(exported.sites, "tikhoretsk_depot")).toMatchObject({
      facts: byId(original.sites, "tikhoretsk_depot")?.facts,
    });

    // A field the library has no place for is named in the result, never dropped silently.
    const other = await createTestTeam();
    const file = dataset();
    file.sites[0].owner = "Ministry of Defence";
    file.observations[0].weather = "cloudy";
    const reported = await importEvidence({ actor: other.analyst, workspaceId: other.workspace.id, file });
    expect(reported.ignoredFields).toEqual(["observations.weather", "sites.owner"]);
  });

  it("refuses a file with any bad record, reports each one, and imports nothing", async () => {
    const { workspace, analyst, viewer } = await createTestTeam();
    const file = dataset();
    file.observations[25].credibility = 9;
    file.observations[26].site_id = "atlantis";
    file.observations[0].date = "2999-01-01";
    file.observations[1].counts = { rail_cars: { about: 5 } };
    file.sources[0].reliability = "Z";
    file.observations.push({ ...file.observations[2] });
    await expect(importEvidence({ actor: analyst, workspaceId: workspace.id, file })).rejects.toMatchObject({
      code: "bad_request:import",
      fields: {
        "sources.0.reliability": ["S01: Grade source reliability A to F (F: reliability cannot be judged)."],
        "observations.25.credibility": ["OBS-26: Grade information credibility 1 to 6 (6: truth cannot be judged)."],
        "observations.26.site_id": ['OBS-27: no site "atlantis" in the file or the library.'],
        "observations.0.observed.date": ["OBS-01: The observed date cannot be in the future."],
        "observations.40.id": ["OBS-03: the file lists this id twice."],
        "observations.1.counts.rail_cars": ["OBS-02: A count must be a number, or words such as “slightly over half”."],
      },
    });
    expect(await countRows(workspace.id)).toEqual({ sources: 0, sites: 0, observations: 0 });
    await expect(importEvidence({ actor: viewer, workspaceId: workspace.id, file: dataset() })).rejects.toMatchObject({
      code: "forbidden:evidence",
    });
  });

  it("refuses a new source whose URL is already a library source's or another of the file's", async () => {
    const { workspace, analyst } = await createTestTeam();
    await importEvidence({ actor: analyst, workspaceId: workspace.id, file: dataset() });
    const s01 = dataset().sources[0];
    const file = {
      sources: [
        { ...s01, id: "S01-again" },
        { id: "N1", publisher: "Reuters", url: "https://www.reuters.com/x" },
        { id: "N2", publisher: "Reuters", url: "https://www.reuters.com/x" },
        { id: "N3", publisher: "Reuters", url: "javascript:alert(1)" },
      ],
    };
    await expect(importEvidence({ actor: analyst, workspaceId: workspace.id, file })).rejects.toMatchObject({
      code: "bad_request:import",
      fields: {
        "sources.0.url": [
          `S01-again: this URL is already in the library as S01 (${s01.publisher}, “${s01.title}”); use that id instead.`,
        ],
        "sources.2.url": ["N2: the file gives this URL to N1 too; list the source once."],
        "sources.3.url": ["N3: The URL must be a web address starting with http:// or https://."],
      },
    });
    expect((await countRows(workspace.id)).sources).toBe(28);
  });

  it("refuses an observation that lists one source twice with a 400 naming the record, not a 409", async () => {
    const { workspace, analyst } = await createTestTeam();
    const file = dataset();
    await importEvidence({
      actor: analyst,
      workspaceId: workspace.id,
      file: { sources: file.sources, sites: file.sites },
    });
    const token = await createTestApiToken(analyst);
    const csv = [
      "id,site_id,date,date_precision,kind,summary,source_ids,credibility,quantities",
      "D-1,tikhoretsk_depot,2024-05,month,imagery,dup source,S07 | S07,2,rail_cars=50",
    ].join("\n");
    const postCsv = () =>
      importRoute.POST(
        new Request("http://localhost/", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
          body: csv,
        }),
        { params: Promise.resolve({ workspaceId: workspace.id }) },
      );
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await postCsv();
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.fields).toEqual({
        "observations.0.source_ids": ["D-1: lists source S07 twice; list each source once."],
      });
    }
    const json = { observations: [{ ...file.observations[0], id: "D-2", source_ids: ["S99", "S99"] }] };
    await expect(importEvidence({ actor: analyst, workspaceId: workspace.id, file: json })).rejects.toMatchObject({
      code: "bad_request:import",
      fields: {
        "observations.0.source_ids": [
          "D-2: lists source S99 twice; list each source once.",
          "D-2: no source S99 in the file or the library.",
        ],
      },
    });
    expect((await countRows(workspace.id)).observations).toBe(0);
  });

  it("says which re-imported records differ from the library, applies none of it, and ignores fields the file lacks", async () => {
    const { workspace, analyst } = await createTestTeam();
    const file = dataset();
    await importEvidence({ actor: analyst, workspaceId: workspace.id, file });
    const token = await createTestApiToken(analyst);
    const header = "id,site_id,date,date_precision,summary,source_ids,credibility,quantities";
    const rows = [
      "T-1,tikhoretsk_depot,2024-05,month,About 45 rail cars,S07,3,rail_cars=~45",
      "T-2,tikhoretsk_depot,2024-06,month,About 40 rail cars,S07,3,rail_cars=~40",
    ];
    const postCsv = async (lines: string[]) => {
      const response = await importRoute.POST(
        new Request("http://localhost/", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
          body: [header, ...lines].join("\n"),
        }),
        { params: Promise.resolve({ workspaceId: workspace.id }) },
      );
      return response.json();
    };
    expect((await postCsv(rows)).observations).toEqual({ created: 2, existing: 0, differing: [] });
    const edited = [
      "T-1,tikhoretsk_depot,2024-05,month,About 48 rail cars (recounted),S07 | S22,2,rail_cars=~48",
      rows[1] as string,
      "T-3,tikhoretsk_depot,2024-07,month,About 35 rail cars,S07,3,rail_cars=~35",
    ];
    expect((await postCsv(edited)).observations).toEqual({
      created: 1,
      existing: 2,
      differing: [{ id: "T-1", fields: ["summary", "quantities", "credibility", "source_ids"] }],
    });
    const [stored] = await listObservations({ actor: analyst, workspaceId: workspace.id, q: "About 45 rail cars" });
    expect(stored).toMatchObject({ externalId: "T-1", credibility: 3, revision: 1, sources: [{ externalId: "S07" }] });

    // An analyst's grades and edits in the app: the dataset gives no grades, so only the summary differs.
    const obs26 = (await listObservations({ actor: analyst, workspaceId: workspace.id })).find(
      (o) => o.externalId === "OBS-26",
    );
    if (!obs26) throw new Error("OBS-26 missing");
    await updateObservation({
      actor: analyst,
      workspaceId: workspace.id,
      observationId: obs26.id,
      input: { revision: 1, credibility: 2, summary: "About 60 rail cars (checked)" },
    });
    const again = await importEvidence({ actor: analyst, workspaceId: workspace.id, file: dataset() });
    expect(again.observations.differing).toEqual([{ id: "OBS-26", fields: ["summary"] }]);
    expect(again.sources.differing).toEqual([]);
  });

  it("reads “about 50”, “~60”, “≈3” and “2,000” in hand-made files as quantities, and refuses other text clearly", async () => {
    const { workspace, analyst } = await createTestTeam();
    const file = dataset();
    await importEvidence({
      actor: analyst,
      workspaceId: workspace.id,
      file: { sources: file.sources, sites: file.sites },
    });
    const base = { site_id: "tikhoretsk_depot", date: "2024-05", date_precision: "month", source_ids: ["S07"] };
    const json = {
      observations: [
        {
          ...base,
          id: "H-1",
          summary: "Rail cars and ammunition",
          counts: { rail_cars: "about 50", tonnes: "2,000", storage_areas_in_use_fraction: "slightly over half" },
        },
      ],
    };
    await importEvidence({ actor: analyst, workspaceId: workspace.id, file: json });
    const token = await createTestApiToken(analyst);
    const postCsv = (quantities: string) =>
      importRoute.POST(
        new Request("http://localhost/", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
          body: `id,site_id,date,date_precision,summary,source_ids,credibility,quantities\nH-2,tikhoretsk_depot,2024-06,month,Hand-made,S07,3,"${quantities}"`,
        }),
        { params: Promise.resolve({ workspaceId: workspace.id }) },
      );
    const refused = await postCsv("rail_cars=about 50 | tonnes=many");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields).toEqual({
      "observations.0.quantities.1.value": [
        "H-2: tonnes: “many” is not a number; write a number such as 50, 2,000, ~50 or about 50.",
      ],
    });
    expect((await postCsv("rail_cars=about 50 | tonnes=2,000 t | locomotives=≈3 | box_cars=~60")).status).toBe(200);
    const byId = new Map(
      (await listObservations({ actor: analyst, workspaceId: workspace.id })).map((o) => [o.externalId, o]),
    );
    expect(byId.get("H-1")).toMatchObject({
      quantities: [
        { metric: "rail_cars", value: 50, approximate: true },
        { metric: "tonnes", value: 2000, approximate: false },
      ],
      qualitative: [{ metric: "storage_areas_in_use_fraction", text: "slightly over half" }],
    });
    expect(byId.get("H-2")?.quantities).toEqual([
      { metric: "rail_cars", value: 50, unit: null, approximate: true },
      { metric: "tonnes", value: 2000, unit: "t", approximate: false },
      { metric: "locomotives", value: 3, unit: null, approximate: true },
      { metric: "box_cars", value: 60, unit: null, approximate: true },
    ]);
  });

  it("exports JSON and CSV that import back into another workspace without loss or duplicates", async () => {
    const { workspace, analyst } = await createTestTeam();
    await importEvidence({ actor: analyst, workspaceId: workspace.id, file: dataset() });
    const token = await createTestApiToken(analyst);
    const exported = await callRoute(exportRoute.GET, {
      path: "/?format=json",
      params: { workspaceId: workspace.id },
      bearer: token,
    });
    expect(exported.status).toBe(200);

    const other = await createTestTeam();
    const result = await importEvidence({ actor: other.analyst, workspaceId: other.workspace.id, file: exported.body });
    expect(result.observations.created).toBe(40);
    const original = await exportEvidenceJson({ actor: analyst, workspaceId: workspace.id });
    const copy = await exportEvidenceJson({ actor: other.analyst, workspaceId: other.workspace.id });
    expect({ ...copy, exported_at: null }).toEqual({ ...original, exported_at: null });

    // The CSV of the observations re-imports into the first workspace as "already there".
    const csvResponse = await exportRoute.GET(
      new Request("http://localhost/?format=csv", { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ workspaceId: workspace.id }) },
    );
    expect(csvResponse.headers.get("content-type")).toContain("text/csv");
    const csv = await csvResponse.text();
    const again = await importRoute.POST(
      new Request("http://localhost/", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: csv,
      }),
      { params: Promise.resolve({ workspaceId: workspace.id }) },
    );
    expect(await again.json()).toMatchObject({ observations: { created: 0, existing: 40, differing: [] } });
    // So does the JSON export: what the library wrote reads back as the same records.
    expect(await importEvidence({ actor: analyst, workspaceId: workspace.id, file: exported.body })).toMatchObject({
      sources: { existing: 28, differing: [] },
      sites: { existing: 11, differing: [] },
      observations: { existing: 40, differing: [] },
    });
  });

  it("imports observations from CSV that cite sites and sources already in the library", async () => {
    const { workspace, analyst } = await createTestTeam();
    const file = dataset();
    await importEvidence({
      actor: analyst,
      workspaceId: workspace.id,
      file: { sources: file.sources, sites: file.sites },
    });
    const token = await createTestApiToken(analyst);
    const csv = [
      "id,site_id,date,date_precision,summary,source_ids,credibility,quantities",
      'NEW-1,tikhoretsk_depot,2024-05,month,"About 45 rail cars, fewer than in April",S07 | S22,3,rail_cars=~45',
      "NEW-2,atlantis,2024-05-02,day,Nothing,S99,8,rail_cars=many",
    ].join("\n");
    const post = (body: string) =>
      callRoute(importRoute.POST, {
        method: "POST",
        path: "/",
        params: { workspaceId: workspace.id },
        bearer: token,
        rawBody: body,
      });
    // callRoute sends JSON; CSV needs its own content type.
    const refused = await importRoute.POST(
      new Request("http://localhost/", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: csv,
      }),
      { params: Promise.resolve({ workspaceId: workspace.id }) },
    );
    expect(refused.status).toBe(400);
    const { error } = await refused.json();
    expect(Object.keys(error.fields).sort()).toEqual([
      "observations.1.credibility",
      "observations.1.quantities.0.value",
      "observations.1.site_id",
      "observations.1.source_ids",
    ]);
    expect((await countRows(workspace.id)).observations).toBe(0);
    expect((await post("{not json")).status).toBe(400);

    const accepted = await importRoute.POST(
      new Request("http://localhost/", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: csv.split("\n").slice(0, 2).join("\n"),
      }),
      { params: Promise.resolve({ workspaceId: workspace.id }) },
    );
    expect(await accepted.json()).toMatchObject({ observations: { created: 1, existing: 0 } });
    const [created] = await listObservations({ actor: analyst, workspaceId: workspace.id });
    expect(created).toMatchObject({
      externalId: "NEW-1",
      summary: "About 45 rail cars, fewer than in April",
      quantities: [{ metric: "rail_cars", value: 45, approximate: true }],
      sources: [{ externalId: "S07" }, { externalId: "S22" }],
      credibility: 3,
    });
  });
});

describe("CLI import", () => {
  it("imports a file into a workspace as the operator, and reports what already existed", async () => {
    const { COMMANDS } = await import("../cli/commands");
    const { workspace } = await createTestTeam();
    const command = COMMANDS.import;
    if (!command) throw new Error("no import command");
    const flags = { workspace: workspace.id };
    const first = await command.run(flags, { readPassword: async () => "", args: [DATASET_PATH] });
    expect(first).toBe(
      "sources: 28 created, 0 already in the library\nsites: 11 created, 0 already in the library\nobservations: 40 created, 0 already in the library",
    );
    const second = await command.run(flags, { readPassword: async () => "", args: [DATASET_PATH] });
    expect(second).toContain("observations: 0 created, 40 already in the library");
    await expect(command.run(flags, { readPassword: async () => "", args: [] })).rejects.toMatchObject({
      code: "bad_request:cli",
    });
  });
});
