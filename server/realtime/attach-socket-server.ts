import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { authenticateHandshake } from "../auth/session";
import type { Env } from "../env";
import { logger } from "../logger";

export interface SocketServer {
  io: Server;
  close: () => Promise<void>;
}

/**
 * Attaches Socket.io to the HTTP server. Every connection is authenticated in `io.use` from the
 * handshake (session cookie or Bearer token) before any handler runs. With REDIS_URL the Redis
 * adapter lets several processes share rooms.
 */
export async function attachSocketServer(httpServer: HttpServer, config: Env): Promise<SocketServer> {
  const io = new Server(httpServer, {
    path: "/socket.io",
    transports: ["websocket"],
    maxHttpBufferSize: 1024 * 1024,
    cors: { origin: config.publicUrl, credentials: true },
  });
  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const actor = await authenticateHandshake({
        cookieHeader: socket.handshake.headers.cookie,
        authorization: socket.handshake.headers.authorization,
        token: typeof auth?.token === "string" ? auth.token : undefined,
      });
      if (!actor) return next(new Error("unauthorized"));
      socket.data.actor = actor;
      next();
    } catch (error) {
      logger().error({ err: error }, "socket handshake failed");
      next(new Error("unavailable"));
    }
  });

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

  return {
    io,
    close: async () => {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(redisClients.map((client) => client.quit().catch(() => {})));
    },
  };
}
