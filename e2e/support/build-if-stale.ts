import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Runs `npm run build` unless `.next` already holds a production build of exactly these
 * sources. `npm test` runs twice in CI (PGlite, then PostgreSQL + Redis) on one checkout, and the
 * build does not depend on the database: the second run reuses the first's build instead of
 * spending two minutes rebuilding the same thing. Any change to a file the build can see
 * (tracked or not, except tests, e2e specs, docs and benchmarks) rebuilds.
 */
const STAMP = ".next/parallax-source-hash";
const IGNORED = /^(e2e|docs|bench|\.ci)\/|\.test\.ts$|\.md$/;

function sourceHash(): string {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .split("\0")
    .filter((file) => file && !IGNORED.test(file) && existsSync(file))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

const hash = sourceHash();
const built = existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash;
if (built) {
  process.stdout.write("The production build in .next is of these sources: not rebuilding.\n");
} else {
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, hash);
}
