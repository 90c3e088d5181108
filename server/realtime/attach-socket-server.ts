import type { Server as HttpServer } from "node:http";
import { type ExtendedError, Server, type Socket } from "socket.io";
import msgpackParser from "socket.io-msgpack-parser";
import { COLLAB_NAMESPACE } from "@/lib/collab/protocol";
import { authenticateHandshake } from "../auth/session";
import { type CollabConfig, collabConfigFromEnv } from "../collab/collab-config";
import type { CollabNamespace } from "../collab/collab-types";
import { type CollabServer, createCollabServer } from "../collab/create-collab-server";
import type { InsertUpdateRows } from "../collab/insert-update-rows";
import type { Env } from "../env";
import { type EventBus, getEventBus } from "../events/event-bus";
import { isTrustedOrigin } from "../http/check-origin";
import { logger } from "../logger";
import { attachLibraryServer } from "./attach-library-server";
import { attachNotificationsServer } from "./attach-notifications-server";

export interface SocketServer {
  io: Server;
  collab: CollabServer;
  /** Graceful stop: the collaboration server commits what it received, then sockets close. */
  close: () => Promise<void>;
}

export interface AttachSocketServerOptions {
  /** Overrides of the collaboration settings derived from `config` (tests). */
  collab?: Partial<CollabConfig>;
  /** Writer of update batches (tests inject database outages). */
  insertRows?: InsertUpdateRows;
  /** Where live library changes come from (default: the process-wide bus; scale-out tests give each server its own). */
  eventBus?: EventBus;
}

/**
 * Authenticates a connection from its handshake (Bearer token in `auth.token` or the
 * Authorization header, else the session cookie, which only counts from our own Origin) before
 * any handler runs or anything is
 * allocated for it.
 */
async function authenticateSocket(socket: Socket, next: (err?: ExtendedError) => void): Promise<void> {
  try {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const actor = await authenticateHandshake({
      cookieHeader: socket.handshake.headers.cookie,
      authorization: socket.handshake.headers.authorization,
      token: typeof auth?.token === "string" ? auth.token : undefined,
    });
    if (!actor) return next(new Error("unauthorized"));
    // A WebSocket is not subject to CORS: any page may open one to us, and the browser attaches
    // the session cookie. Only our own pages may use the cookie (tokens are not sent by browsers).
    if (actor.via === "session" && !isTrustedOrigin({ origin: socket.handshake.headers.origin })) {
      return next(new Error("forbidden:origin"));
    }
    socket.data.actor = actor;
    next();
  } catch (error) {
    logger().error({ err: error }, "socket handshake failed");
    next(new Error("unavailable"));
  }
}

/**
 * Attaches Socket.io to the HTTP server: WebSocket only, msgpack parser (a binary Yjs message
 * is one frame, not a JSON frame plus an attachment), the `/collab` namespace of the
 * collaboration server, the `/library` namespace of live evidence-library changes and the
 * `/notifications` namespace of live notification counts. With
 * REDIS_URL the Redis adapter lets several processes share rooms.
 */
export async function attachSocketServer(
  httpServer: HttpServer,
  config: Env,
  options: AttachSocketServerOptions = {},
): Promise<SocketServer> {
  const collabConfig = collabConfigFromEnv(config, options.collab);
  const io = new Server(httpServer, {
    path: "/socket.io",
    transports: ["websocket"],
    parser: msgpackParser,
    // Frames up to twice the message limit are read and answered with `message_too_large` while
    // the connection stays up; only larger ones make the transport drop the connection.
    maxHttpBufferSize: collabConfig.maxMessageBytes * 2 + 64 * 1024,
    cors: { origin: config.publicUrl, credentials: true },
  });
  io.use(authenticateSocket);
  // Namespace middleware is separate from `io.use`: a client connecting only to /collab never
  // passes through the main namespace's.
  const namespace = io.of(COLLAB_NAMESPACE) as unknown as CollabNamespace;
  namespace.use(authenticateSocket);

  const redisClients: { quit: () => Promise<unknown> }[] = [];
  if (config.REDIS_URL) {
    const [{ createClient }, { createAdapter }] = await Promise.all([
      import("redis"),
      import("@socket.io/redis-adapter"),
    ]);
    const pub = createClient({ url: config.REDIS_URL });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on("error", (err) => logger().error({ err }, "redis error"));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    redisClients.push(pub, sub);
    logger().info("socket.io redis adapter enabled");
  }
  const collab = await createCollabServer({ namespace, config: collabConfig, insertRows: options.insertRows });
  const stopLibrary = attachLibraryServer({
    io,
    authenticate: authenticateSocket,
    bus: options.eventBus ?? getEventBus(),
  });
  const stopNotifications = attachNotificationsServer({
    io,
    authenticate: authenticateSocket,
    bus: options.eventBus ?? getEventBus(),
  });

  return {
    io,
    collab,
    close: async () => {
      stopLibrary();
      stopNotifications();
      await collab.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((client) => client.quit().catch(() => {})));
    },
  };
}
