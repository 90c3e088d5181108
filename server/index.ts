import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { renderMetrics } from "./collab/collab-metrics";
import { startDatabase, stopDatabase } from "./database";
import { DataDirLockedError } from "./database-lock";
import { seedDemoWorkspace } from "./demo/seed-demo-workspace";
import { EnvError, env } from "./env";
import { startEventBus } from "./events/event-bus";
import { startDueForecastNotices } from "./forecasts/notice-due-forecasts";
import { logger } from "./logger";
import { attachSocketServer } from "./realtime/attach-socket-server";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Starts Parallax: database, Next (dev or production build) and Socket.io on one HTTP port. */
// A .env file in the working directory, when present, fills in unset variables; server/env.ts
// then validates the result. (Node's own loader; real environment variables win.)
try {
  process.loadEnvFile(".env");
} catch {
  // No .env file: configuration comes from the environment alone.
}

async function main(): Promise<void> {
  const config = env();
  const log = logger();
  const dev = config.NODE_ENV === "development";

  const database = await startDatabase();
  log.info({ db: database.kind }, "database ready");
  if (config.SEED_DEMO) {
    const demo = await seedDemoWorkspace();
    if (demo) {
      log.info({ workspaceId: demo.workspaceId, assessmentId: demo.assessmentId }, "seeded the demo workspace");
      process.stdout.write(
        `\nDemo workspace "${demo.workspaceName}" created. Sign in at ${config.publicUrl}/sign-in as\n` +
          `  analyst:  ${demo.analyst.email} / ${demo.analyst.password}\n` +
          `  reviewer: ${demo.reviewer.email} / ${demo.reviewer.password}\n\n`,
      );
    }
  }

  // Domain events (e.g. role changes) reach every process through Redis when it is configured.
  const events = await startEventBus(config.REDIS_URL);
  // Owners and reviewers hear of forecasts whose resolve-by day has passed.
  const stopDueForecastNotices = startDueForecastNotices();

  const app = next({ dev, dir: process.cwd(), hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = requestId;
    // Route handlers read the peer address from here (see server/auth/client-ip.ts); a value
    // sent by the client is overwritten so it cannot be spoofed.
    req.headers["x-parallax-remote-addr"] = req.socket.remoteAddress ?? "";
    res.setHeader("x-request-id", requestId);
    if (req.url === "/metrics" && req.method === "GET") {
      // Prometheus scrapes bypass Next: rendering the registry is cheap and needs no session.
      renderMetrics()
        .then(({ contentType, body }) => {
          res.setHeader("content-type", contentType);
          res.end(body);
        })
        .catch((err: unknown) => {
          log.error({ err }, "rendering metrics failed");
          res.statusCode = 500;
          res.end();
        });
      return;
    }
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (req.url?.startsWith("/_next/")) return;
      log.info(
        { reqId: requestId, method: req.method, url: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        "request",
      );
    });
    handle(req, res).catch((err: unknown) => {
      log.error({ err, reqId: requestId }, "request handler failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    });
  });
  // Idle keep-alive connections stay open longer than the clients and proxies reusing them wait
  // (load balancers commonly keep theirs 60 s): with Node's 5 s default, a request sent just as
  // the server closes the idle socket fails with ECONNRESET, which is never retried for a POST
  // (the likely cause of one ECONNRESET in the e2e suite, a POST with no server error logged).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const sockets = await attachSocketServer(server, config);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  log.info({ port, host: config.HOST, dev, db: database.kind }, "parallax listening");
  process.stdout.write(
    `Parallax is running at http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    // A second signal, or a hang past 15 s, forces the exit.
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    // Stop accepting; in-flight requests finish; idle keep-alive connections close.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Commits every update the collaboration server received (and acks it) before the
    // database closes.
    await sockets.close();
    stopDueForecastNotices();
    await events.disconnect();
    await closed;
    await app.close?.().catch(() => {});
    await stopDatabase();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Parallax failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
