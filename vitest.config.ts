import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    // Vitest's default (CPUs - 1) leaves one of our two cores idle while an integration file's
    // in-process PGlite keeps the other busy; two workers halve the suite's wall time.
    maxWorkers: 2,
    // .ci/run asks for a JSON report to count test cases.
    reporters: process.env.VITEST_JSON_REPORT ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : undefined,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "parallax-vitest-")),
      AUTH_SECRET: "vitest-only-secret-vitest-only-secret-0123456789",
    },
    projects: [
      {
        // lib/ is isomorphic and pure, and the bench harness's own tests need no database either.
        extends: true,
        resolve: { alias },
        test: { name: "lib", include: ["lib/**/*.test.ts", "bench/**/*.test.ts"] },
      },
      {
        // Components rendered to static markup (no browser, no database): what a chart draws.
        extends: true,
        resolve: { alias },
        test: { name: "components", include: ["components/**/*.test.{ts,tsx}"] },
      },
      {
        // Integration tests: every file runs on its own fresh, migrated database.
        extends: true,
        resolve: { alias },
        test: {
          name: "server",
          include: ["{server,db}/**/*.test.ts"],
          setupFiles: ["server/testing/setup-database.ts"],
          // Files still get a fresh database each (setupFiles: the worker's database, emptied), but
          // share their worker's module cache: PGlite's WebAssembly and the app's modules load
          // once per worker instead of once per file, seconds per file on two cores. Nothing mocks
          // modules or stubs env here.
          isolate: false,
          globalSetup: ["server/testing/test-templates.ts"],
        },
      },
    ],
  },
});
