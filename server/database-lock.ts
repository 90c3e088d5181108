import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is an in-process database: two processes opening one data directory corrupt it. A pid
 * file in the data directory makes a second server (or the CLI while the server runs) stop with
 * a clear message instead. A pid file left by a crashed process is taken over.
 */
/** A start-up refusal whose message is the whole story (no stack trace needed). */
export class DataDirLockedError extends Error {}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "pglite.pid");
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(file, "utf8").trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `Another Parallax process (pid ${owner}) is using the embedded database in ${dataDir}.\n` +
            "PGlite allows one process per data directory: stop the server before running the CLI, " +
            "or use PostgreSQL (DATABASE_URL) to run several processes.",
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
