import { env } from "../env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address for rate limiting. X-Forwarded-For is only believed behind a trusted
 * proxy (TRUST_PROXY); otherwise anyone could rotate it to dodge the per-IP limit. The custom
 * server stamps the socket address into `x-parallax-remote-addr` after removing any such header
 * the client sent.
 */
export function clientIpFromHeaders(headers: HeaderSource): string | undefined {
  if (env().TRUST_PROXY) {
    const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return header(headers, "x-parallax-remote-addr");
}
