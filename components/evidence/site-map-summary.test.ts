import { describe, expect, it } from "vitest";
import { findEvidenceConflicts } from "@/lib/evidence-conflicts";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { summarizeSiteEvidence } from "./site-map-summary";

const TIKHORETSK = { id: "00000000-0000-4000-8000-0000000000a1", name: "Tikhoretsk", externalId: "SITE-1" };

function observation(
  id: string,
  month: string,
  railCars: number,
  more: { retracted?: boolean; publisher?: string } = {},
): ObservationDto {
  return {
    id,
    externalId: id,
    summary: `About ${railCars} rail cars`,
    site: TIKHORETSK,
    observed: { precision: "month", start: `${month}-01`, end: `${month}-28` },
    quantities: [{ metric: "rail_cars", value: railCars, unit: null, approximate: true }],
    sources: [{ id: `source-${id}`, externalId: null, publisher: more.publisher ?? "CSIS", attributedTo: null }],
    retraction: more.retracted ? { reason: "Misread" } : null,
  } as unknown as ObservationDto;
}

describe("summarizeSiteEvidence", () => {
  it("gives each site its trend per metric, without retracted values, and its number of conflicts", () => {
    const observations = [
      observation("OBS-1", "2024-02", 60),
      observation("OBS-2", "2024-04", 50),
      observation("OBS-3", "2024-04", 45, { publisher: "Yle" }),
      observation("OBS-4", "2024-05", 99, { retracted: true }),
    ];
    const summary = summarizeSiteEvidence(observations, findEvidenceConflicts(observations)).get(TIKHORETSK.id);
    expect(summary).toEqual({
      series: ["Rail cars: ≈60 (Feb 2024) → ≈50 (Apr 2024) → ≈45 (Apr 2024)"],
      // OBS-2 and OBS-3 give April different values.
      conflictCount: 1,
    });
  });
});
