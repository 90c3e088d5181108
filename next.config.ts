import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package directory, and the
  // database client must be the single instance the custom server opened (kept on globalThis),
  // so these stay plain Node requires instead of being bundled. pdfkit (PDF exports) reads its
  // font metrics and dependencies the Node way too, and the PDF export reads glyph coverage of
  // its embedded fonts with pdfkit's own font parser, fontkit.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "postgres",
    "@node-rs/argon2",
    "pino",
    "pino-pretty",
    "socket.io",
    "pdfkit",
    "fontkit",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (`tsc --noEmit`) before it builds; the build's own
  // check of the same files would only repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // Library files are uploaded through a server action (up to MAX_IMPORT_BYTES, 5 MB, checked
    // there); Next's default limit of 1 MB would cut larger files off before the check could explain.
    serverActions: { bodySizeLimit: "10mb" },
    // .ci/run builds once in a clean clone: writing Turbopack's build cache there only costs time
    // (about 12 s on two cores). Everywhere else the cache speeds up the next build.
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== "off",
  },
};

export default nextConfig;
