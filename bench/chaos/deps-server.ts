/**
 * The server process `npm run chaos:deps` runs while it stops PostgreSQL or Redis under it: the
 * real `attachSocketServer` (Socket.io + the collaboration server) and, as `server/index.ts` does,
 * the domain-event bus on REDIS_URL, without Next. `GET /health` answers with the health route
 * itself (app/api/health/route.ts), so the runner sees what a load balancer would see; Next only
 * adds pages around it.
 *
 * Usage: `deps-server.ts [--seed]`. With `--seed` it first creates a workspace, an analyst with an
 * API token and an assessment. Once it listens it prints one line `CHAOS-READY {port, pid,
 * token?, documentId?}` on stdout (pino's JSON log lines share stdout), and runs until killed.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as Y from "yjs";
import { GET as health } from "@/app/api/health/route";
import { createTestDocument } from "@/server/collab/testing/start-collab-test-server";
import { startDatabase } from "@/server/database";
import { env } from "@/server/env";
import { startEventBus } from "@/server/events/event-bus";
import { logger } from "@/server/logger";
import { attachSocketServer } from "@/server/realtime/attach-socket-server";
import { createTestApiToken, createTestTeam } from "@/server/testing/factories";

const READY_PREFIX = "CHAOS-READY ";

async function main(): Promise<void> {
  const config = env();
  await startDatabase();
  let seeded: { token: string; documentId: string } | undefined;
  if (process.argv.includes("--seed")) {
    const team = await createTestTeam();
    seeded = {
      token: await createTestApiToken(team.analyst, "chaos deps"),
      documentId: await createTestDocument(team.workspace.id),
    };
  }
  await startEventBus(config.REDIS_URL);
  let sockets: Awaited<ReturnType<typeof attachSocketServer>> | undefined;
  const http = createServer((req, res) => {
    const debug = /^\/debug\/document\/([0-9a-f-]{36})$/.exec(req.url ?? "");
    if (debug?.[1] && sockets) {
      // What this process holds of a document, for explaining a run that did not converge.
      const live = sockets.collab.registry.get(debug[1]);
      const room = live ? sockets.io.of("/collab").adapter.rooms.get(live.room) : undefined;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          loaded: Boolean(live),
          destroyed: live?.destroyed,
          roomSize: room?.size ?? 0,
          pendingStructs: live ? live.doc.store.pendingStructs !== null : null,
          pendingDs: live ? live.doc.store.pendingDs !== null : null,
          pendingMissing: live?.doc.store.pendingStructs
            ? Object.fromEntries(live.doc.store.pendingStructs.missing)
            : null,
          stateVector: live ? Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(live.doc))) : null,
          floor: live?.cursor.floor,
        }),
      );
      return;
    }
    if (req.url !== "/health") {
      res.statusCode = 404;
      res.end();
      return;
    }
    health()
      .then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(await response.text());
      })
      .catch((err: unknown) => {
        logger().error({ err }, "health check failed");
        res.statusCode = 500;
        res.end();
      });
  });
  sockets = await attachSocketServer(http, config);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(0, "127.0.0.1", resolve);
  });
  const { port } = http.address() as AddressInfo;
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ port, pid: process.pid, ...seeded })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
