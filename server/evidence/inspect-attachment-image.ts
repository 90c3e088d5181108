import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/format-bytes";
import { ATTACHMENT_MEDIA_TYPES, type AttachmentMediaType } from "@/lib/schemas/attachments";
import { readImageDimensions } from "./read-image-dimensions";

const EXTENSIONS: Record<AttachmentMediaType, readonly string[]> = {
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
};

const FORMAT_NAMES: Record<AttachmentMediaType, string> = {
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/gif": "GIF",
  "image/webp": "WebP",
};

export interface InspectedImage {
  mediaType: AttachmentMediaType;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  /** Pixels, as the image's header states them. */
  width: number;
  height: number;
}

/**
 * Checks an upload before anything is written: at most `maxBytes` (413), not empty, and an image
 * of an allowed type judged from its magic bytes (400 otherwise, whatever its name or the
 * client's Content-Type say: a page or a script renamed `.png` must never be served as an image)
 * whose header states a width and height (400 otherwise: a file of magic bytes alone, such as the
 * six bytes `GIF89a`, shows as a broken image).
 */
export async function inspectAttachmentImage(bytes: Uint8Array, maxBytes: number): Promise<InspectedImage> {
  if (bytes.byteLength > maxBytes) {
    throw new AppError("payload_too_large:attachment", `Images are limited to ${formatBytes(maxBytes)}.`, {
      fields: { file: [`The image must be at most ${formatBytes(maxBytes)}.`] },
    });
  }
  if (bytes.byteLength === 0) throw notAnImage("The file is empty.");
  const detected = await fileTypeFromBuffer(bytes);
  const mediaType = ATTACHMENT_MEDIA_TYPES.find((type) => type === detected?.mime);
  if (!mediaType) throw notAnImage("The file is not a PNG, JPEG, GIF or WebP image.");
  const dimensions = readImageDimensions(bytes, mediaType);
  if (!dimensions) {
    throw notAnImage(
      `The image's width and height cannot be read: the file is not a complete ${FORMAT_NAMES[mediaType]} image.`,
    );
  }
  return { mediaType, sha256: createHash("sha256").update(bytes).digest("hex"), ...dimensions };
}

function notAnImage(message: string): AppError {
  return new AppError("bad_request:attachment", message, { fields: { file: [message] } });
}

/**
 * The name to keep for an upload: no directories, no control characters, at most 200 characters,
 * and an extension that matches the sniffed type (so a download never looks like another kind of
 * file).
 */
export function safeAttachmentName(fileName: string | undefined, mediaType: AttachmentMediaType): string {
  const base = (fileName ?? "").split(/[\\/]/).at(-1) ?? "";
  const printable = [...base].filter((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code >= 0x20 && code !== 0x7f && char !== '"';
  });
  const cleaned = printable.join("").trim().slice(0, 200) || "image";
  const extension = cleaned.includes(".") ? cleaned.split(".").at(-1)?.toLowerCase() : undefined;
  const expected = EXTENSIONS[mediaType];
  return extension && expected.includes(extension) ? cleaned : `${cleaned}.${expected[0]}`;
}
