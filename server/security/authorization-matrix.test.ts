import { readFileSync } from "node:fs";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLAB_CLIENT_EVENTS, COLLAB_NAMESPACE } from "@/lib/collab/protocol";
import { ERROR_KINDS, type ErrorKind } from "@/lib/errors";
import { LIBRARY_CLIENT_EVENTS, LIBRARY_NAMESPACE } from "@/lib/realtime/library-protocol";
import { NOTIFICATIONS_CLIENT_EVENTS, NOTIFICATIONS_NAMESPACE } from "@/lib/realtime/notifications-protocol";
import {
  type CollabTestServer,
  createTestDocument,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import {
  REST_AUTHORIZATION,
  type RestRule,
  ruleLabel,
  SOCKET_AUTHORIZATION,
  type SocketRule,
} from "./authorization-matrix";
import { ACTOR_KINDS, type ActorKind, type Outcomes, type RestOutcome, type SocketOutcome } from "./matrix-outcomes";
import { matrixSectionOf, normalizeMarkdown, renderAuthorizationMatrix } from "./render-authorization-matrix";
import { type CrossTeamProbe, crossTeamProbe } from "./testing/cross-team-probes";
import { databaseFingerprint } from "./testing/database-fingerprint";
import { invokeRoute, type RouteAnswer } from "./testing/invoke-route";
import { createMatrixWorld, type MatrixWorld } from "./testing/matrix-world";
import { type CellRequest, fillPath } from "./testing/rest-case";
import { ACCOUNT_CASES } from "./testing/rest-cases-account";
import { ASSESSMENT_CASES } from "./testing/rest-cases-assessments";
import { FORECAST_CASES } from "./testing/rest-cases-forecasts";
import { LIBRARY_CASES } from "./testing/rest-cases-library";
import { loadRouteModules, type RouteModule } from "./testing/route-modules";
import { connectAs, observe, runSocketEvent, type SocketScene } from "./testing/socket-cells";

// Calls every cell of the authorization matrix (server/security/authorization-matrix.ts): each
// REST route handler in-process and each Socket.io event on a real server, as every kind of
// caller, and checks the exact outcome. Refused calls go first and must leave the database as it
// was; allowed calls that change something work on records of their own.

type ProbeResult = { expected: CrossTeamProbe["expected"]; got: RestOutcome };

const CASES = { ...ACCOUNT_CASES, ...LIBRARY_CASES, ...ASSESSMENT_CASES, ...FORECAST_CASES };
const RESERVED_SOCKET_EVENTS = new Set(["connect", "connect_error", "disconnect", "disconnecting", "error"]);

let world: MatrixWorld;
let routes: RouteModule[];

beforeAll(async () => {
  routes = await loadRouteModules();
  world = await createMatrixWorld();
}, 120_000);

/** What an answer means in the matrix's terms. */
function restOutcome(answer: RouteAnswer): RestOutcome {
  if (answer.status >= 200 && answer.status < 300) return { allowed: true, status: answer.status as 200 };
  const location = answer.headers.get("location");
  if (answer.status === 302 && location) {
    const url = new URL(location, "http://localhost");
    return { allowed: false, status: 302, location: url.pathname + url.search };
  }
  return { allowed: false, status: answer.status, code: answer.body?.error?.code };
}

/**
 * Runs a row's cells, refused ones first, and returns what each caller got. The database must be
 * the same after the refused calls as before them.
 */
async function runCells<O extends { allowed: boolean }>(
  expected: Outcomes<O>,
  call: (kind: ActorKind, allowed: boolean) => Promise<O>,
): Promise<Outcomes<O>> {
  const observed: Partial<Outcomes<O>> = {};
  const refusedKinds = ACTOR_KINDS.filter((kind) => !expected[kind].allowed);
  const before = await databaseFingerprint();
  for (const kind of refusedKinds) observed[kind] = await call(kind, false);
  expect(await databaseFingerprint(), "refused calls changed the database").toEqual(before);
  for (const kind of ACTOR_KINDS.filter((kind) => expected[kind].allowed)) observed[kind] = await call(kind, true);
  return observed as Outcomes<O>;
}

/** Sends a cell's request as `kind` to the row's handler. */
async function sendRest(rule: RestRule, kind: ActorKind, request: CellRequest): Promise<RestOutcome> {
  const handler = routes.find((route) => route.path === rule.path)?.handlers[rule.method];
  if (!handler) throw new Error(`no handler for ${ruleLabel(rule)}`);
  const params = request.params ?? {};
  const answer = await invokeRoute(handler, {
    method: rule.method,
    path: fillPath(rule.path, params) + (request.query ?? ""),
    params,
    headers: { ...world.credentials[kind].headers, ...request.headers },
    body: request.body,
  });
  await request.after?.();
  return restOutcome(answer);
}

/** Calls one REST cell; for the other team's member also the cross-workspace probe of the row, if any. */
async function callRest(rule: RestRule, kind: ActorKind, allowed: boolean, probes: ProbeResult[]) {
  const prepare = CASES[ruleLabel(rule)];
  if (!prepare) throw new Error(`no case for ${ruleLabel(rule)}`);
  const request = await prepare({ world, kind, actor: world.actors[kind], allowed });
  const outcome = await sendRest(rule, kind, request);
  const probe = kind === "outsider" && !allowed ? crossTeamProbe(rule, request, world) : null;
  if (probe) probes.push({ expected: probe.expected, got: await sendRest(rule, kind, probe.request) });
  return outcome;
}

describe("the authorization matrix", () => {
  it("has a row for every method every app/**/route.ts exports, and none for a route that does not exist", () => {
    const served = routes.flatMap((route) => Object.keys(route.handlers).map((method) => `${method} ${route.path}`));
    const covered = new Set(REST_AUTHORIZATION.map((rule) => `${rule.method} ${rule.path}`));
    expect(served.length, "no route modules found").toBeGreaterThan(50);
    expect([...covered].sort()).toEqual(served.sort());
  });

  it("knows how to call every REST row, each row once", () => {
    const labels = REST_AUTHORIZATION.map(ruleLabel);
    expect(new Set(labels).size).toBe(labels.length);
    expect(Object.keys(CASES).sort()).toEqual([...labels].sort());
  });

  it("has a row for every event a client may send on every namespace", () => {
    const events = (namespace: string) =>
      SOCKET_AUTHORIZATION.filter((rule) => rule.namespace === namespace && rule.event !== "connect").map(
        (rule) => rule.event,
      );
    expect(new Set(events(COLLAB_NAMESPACE))).toEqual(new Set(COLLAB_CLIENT_EVENTS));
    expect(new Set(events(LIBRARY_NAMESPACE))).toEqual(new Set(LIBRARY_CLIENT_EVENTS));
    expect(new Set(events(NOTIFICATIONS_NAMESPACE))).toEqual(new Set(NOTIFICATIONS_CLIENT_EVENTS));
  });

  it("is what docs/security.md shows", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/security.md"), "utf8");
    const section = matrixSectionOf(doc);
    expect(section, "docs/security.md lacks the generated matrix").not.toBeNull();
    expect(
      normalizeMarkdown(section ?? ""),
      "docs/security.md is out of date: run node --import tsx server/security/write-security-doc.ts",
    ).toBe(normalizeMarkdown(renderAuthorizationMatrix()));
  });
});

describe("REST routes", () => {
  for (const rule of REST_AUTHORIZATION) {
    it(ruleLabel(rule), async () => {
      const probes: ProbeResult[] = [];
      const observed = await runCells(rule.outcomes, (kind, allowed) => callRest(rule, kind, allowed, probes));
      expect(observed).toEqual(rule.outcomes);
      for (const { expected, got } of probes) {
        const code = expected === "not_found" ? expect.stringMatching(/^not_found:/) : expected;
        expect(got, "another team's member named this team's records from their own workspace").toEqual({
          allowed: false,
          status: expected === "not_found" ? 404 : ERROR_KINDS[expected.split(":")[0] as ErrorKind],
          code,
        });
      }
    });
  }
});

describe("Socket.io events", () => {
  let server: CollabTestServer;
  let scene: SocketScene;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startCollabTestServer();
    const documentId = await createTestDocument(world.team.workspaceId);
    const observer = await observe(server.url, world.credentials.owner, documentId);
    sockets.push(observer.socket);
    scene = { documentId, workspaceId: world.team.workspaceId, observer };
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.close();
  });

  async function callSocket(rule: SocketRule, kind: ActorKind): Promise<SocketOutcome> {
    const connection = await connectAs(server.url, rule.namespace, world.credentials[kind]);
    if ("connectError" in connection) return { allowed: false, connectError: connection.connectError };
    try {
      return await runSocketEvent(rule, connection.socket, scene);
    } finally {
      connection.socket.close();
    }
  }

  it("the server has exactly the matrix's namespaces, each handling exactly the matrix's events", async () => {
    const namespaces = [...new Set(SOCKET_AUTHORIZATION.map((rule) => rule.namespace))].sort();
    expect([...server.sockets.io._nsps.keys()].sort()).toEqual(namespaces);
    for (const namespace of namespaces) {
      const connection = await connectAs(server.url, namespace, world.credentials.owner);
      if (!("socket" in connection)) throw new Error(`refused on ${namespace}: ${connection.connectError}`);
      sockets.push(connection.socket);
      const serverSide = server.sockets.io.of(namespace).sockets.get(connection.socket.id ?? "");
      const handled = (serverSide?.eventNames() ?? []).map(String).filter((name) => !RESERVED_SOCKET_EVENTS.has(name));
      const inMatrix = SOCKET_AUTHORIZATION.filter((rule) => rule.namespace === namespace && rule.event !== "connect");
      expect({ namespace, events: [...new Set(handled)].sort() }).toEqual({
        namespace,
        events: [...new Set(inMatrix.map((rule) => rule.event))].sort(),
      });
    }
  });

  for (const rule of SOCKET_AUTHORIZATION) {
    it(ruleLabel(rule), async () => {
      const observed = await runCells(rule.outcomes, (kind) => callSocket(rule, kind));
      expect(observed).toEqual(rule.outcomes);
    });
  }
});
