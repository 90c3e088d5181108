import { describe, expect, it } from "vitest";
import { findNulCharacters, stripNulCharacters, withoutNulCharacters } from "./nul-character";

describe("NUL characters", () => {
  it("are found in strings and keys at any depth, with their paths, in document order", () => {
    const body = {
      title: "ok",
      summary: "a\u0000b",
      sourceIds: [{ id: "x", attributedTo: "\u0000" }],
      counts: { "rail\u0000cars": "50" },
    };
    expect(findNulCharacters(body)).toEqual([
      { path: ["summary"], isKey: false },
      { path: ["sourceIds", 0, "attributedTo"], isKey: false },
      { path: ["counts", "rail\u0000cars"], isKey: true },
    ]);
    expect(findNulCharacters("\u0000")).toEqual([{ path: [], isKey: false }]);
    expect(findNulCharacters({ when: new Date(), n: 1, ok: ["fine"] })).toEqual([]);
  });

  it("are found without exhausting the stack in a deeply nested body", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}"\\u0000"${"]".repeat(200_000)}`);
    expect(findNulCharacters(deep)[0]?.path).toHaveLength(200_000);
  });

  it("are removed from text and from JSON-like values", () => {
    expect(withoutNulCharacters("rail\u0000 cars\u0000")).toBe("rail cars");
    expect(stripNulCharacters({ "a\u0000": ["b\u0000", 1, null] })).toEqual({ a: ["b", 1, null] });
  });
});
