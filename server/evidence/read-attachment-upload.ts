import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";

/** Room for the multipart boundaries, part headers and the caption around the image itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface AttachmentUpload {
  bytes: Uint8Array;
  fileName: string;
  /** The caption field, when sent. */
  caption?: string;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large:attachment", `Images are limited to ${formatBytes(maxBytes)}.`, {
    fields: { file: [`The image must be at most ${formatBytes(maxBytes)}.`] },
  });
}

function invalid(field: string, message: string): AppError {
  return new AppError("bad_request:attachment", message, { fields: { [field]: [message] } });
}

/**
 * Reads a `multipart/form-data` upload (`file`, optional `caption`), refusing bodies larger than
 * an image of `maxBytes` could make before buffering them: the declared Content-Length first,
 * then the bytes actually received. Only then is the form parsed.
 */
export async function readAttachmentUpload(request: Request, maxBytes: number): Promise<AttachmentUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw invalid("", "Send the image as multipart/form-data with a `file` field.");
  }
  const limit = maxBytes + MULTIPART_OVERHEAD_BYTES;
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    received += next.value.byteLength;
    if (received > limit) {
      await reader?.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw invalid("", "The multipart body could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw invalid("file", "Choose an image file to upload.");
  const caption = form.get("caption");
  if (caption !== null && typeof caption !== "string") throw invalid("caption", "The caption must be text.");
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file instanceof File ? file.name : "",
    caption: caption ?? undefined,
  };
}
