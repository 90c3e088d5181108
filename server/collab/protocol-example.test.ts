import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTeam } from "../testing/factories";
import { documentText, storedDocument } from "./testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "./testing/start-collab-test-server";

const run = promisify(execFile);
let server: CollabTestServer;
let directory: string;

beforeAll(async () => {
  server = await startCollabTestServer();
  // The example from docs/protocol.md, run as the plain Node script a reader would save.
  const markdown = readFileSync(path.resolve("docs/protocol.md"), "utf8");
  const example = /```js\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!example) throw new Error("docs/protocol.md has no ```js example");
  directory = mkdtempSync(path.join(tmpdir(), "parallax-example-"));
  symlinkSync(path.resolve("node_modules"), path.join(directory, "node_modules"));
  writeFileSync(path.join(directory, "append-paragraph.mjs"), example);
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("the example client in docs/protocol.md", () => {
  it("appends a paragraph to a document with an API token", async () => {
    const team = await createTestTeam();
    const documentId = await createTestDocument(team.workspace.id);
    const { stdout } = await run(
      process.execPath,
      [path.join(directory, "append-paragraph.mjs"), documentId, "Written by a script."],
      {
        env: {
          NODE_ENV: "test",
          PATH: process.env.PATH,
          PARALLAX_URL: server.url,
          PARALLAX_TOKEN: await createTestToken(team.analyst),
        },
      },
    );
    expect(stdout.trim()).toBe("saved");
    expect(documentText(await storedDocument(documentId))).toBe("Written by a script.");
  });
});
