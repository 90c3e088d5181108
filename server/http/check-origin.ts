import { AppError } from "@/lib/errors";
import { env } from "../env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether `method` can change state (and so needs the cross-site request check). */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The origin (scheme://host[:port]) of a URL, or null when it is not one. */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a cookie-authenticated request comes from Parallax's own pages: its Origin is
 * PUBLIC_URL's origin, or (no Origin) the browser vouches with `Sec-Fetch-Site: same-origin`.
 * Browsers send Origin with every POST/PUT/PATCH/DELETE, so a cookie without either header is
 * not a page of ours and is refused too. Bearer-token callers never reach this: a token is not
 * sent by the browser on its own, so it cannot be forged cross-site.
 */
export function isTrustedOrigin(headers: { origin?: string | null; secFetchSite?: string | null }): boolean {
  const trusted = originOf(env().publicUrl);
  if (headers.origin) return headers.origin !== "null" && originOf(headers.origin) === trusted;
  return headers.secFetchSite === "same-origin";
}

/** Throws `forbidden:origin` unless a cookie-authenticated mutation comes from our own origin (CSRF). */
export function assertSameOrigin(request: Request): void {
  if (!isStateChanging(request.method)) return;
  const trusted = isTrustedOrigin({
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
  });
  if (!trusted) {
    throw new AppError("forbidden:origin", "Cross-site request refused: it did not come from this Parallax server.");
  }
}
