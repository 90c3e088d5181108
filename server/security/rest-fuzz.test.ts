import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as commentThreads from "@/app/api/v1/assessments/[assessmentId]/comment-threads/route";
import * as judgementReviews from "@/app/api/v1/assessments/[assessmentId]/judgements/[judgementId]/reviews/route";
import * as assessment from "@/app/api/v1/assessments/[assessmentId]/route";
import * as assessmentStatus from "@/app/api/v1/assessments/[assessmentId]/status/route";
import * as signUp from "@/app/api/v1/sign-up/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as workspaceAssessments from "@/app/api/v1/workspaces/[workspaceId]/assessments/route";
import * as invitations from "@/app/api/v1/workspaces/[workspaceId]/invitations/route";
import * as observations from "@/app/api/v1/workspaces/[workspaceId]/observations/route";
import * as workspace from "@/app/api/v1/workspaces/[workspaceId]/route";
import * as sites from "@/app/api/v1/workspaces/[workspaceId]/sites/route";
import * as sources from "@/app/api/v1/workspaces/[workspaceId]/sources/route";
import * as workspaces from "@/app/api/v1/workspaces/route";
import { ERROR_KINDS } from "@/lib/errors";
import { createTestDocument } from "../collab/testing/start-collab-test-server";
import { createTestTeam } from "../testing/factories";
import { createTestBearer } from "../testing/route-test-helpers";
import { databaseFingerprint } from "./testing/database-fingerprint";
import { invokeRoute, type RouteAnswer, type RouteHandler } from "./testing/invoke-route";

// Fuzzes the validation of a representative set of mutating routes: random JSON, fields of the
// wrong type, huge strings, prototype-pollution keys, malformed JSON and wrong content types.
// Never a 5xx; every refusal a 4xx with a JSON error (field messages for validation); a refused
// call changes nothing in the database. A failure prints fast-check's seed and path: put them in
// FUZZ_OPTIONS to replay it.

const FUZZ_OPTIONS = { seed: 20_261_130, numRuns: 70, endOnFailure: true, verbose: 1 } as const;
const BATCH = 4;

interface FuzzRoute {
  name: string;
  handler: RouteHandler;
  params: Record<string, string>;
  /** A valid body: mutating one field of it gets furthest into the validation. */
  valid: Record<string, unknown>;
}

let routes: FuzzRoute[];
let bearer: string;

beforeAll(async () => {
  const team = await createTestTeam();
  bearer = await createTestBearer(team.owner);
  const workspaceId = team.workspace.id;
  const assessmentId = await createTestDocument(workspaceId);
  const route = (name: string, handler: unknown, params: Record<string, string>, valid: Record<string, unknown>) => ({
    name,
    handler: handler as RouteHandler,
    params,
    valid,
  });
  routes = [
    route("POST sign-up", signUp.POST, {}, { email: "fuzz@example.test", name: "Fuzz", password: "a long password 1" }),
    route("POST workspaces", workspaces.POST, {}, { name: "Fuzz desk" }),
    route("PATCH workspace", workspace.PATCH, { workspaceId }, { name: "Desk", requiredApprovals: 1 }),
    route("POST assessments", workspaceAssessments.POST, { workspaceId }, { title: "Rail", tlp: "AMBER" }),
    route("PATCH assessment", assessment.PATCH, { assessmentId }, { title: "Rail logistics" }),
    route("POST status", assessmentStatus.POST, { assessmentId }, { status: "approved" }),
    route("POST observations", observations.POST, { workspaceId }, { summary: "Trains", observedAt: "2024-04-12" }),
    route("POST sources", sources.POST, { workspaceId }, { publisher: "RFA", type: "media", reliability: "C" }),
    route("POST sites", sites.POST, { workspaceId }, { name: "Rajin port", latitude: 42.2, longitude: 130.3 }),
    route("POST comment threads", commentThreads.POST, { assessmentId }, { judgementId: "jdg_key", body: "Why?" }),
    route(
      "POST judgement reviews",
      judgementReviews.POST,
      { assessmentId, judgementId: "jdg_key" },
      { verdict: "approved", comment: "Fine" },
    ),
    route("POST tokens", tokens.POST, {}, { name: "nightly import" }),
    route("POST invitations", invitations.POST, { workspaceId }, { role: "viewer" }),
  ];
});

/** A body as the client sends it: a JSON value, or a string sent verbatim. */
type Body = { json: unknown } | { raw: string };

const hugeString = fc.integer({ min: 1000, max: 1_100_000 }).map((length) => "x".repeat(length));
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hugeString,
  fc.constantFrom(null, -1, 0, 1.5, 2 ** 53, "", " ", "\u0000", "<script>", [], {}, true),
);
const pollutingKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty");

function bodyFor(route: FuzzRoute): fc.Arbitrary<Body> {
  const fields = Object.keys(route.valid);
  const oneWrongField = fc
    .tuple(fc.oneof(fc.constantFrom(...fields), pollutingKey, fc.string({ maxLength: 12 })), wrongValue)
    .map(([key, value]) => ({ json: { ...route.valid, [key]: value } }));
  // JSON.parse makes "__proto__" an own key; a spread or assignment would not.
  const polluted = fc.tuple(pollutingKey, fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => ({
    raw: `{${JSON.stringify(key)}:{"polluted":${JSON.stringify(value)}},${JSON.stringify(route.valid).slice(1)}`,
  }));
  const malformed = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.nat().map((cut) => {
      const text = JSON.stringify(route.valid);
      return text.slice(0, cut % text.length);
    }),
    fc.constantFrom("", " ", "null", "[]", "\ufeff{}", "{", '{"a":1,}', "NaN", "1e999", '"text"', "\u0000"),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })) },
    { weight: 4, arbitrary: oneWrongField },
    { weight: 1, arbitrary: polluted },
    { weight: 2, arbitrary: malformed.map((raw) => ({ raw })) },
  );
}

const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "",
);

interface FuzzCall {
  route: FuzzRoute;
  body: Body;
  contentType: string | undefined;
  /** A malformed path parameter instead of the real one. */
  badParam: string | undefined;
}

function fuzzCall(): fc.Arbitrary<FuzzCall> {
  return fc.nat(routes.length - 1).chain((index) => {
    const route = routes[index] as FuzzRoute;
    return fc.record({
      route: fc.constant(route),
      body: bodyFor(route),
      contentType,
      badParam: fc.option(fc.oneof(fc.constantFrom("not-a-uuid", "", "0", randomUUID()), fc.string()), {
        freq: 8,
        nil: undefined,
      }),
    });
  });
}

async function send(call: FuzzCall): Promise<RouteAnswer> {
  const { route } = call;
  const params = Object.fromEntries(
    Object.entries(route.params).map(([name, value], index) => [
      name,
      index === 0 && call.badParam !== undefined ? call.badParam : value,
    ]),
  );
  const headers: Record<string, string> = { authorization: `Bearer ${bearer}` };
  if (call.contentType !== undefined) headers["content-type"] = call.contentType;
  const body = "raw" in call.body ? call.body.raw : JSON.stringify(call.body.json);
  if (!("content-type" in headers)) headers["content-type"] = "application/json";
  return invokeRoute(route.handler, {
    method: route.name.split(" ")[0] as string,
    path: "/api/v1/fuzz",
    params,
    headers,
    body,
  });
}

function describeCall(call: FuzzCall, answer: RouteAnswer): string {
  const body = "raw" in call.body ? call.body.raw : JSON.stringify(call.body.json);
  return `${call.route.name} [${call.contentType}] ${body.slice(0, 200)} -> ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
}

describe("REST validation fuzzing", () => {
  it("answers hostile bodies with a 4xx JSON error and changes nothing", async () => {
    let baseline = await databaseFingerprint();
    const statuses: Record<number, number> = {};
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzCall(), { minLength: 1, maxLength: BATCH }), async (batch) => {
        let changed = false;
        for (const call of batch) {
          const answer = await send(call);
          calls += 1;
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          const label = describeCall(call, answer);
          expect(answer.status, label).toBeLessThan(500);
          expect(({} as Record<string, unknown>).polluted, label).toBeUndefined();
          if (answer.status < 300) {
            changed = true;
            continue;
          }
          expect(answer.status, label).toBeGreaterThanOrEqual(400);
          const error = answer.body?.error;
          expect(typeof error?.code, label).toBe("string");
          expect(typeof error?.message, label).toBe("string");
          const kind = String(error.code).split(":")[0] as keyof typeof ERROR_KINDS;
          expect(ERROR_KINDS[kind], label).toBe(answer.status);
          if (error.code === "bad_request:validation" || error.code === "bad_request:json") {
            expect(Object.keys(error.fields ?? {}).length, label).toBeGreaterThan(0);
          }
        }
        // Refused calls change nothing; a batch with an accepted call sets a new baseline.
        const now = await databaseFingerprint();
        if (!changed)
          expect(now, `refused calls changed the database: ${batch.map((c) => c.route.name)}`).toEqual(baseline);
        baseline = now;
      }),
      FUZZ_OPTIONS,
    );
    expect(calls).toBeGreaterThan(120);
    expect(statuses[400]).toBeGreaterThan(40);
  });
});
