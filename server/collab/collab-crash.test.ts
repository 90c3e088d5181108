import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getDatabaseHandle } from "@/db/client";
import { CollabTestClient } from "./testing/collab-test-client";
import { appendParagraph, documentText } from "./testing/collab-test-helpers";

interface Child {
  process: ChildProcess;
  info: { port: number; token?: string; documentId?: string };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

// A separate server process on the same durable store as its successor: the test file's
// PostgreSQL database, or (on PGlite) a data directory on disk, which is what a real crash
// must not lose.
const dataDir = mkdtempSync(path.join(tmpdir(), "parallax-crash-"));

function startChild(seed: boolean): Promise<Child> {
  const url = getDatabaseHandle().url;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/collab/testing/crash-child.ts", ...(seed ? ["--seed"] : [])],
    {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: url ?? "", LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    child.stderr?.on("data", (chunk) => {
      errors += chunk;
    });
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const line = output.split("\n")[0];
      if (output.includes("\n") && line) resolve({ process: child, info: JSON.parse(line) });
    });
    child.once("exit", (code) => reject(new Error(`crash child exited with ${code}: ${errors}`)));
  });
}

function killHard(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.process.once("exit", () => resolve());
    child.process.kill("SIGKILL");
  });
}

describe("a real server process killed with SIGKILL", () => {
  it("loses no acknowledged update", async () => {
    const first = await startChild(true);
    const { token, documentId } = first.info;
    if (!token || !documentId) throw new Error("the child did not seed");
    const writer = await CollabTestClient.connect(`http://127.0.0.1:${first.info.port}`, { token });
    const entry = await writer.join(documentId);
    for (let index = 0; index < 40; index += 1) {
      appendParagraph(entry.doc, `acked ${index}`);
      if (index % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await writer.settled(documentId);
    expect(entry.acks.length).toBeGreaterThan(0);
    expect(entry.acks.every((ack) => ack.ok)).toBe(true);
    // More edits in flight at the moment of the kill: they may or may not be durable.
    for (let index = 0; index < 10; index += 1) appendParagraph(entry.doc, `in flight ${index}`);
    await killHard(first);
    writer.close();

    const second = await startChild(false);
    const reader = await CollabTestClient.connect(`http://127.0.0.1:${second.info.port}`, { token });
    const reloaded = await reader.join(documentId);
    const lines = documentText(reloaded.doc).split("\n");
    for (let index = 0; index < 40; index += 1) expect(lines).toContain(`acked ${index}`);
    reader.close();
  }, 120_000);
});
