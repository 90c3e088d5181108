/**
 * The HTTP response serving an attachment's image. The type is the one sniffed at upload and
 * `nosniff` stops browsers from second-guessing it; the sandboxing CSP means that even a file
 * that fooled the sniffer could not run script when opened directly. Bytes never change for an
 * id, but access can end, so browsers revalidate (a cheap 304 by ETag) instead of caching blindly.
 */
export function attachmentResponse(
  request: Request,
  image: { bytes: Uint8Array; mediaType: string; fileName: string; sha256: string },
): Response {
  const etag = `"${image.sha256}"`;
  const headers = {
    "content-type": image.mediaType,
    "x-content-type-options": "nosniff",
    "content-disposition": contentDisposition(image.fileName),
    "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "cache-control": "private, no-cache",
    etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = new Uint8Array(image.bytes);
  return new Response(body, { status: 200, headers: { ...headers, "content-length": String(body.byteLength) } });
}

/** `inline` with an ASCII fallback name and the exact name in RFC 5987 form (never a raw header value). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_") || "image";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
