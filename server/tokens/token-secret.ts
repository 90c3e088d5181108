import { createHash, randomBytes } from "node:crypto";

/** Prefix of personal API tokens, so that secret scanners and people can recognise them. */
export const API_TOKEN_PREFIX = "plx_";

/** A new random secret: `plx_` + 32 random bytes, base64url. */
export function generateSecret(prefix = API_TOKEN_PREFIX): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/**
 * SHA-256 of a secret. A fast hash is right here (unlike passwords): the secret has 256 bits
 * of entropy, so it cannot be guessed from its hash, and lookups by hash stay indexable.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
