import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{server,lib,db,cli}/**/*.test.ts"],
    setupFiles: ["server/testing/setup-database.ts"],
    pool: "forks",
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
  },
});
