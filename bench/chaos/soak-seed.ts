/**
 * Seeds the soak's database in a short-lived process (PGlite allows one process per data
 * directory, so the server cannot start until this one has closed it):
 *   node --import tsx bench/chaos/soak-seed.ts <users> <documents>
 * Migrates, creates one workspace with `users` analysts (an API token each) and `documents`
 * empty assessments, sends `{type: "prepared", seed}` over IPC and exits.
 */

import { createTestDocument } from "@/server/collab/testing/start-collab-test-server";
import { startDatabase, stopDatabase } from "@/server/database";
import { createTestApiToken, createTestUser, createTestWorkspace } from "@/server/testing/factories";
import { exitWithError, type PeerMessage } from "../peer-ipc";

/** What the soak's clients connect with. */
export interface SoakSeed {
  /** One API token secret per analyst; client i uses token i modulo their number. */
  tokens: string[];
  documents: string[];
}

async function seed(users: number, documents: number): Promise<SoakSeed> {
  await startDatabase();
  const owner = await createTestUser({ name: "Soak Owner" });
  const workspace = await createTestWorkspace(owner, "Chaos soak");
  const tokens: string[] = [];
  for (let index = 0; index < users; index += 1) {
    const user = await createTestUser({ name: `Soak Analyst ${index + 1}`, workspace, role: "analyst" });
    tokens.push(await createTestApiToken(user, "soak"));
  }
  const ids: string[] = [];
  for (let index = 0; index < documents; index += 1) ids.push(await createTestDocument(workspace.id));
  await stopDatabase();
  return { tokens, documents: ids };
}

const [users = "1", documents = "1"] = process.argv.slice(2);
seed(Number(users), Number(documents)).then((result) => {
  // Exit only once the message is out: an exit right after send() can drop it.
  process.send?.({ type: "prepared", seed: result } satisfies PeerMessage, () => process.exit(0));
}, exitWithError);
