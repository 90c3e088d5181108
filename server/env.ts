import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { COLLAB_LIMITS } from "@/lib/collab/protocol";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const DEFAULT_MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const DEFAULT_MAP_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    PUBLIC_URL: z.url().optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    ALLOW_SIGN_UP: booleanString.default(true),
    /** Sign-up attempts one client address may make per hour; further ones get 429. */
    SIGN_UP_PER_HOUR_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(20),
    /**
     * REST API requests (`/api/v1`) per minute per API token, or per user for browser sessions;
     * further ones get 429 until the allowance refills. Counted per server process. 0 turns it off.
     */
    API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
    SEED_DEMO: booleanString.default(true),
    TRUST_PROXY: booleanString.default(false),
    INVITATION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 7),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Map tiles under the sites map, a `{z}/{x}/{y}` template; an empty value draws only the bundled outline. */
    MAP_TILE_URL: z
      .string()
      .regex(/^https?:\/\/\S+$/, "must be an http(s) URL template such as https://tile.example.org/{z}/{x}/{y}.png")
      .refine((url) => ["{z}", "{x}", "{y}"].every((part) => url.includes(part)), "must contain {z}, {x} and {y}")
      .default(DEFAULT_MAP_TILE_URL),
    /** Credit shown on the map for the tiles (HTML allowed, as tile providers require links). */
    MAP_TILE_ATTRIBUTION: z.string().default(DEFAULT_MAP_TILE_ATTRIBUTION),
    /** Largest image attached to an observation (bytes); larger uploads are refused with 413. */
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    /** Largest inbound collaboration message (bytes); larger ones are refused with `message_too_large`. */
    COLLAB_MAX_MESSAGE_BYTES: z.coerce
      .number()
      .int()
      .min(16 * 1024)
      .max(64 * 1024 * 1024)
      .default(COLLAB_LIMITS.maxMessageBytes),
    /** Documents one connection may have open at once. */
    COLLAB_MAX_DOCUMENTS_PER_CONNECTION: z.coerce.number().int().min(1).max(1000).default(20),
    /** Sustained inbound messages per second per connection (bursts of twice as many pass). */
    COLLAB_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(200),
    /** Initial syncs larger than this are sent in `doc:sync-chunk` pieces of this size. */
    COLLAB_SYNC_CHUNK_BYTES: z.coerce
      .number()
      .int()
      .min(16 * 1024)
      .max(16 * 1024 * 1024)
      .default(COLLAB_LIMITS.syncChunkBytes),
    /** Group-commit window: how long the first queued update waits for others to share its insert. */
    COLLAB_COMMIT_DELAY_MS: z.coerce.number().int().min(0).max(20).default(5),
    /** Debounce of the derived copy of a document's text (search, exports, judgement projection), in ms. */
    COLLAB_CONTENT_DELAY_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
    /** Compact a document once its update log (bytes, plus 128 per row) exceeds this. */
    COLLAB_COMPACT_BYTES: z.coerce
      .number()
      .int()
      .min(4 * 1024)
      .default(512 * 1024),
    /** With REDIS_URL: how often processes re-read the update log to catch messages pub/sub dropped. */
    COLLAB_RECONCILE_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
    /** Quiet time after a burst of edits before an automatic version is frozen (seconds); 0 turns it off. */
    AUTO_VERSION_IDLE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  })
  .superRefine((value, ctx) => {
    const oidc = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!value[key]) ctx.addIssue({ code: "custom", path: [key], message: "required when any OIDC_* is set" });
      }
    }
  });

export type Env = z.infer<typeof schema> & {
  /** Absolute data directory. */
  dataDir: string;
  /** The secret that signs session cookies: AUTH_SECRET or the one generated into the data directory. */
  authSecret: string;
  /** The URL users reach Parallax at, without a trailing slash. */
  publicUrl: string;
  oidcEnabled: boolean;
  /** MAP_TILE_URL, or null when it was set to an empty value (outline only, no tile requests). */
  mapTileUrl: string | null;
};

/** Thrown when the environment is invalid; its message lists every problem, one per line. */
export class EnvError extends Error {}

/** Validates an environment; exported for tests. Server code calls `env()`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "unset", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".") || "(environment)"}: ${issue.message}`,
    );
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const parsed = result.data;
  const dataDir = path.resolve(parsed.DATA_DIR);
  return {
    ...parsed,
    dataDir,
    authSecret: parsed.AUTH_SECRET ?? readOrCreateSecret(dataDir),
    publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT || 3000}`).replace(/\/+$/, ""),
    oidcEnabled: Boolean(parsed.OIDC_ISSUER && parsed.OIDC_CLIENT_ID && parsed.OIDC_CLIENT_SECRET),
    // The one variable where empty is not "unset": it turns the tiles off (air-gapped installs).
    mapTileUrl: source.MAP_TILE_URL?.trim() === "" ? null : parsed.MAP_TILE_URL,
  };
}

/**
 * Generates the signing secret into the data directory on first start. Never a hard-coded
 * default: a known secret would let anyone forge a session cookie.
 */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // `wx` so that two processes starting together agree on one secret.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}

const globalForEnv = globalThis as typeof globalThis & { __parallaxEnv?: Env };

/** The validated environment of this process. The only reader of `process.env` in Parallax. */
export function env(): Env {
  if (!globalForEnv.__parallaxEnv) {
    const parsed = parseEnv(process.env);
    // next-auth v4 reads its base URL from process.env; writing it here keeps env.ts the one
    // place that decides configuration.
    process.env.NEXTAUTH_URL = parsed.publicUrl;
    globalForEnv.__parallaxEnv = parsed;
  }
  return globalForEnv.__parallaxEnv;
}

/** Replaces the cached environment (tests and the CLI). */
export function resetEnv(next?: Env): void {
  globalForEnv.__parallaxEnv = next;
}
