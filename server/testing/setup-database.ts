// First: Next's request storage must exist before any Next module is evaluated.
import "./next-request-scope";
import { afterAll, beforeAll } from "vitest";
import { setDatabase } from "@/db/client";
import { type TestDatabase, useFreshDatabase } from "./test-database";

// Every test file runs on its own fresh, migrated database (vitest setupFiles): an empty
// PostgreSQL database, or on PGlite the worker's one database emptied (see useFreshDatabase).
let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await useFreshDatabase();
}, 60_000);

afterAll(async () => {
  setDatabase(undefined);
  await database?.dispose();
});
