import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "parallax-env-"));

describe("parseEnv", () => {
  it("runs on defaults: PGlite in ./data, port 3000, public URL on localhost", () => {
    const dir = tempDir();
    const env = parseEnv({ DATA_DIR: dir });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.publicUrl).toBe("http://localhost:3000");
    expect(env.oidcEnabled).toBe(false);
  });

  it("generates AUTH_SECRET into the data directory once, readable only by the owner", () => {
    const dir = tempDir();
    const first = parseEnv({ DATA_DIR: dir }).authSecret;
    const second = parseEnv({ DATA_DIR: dir }).authSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    const file = path.join(dir, "auth-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(parseEnv({ DATA_DIR: tempDir() }).authSecret).not.toBe(first);
  });

  it("lists every invalid variable in one readable error", () => {
    let caught: unknown;
    try {
      parseEnv({ DATA_DIR: tempDir(), PORT: "http", DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const message = (caught as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres/);
    expect(message).toMatch(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("requires all three OIDC variables when one is set", () => {
    expect(() => parseEnv({ DATA_DIR: tempDir(), OIDC_ISSUER: "https://id.example.org" })).toThrow(
      /OIDC_CLIENT_ID: required when any OIDC_\* is set[\s\S]*OIDC_CLIENT_SECRET/,
    );
    const env = parseEnv({
      DATA_DIR: tempDir(),
      OIDC_ISSUER: "https://id.example.org",
      OIDC_CLIENT_ID: "parallax",
      OIDC_CLIENT_SECRET: "s3cret",
    });
    expect(env.oidcEnabled).toBe(true);
  });

  it("treats empty strings as unset, as .env files write them", () => {
    const env = parseEnv({ DATA_DIR: tempDir(), DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("draws map tiles from OpenStreetMap by default, from a configured template, or not at all when empty", () => {
    expect(parseEnv({ DATA_DIR: tempDir() })).toMatchObject({
      mapTileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
      MAP_TILE_ATTRIBUTION: expect.stringContaining("OpenStreetMap"),
    });
    const own = parseEnv({ DATA_DIR: tempDir(), MAP_TILE_URL: "https://tiles.example.org/{z}/{x}/{y}.png" });
    expect(own.mapTileUrl).toBe("https://tiles.example.org/{z}/{x}/{y}.png");
    expect(parseEnv({ DATA_DIR: tempDir(), MAP_TILE_URL: "" }).mapTileUrl).toBeNull();
    expect(() => parseEnv({ DATA_DIR: tempDir(), MAP_TILE_URL: "https://tiles.example.org/tile.png" })).toThrow(
      /MAP_TILE_URL: must contain \{z\}, \{x\} and \{y\}/,
    );
  });
});
