import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Playwright cannot download its own browsers on our machines, so the suite drives the
// system Chromium. Missing Chromium is a failure with instructions, never a silent skip.
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium was not found at ${chromiumPath}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
}

const port = Number(process.env.E2E_PORT || 3199);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh data directory per run: the server seeds the demo workspace into it, and nothing
// from a developer's own ./data is touched. With DATABASE_URL set, the server uses that instead.
const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(path.join(tmpdir(), "parallax-e2e-"));

export default defineConfig({
  testDir: "e2e",
  // One spec at a time: two at once on two cores made the multi-browser specs' live updates miss
  // their timeouts and took longer in all (6.2 min against 5.1).
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Multi-user specs drive three browsers against one server on two cores: minutes, not seconds.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // .ci/run sets PLAYWRIGHT_JSON_OUTPUT_FILE to count test cases.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    // Cookie-authenticated API mutations must carry our Origin (CSRF check); browsers send it
    // themselves, Playwright's request API (page.request) does not. Same value the browser sends.
    extraHTTPHeaders: { origin: baseURL },
    // A trace of failed tests' actions, network and console, without screenshots or DOM
    // snapshots: recording screenshots of three live pages cost a third of the suite's time on two
    // cores, and DOM snapshots another sixth (review + comments specs: 77 s with them, 64 s without).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false, sources: false },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npm run serve",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseURL,
      DATA_DIR: dataDir,
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      // Every spec signs its people up from this one address.
      SIGN_UP_PER_HOUR_PER_ADDRESS: "10000",
      // Review states, search and the linter follow the derived copy of the text; the specs wait
      // for it after many edits, and the 2 s default cost ~25 s of the suite's 4.7 min.
      COLLAB_CONTENT_DELAY_MS: "300",
    },
  },
});
