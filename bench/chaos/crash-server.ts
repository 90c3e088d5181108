/**
 * The server process `npm run chaos:crash` kills with SIGKILL: the real `attachSocketServer`
 * (Socket.io + the collaboration server, production configuration) on the database of DATA_DIR or
 * DATABASE_URL, without Next, like server/collab/testing/crash-child.ts. Next serves pages only,
 * and a production `server/index.ts` needs a `next build` and seconds per start; this restarts in
 * about a second and runs the same collaboration code on the same store.
 *
 * Usage: `crash-server.ts --port N [--seed-users N --seed-documents N] [--seed-only]`. With
 * `--seed-*` it first creates a workspace, that many analysts with API tokens and that many
 * assessments. Once it listens it prints one JSON line, `{port, pid, tokens?, documents?}`, and
 * runs until killed. With `--seed-only` it prints `{tokens, documents}` after seeding, closes the
 * database (releasing the PGlite data directory) and exits: `--server full` seeds this way before
 * starting server/index.ts, which seeds nothing of its own.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDocument } from "@/server/collab/testing/start-collab-test-server";
import { startDatabase, stopDatabase } from "@/server/database";
import { env } from "@/server/env";
import { attachSocketServer } from "@/server/realtime/attach-socket-server";
import { createTestApiToken, createTestUser, createTestWorkspace } from "@/server/testing/factories";

/** What the first start of the server hands the chaos runner. */
export interface CrashSeed {
  tokens: string[];
  documents: string[];
}

function numberArg(name: string): number {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? 0 : Number(process.argv[index + 1] ?? 0);
}

async function seed(users: number, documents: number): Promise<CrashSeed> {
  const owner = await createTestUser({ name: "Chaos Owner" });
  const workspace = await createTestWorkspace(owner, "Chaos");
  const tokens: string[] = [];
  for (let index = 0; index < users; index += 1) {
    const user = await createTestUser({ name: `Chaos Analyst ${index + 1}`, workspace, role: "analyst" });
    tokens.push(await createTestApiToken(user, "chaos"));
  }
  const ids: string[] = [];
  for (let index = 0; index < documents; index += 1) ids.push(await createTestDocument(workspace.id));
  return { tokens, documents: ids };
}

async function main(): Promise<void> {
  await startDatabase();
  const users = numberArg("seed-users");
  const seeded = users > 0 ? await seed(users, Math.max(1, numberArg("seed-documents"))) : undefined;
  if (process.argv.includes("--seed-only")) {
    await stopDatabase();
    // Exit explicitly: nothing else may keep the process (and the data directory) alive.
    process.stdout.write(`${JSON.stringify({ pid: process.pid, ...seeded })}\n`, () => process.exit(0));
    return;
  }
  const http = createServer();
  await attachSocketServer(http, env());
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(numberArg("port"), "127.0.0.1", resolve);
  });
  const { port } = http.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port, pid: process.pid, ...seeded })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
