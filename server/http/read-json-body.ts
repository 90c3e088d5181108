import { AppError } from "@/lib/errors";

/** Largest JSON body the API accepts. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body as UTF-8 text, refusing bodies over `maxBytes` without buffering them
 * (the declared Content-Length is checked first, then the bytes actually received). An absent
 * body reads as "".
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AppError("bad_request:body_too_large", `The request body is larger than ${maxBytes} bytes.`, {
      fields: { "": [`The request body must be at most ${maxBytes} bytes.`] },
    });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and parses a JSON request body of at most `maxBytes` (1 MB by default). */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const text = await readTextBody(request, maxBytes);
  if (text.trim() === "") throw invalidJson("The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw invalidJson("The request body is not valid JSON.");
  }
}

function invalidJson(message: string): AppError {
  return new AppError("bad_request:json", message, { fields: { "": [message] } });
}
