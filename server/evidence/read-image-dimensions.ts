import type { AttachmentMediaType } from "@/lib/schemas/attachments";

/** An image's size in pixels, as its header states it. */
export interface ImageDimensions {
  width: number;
  height: number;
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** PNG: the IHDR chunk must come first, width and height as big-endian 32-bit integers. */
function pngDimensions(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  if (bytes.byteLength < 24 || ascii(bytes, 12, 4) !== "IHDR") return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** GIF: the logical screen descriptor follows the 6-byte signature, little-endian 16-bit. */
function gifDimensions(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  if (bytes.byteLength < 10) return null;
  return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
}

// Start-of-frame markers (baseline, progressive, lossless, arithmetic); C4, C8 and CC are not frames.
const JPEG_FRAME_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: walks the marker segments to the first start-of-frame, which holds height then width. */
function jpegDimensions(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  let at = 2;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes, and markers that stand alone (restart, TEM) carry no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any frame
    const length = view.getUint16(at + 2);
    if (length < 2) return null;
    if (JPEG_FRAME_MARKERS.has(marker)) {
      if (at + 9 > bytes.byteLength) return null;
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
    at += 2 + length;
  }
  return null;
}

/** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended), each with its own layout. */
function webpDimensions(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  if (bytes.byteLength < 30 || ascii(bytes, 8, 4) !== "WEBP") return null;
  const chunk = ascii(bytes, 12, 4);
  if (chunk === "VP8 ") {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === "VP8L") {
    if (bytes[20] !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    const u24 = (offset: number) =>
      (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8) | ((bytes[offset + 2] ?? 0) << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  return null;
}

const READERS: Record<AttachmentMediaType, (bytes: Uint8Array, view: DataView) => ImageDimensions | null> = {
  "image/png": pngDimensions,
  "image/gif": gifDimensions,
  "image/jpeg": jpegDimensions,
  "image/webp": webpDimensions,
};

/**
 * The width and height an image's header states, for every type attachments accept; null when
 * the header is cut short, malformed or states a zero size (magic bytes alone are no image).
 */
export function readImageDimensions(bytes: Uint8Array, mediaType: AttachmentMediaType): ImageDimensions | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = READERS[mediaType](bytes, view);
  return dimensions && dimensions.width > 0 && dimensions.height > 0 ? dimensions : null;
}
