import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a freshly migrated PGlite database (absent when tests run on PostgreSQL). */
    pgliteTemplate: string | undefined;
  }
}

/**
 * Vitest global setup of the integration tests: on PGlite, migrates one database and dumps it
 * to a file once per run, so each test file loads a fresh copy instead of running initdb and
 * every migration again (seconds per file on two cores).
 */
export default async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL) {
    project.provide("pgliteTemplate", undefined);
    return;
  }
  const handle = await openDatabase({});
  try {
    await migrateDatabase(handle);
    const dump = await handle.dumpDataDir?.();
    if (!dump) throw new Error("PGlite handle without dumpDataDir");
    const file = path.join(tmpdir(), `parallax-pglite-template-${process.pid}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplate", file);
  } finally {
    await handle.close();
  }
}

/** The migrated template as a Blob for `openDatabase({ loadDataDir })`. */
export function readPgliteTemplate(file: string): Blob {
  return new Blob([readFileSync(file)]);
}
