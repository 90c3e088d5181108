import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { LibraryConnection } from "@/lib/realtime/library-connection";
import type { LibraryChange } from "@/lib/realtime/library-protocol";
import type { Actor } from "../auth/actor";
import {
  type CollabTestServer,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { createSource } from "../evidence/create-source";
import { retractObservation } from "../evidence/retract-observation";
import { removeMember } from "../members/remove-member";
import { createTestObservation, createTestSource } from "../testing/evidence-factories";
import { createTestTeam, createTestUser } from "../testing/factories";
import { LIBRARY_EVENTS_PER_SECOND } from "./attach-library-server";
import { LibraryTestClient } from "./testing/library-test-client";

let server: CollabTestServer;
const clients: { close: () => void }[] = [];
beforeAll(async () => {
  server = await startCollabTestServer();
  return () => server.close();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

async function connect(actor: Actor): Promise<LibraryTestClient> {
  const client = await LibraryTestClient.connect(server.url, await createTestToken(actor));
  clients.push(client);
  return client;
}

/** A team whose library has one source, so observations can cite it. */
async function createLibrary() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const source = await createTestSource(team.analyst, workspaceId);
  const observe = (summary: string) =>
    createTestObservation(team.analyst, workspaceId, {
      summary,
      observed: { precision: "day", date: "2024-04-12" },
      credibility: 2,
      sourceIds: [source.id],
    });
  return { ...team, workspaceId, source, observe };
}

describe("live library updates", () => {
  it("tells watching members about created and retracted observations", async () => {
    const library = await createLibrary();
    const viewer = await connect(library.viewer);
    expect(await viewer.watch(library.workspaceId.toUpperCase())).toEqual({ ok: true });

    const observation = await library.observe("About 50 rail cars at the Tikhoretsk depot");
    await viewer.until(() => viewer.changesOf(observation.id).length === 1);
    expect(viewer.changesOf(observation.id)).toEqual([
      { workspaceId: library.workspaceId, kind: "observation", recordId: observation.id },
    ]);

    await retractObservation({
      actor: library.analyst,
      workspaceId: library.workspaceId,
      observationId: observation.id,
      reason: "Imagery misread",
    });
    await viewer.until(() => viewer.changesOf(observation.id).length === 2);

    // After unwatching, changes stop; a second watcher shows that one was announced.
    const owner = await connect(library.owner);
    expect(await owner.watch(library.workspaceId)).toEqual({ ok: true });
    expect(await viewer.unwatch(library.workspaceId)).toEqual({ ok: true });
    const later = await library.observe("About 60 rail cars at the Tikhoretsk depot");
    await owner.until(() => owner.changesOf(later.id).length === 1);
    expect(viewer.changesOf(later.id)).toEqual([]);
  });

  it("refuses non-members and bad payloads without dropping the connection", async () => {
    const library = await createLibrary();
    const stranger = await connect(await createTestUser({ name: "Sam Stranger" }));
    const member = await connect(library.analyst);
    expect(await stranger.watch(library.workspaceId)).toMatchObject({
      ok: false,
      error: { code: "not_found:workspace" },
    });
    expect(await stranger.watch("not-a-workspace")).toMatchObject({
      ok: false,
      error: { code: "not_found:workspace" },
    });

    const bad = await stranger.socket
      .timeout(5000)
      .emitWithAck("library:watch", { workspaceId: 42 } as unknown as { workspaceId: string });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: "bad_request:library_watch", fields: { workspaceId: [expect.any(String)] } },
    });
    // No ack function at all, and garbage arguments: nothing to answer, and nothing breaks.
    (stranger.socket.emit as (...args: unknown[]) => void)("library:watch", "garbage", 1, null);
    (stranger.socket.emit as (...args: unknown[]) => void)("library:unwatch");

    expect(await member.watch(library.workspaceId)).toEqual({ ok: true });
    const observation = await library.observe("At least 10,000 containers shipped");
    await member.until(() => member.changesOf(observation.id).length === 1);
    expect(stranger.changes).toEqual([]);
    expect(stranger.socket.connected).toBe(true);
    // The server still answers the same connection.
    expect(await stranger.unwatch(library.workspaceId)).toEqual({ ok: true });
  });

  it("answers a client that floods library:watch with rate_limited, without querying for each", async () => {
    const library = await createLibrary();
    const client = await connect(library.viewer);
    const results = await Promise.all(Array.from({ length: 40 }, () => client.watch(library.workspaceId)));
    const codes = results.map((result) => (result.ok ? "ok" : result.error.code));
    // Bursts of twice the sustained rate pass; the rest are refused.
    expect(codes.filter((code) => code === "ok").length).toBeGreaterThanOrEqual(LIBRARY_EVENTS_PER_SECOND * 2);
    expect(codes).toContain("rate_limited:library");
    expect(new Set(codes)).toEqual(new Set(["ok", "rate_limited:library"]));
    expect(client.socket.connected).toBe(true);
  });

  it("stops sending to a member once they are removed from the workspace", async () => {
    const library = await createLibrary();
    const analyst = await connect(library.analyst);
    const owner = await connect(library.owner);
    expect(await analyst.watch(library.workspaceId)).toEqual({ ok: true });
    expect(await owner.watch(library.workspaceId)).toEqual({ ok: true });

    await removeMember({ actor: library.owner, workspaceId: library.workspaceId, userId: library.analyst.id });
    await analyst.until(() => analyst.revoked.length === 1);
    expect(analyst.revoked).toEqual([library.workspaceId]);

    const source = await createSource({
      actor: library.owner,
      workspaceId: library.workspaceId,
      input: { publisher: "White House", type: "official_statement", reliability: "B" },
    });
    await owner.until(() => owner.changesOf(source.id).length === 1);
    expect(analyst.changesOf(source.id)).toEqual([]);
    expect(await analyst.watch(library.workspaceId)).toMatchObject({
      ok: false,
      error: { code: "not_found:workspace" },
    });
  });

  it("re-watches after a reconnection and reports the gap as a library-wide change", async () => {
    // The first watch reports one too: a view that loaded the library while the connection was
    // opening would otherwise miss a record created in between (seen in the e2e citation test).
    const library = await createLibrary();
    const received: LibraryChange[] = [];
    let watches = 0;
    const waiters = new Set<() => void>();
    const connection = new LibraryConnection({
      url: server.url,
      token: await createTestToken(library.viewer),
      backoff: { minMs: 10, maxMs: 50 },
      onWatched: (_workspaceId, result) => {
        if (result.ok) watches += 1;
        for (const waiter of [...waiters]) waiter();
      },
    });
    clients.push({ close: () => connection.destroy() });
    const until = (check: () => boolean) =>
      new Promise<void>((resolve) => {
        const waiter = () => {
          if (!check()) return;
          waiters.delete(waiter);
          resolve();
        };
        waiters.add(waiter);
        waiter();
      });
    connection.subscribe(library.workspaceId, (change) => {
      received.push(change);
      for (const waiter of [...waiters]) waiter();
    });
    await until(() => watches === 1);
    expect(received).toEqual([{ kind: "library", catchUp: true }]);

    const first = await library.observe("Rail cars before the drop");
    await until(() => received.some((change) => change.recordId === first.id));

    // The server drops every library connection (e.g. a restart behind a load balancer).
    server.sockets.io.of("/library").disconnectSockets(true);
    await until(() => received.filter((change) => change.kind === "library").length === 2);
    expect(watches).toBe(2);
    const second = await library.observe("Rail cars after the reconnection");
    await until(() => received.some((change) => change.recordId === second.id));
    expect(received).toEqual([
      { kind: "library", catchUp: true },
      { kind: "observation", recordId: first.id },
      { kind: "library", catchUp: true },
      { kind: "observation", recordId: second.id },
    ]);
  });
});
