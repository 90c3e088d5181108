/**
 * The security headers of every response (set by `proxy.ts`). Pure functions of the
 * configuration and a per-request nonce, so they are unit-tested without a server.
 */

export interface SecurityHeaderOptions {
  /** The public origin (PUBLIC_URL); HSTS is only sent when it is https. */
  publicUrl: string;
  /** MAP_TILE_URL, or null when tiles are off: its host is the only foreign image source. */
  mapTileUrl: string | null;
  /** `next dev` needs `'unsafe-eval'` (React rebuilds server error stacks with eval); production never. */
  dev: boolean;
}

/**
 * The image source a tile template needs: its origin, with a `{s}` subdomain placeholder turned
 * into a wildcard. Null for no template or one that is not an http(s) URL.
 */
export function tileImageSource(mapTileUrl: string | null): string | null {
  if (!mapTileUrl) return null;
  const match = /^(https?):\/\/([^/?#]+)/i.exec(mapTileUrl);
  if (!match) return null;
  const host = (match[2] ?? "").replace(/\{s\}/g, "*");
  // Anything else in braces would be a placeholder we cannot express in CSP; fall back to the scheme.
  if (/[{}]/.test(host)) return `${match[1]}:`;
  return `${match[1]}://${host}`;
}

/** The WebSocket origin matching an http(s) origin (Socket.io connects back to the page's server). */
function webSocketOrigin(publicUrl: string): string | null {
  try {
    const url = new URL(publicUrl);
    return `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
  } catch {
    return null;
  }
}

/**
 * The Content-Security-Policy of an HTML page. Scripts: only those carrying this request's nonce
 * (Next stamps it on its own scripts after reading it back from the request header) and what they
 * load (`'strict-dynamic'`). Styles allow `'unsafe-inline'` because ProseMirror/Tiptap and Leaflet
 * write `style` attributes at run time, which nonces cannot cover; style injection cannot run script.
 */
export function contentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  const tiles = tileImageSource(options.mapTileUrl);
  const socket = webSocketOrigin(options.publicUrl);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self' data:",
    `connect-src 'self'${socket ? ` ${socket}` : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Headers for every response (pages, API, static files), CSP aside. */
export function commonSecurityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    // Parallax uses none of these; geolocation is not needed for the map (sites carry coordinates).
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
  // Only over HTTPS: HSTS on a plain-http deployment would lock browsers out of it.
  if (options.publicUrl.startsWith("https://")) {
    headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  }
  return headers;
}

/** A fresh, unguessable nonce (128 bits, base64). Web Crypto, so it works in any runtime. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
