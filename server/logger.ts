import pino from "pino";
import { env } from "./env";

const globalForLogger = globalThis as typeof globalThis & { __parallaxLogger?: pino.Logger };

/** The process-wide structured logger. Lines carry `reqId` when they belong to a request. */
export function logger(): pino.Logger {
  globalForLogger.__parallaxLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "parallax" },
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "password", "token"], remove: true },
  });
  return globalForLogger.__parallaxLogger;
}
