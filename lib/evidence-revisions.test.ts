import { describe, expect, it } from "vitest";
import { describeRevisionChanges } from "./evidence-revisions";

const SOURCE = {
  id: "s1",
  externalId: "S07",
  publisher: "Known-bad blog",
  title: null,
  reliability: "F",
  attributedTo: null,
};
const SITE = { id: "site1", name: "Tikhoretsk depot", externalId: null };
const IMAGE = { id: "a1", fileName: "north.png", mediaType: "image/png", byteSize: 6, sha256: "x", caption: "" };

function observation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "o1",
    revision: 2,
    summary: "About 50 rail cars",
    site: SITE,
    sources: [SOURCE],
    attachments: [],
    ...overrides,
  };
}

describe("describeRevisionChanges", () => {
  it("lists nothing for the first revision", () => {
    expect(describeRevisionChanges(observation(), undefined)).toEqual({ changed: [], meanwhile: [] });
  });

  it("credits a source re-graded and renamed, or a site renamed, to their own records", () => {
    const after = observation({
      revision: 3,
      site: { ...SITE, name: "Tikhoretsk rail depot" },
      sources: [{ ...SOURCE, reliability: "A", publisher: "Known-good desk" }],
      attachments: [IMAGE],
    });
    expect(describeRevisionChanges(after, observation())).toEqual({
      changed: ["attached “north.png”"],
      meanwhile: [
        "site renamed “Tikhoretsk depot” → “Tikhoretsk rail depot”",
        "S07 re-graded F → A, renamed “Known-bad blog” → “Known-good desk”",
      ],
    });
  });

  it("reports the sources and site the observation itself changed, and images removed", () => {
    const after = observation({
      revision: 3,
      site: { id: "site2", name: "Elsewhere" },
      sources: [{ ...SOURCE, attributedTo: "Ministry of Defence" }],
    });
    expect(describeRevisionChanges(after, observation({ attachments: [IMAGE] }))).toEqual({
      changed: ["site", "sources", "removed “north.png”"],
      meanwhile: [],
    });
  });

  it("does not call a field a change when the older snapshot predates it", () => {
    const { attachments: _, ...older } = observation();
    expect(describeRevisionChanges(observation({ revision: 3, attachments: [IMAGE] }), older)).toEqual({
      changed: [],
      meanwhile: [],
    });
  });

  it("names other changed fields as words", () => {
    const after = { id: "s1", revision: 2, reliabilityRationale: "New imagery", updatedAt: "later" };
    expect(
      describeRevisionChanges(after, { id: "s1", revision: 1, reliabilityRationale: "", updatedAt: "then" }),
    ).toEqual({
      changed: ["reliability rationale"],
      meanwhile: [],
    });
  });
});
