import { AppError } from "@/lib/errors";
import { etagOf } from "./evidence-revisions";

/** Largest import file the API accepts (the example dataset is about 56 kB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A JSON response carrying the record's revision as its ETag, for the next `If-Match`. */
export function recordResponse(record: { revision: number }, status = 200): Response {
  return Response.json(record, { status, headers: { etag: etagOf(record.revision) } });
}

/** Reads a request body as text, refusing more than `maxBytes` without buffering it all. */
export async function readTextBody(request: Request, maxBytes = MAX_IMPORT_BYTES): Promise<string> {
  const tooLarge = () =>
    new AppError("bad_request:body_too_large", `The file is larger than ${maxBytes} bytes.`, {
      fields: { "": [`Send at most ${maxBytes} bytes.`] },
    });
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
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
