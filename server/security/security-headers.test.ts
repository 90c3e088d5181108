import { describe, expect, it } from "vitest";
import { commonSecurityHeaders, contentSecurityPolicy, createNonce, tileImageSource } from "./security-headers";

const production = { publicUrl: "https://parallax.example.org", mapTileUrl: null, dev: false };

describe("the security headers", () => {
  it("allow the nonce's scripts only, never eval in production, and forbid framing and plugins", () => {
    const policy = contentSecurityPolicy("abc123", production);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(policy).not.toContain("unsafe-eval");
    for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).toContain("connect-src 'self' wss://parallax.example.org");
    expect(contentSecurityPolicy("n", { ...production, dev: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("let images come from the map tile host only, with {s} subdomains as a wildcard", () => {
    expect(tileImageSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).toBe("https://tile.openstreetmap.org");
    expect(tileImageSource("https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png")).toBe(
      "https://*.tiles.example.org:8443",
    );
    expect(tileImageSource(null)).toBeNull();
    const policy = contentSecurityPolicy("n", { ...production, mapTileUrl: "http://tiles.local/{z}/{x}/{y}.png" });
    expect(policy).toContain("img-src 'self' data: blob: http://tiles.local;");
    expect(contentSecurityPolicy("n", production)).toContain("img-src 'self' data: blob:;");
  });

  it("send HSTS only when PUBLIC_URL is https", () => {
    expect(commonSecurityHeaders(production)["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(commonSecurityHeaders({ ...production, publicUrl: "http://localhost:3000" })).not.toHaveProperty(
      "strict-transport-security",
    );
    expect(commonSecurityHeaders(production)["x-content-type-options"]).toBe("nosniff");
  });

  it("make a different 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    expect(Buffer.from([...nonces][0] ?? "", "base64")).toHaveLength(16);
  });
});
