/** How much of a download has arrived; `total` is null when the server sent no Content-Length. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/** A downloaded file, ready to save. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return match?.[1] ?? fallback;
}

async function errorMessageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return `The export failed (HTTP ${response.status}).`;
}

/**
 * Fetches a file, reading its body chunk by chunk so `onProgress` can drive a progress bar, and
 * throws an Error with the API's message (safe to show) when the server refuses.
 */
export async function downloadWithProgress(
  url: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
): Promise<DownloadedFile> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(await errorMessageOf(response));
  const length = Number(response.headers.get("content-length"));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get("content-type") ?? "application/octet-stream";
  const fileName = fileNameOf(response.headers.get("content-disposition"), fallbackName);
  if (!response.body) return { blob: new Blob([await response.arrayBuffer()], { type }), fileName };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName };
}

/** Saves a blob through a temporary download link (the browser's own save behaviour). */
export function saveBlob({ blob, fileName }: DownloadedFile): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
