import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/server/env";
import { commonSecurityHeaders, contentSecurityPolicy, createNonce } from "@/server/security/security-headers";

// Paths that never render an HTML page: API responses and built assets get the common headers
// only. (The published-version route under /api sets its own, stricter CSP; one from here would
// be combined with it by the browser.)
const NOT_A_PAGE = /^\/(?:api\/|_next\/static\/|_next\/image|favicon\.ico$)/;

/**
 * Runs before every request Next handles (Next 16's replacement for middleware): sets the security
 * headers, and for pages a Content-Security-Policy with a fresh nonce. The policy is also put on
 * the request, where Next's renderer reads the nonce back and stamps it on its own inline and
 * bundle scripts; this works because every page is rendered per request.
 */
export function proxy(request: NextRequest): NextResponse {
  const config = env();
  const options = {
    publicUrl: config.publicUrl,
    mapTileUrl: config.mapTileUrl,
    dev: config.NODE_ENV === "development",
  };
  const headers = commonSecurityHeaders(options);
  let response: NextResponse;
  if (NOT_A_PAGE.test(request.nextUrl.pathname)) {
    response = NextResponse.next();
  } else {
    const policy = contentSecurityPolicy(createNonce(), options);
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    headers["content-security-policy"] = policy;
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything Next serves; Socket.io (/socket.io) and /metrics are answered before Next.
  matcher: "/:path*",
};
