import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/workspaces/[workspaceId]/evidence/import/route";
import { getDatabase } from "@/db/client";
import { auditEvents, evidenceRevisions, observations } from "@/db/schema";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam } from "../testing/factories";
import { observationsFromCsv } from "./evidence-csv";
import { importEvidence } from "./import-evidence";
import { listObservations } from "./list-observations";
import { listSites } from "./list-sites";
import { listSources } from "./list-sources";
import { type ExpectedObservation, largeEvidenceFile } from "./testing/large-evidence-file";

// Imports write their new records a few hundred at a time; these files are larger than a batch so
// every batch boundary is crossed, and each record must come out as if imported on its own.
const SOURCES = 600;
const SITES = 600;
const OBSERVATIONS = 3000;

function asExpected(observation: ObservationDto): ExpectedObservation {
  return {
    externalId: observation.externalId ?? observation.id,
    siteExternalId: observation.site?.externalId ?? null,
    kind: observation.kind,
    summary: observation.summary,
    observed: {
      precision: observation.observed.precision,
      start: observation.observed.start,
      end: observation.observed.end,
    },
    sources: observation.sources.map((source) => ({
      externalId: source.externalId ?? source.id,
      attributedTo: source.attributedTo,
    })),
    credibility: observation.credibility,
    quantities: observation.quantities,
    qualitative: observation.qualitative,
    ships: observation.ships,
    notes: observation.notes,
    inferredFields: observation.inferredFields,
    retractionReason: observation.retraction?.reason ?? null,
  };
}

async function libraryState(workspaceId: string) {
  const db = getDatabase();
  const revisions = await db.select().from(evidenceRevisions).where(eq(evidenceRevisions.workspaceId, workspaceId));
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId));
  const stored = await db
    .select({ id: observations.id })
    .from(observations)
    .where(eq(observations.workspaceId, workspaceId));
  return { revisions, audit, observations: stored.length };
}

describe("importing a large file", () => {
  it("creates every record of 3,000 CSV rows (and 600 sources and sites) with one imported revision each and one audit event", async () => {
    const { workspace, analyst } = await createTestTeam();
    const token = await createTestApiToken(analyst);
    const large = largeEvidenceFile({ sources: SOURCES, sites: SITES, observations: OBSERVATIONS });
    const library = await callRoute(importRoute.POST, {
      method: "POST",
      path: "/",
      params: { workspaceId: workspace.id },
      bearer: token,
      json: large.library,
    });
    expect(library.body).toMatchObject({ sources: { created: SOURCES }, sites: { created: SITES } });
    const before = await libraryState(workspace.id);
    const postCsv = async (csv: string) => {
      const response = await importRoute.POST(
        new Request("http://localhost/", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
          body: csv,
        }),
        { params: Promise.resolve({ workspaceId: workspace.id }) },
      );
      return { status: response.status, body: await response.json() };
    };

    const imported = await postCsv(large.csv);
    const counts = {
      sources: { created: 0, existing: 0, differing: [] },
      sites: { created: 0, existing: 0, differing: [] },
      observations: { created: OBSERVATIONS, existing: 0, differing: [] },
      ignoredFields: [],
    };
    expect(imported).toEqual({ status: 200, body: counts });

    const list = await listObservations({ actor: analyst, workspaceId: workspace.id });
    const byExternalId = (a: { externalId: string }, b: { externalId: string }) =>
      a.externalId.localeCompare(b.externalId);
    expect(list.map(asExpected).sort(byExternalId)).toEqual(large.expected);
    for (const observation of list) {
      expect(observation).toMatchObject({ revision: 1, createdBy: { id: analyst.id }, updatedBy: { id: analyst.id } });
      if (observation.retraction) expect(observation.retraction.by?.id).toBe(analyst.id);
    }

    // One `imported` revision per new record, holding the record exactly as the API shows it.
    const after = await libraryState(workspace.id);
    const snapshots = (kind: string) =>
      after.revisions
        .filter((revision) => revision.kind === kind)
        .map(({ workspaceId, recordId, revision, action, actorUserId, snapshot }) => ({
          workspaceId,
          recordId,
          revision,
          action,
          actorUserId,
          snapshot,
        }));
    const imports = <R extends { id: string }>(records: R[], extra: Record<string, unknown> = {}) =>
      records.map((record) => ({
        workspaceId: workspace.id,
        recordId: record.id,
        revision: 1,
        action: "imported",
        actorUserId: analyst.id,
        snapshot: JSON.parse(JSON.stringify({ ...record, ...extra })),
      }));
    const byRecord = (a: { recordId: string }, b: { recordId: string }) => a.recordId.localeCompare(b.recordId);
    expect(after.revisions).toHaveLength(SOURCES + SITES + OBSERVATIONS);
    expect(snapshots("observation").sort(byRecord)).toEqual(imports(list, { attachments: [] }).sort(byRecord));
    const sourceList = await listSources({ actor: analyst, workspaceId: workspace.id });
    expect(snapshots("source").sort(byRecord)).toEqual(imports(sourceList).sort(byRecord));
    const siteList = await listSites({ actor: analyst, workspaceId: workspace.id });
    expect(snapshots("site").sort(byRecord)).toEqual(imports(siteList).sort(byRecord));
    const sourceUuid = new Map(sourceList.map((source) => [source.externalId, source.id]));
    expect(siteList.find((site) => site.externalId === "site_00599")?.facts).toEqual([
      { text: "About 599 km from the border", sourceIds: [sourceUuid.get("LS-00599")] },
      { text: "Rail-served", sourceIds: [sourceUuid.get("LS-00000"), sourceUuid.get("LS-00001")] },
    ]);

    // One audit event for the whole file, with what it did.
    const newEvents = after.audit.filter((event) => !before.audit.some((old) => old.id === event.id));
    expect(
      newEvents.map(({ action, actorUserId, targetType, targetId, data }) => ({
        action,
        actorUserId,
        targetType,
        targetId,
        data,
      })),
    ).toEqual([
      {
        action: "evidence.imported",
        actorUserId: analyst.id,
        targetType: "workspace",
        targetId: workspace.id,
        data: counts,
      },
    ]);

    // The same file again creates nothing and writes no revision; the import is still audited.
    expect(await postCsv(large.csv)).toEqual({
      status: 200,
      body: { ...counts, observations: { created: 0, existing: OBSERVATIONS, differing: [] } },
    });
    const again = await libraryState(workspace.id);
    expect(again.revisions).toHaveLength(after.revisions.length);
    expect(again.observations).toBe(OBSERVATIONS);
    expect(again.audit).toHaveLength(after.audit.length + 1);

    // 3,000 new rows of which the last is bad: refused with that row's message, nothing written.
    const rows = observationsFromCsv(large.csv.replaceAll("CSV-", "NEW-"));
    rows[OBSERVATIONS - 1] = { ...rows[OBSERVATIONS - 1], credibility: 9 };
    await expect(
      importEvidence({ actor: analyst, workspaceId: workspace.id, file: { observations: rows } }),
    ).rejects.toMatchObject({
      code: "bad_request:import",
      fields: {
        [`observations.${OBSERVATIONS - 1}.credibility`]: [
          "NEW-02999: Grade information credibility 1 to 6 (6: truth cannot be judged).",
        ],
      },
    });
    const refused = await libraryState(workspace.id);
    expect(refused.observations).toBe(OBSERVATIONS);
    expect(refused.revisions).toHaveLength(again.revisions.length);
    expect(refused.audit).toHaveLength(again.audit.length);
    const newIds = await getDatabase()
      .select({ id: observations.id })
      .from(observations)
      .where(and(eq(observations.workspaceId, workspace.id), eq(observations.externalId, "NEW-00000")));
    expect(newIds).toEqual([]);
  }, 300_000);
});
