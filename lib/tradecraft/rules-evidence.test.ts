import { describe, expect, it } from "vitest";
import { isWeakObservation } from "./evidence";
import {
  keyJudgementSingleSource,
  keyJudgementWeakEvidence,
  retractedCitation,
  unknownCitation,
} from "./rules-evidence";
import { makeEvidence, makeJudgement, runRule } from "./test-helpers";

const key = makeJudgement({ isKey: true });

describe("key judgement resting on a single source", () => {
  it.each([
    ["two observations from independent sources", makeEvidence(), 0],
    ["both observations from one source", makeEvidence([{ id: "OBS-B", sourceIds: ["S-CSIS"] }]), 1],
    [
      "two reports by the same originator",
      makeEvidence([], [{ id: "S-ROK", originator: "  csis beyond  Parallel " }]),
      1,
    ],
    ["the second source's observation is retracted", makeEvidence([{ id: "OBS-B", retracted: true }]), 1],
    ["one observation corroborated by two sources", makeEvidence([{ id: "OBS-A", sourceIds: ["S-CSIS", "S-ROK"] }]), 0],
  ])("%s → %d finding(s)", (_case, evidence, count) => {
    expect(runRule(keyJudgementSingleSource, [key], [], evidence)).toHaveLength(count);
  });

  it("names the source and ignores judgements that are not key", () => {
    const evidence = makeEvidence([{ id: "OBS-B", sourceIds: ["S-CSIS"] }]);
    const findings = runRule(keyJudgementSingleSource, [key, makeJudgement({ id: "J2" })], [], evidence);
    expect(findings).toEqual([
      expect.objectContaining({
        judgementId: "J1",
        severity: "warning",
        message: expect.stringContaining("rests on a single source (CSIS Beyond Parallel)."),
      }),
    ]);
  });

  it("names the source as written when its reports spell the publisher differently", () => {
    const evidence = makeEvidence([], [{ id: "S-ROK", originator: "  csis beyond  Parallel " }]);
    const [finding] = runRule(keyJudgementSingleSource, [key], [], evidence);
    expect(finding?.message).toContain("(CSIS Beyond Parallel).");
  });

  it("names a source without a publisher by its label, and one missing from the library readably", () => {
    const unnamed = makeEvidence(
      [{ id: "OBS-B", sourceIds: ["S-CSIS"] }],
      [{ id: "S-CSIS", originator: " ", label: "S29" }],
    );
    expect(runRule(keyJudgementSingleSource, [key], [], unnamed)[0]?.message).toContain("single source (S29).");
    const missing = makeEvidence([
      { id: "OBS-A", sourceIds: ["0b7f6a52-8d1e-4b8e-9a43-2f1c5d6e7a80"] },
      { id: "OBS-B", sourceIds: ["0b7f6a52-8d1e-4b8e-9a43-2f1c5d6e7a80"] },
    ]);
    const [finding] = runRule(keyJudgementSingleSource, [key], [], missing);
    expect(finding?.message).toContain("single source (a source missing from the evidence library).");
    expect(finding?.message).not.toContain("0b7f6a52");
  });
});

describe("key judgement resting only on weak evidence (E/F or 5/6)", () => {
  it.each([
    ["B2 and C2", makeEvidence(), 0],
    ["E2 and C2", makeEvidence([], [{ id: "S-CSIS", reliability: "E" }]), 0],
    [
      "E2 and F2",
      makeEvidence(
        [],
        [
          { id: "S-CSIS", reliability: "E" },
          { id: "S-ROK", reliability: "F" },
        ],
      ),
      1,
    ],
    [
      "B5 and C6",
      makeEvidence([
        { id: "OBS-A", credibility: 5 },
        { id: "OBS-B", credibility: 6 },
      ]),
      1,
    ],
    [
      "D4 and D4 (weak-ish but not E/F/5/6)",
      makeEvidence(
        [],
        [
          { id: "S-CSIS", reliability: "D" },
          { id: "S-ROK", reliability: "D" },
        ],
      ),
      0,
    ],
  ])("%s → %d finding(s)", (_case, evidence, count) => {
    expect(runRule(keyJudgementWeakEvidence, [key], [], evidence)).toHaveLength(count);
  });

  it("lists every grade in the message, never an average", () => {
    const evidence = makeEvidence([
      { id: "OBS-A", credibility: 6 },
      { id: "OBS-B", credibility: 5 },
    ]);
    const [finding] = runRule(keyJudgementWeakEvidence, [key], [], evidence);
    expect(finding?.message).toContain("OBS-A (B6); OBS-B (C5)");
  });

  it.each([
    ["one reliable source among several", ["S-CSIS", "S-E"], 2, false],
    ["only unreliable sources", ["S-E", "S-F"], 2, true],
    ["reliable sources, improbable information", ["S-CSIS", "S-ROK"], 5, true],
    ["no known source (reliability cannot be judged)", ["S-MISSING"], 1, true],
    ["no source at all", [], 2, true],
  ] as const)("an observation with %s is weak: %s", (_case, sourceIds, credibility, weak) => {
    const evidence = makeEvidence(
      [{ id: "OBS-A", sourceIds: [...sourceIds], credibility }],
      [
        { id: "S-E", reliability: "E", originator: "Blog" },
        { id: "S-F", reliability: "F", originator: "Forum" },
      ],
    );
    const observation = evidence.observations.get("OBS-A");
    expect(observation && isWeakObservation(observation, evidence)).toBe(weak);
  });
});

describe("citations of retracted or unknown observations", () => {
  it("flags a retracted citation as an error with the observation's summary", () => {
    const evidence = makeEvidence([{ id: "OBS-B", retracted: true }]);
    expect(runRule(retractedCitation, [makeJudgement()], [], evidence)).toEqual([
      expect.objectContaining({
        ruleId: "retracted-citation",
        severity: "error",
        judgementId: "J1",
        message: expect.stringContaining("About 7,000 containers shipped"),
      }),
    ]);
    expect(runRule(retractedCitation, [makeJudgement()])).toEqual([]);
  });

  it("flags a citation that is not in the library, once", () => {
    const judgement = makeJudgement({ citedObservationIds: ["OBS-A", "OBS-GONE", "OBS-GONE"] });
    expect(runRule(unknownCitation, [judgement]).map((finding) => finding.message)).toEqual([
      "Cited observation OBS-GONE is not in the evidence library.",
    ]);
    expect(runRule(unknownCitation, [makeJudgement()])).toEqual([]);
  });
});
