import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { getDatabaseHandle, openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createTestDatabase } from "./testing/test-database";

describe("GET /api/health", () => {
  it("reports ok with the database kind and version", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      status: "ok",
      db: getDatabaseHandle().kind,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it("answers 503 when the database is unreachable", async () => {
    const shared = getDatabaseHandle();
    const lost = await createTestDatabase();
    await lost.dispose();
    setDatabase(lost.handle);
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect((await response.json()).status).toBe("error");
    } finally {
      setDatabase(shared);
    }
  });

  it("keeps the data of a PGlite data directory across a restart", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "parallax-restart-"));
    const first = await openDatabase({ dataDir: dir });
    await migrateDatabase(first);
    await first.db.execute("insert into workspaces (name) values ('Survives restarts')");
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    await migrateDatabase(second);
    const result = await second.db.execute("select name from workspaces");
    await second.close();
    const rows = (result as unknown as { rows: { name: string }[] }).rows;
    expect(rows.map((row) => row.name)).toEqual(["Survives restarts"]);
  });
});
