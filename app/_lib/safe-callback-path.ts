/**
 * The path to return to after signing in, restricted to this site: an absolute URL or a
 * protocol-relative `//host` would make the sign-in page an open redirect.
 */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw?.startsWith("/") || raw.startsWith("//")) return fallback;
  // Control characters and backslashes are never part of our own paths; browsers may treat a
  // backslash as a slash and turn `/\evil.example` into another origin.
  if (raw.includes("\\") || [...raw].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    return fallback;
  }
  return raw;
}

/** `/sign-in` or `/sign-up` carrying the callback, when there is one worth keeping. */
export function authPathWithCallback(page: "/sign-in" | "/sign-up", callbackPath: string): string {
  return callbackPath === "/" ? page : `${page}?callbackUrl=${encodeURIComponent(callbackPath)}`;
}
