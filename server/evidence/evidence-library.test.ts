import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as retractRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/[observationId]/retract/route";
import * as observationRevisionsRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/[observationId]/revisions/route";
import * as observationRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/[observationId]/route";
import * as observationsRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/route";
import * as siteRoute from "@/app/api/v1/workspaces/[workspaceId]/sites/[siteId]/route";
import * as sitesRoute from "@/app/api/v1/workspaces/[workspaceId]/sites/route";
import * as sourceRoute from "@/app/api/v1/workspaces/[workspaceId]/sources/[sourceId]/route";
import * as sourcesRoute from "@/app/api/v1/workspaces/[workspaceId]/sources/route";
import { getDatabase } from "@/db/client";
import { observations, sources } from "@/db/schema";
import { callRoute } from "../testing/call-route";
import { createTestApiToken, createTestTeam, createTestUser, createTestWorkspace } from "../testing/factories";
import { createObservation } from "./create-observation";
import { createSite } from "./create-site";
import { createSource } from "./create-source";
import { listEvidenceRevisions } from "./list-evidence-revisions";
import { listObservations } from "./list-observations";
import { updateObservation } from "./update-observation";

const CSIS = { publisher: "CSIS Beyond Parallel", type: "think_tank_analysis", reliability: "B" } as const;

/** A team with a source and a site, and the Tikhoretsk February observation citing them. */
async function createLibrary() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const source = await createSource({
    actor: team.analyst,
    workspaceId,
    input: { ...CSIS, reliabilityRationale: "Imagery analysts" },
  });
  const site = await createSite({
    actor: team.analyst,
    workspaceId,
    input: { name: "Tikhoretsk depot", latitude: 45.85, longitude: 40.13, coordinatePrecision: "town", country: "RU" },
  });
  const observation = await createObservation({
    actor: team.analyst,
    workspaceId,
    input: {
      summary: "About 60 rail cars at the Tikhoretsk depot",
      siteId: site.id,
      observed: { precision: "month", month: "2024-02" },
      quantities: [{ metric: "rail_cars", value: 60, approximate: true }],
      credibility: 2,
      sourceIds: [source.id],
    },
  });
  return { ...team, workspaceId, source, site, observation };
}

describe("evidence library", () => {
  it("creates, reads and lists sources, sites and observations with grades and dates", async () => {
    const { workspaceId, viewer, observation, source, site } = await createLibrary();
    expect(observation).toMatchObject({
      revision: 1,
      credibility: 2,
      site: { id: site.id, name: "Tikhoretsk depot" },
      observed: { precision: "month", month: "2024-02", start: "2024-02-01", end: "2024-02-29" },
      quantities: [{ metric: "rail_cars", value: 60, unit: null, approximate: true }],
      sources: [{ id: source.id, reliability: "B" }],
      retraction: null,
      createdBy: { name: "Ana Analyst" },
    });
    const token = await createTestApiToken(viewer);
    const listed = await callRoute(observationsRoute.GET, {
      path: `/api/v1/workspaces/${workspaceId}/observations?q=rail`,
      params: { workspaceId },
      bearer: token,
    });
    expect(listed.body.map((o: { id: string }) => o.id)).toEqual([observation.id]);
    const sites = await callRoute(sitesRoute.GET, { path: "/", params: { workspaceId }, bearer: token });
    expect(sites.body).toMatchObject([{ name: "Tikhoretsk depot", coordinatePrecision: "town" }]);
    const response = await sourceRoute.GET(
      new Request("http://localhost/", { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ workspaceId, sourceId: source.id }) },
    );
    expect(response.headers.get("etag")).toBe('"1"');
    expect(await response.json()).toMatchObject({ publisher: "CSIS Beyond Parallel", reliability: "B" });
  });

  it("keeps every revision and answers a stale edit with 409 and the current version", async () => {
    const { workspaceId, analyst, owner, observation } = await createLibrary();
    const analystToken = await createTestApiToken(analyst);
    const ownerToken = await createTestApiToken(owner);
    const patch = (bearer: string, json: unknown) =>
      callRoute(observationRoute.PATCH, {
        method: "PATCH",
        path: "/",
        params: { workspaceId, observationId: observation.id },
        bearer,
        json,
      });
    // Both editors opened revision 1; the owner saves first.
    const first = await patch(ownerToken, { revision: 1, credibility: 3 });
    expect(first).toMatchObject({ status: 200, body: { revision: 2, credibility: 3 } });
    const second = await patch(analystToken, { revision: 1, summary: "About 50 rail cars" });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: "conflict:observation_revision",
      current: {
        id: observation.id,
        revision: 2,
        credibility: 3,
        summary: "About 60 rail cars at the Tikhoretsk depot",
      },
    });
    const missing = await patch(analystToken, { summary: "No revision" });
    expect(missing).toMatchObject({ status: 400, body: { error: { fields: { revision: [expect.any(String)] } } } });
    // Revisions start at 1: a 0 is refused with a message that says so, not one about whole numbers.
    const zero = await patch(analystToken, { revision: 0, summary: "Revision zero" });
    expect(zero).toMatchObject({
      status: 400,
      body: { error: { fields: { revision: ["The revision must be a whole number from 1: the one you edited."] } } },
    });

    const retried = await patch(analystToken, { revision: 2, summary: "About 50 rail cars" });
    expect(retried.body).toMatchObject({ revision: 3, summary: "About 50 rail cars", credibility: 3 });
    const history = await listEvidenceRevisions({
      actor: analyst,
      workspaceId,
      kind: "observation",
      recordId: observation.id,
    });
    expect(history.map((r) => [r.revision, r.action, r.by?.name])).toEqual([
      [3, "updated", "Ana Analyst"],
      [2, "updated", "Olivia Owner"],
      [1, "created", "Ana Analyst"],
    ]);
    expect(history[2]?.snapshot).toMatchObject({
      summary: "About 60 rail cars at the Tikhoretsk depot",
      credibility: 2,
    });
    const viaRoute = await callRoute(observationRevisionsRoute.GET, {
      path: "/",
      params: { workspaceId, observationId: observation.id },
      bearer: analystToken,
    });
    expect(viaRoute.body).toHaveLength(3);
  });

  it("honours If-Match and refuses concurrent saves of the same revision", async () => {
    const { workspaceId, analyst, owner, source } = await createLibrary();
    const token = await createTestApiToken(analyst);
    const request = (etag: string, json: unknown) =>
      sourceRoute.PATCH(
        new Request("http://localhost/", {
          method: "PATCH",
          headers: { authorization: `Bearer ${token}`, "if-match": etag, "content-type": "application/json" },
          body: JSON.stringify(json),
        }),
        { params: Promise.resolve({ workspaceId, sourceId: source.id }) },
      );
    const ok = await request('"1"', { reliability: "A" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"2"');
    expect((await request('W/"1"', { reliability: "C" })).status).toBe(409);
    // Two saves racing from revision 2: exactly one wins, the other sees 409.
    const { updateSource } = await import("./update-source");
    const results = await Promise.allSettled([
      updateSource({ actor: analyst, workspaceId, sourceId: source.id, input: { revision: 2, descriptor: "analyst" } }),
      updateSource({ actor: owner, workspaceId, sourceId: source.id, input: { revision: 2, descriptor: "owner" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.status),
    ).toEqual([409]);
    const [row] = await getDatabase().select().from(sources).where(eq(sources.id, source.id));
    expect(row).toMatchObject({ revision: 3, reliability: "A" });
  });

  it("checks a site's coordinates together with the stored ones when one field changes", async () => {
    const { workspaceId, analyst, site } = await createLibrary();
    const token = await createTestApiToken(analyst);
    const patch = (json: unknown) =>
      callRoute(siteRoute.PATCH, {
        method: "PATCH",
        path: "/",
        params: { workspaceId, siteId: site.id },
        bearer: token,
        json,
      });
    const halfCleared = await patch({ revision: 1, latitude: null });
    expect(halfCleared).toMatchObject({
      status: 400,
      body: { error: { fields: { latitude: ["Give both latitude and longitude, or neither."] } } },
    });
    const moved = await patch({ revision: 1, latitude: 45.86, coordinatePrecision: "approx_1km" });
    expect(moved.body).toMatchObject({
      revision: 2,
      latitude: 45.86,
      longitude: 40.13,
      coordinatePrecision: "approx_1km",
    });
  });

  it("retracts an observation with a reason and keeps it visible, marked, and no longer editable", async () => {
    const { workspaceId, analyst, viewer, observation } = await createLibrary();
    const token = await createTestApiToken(analyst);
    const retracted = await callRoute(retractRoute.POST, {
      method: "POST",
      path: "/",
      params: { workspaceId, observationId: observation.id },
      bearer: token,
      json: { reason: "Imagery date was misread" },
    });
    expect(retracted).toMatchObject({
      status: 200,
      body: { revision: 2, retraction: { reason: "Imagery date was misread", by: { name: "Ana Analyst" } } },
    });
    const listed = await listObservations({ actor: viewer, workspaceId });
    expect(listed).toMatchObject([{ id: observation.id, retraction: { reason: "Imagery date was misread" } }]);
    expect(await listObservations({ actor: viewer, workspaceId, status: "active" })).toEqual([]);
    await expect(
      updateObservation({
        actor: analyst,
        workspaceId,
        observationId: observation.id,
        input: { revision: 2, credibility: 1 },
      }),
    ).rejects.toMatchObject({ code: "conflict:observation_retracted" });
    const again = await callRoute(retractRoute.POST, {
      method: "POST",
      path: "/",
      params: { workspaceId, observationId: observation.id },
      bearer: token,
      json: { reason: "twice" },
    });
    expect(again.status).toBe(409);
  });

  it("lets reviewers and viewers read but not write (403), and hides other workspaces (404)", async () => {
    const { workspaceId, reviewer, viewer, observation, source } = await createLibrary();
    for (const actor of [reviewer, viewer]) {
      const token = await createTestApiToken(actor);
      const created = await callRoute(sourcesRoute.POST, {
        method: "POST",
        path: "/",
        params: { workspaceId },
        bearer: token,
        json: CSIS,
      });
      expect(created).toMatchObject({ status: 403, body: { error: { code: "forbidden:evidence" } } });
      const retract = await callRoute(retractRoute.POST, {
        method: "POST",
        path: "/",
        params: { workspaceId, observationId: observation.id },
        bearer: token,
        json: { reason: "no" },
      });
      expect(retract.status).toBe(403);
      const read = await callRoute(observationRoute.GET, {
        path: "/",
        params: { workspaceId, observationId: observation.id },
        bearer: token,
      });
      expect(read.status).toBe(200);
    }
    const outsider = await createTestUser();
    const elsewhere = await createTestWorkspace(outsider);
    const outsiderToken = await createTestApiToken(outsider);
    const foreign = await callRoute(sourceRoute.GET, {
      path: "/",
      params: { workspaceId, sourceId: source.id },
      bearer: outsiderToken,
    });
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: "not_found:source" } } });
    // The outsider's own workspace does not have this observation either.
    const viaOwn = await callRoute(observationRoute.PATCH, {
      method: "PATCH",
      path: "/",
      params: { workspaceId: elsewhere.id, observationId: observation.id },
      bearer: outsiderToken,
      json: { revision: 1, summary: "x" },
    });
    expect(viaOwn).toMatchObject({ status: 404, body: { error: { code: "not_found:observation" } } });
    // Citing another workspace's source is refused with a field message.
    await expect(
      createObservation({
        actor: outsider,
        workspaceId: elsewhere.id,
        input: {
          summary: "x",
          observed: { precision: "day", date: "2024-01-01" },
          credibility: 3,
          sourceIds: [source.id],
        },
      }),
    ).rejects.toMatchObject({
      code: "bad_request:validation",
      fields: { "sourceIds.0": ["No source of this workspace has this id."] },
    });
    const unknown = await callRoute(siteRoute.GET, {
      path: "/",
      params: { workspaceId, siteId: "42" },
      bearer: outsiderToken,
    });
    expect(unknown.status).toBe(404);
  });

  it("answers bad input with 400 field messages and writes nothing", async () => {
    const { workspaceId, analyst, source } = await createLibrary();
    const token = await createTestApiToken(analyst);
    const post = (json: unknown) =>
      callRoute(observationsRoute.POST, { method: "POST", path: "/", params: { workspaceId }, bearer: token, json });
    const before = await getDatabase().select().from(observations).where(eq(observations.workspaceId, workspaceId));
    const bad = await post({
      summary: " ",
      observed: { precision: "day", date: "2999-01-01" },
      quantities: [{ metric: "rail_cars", value: "fifty" }],
      credibility: 7,
      sourceIds: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      summary: ["Summarise what was observed."],
      "observed.date": ["The observed date cannot be in the future."],
      "quantities.0.value": ["The quantity must be a number."],
      credibility: ["Grade information credibility 1 to 6 (6: truth cannot be judged)."],
      sourceIds: ["Cite at least one source."],
    });
    const impossible = await post({
      summary: "x",
      observed: { precision: "day", date: "2024-02-30" },
      credibility: 2,
      sourceIds: [source.id],
    });
    expect(impossible.body.error.fields).toEqual({ "observed.date": ["The observed date is not a real date."] });
    const wrongPrecision = await post({
      summary: "x",
      observed: { precision: "day", date: "2024-02" },
      credibility: 2,
      sourceIds: [source.id],
    });
    expect(wrongPrecision.body.error.fields).toEqual({ "observed.date": ["Enter the observed date as YYYY-MM-DD."] });
    const backwards = await post({
      summary: "x",
      observed: { precision: "range", start: "2024-03-01", end: "2024-02-01" },
      credibility: 2,
      sourceIds: [source.id],
    });
    expect(backwards.body.error.fields).toEqual({ "observed.end": ["The range must not end before it starts."] });
    const badGrade = await callRoute(sourcesRoute.POST, {
      method: "POST",
      path: "/",
      params: { workspaceId },
      bearer: token,
      json: { ...CSIS, reliability: "G", publishedOn: "2024-13" },
    });
    expect(badGrade.body.error.fields).toEqual({
      reliability: ["Grade source reliability A to F (F: reliability cannot be judged)."],
      publishedOn: ["Enter the published date as YYYY, YYYY-MM or YYYY-MM-DD (a real date)."],
    });
    const halfCoordinates = await callRoute(sitesRoute.POST, {
      method: "POST",
      path: "/",
      params: { workspaceId },
      bearer: token,
      json: { name: "Somewhere", latitude: 45 },
    });
    expect(halfCoordinates.body.error.fields).toEqual({
      longitude: ["Give both latitude and longitude, or neither."],
      coordinatePrecision: ["Say how precise the coordinates are."],
    });
    const after = await getDatabase().select().from(observations).where(eq(observations.workspaceId, workspaceId));
    expect(after).toHaveLength(before.length);
    expect(await getDatabase().select().from(sources).where(eq(sources.workspaceId, workspaceId))).toHaveLength(1);
  });

  it("keeps a site's facts with their sources and a source's found-in trail, citing only this workspace's sources", async () => {
    const { workspaceId, analyst, source, site } = await createLibrary();
    const token = await createTestApiToken(analyst);
    const other = await createLibrary();
    const patchSite = (json: unknown) =>
      callRoute(siteRoute.PATCH, {
        method: "PATCH",
        path: "/",
        params: { workspaceId, siteId: site.id },
        bearer: token,
        json,
      });
    const foreign = await patchSite({ revision: 1, facts: [{ text: "About 2.6 km2", sourceIds: [other.source.id] }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ "facts.0.sourceIds.0": ["No source of this workspace has this id."] });
    const saved = await patchSite({ revision: 1, facts: [{ text: "About 2.6 km2", sourceIds: [source.id] }] });
    expect(saved.status).toBe(200);
    expect(saved.body.facts).toEqual([{ text: "About 2.6 km2", sourceIds: [source.id] }]);
    // Another change keeps the facts.
    const renamed = await patchSite({ revision: 2, name: "Tikhoretsk munitions depot" });
    expect(renamed.body.facts).toEqual([{ text: "About 2.6 km2", sourceIds: [source.id] }]);

    const found = await callRoute(sourceRoute.PATCH, {
      method: "PATCH",
      path: "/",
      params: { workspaceId, sourceId: source.id },
      bearer: token,
      json: { revision: 1, foundIn: ["https://www.verkkouutiset.fi/a/example/"] },
    });
    expect(found.body.foundIn).toEqual(["https://www.verkkouutiset.fi/a/example/"]);
  });

  it("refuses non-web URLs, impossible source dates, negative counts and a second source with the same URL", async () => {
    const { workspaceId, analyst, source } = await createLibrary();
    const token = await createTestApiToken(analyst);
    const postSource = (json: unknown) =>
      callRoute(sourcesRoute.POST, { method: "POST", path: "/", params: { workspaceId }, bearer: token, json });
    const urlMessage = ["The URL must be a web address starting with http:// or https://."];
    for (const url of ["javascript:alert(1)", "htp:/broken url with spaces", "www.reuters.com/x"]) {
      const refused = await postSource({ ...CSIS, url });
      expect([refused.status, refused.body.error.fields]).toEqual([400, { url: urlMessage }]);
    }
    const badDates = await postSource({ ...CSIS, publishedOn: "0001", foundIn: ["javascript:alert(1)"] });
    expect(badDates.body.error.fields).toEqual({
      publishedOn: ["The published date cannot be before 1800."],
      "foundIn.0": ["A found-in address must be a web address starting with http:// or https://."],
    });
    const retrievedEarly = await postSource({ ...CSIS, publishedOn: "2024-05-01", retrievedOn: "2024-04-01" });
    expect(retrievedEarly.body.error.fields).toEqual({
      retrievedOn: ["The retrieved date cannot be before the published date (2024-05-01)."],
    });
    // To the published date's precision: retrieved in the month it was published is fine.
    const reuters = { publisher: "Reuters", type: "media", reliability: "B", title: "Same" } as const;
    const first = await postSource({
      ...reuters,
      url: "https://www.reuters.com/x",
      publishedOn: "2024-05",
      retrievedOn: "2024-05-01",
    });
    expect(first.status).toBe(201);
    const twice = await postSource({ ...reuters, url: "https://www.reuters.com/x" });
    expect([twice.status, twice.body.error.fields]).toEqual([
      409,
      { url: ["This URL is already in the library as Reuters, “Same”: cite that source instead."] },
    ]);
    const moved = await callRoute(sourceRoute.PATCH, {
      method: "PATCH",
      path: "/",
      params: { workspaceId, sourceId: source.id },
      bearer: token,
      json: { revision: 1, url: "https://www.reuters.com/x" },
    });
    expect(moved.status).toBe(409);

    const postObservation = (quantities: unknown) =>
      callRoute(observationsRoute.POST, {
        method: "POST",
        path: "/",
        params: { workspaceId },
        bearer: token,
        json: {
          summary: "x",
          observed: { precision: "month", month: "2024-04" },
          credibility: 2,
          sourceIds: [source.id],
          quantities,
        },
      });
    const negative = await postObservation([{ metric: "ammo", value: -5, unit: "t" }]);
    expect(negative.body.error.fields).toEqual({
      "quantities.0.value": ["ammo cannot be negative; to record a decrease, name the metric ammo_change."],
    });
    expect((await postObservation([{ metric: "rail_cars_change", value: -10 }])).status).toBe(201);
    const stored = await getDatabase().select().from(sources).where(eq(sources.workspaceId, workspaceId));
    expect(stored).toHaveLength(2);
  });
});
