import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("gives sizes under 1 KiB in bytes, not rounded up to 1 KiB", () => {
    expect(formatBytes(6)).toBe("6 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(1023)).toBe("1023 bytes");
  });

  it("gives larger sizes in KiB and MiB", () => {
    expect(formatBytes(1024)).toBe("1 KiB");
    expect(formatBytes(127_999)).toBe("125 KiB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5 MiB");
    expect(formatBytes(1.5 * 1024 * 1024)).toBe("1.5 MiB");
  });
});
