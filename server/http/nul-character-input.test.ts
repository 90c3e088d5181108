import { describe, expect, it } from "vitest";
import * as reviewsRoute from "@/app/api/v1/assessments/[assessmentId]/judgements/[judgementId]/reviews/route";
import * as searchRoute from "@/app/api/v1/search/route";
import * as assessmentsRoute from "@/app/api/v1/workspaces/[workspaceId]/assessments/route";
import * as importRoute from "@/app/api/v1/workspaces/[workspaceId]/evidence/import/route";
import * as observationsRoute from "@/app/api/v1/workspaces/[workspaceId]/observations/route";
import * as sitesRoute from "@/app/api/v1/workspaces/[workspaceId]/sites/route";
import { createSiteAction } from "@/app/w/[workspaceId]/library/sites/actions";
import { importLibraryAction } from "@/app/w/[workspaceId]/library/transfer/actions";
import { IDLE_STATE } from "@/components/forms/action-state";
import { NUL_CHARACTER_KEY_MESSAGE, NUL_CHARACTER_MESSAGE } from "@/lib/nul-character";
import { assessmentWithJudgement, commentApi, tokensOf } from "../comments/comment-test-helpers";
import { databaseFingerprint } from "../security/testing/database-fingerprint";
import { createTestSource } from "../testing/evidence-factories";
import { callRoute, createTestSessionCookie, inRequestScope } from "../testing/route-test-helpers";
import { verifyCredentials } from "../users/verify-credentials";

// PostgreSQL text and jsonb cannot hold U+0000. Each way text gets in must refuse it with a field
// message and change nothing (or, for a search query, drop it), never fail with a 500.

const NUL = "\u0000";

/** A team with an assessment holding judgement `jdg_key`, a library source, and owner credentials. */
async function setUp() {
  const team = await assessmentWithJudgement();
  const { owner } = await tokensOf({ owner: team.owner });
  const source = await createTestSource(team.owner, team.workspace.id, { externalId: "S1" });
  const cookie = await createTestSessionCookie(team.owner);
  return { ...team, workspaceId: team.workspace.id, token: owner, source, cookie };
}

/** Expects a refusal naming exactly `fields`, each with the NUL message, and no change to any table. */
async function expectRefused(
  call: () => Promise<{ status: number; body: { error?: { fields?: Record<string, string[]> } } }>,
  fields: Record<string, string>,
) {
  const before = await databaseFingerprint();
  const answer = await call();
  expect(answer.status).toBe(400);
  expect(answer.body.error?.fields).toEqual(Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, [m]])));
  expect(await databaseFingerprint()).toEqual(before);
}

describe("a NUL character in input", () => {
  it("is refused in JSON bodies at the exact field, nested fields included", async () => {
    const t = await setUp();
    const post = (handler: typeof sitesRoute.POST, body: unknown) =>
      callRoute(handler, { method: "POST", params: { workspaceId: t.workspaceId }, token: t.token, body });

    await expectRefused(
      () => commentApi.create(t.assessmentId, t.token, { judgementId: "jdg_key", body: `nul${NUL}here` }),
      {
        body: NUL_CHARACTER_MESSAGE,
      },
    );
    await expectRefused(() => post(assessmentsRoute.POST, { title: `Nul${NUL}title` }), {
      title: NUL_CHARACTER_MESSAGE,
    });
    await expectRefused(
      () =>
        post(sitesRoute.POST, { name: `Nul${NUL}site`, latitude: 42.2, longitude: 130.3, coordinatePrecision: "town" }),
      {
        name: NUL_CHARACTER_MESSAGE,
      },
    );
    const observation = {
      summary: "About 50 rail cars",
      observed: { precision: "day", date: "2024-04-12" },
      credibility: 2,
      sourceIds: [{ id: t.source.id, attributedTo: `The White${NUL} House` }],
    };
    await expectRefused(() => post(observationsRoute.POST, observation), {
      "sourceIds.0.attributedTo": NUL_CHARACTER_MESSAGE,
    });

    // Without the NUL the same requests succeed.
    expect((await post(assessmentsRoute.POST, { title: "Nul title" })).status).toBe(201);
    expect((await commentApi.create(t.assessmentId, t.token, { judgementId: "jdg_key", body: "ok" })).status).toBe(201);
  });

  it("is dropped from a search query, which still finds what was meant", async () => {
    const t = await setUp();
    await callRoute(assessmentsRoute.POST, {
      method: "POST",
      params: { workspaceId: t.workspaceId },
      token: t.token,
      body: { title: "Tikhoretsk railhead" },
    });
    const answer = await callRoute(searchRoute.GET, {
      path: `/api/v1/search?q=railhead%00&workspaceId=${t.workspaceId}`,
      token: t.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.hits.map((hit: { title: string }) => hit.title)).toContain("Tikhoretsk railhead");
  });

  it("is refused in a query string filter and in a route segment", async () => {
    const t = await setUp();
    await expectRefused(
      () =>
        callRoute(observationsRoute.GET, {
          path: `/api/v1/workspaces/${t.workspaceId}/observations?q=rail%00`,
          params: { workspaceId: t.workspaceId },
          token: t.token,
        }),
      { q: NUL_CHARACTER_MESSAGE },
    );
    await expectRefused(
      () =>
        callRoute(reviewsRoute.POST, {
          method: "POST",
          params: { assessmentId: t.assessmentId, judgementId: `jdg_key${NUL}` },
          token: t.token,
          body: { verdict: "approved" },
        }),
      { judgementId: NUL_CHARACTER_MESSAGE },
    );
  });

  it("is refused in an imported CSV or JSON file, naming the record's field", async () => {
    const t = await setUp();
    const csv = `id,date,date_precision,summary,source_ids\r\nOBS-1,2024-04-12,day,About 50${NUL} rail cars,S1\r\n`;
    await expectRefused(
      () =>
        callRoute(importRoute.POST, {
          method: "POST",
          params: { workspaceId: t.workspaceId },
          token: t.token,
          headers: { "content-type": "text/csv" },
          body: csv,
        }),
      { "observations.0.summary": NUL_CHARACTER_MESSAGE },
    );
    const json = {
      observations: [
        {
          id: "OBS-1",
          date: "2024-04-12",
          date_precision: "day",
          summary: "About 50 rail cars",
          source_ids: ["S1"],
          source_attributions: { [`S1${NUL}`]: "The White House" },
        },
      ],
    };
    await expectRefused(
      () =>
        callRoute(importRoute.POST, {
          method: "POST",
          params: { workspaceId: t.workspaceId },
          token: t.token,
          body: json,
        }),
      { [`observations.0.source_attributions.S1${NUL}`]: NUL_CHARACTER_KEY_MESSAGE },
    );
  });

  it("is refused by the forms (server actions) with a message at the field", async () => {
    const t = await setUp();
    const headers = new Headers({ cookie: t.cookie });
    const before = await databaseFingerprint();

    const site = new FormData();
    site.set("name", `Rajin${NUL} port`);
    site.set("latitude", "42.2");
    site.set("longitude", "130.3");
    site.set("coordinatePrecision", "town");
    const siteState = await inRequestScope(headers, () => createSiteAction(t.workspaceId, IDLE_STATE, site));
    expect(siteState).toMatchObject({ status: "error" });
    expect(siteState.fields).toEqual({ name: [NUL_CHARACTER_MESSAGE] });

    const upload = new FormData();
    const csv = `id,date,date_precision,summary,source_ids\nOBS-1,2024-04-12,day,Rail${NUL},S1\n`;
    upload.set("file", new File([csv], "observations.csv", { type: "text/csv" }));
    const importState = await inRequestScope(headers, () => importLibraryAction(t.workspaceId, IDLE_STATE, upload));
    expect(importState).toMatchObject({
      status: "error",
      fields: { "observations.0.summary": [NUL_CHARACTER_MESSAGE] },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("in a sign-in email is a clear refusal, not a database failure", async () => {
    const before = await databaseFingerprint();
    await expect(verifyCredentials({ email: `ana${NUL}@example.test`, password: "whatever" })).rejects.toMatchObject({
      code: "bad_request:credentials",
      fields: { email: [NUL_CHARACTER_MESSAGE] },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
