import { describe, expect, it } from "vitest";
import { nameSources } from "./source-names";

const source = (publisher: string, fields: Partial<Parameters<typeof nameSources>[0][number]> = {}) => ({
  publisher,
  title: null,
  publishedOn: null,
  titleNote: null,
  dateNote: null,
  ...fields,
});

const CSIS = "CSIS Beyond Parallel (Korea Chair)";

describe("nameSources", () => {
  it("names sources by publisher alone when no two share one", () => {
    expect(
      nameSources([source(CSIS, { title: "Rail traffic" }), source("Reuters", { publishedOn: "2024-02" })]),
    ).toEqual([CSIS, "Reuters"]);
  });

  it("adds the title, else the date, else a short title note, only to the publishers that collide", () => {
    const names = nameSources([
      source(CSIS, { title: "Dramatic Increase in DPRK-Russia Border Rail Traffic After Kim-Putin Summit" }),
      source("Reuters"),
      source(CSIS, { publishedOn: "2024-02-28", titleNote: "original title not found" }),
      source(CSIS, {
        titleNote:
          "original title/URL of the CSIS article on April 2024 Tikhoretsk imagery NOT found; facts taken from a Finnish-language news report",
        dateNote: "spring 2024 (after April 2024 imagery); exact date not found",
      }),
    ]);
    expect(names).toEqual([
      `${CSIS}, “Dramatic Increase in DPRK-Russia Border Rail Traffic After Kim-Putin Summit”`,
      "Reuters",
      `${CSIS}, 28 Feb 2024`,
      `${CSIS}, untitled [original title/URL of the CSIS article on April…]`,
    ]);
  });

  it("treats publishers differing only in case or spacing as the same name", () => {
    expect(
      nameSources([source("Reuters", { publishedOn: "2024-02" }), source(" reuters", { publishedOn: "2024" })]),
    ).toEqual(["Reuters, Feb 2024", " reuters, 2024"]);
  });

  it("adds the next distinction while two names are still the same", () => {
    const names = nameSources([
      source("NK Pro / NK News", { title: "Weekly report", publishedOn: "2024-03-01" }),
      source("NK Pro / NK News", { title: "Weekly report", publishedOn: "2024-03-11" }),
    ]);
    expect(names).toEqual([
      "NK Pro / NK News, “Weekly report”, 1 Mar 2024",
      "NK Pro / NK News, “Weekly report”, 11 Mar 2024",
    ]);
  });

  it("keeps the bare publisher for a source with nothing else to tell it by", () => {
    expect(nameSources([source("TASS"), source("TASS", { title: "Depot statement" })])).toEqual([
      "TASS",
      "TASS, “Depot statement”",
    ]);
  });
});
