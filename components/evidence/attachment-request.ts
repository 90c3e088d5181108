/** The outcome of an attachment request to the REST API, ready to show. */
export type AttachmentRequestResult =
  | { ok: true; status: number }
  | { ok: false; message: string; fields: Record<string, string[]> };

/**
 * Sends an upload or removal to the attachments API with the session cookie. Uploads go to the
 * REST route rather than a server action: images may be larger than a server action accepts.
 */
export async function sendAttachmentRequest(url: string, init: RequestInit): Promise<AttachmentRequestResult> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin" });
  } catch {
    return { ok: false, message: "Cannot reach the server. Check your connection and try again.", fields: {} };
  }
  if (response.ok) return { ok: true, status: response.status };
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string; fields?: Record<string, string[]> };
  } | null;
  return {
    ok: false,
    message: body?.error?.message ?? `The request failed (HTTP ${response.status}).`,
    fields: body?.error?.fields ?? {},
  };
}
