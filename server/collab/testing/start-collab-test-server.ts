import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getDatabase } from "@/db/client";
import { assessments } from "@/db/schema";
import type { Actor } from "../../auth/actor";
import { env } from "../../env";
import {
  type AttachSocketServerOptions,
  attachSocketServer,
  type SocketServer,
} from "../../realtime/attach-socket-server";
import { createApiToken } from "../../tokens/create-api-token";

export interface CollabTestServer {
  /** Base URL (http://127.0.0.1:<port>); clients connect to `${url}/collab`. */
  url: string;
  sockets: SocketServer;
  /** Graceful stop (flushes). */
  close: () => Promise<void>;
  /** Simulated crash: connections and uncommitted updates are dropped. */
  crash: () => Promise<void>;
}

export interface StartCollabTestServerOptions extends AttachSocketServerOptions {
  /** Enables the Redis relay, event-free: each test server is its own "process". */
  redisUrl?: string;
}

/** The real Socket.io + collaboration server on an ephemeral port, on the test file's database. */
export async function startCollabTestServer(options: StartCollabTestServerOptions = {}): Promise<CollabTestServer> {
  const http = createServer();
  const config = { ...env(), REDIS_URL: options.redisUrl };
  const sockets = await attachSocketServer(http, config, {
    insertRows: options.insertRows,
    eventBus: options.eventBus,
    collab: { contentDelayMs: 20, ...options.collab },
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  let stopped = false;
  const stop = async (crash: boolean) => {
    if (stopped) return;
    stopped = true;
    if (crash) await sockets.collab.crash();
    await sockets.close();
    http.closeAllConnections();
  };
  return { url: `http://127.0.0.1:${port}`, sockets, close: () => stop(false), crash: () => stop(true) };
}

/** A fresh API token secret for `actor` (the way scripts authenticate). */
export async function createTestToken(actor: Actor): Promise<string> {
  const { secret } = await createApiToken({ actor, name: "collab test" });
  return secret;
}

/** A new assessment (its id is the document id) in `workspaceId`. */
export async function createTestDocument(workspaceId: string): Promise<string> {
  const [row] = await getDatabase()
    .insert(assessments)
    .values({ workspaceId, title: "Collaboration test" })
    .returning({ id: assessments.id });
  if (!row) throw new Error("insert into assessments returned no row");
  return row.id;
}
