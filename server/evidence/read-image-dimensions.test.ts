import { describe, expect, it } from "vitest";
import { readImageDimensions } from "./read-image-dimensions";
import { testImage5x3, testJpeg, testPng } from "./testing/test-images";

const text = (value: string) => new TextEncoder().encode(value);

describe("readImageDimensions", () => {
  it("reads width and height from the header of every accepted type", () => {
    expect(readImageDimensions(testPng(5, 3), "image/png")).toEqual({ width: 5, height: 3 });
    expect(readImageDimensions(testJpeg(), "image/jpeg")).toEqual({ width: 1, height: 1 });
    expect(readImageDimensions(testImage5x3("jpeg"), "image/jpeg")).toEqual({ width: 5, height: 3 });
    expect(readImageDimensions(testImage5x3("gif"), "image/gif")).toEqual({ width: 5, height: 3 });
    for (const kind of ["webp-lossy", "webp-lossless", "webp-extended"] as const) {
      expect(readImageDimensions(testImage5x3(kind), "image/webp"), kind).toEqual({ width: 5, height: 3 });
    }
  });

  it("reads nothing from magic bytes alone, cut-short headers or a zero size", () => {
    expect(readImageDimensions(text("GIF89a"), "image/gif")).toBeNull();
    expect(readImageDimensions(testImage5x3("gif").slice(0, 9), "image/gif")).toBeNull();
    const zeroWide = testImage5x3("gif");
    zeroWide.set([0, 0], 6);
    expect(readImageDimensions(zeroWide, "image/gif")).toBeNull();
    expect(readImageDimensions(testPng(5, 3).slice(0, 20), "image/png")).toBeNull();
    expect(readImageDimensions(testPng(0, 3), "image/png")).toBeNull();
    expect(readImageDimensions(new Uint8Array([0xff, 0xd8, 0xff]), "image/jpeg")).toBeNull();
    // Everything up to the frame header, cut inside it.
    const jpeg = testImage5x3("jpeg");
    const frame = jpeg.findIndex((byte, index) => byte === 0xff && jpeg[index + 1] === 0xc0);
    expect(readImageDimensions(jpeg.slice(0, frame + 6), "image/jpeg")).toBeNull();
    expect(readImageDimensions(testImage5x3("webp-lossy").slice(0, 24), "image/webp")).toBeNull();
    expect(readImageDimensions(text("RIFF\0\0\0\0WEBPVP8 "), "image/webp")).toBeNull();
  });
});
