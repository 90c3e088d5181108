import { describe, expect, it } from "vitest";
import type { ReviewChangesDto, ReviewedObservationDto } from "../schemas/reviews";
import { describeObservationChange, describeReviewChanges, formatReviewStatus } from "./review-format";

const OBSERVATION: ReviewedObservationDto = {
  id: "7d1f3c1e-5b8a-4d2f-9e41-0c6a2b9f8e10",
  externalId: "OBS-26",
  revision: 2,
  credibility: 2,
  reliability: ["B"],
  retracted: false,
};

const NO_CHANGES: ReviewChangesDto = {
  statement: null,
  likelihood: null,
  confidence: null,
  citationsAdded: [],
  citationsRemoved: [],
  unresolvedCitationsAdded: [],
  unresolvedCitationsRemoved: [],
  observations: [],
};

describe("formatReviewStatus", () => {
  it("shows current of required approvals beside the status", () => {
    expect(formatReviewStatus({ status: "approved", currentApprovals: 1, requiredApprovals: 1 })).toEqual({
      label: "Approved 1/1",
      detail: "1 of 1 required approval current",
    });
    expect(formatReviewStatus({ status: "stale", currentApprovals: 0, requiredApprovals: 2 })).toEqual({
      label: "Stale 0/2",
      detail: "0 of 2 required approvals current",
    });
    expect(formatReviewStatus({ status: "awaiting_review", currentApprovals: 0, requiredApprovals: 1 }).label).toBe(
      "Awaiting review 0/1",
    );
  });

  it("shows no count for a request for changes, which stands whatever the count", () => {
    const text = formatReviewStatus({ status: "changes_requested", currentApprovals: 1, requiredApprovals: 1 });
    expect(text.label).toBe("Changes requested");
    expect(text.detail).toBe("1 of 1 required approval current");
  });
});

describe("describeReviewChanges", () => {
  it("lists nothing when only the statement changed (the statement has its own diff)", () => {
    expect(describeReviewChanges({ ...NO_CHANGES, statement: { before: "a", after: "b" } })).toEqual([]);
  });

  it("gives likelihood and confidence before and after in the standards' wording", () => {
    expect(
      describeReviewChanges({
        ...NO_CHANGES,
        likelihood: { before: "likely", after: "very_likely" },
        confidence: { before: null, after: "moderate" },
      }),
    ).toEqual([
      { label: "Likelihood", text: "likely (55–80%) → very likely (80–95%)" },
      { label: "Confidence", text: "none → Moderate confidence" },
    ]);
  });

  it("names citations added and removed by their file id, or a short id without one", () => {
    const unlabelled = { ...OBSERVATION, id: "0a1b2c3d-0000-4000-8000-000000000000", externalId: null };
    expect(
      describeReviewChanges({
        ...NO_CHANGES,
        citationsAdded: [OBSERVATION],
        citationsRemoved: [unlabelled],
        unresolvedCitationsAdded: ["obs-from-elsewhere"],
      }),
    ).toEqual([
      { label: "Citation added", text: "OBS-26" },
      { label: "Citation removed", text: "Observation 0a1b2c3d" },
      { label: "Unknown citation added", text: "obs-from-elsewhere" },
    ]);
  });

  it("says how a cited observation changed", () => {
    expect(
      describeReviewChanges({
        ...NO_CHANGES,
        observations: [{ id: OBSERVATION.id, before: OBSERVATION, after: { ...OBSERVATION, revision: 3 } }],
      }),
    ).toEqual([{ label: "OBS-26", text: "revised (revision 2 → 3)" }]);
  });
});

describe("describeObservationChange", () => {
  it("reports a re-grade of the information and of its sources", () => {
    expect(describeObservationChange(OBSERVATION, { ...OBSERVATION, revision: 3, credibility: 4 })).toBe(
      "revised (revision 2 → 3); re-graded: credibility 2 → 4 (Doubtful)",
    );
    expect(describeObservationChange(OBSERVATION, { ...OBSERVATION, reliability: ["D"] })).toBe(
      "re-graded: source reliability B → D",
    );
  });

  it("reports a retraction and an observation gone from the workspace", () => {
    expect(describeObservationChange(OBSERVATION, { ...OBSERVATION, revision: 3, retracted: true })).toBe(
      "revised (revision 2 → 3); retracted",
    );
    expect(
      describeObservationChange(OBSERVATION, { ...OBSERVATION, revision: null, credibility: null, reliability: [] }),
    ).toBe("no longer in the workspace");
  });
});
