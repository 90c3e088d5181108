import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export interface TestTemplates {
  /** A dump of a freshly migrated PGlite database (tests on PGlite). */
  pglite?: string;
  /** A migrated PostgreSQL database to copy (`create database … template`), tests on PostgreSQL. */
  postgres?: string;
  /** Prefix of every database this run creates on the PostgreSQL server, dropped at the end. */
  postgresPrefix?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testTemplates: TestTemplates | undefined;
  }
}

/**
 * Vitest global setup of the integration tests: migrates one database once per run, so each
 * test database starts as a copy of it instead of running every migration again (seconds per
 * file on two cores). On PGlite the template is a dump of the data directory; on PostgreSQL a
 * database copied with `create database … template`. The teardown drops every PostgreSQL
 * database of the run (the template, and the workers' databases, which outlive their files).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) {
    const prefix = `parallax_test_${randomBytes(3).toString("hex")}_`;
    const template = `${prefix}template`;
    const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
    try {
      await admin.db.execute(`create database "${template}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${template}`;
      // Closed before any copy: PostgreSQL copies a template only while nobody is connected to it.
      const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
      try {
        await migrateDatabase(handle);
      } finally {
        await handle.close();
      }
    } finally {
      await admin.close();
    }
    project.provide("testTemplates", { postgres: template, postgresPrefix: prefix });
    return () => dropRunDatabases(serverUrl, prefix);
  }
  const handle = await openDatabase({});
  const file = path.join(tmpdir(), `parallax-pglite-template-${process.pid}.tar`);
  try {
    await migrateDatabase(handle);
    const dump = await handle.dumpDataDir?.();
    if (!dump) throw new Error("PGlite handle without dumpDataDir");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  project.provide("testTemplates", { pglite: file });
  return async () => rmSync(file, { force: true });
}

/** The migrated template as a Blob for `openDatabase({ loadDataDir })`. */
export function readPgliteTemplate(file: string): Blob {
  return new Blob([readFileSync(file)]);
}

async function dropRunDatabases(serverUrl: string, prefix: string): Promise<void> {
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  try {
    const rows = (await admin.db.execute(
      `select datname from pg_database where starts_with(datname, '${prefix}')`,
    )) as unknown as { datname: string }[];
    for (const { datname } of rows) await admin.db.execute(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.close();
  }
}
