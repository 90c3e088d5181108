/**
 * A real collaboration server process for the crash test (server/collab/collab-crash.test.ts):
 * the database of DATA_DIR or DATABASE_URL, Socket.io on an ephemeral port, no Next. With
 * `--seed` it first creates a team, a document and an analyst's API token. It prints one JSON
 * line, `{port, token?, documentId?}`, once it listens, and then runs until it is killed.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startDatabase } from "../../database";
import { env } from "../../env";
import { attachSocketServer } from "../../realtime/attach-socket-server";
import { createTestTeam } from "../../testing/factories";
import { createTestDocument, createTestToken } from "./start-collab-test-server";

async function main(): Promise<void> {
  await startDatabase();
  let seeded: { token: string; documentId: string } | undefined;
  if (process.argv.includes("--seed")) {
    const team = await createTestTeam();
    seeded = { token: await createTestToken(team.analyst), documentId: await createTestDocument(team.workspace.id) };
  }
  const http = createServer();
  await attachSocketServer(http, env());
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port, ...seeded })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
