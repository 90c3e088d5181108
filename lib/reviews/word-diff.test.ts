import { describe, expect, it } from "vitest";
import { type DiffPart, diffWords } from "./word-diff";

/** The diff as "[-removed-]" / "{+added+}" markup, the way a reviewer reads it. */
function markup(parts: DiffPart[]): string {
  return parts
    .map((part) =>
      part.kind === "same" ? part.text : part.kind === "removed" ? `[-${part.text}-]` : `{+${part.text}+}`,
    )
    .join("");
}

function sides(parts: DiffPart[]) {
  return {
    before: parts.flatMap((part) => (part.kind === "added" ? [] : [part.text])).join(""),
    after: parts.flatMap((part) => (part.kind === "removed" ? [] : [part.text])).join(""),
  };
}

describe("diffWords", () => {
  it("shows one replaced word in place", () => {
    expect(
      markup(diffWords("Tikhoretsk is likely to remain crucial.", "Tikhoretsk is unlikely to remain crucial.")),
    ).toBe("Tikhoretsk is [-likely-]{+unlikely+} to remain crucial.");
  });

  it("shows inserted and deleted words", () => {
    expect(markup(diffWords("The depot stays open.", "The rail depot stays open."))).toBe(
      "The {+rail +}depot stays open.",
    );
    expect(markup(diffWords("The rail depot stays open.", "The depot stays open."))).toBe(
      "The [-rail -]depot stays open.",
    );
  });

  it("keeps several separate edits apart", () => {
    expect(
      markup(diffWords("About 60 rail cars in February at Tikhoretsk.", "About 50 rail cars in April at Tikhoretsk.")),
    ).toBe("About [-60-]{+50+} rail cars in [-February-]{+April+} at Tikhoretsk.");
  });

  it("folds a lone space between changed words into one replaced stretch", () => {
    expect(markup(diffWords("North Korean munitions", "Russian artillery shells"))).toBe(
      "[-North Korean munitions-]{+Russian artillery shells+}",
    );
    expect(markup(diffWords("a b c d", "a x y d"))).toBe("a [-b c-]{+x y+} d");
  });

  it("handles empty sides and identical texts", () => {
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "New statement.")).toEqual([{ kind: "added", text: "New statement." }]);
    expect(diffWords("Old statement.", "")).toEqual([{ kind: "removed", text: "Old statement." }]);
    expect(diffWords("Same text.", "Same text.")).toEqual([{ kind: "same", text: "Same text." }]);
  });

  it("treats changed whitespace as a change", () => {
    expect(markup(diffWords("two  spaces", "two spaces"))).toBe("two[-  -]{+ +}spaces");
  });

  it("gives both texts back exactly, and never puts two parts of one kind side by side", () => {
    const pairs: [string, string][] = [
      [
        "Tikhoretsk will remain crucial for handling munitions.",
        "Tikhoretsk is likely to remain crucial for munitions.",
      ],
      ["a a a b", "b a a a"],
      ["  leading and trailing  ", "leading\nand trailing"],
      ["x y z", "z y x"],
    ];
    for (const [before, after] of pairs) {
      const parts = diffWords(before, after);
      expect(sides(parts)).toEqual({ before, after });
      for (let index = 1; index < parts.length; index++) {
        expect(parts[index]?.kind).not.toBe(parts[index - 1]?.kind);
      }
    }
  });

  it("replaces very long differing texts wholesale instead of building a huge table", () => {
    const before = Array.from({ length: 1500 }, (_, index) => `old${index}`).join(" ");
    const after = Array.from({ length: 1500 }, (_, index) => `new${index}`).join(" ");
    const parts = diffWords(`Start ${before} end.`, `Start ${after} end.`);
    expect(parts.map((part) => part.kind)).toEqual(["same", "removed", "added", "same"]);
    expect(sides(parts)).toEqual({ before: `Start ${before} end.`, after: `Start ${after} end.` });
  });
});
