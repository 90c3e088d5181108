import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package directory, and the
  // database client must be the single instance the custom server opened (kept on globalThis),
  // so these stay plain Node requires instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "@node-rs/argon2", "pino", "pino-pretty", "socket.io"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
