import { io, type Socket } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { NotificationsConnection, type NotificationsSignal } from "@/lib/realtime/notifications-connection";
import {
  NOTIFICATIONS_NAMESPACE,
  type NotificationsChangedPayload,
  type NotificationsClientToServerEvents,
  type NotificationsServerToClientEvents,
} from "@/lib/realtime/notifications-protocol";
import type { Actor } from "../auth/actor";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { createCommentThread } from "../comments/create-comment-thread";
import { markAllNotificationsRead } from "../notifications/mark-all-notifications-read";
import { createTestTeam } from "../testing/factories";
import { createApiToken } from "../tokens/create-api-token";
import { revokeApiToken } from "../tokens/revoke-api-token";
import { NOTIFICATIONS_EVENTS_PER_SECOND } from "./attach-notifications-server";

type TestSocket = Socket<NotificationsServerToClientEvents, NotificationsClientToServerEvents>;

let server: CollabTestServer;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  server = await startCollabTestServer();
  return () => server.close();
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Resolves once `check` holds, checked now and whenever `subscribe`'s callback fires (no sleeps). */
function until(subscribe: (wake: () => void) => void, check: () => boolean, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`condition not met within ${ms} ms`)), ms);
    const wake = () => {
      if (!check()) return;
      clearTimeout(timer);
      resolve();
    };
    subscribe(wake);
    wake();
  });
}

/** A raw `/notifications` client recording what it receives. */
async function connect(options: { token?: string }) {
  const socket: TestSocket = io(`${server.url}${NOTIFICATIONS_NAMESPACE}`, {
    transports: ["websocket"],
    parser: msgpackParser,
    auth: options.token ? { token: options.token } : {},
    reconnection: false,
    forceNew: true,
  });
  cleanups.push(() => socket.disconnect());
  const received: NotificationsChangedPayload[] = [];
  const wakers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...wakers]) wake();
  };
  socket.on("notifications:changed", (payload) => {
    received.push(payload);
    wakeAll();
  });
  socket.on("disconnect", wakeAll);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, received, until: (check: () => boolean) => until((wake) => wakers.add(wake), check) };
}

/** Base64 of a Yjs relative position, as the editor sends a comment's anchor. */
function anchor(index: number): string {
  const text = new Y.Doc().getText("default");
  text.insert(0, "Rail cars at the depot");
  return Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString("base64");
}

/** `author` starts a thread on a new assessment, @mentioning `mentioned`. */
async function mention(author: Actor, workspaceId: string, mentioned: Actor) {
  const assessmentId = await createTestDocument(workspaceId);
  await createCommentThread({
    actor: author,
    assessmentId,
    input: { anchorStart: anchor(0), anchorEnd: anchor(9), body: "Look at this", mentionIds: [mentioned.id] },
  });
}

describe("live notifications", () => {
  it("tells each connection about its own user's notifications only", async () => {
    const team = await createTestTeam();
    const reviewer = await connect({ token: await createTestToken(team.reviewer) });
    const reviewerAgain = await connect({ token: await createTestToken(team.reviewer) });
    const viewer = await connect({ token: await createTestToken(team.viewer) });

    await mention(team.analyst, team.workspace.id, team.reviewer);
    await reviewer.until(() => reviewer.received.length === 1);
    await reviewerAgain.until(() => reviewerAgain.received.length === 1);
    expect(reviewer.received[0]).toEqual({ at: expect.any(String) });

    // The viewer's own change arrives after the reviewer's would have: it got that one only.
    await mention(team.analyst, team.workspace.id, team.viewer);
    await viewer.until(() => viewer.received.length === 1);
    expect(reviewer.received).toHaveLength(1);

    // Reading in one tab tells the user's other tabs.
    await markAllNotificationsRead({ actor: team.reviewer });
    await reviewerAgain.until(() => reviewerAgain.received.length === 2);
    expect(viewer.received).toHaveLength(1);
  });

  it("refuses connections without a session or token", async () => {
    await expect(connect({})).rejects.toThrow("unauthorized");
    await expect(connect({ token: "plx_not-a-real-token" })).rejects.toThrow("unauthorized");
  });

  it("ends a connection when the API token that opened it is revoked", async () => {
    const team = await createTestTeam();
    const { token, secret } = await createApiToken({ actor: team.reviewer, name: "bell" });
    const client = await connect({ token: secret });
    const other = await connect({ token: await createTestToken(team.reviewer) });
    await revokeApiToken({ actor: team.reviewer, tokenId: token.id });
    await client.until(() => client.socket.disconnected);
    expect(other.socket.connected).toBe(true);
  });

  it("disconnects a client that floods the namespace with events it does not have", async () => {
    const team = await createTestTeam();
    const client = await connect({ token: await createTestToken(team.viewer) });
    for (let i = 0; i < NOTIFICATIONS_EVENTS_PER_SECOND * 2 + 5; i += 1) {
      (client.socket.emit as (...args: unknown[]) => void)("notifications:changed", { at: "forged" });
    }
    await client.until(() => client.socket.disconnected);
  });

  it("reconnects after the server drops it and tells listeners to refetch", async () => {
    const team = await createTestTeam();
    const signals: NotificationsSignal[] = [];
    const wakers = new Set<() => void>();
    const connection = new NotificationsConnection({
      url: server.url,
      token: await createTestToken(team.reviewer),
      backoff: { minMs: 10, maxMs: 50 },
    });
    cleanups.push(() => connection.destroy());
    connection.subscribe((signal) => {
      signals.push(signal);
      for (const wake of [...wakers]) wake();
    });
    const wait = (check: () => boolean) => until((wake) => wakers.add(wake), check);
    await wait(() => signals.length === 1);

    server.sockets.io.of(NOTIFICATIONS_NAMESPACE).disconnectSockets(true);
    await wait(() => signals.length === 2);
    await mention(team.analyst, team.workspace.id, team.reviewer);
    await wait(() => signals.length === 3);
    expect(signals).toEqual(["connected", "connected", "changed"]);
  });
});
