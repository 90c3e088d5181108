import { describe, expect, it } from "vitest";
import { searchObservations } from "./search-observations";
import { observationRecord, sourceRecord, testUuid } from "./testing/evidence-records";

const depot = { id: testUuid(), name: "Tikhoretsk depot", externalId: "tikhoretsk_depot" };
const port = { id: testUuid(), name: "Rajin port", externalId: "rajin" };
const b = sourceRecord({ reliability: "B" });
const f = sourceRecord({ reliability: "F" });
const e = sourceRecord({ reliability: "E" });

const feb = observationRecord([b], {
  externalId: "OBS-25",
  summary: "About 60 rail cars at the depot.",
  site: depot,
  observed: { precision: "month", month: "2024-02", start: "2024-02-01", end: "2024-02-29" },
  credibility: 2,
});
const apr = observationRecord([f, e], {
  externalId: "OBS-26",
  summary: "About 50 rail cars at the depot.",
  notes: "Translated from Finnish.",
  site: depot,
  observed: { precision: "day", date: "2024-04-12", start: "2024-04-12", end: "2024-04-12" },
  credibility: 6,
});
const ships = observationRecord([e], {
  externalId: "OBS-07",
  summary: "Two cargo ships docked.",
  site: port,
  observed: { precision: "range", start: "2023-09-28", end: "2023-10-03" },
  credibility: 3,
});
const library = [ships, feb, apr];
const ids = (search: Parameters<typeof searchObservations>[1]) =>
  searchObservations(library, search).map((observation) => observation.externalId);

describe("searchObservations", () => {
  it("finds every word in the summary, notes, external id or site, ignoring case", () => {
    expect(ids({ text: "rail CARS" })).toEqual(["OBS-25", "OBS-26"]);
    expect(ids({ text: "finnish" })).toEqual(["OBS-26"]);
    expect(ids({ text: "obs-07" })).toEqual(["OBS-07"]);
    expect(ids({ text: "rajin tanks" })).toEqual([]);
    expect(ids({ text: "rajin docked" })).toEqual(["OBS-07"]);
    expect(ids({})).toEqual(["OBS-07", "OBS-25", "OBS-26"]);
  });

  it("filters by site and by observed dates that overlap the range", () => {
    expect(ids({ siteId: port.id })).toEqual(["OBS-07"]);
    expect(ids({ from: "2024-02-15", to: "2024-04-11" })).toEqual(["OBS-25"]);
    expect(ids({ from: "2023-10-03", to: "2023-10-03" })).toEqual(["OBS-07"]);
    expect(ids({ from: "2024-04-13" })).toEqual([]);
  });

  it("keeps observations at least as good as the minimum grades, never counting F or 6 as good", () => {
    expect(ids({ minReliability: "B" })).toEqual(["OBS-25"]);
    expect(ids({ minReliability: "E" })).toEqual(["OBS-07", "OBS-25", "OBS-26"]);
    expect(ids({ minCredibility: 3 })).toEqual(["OBS-07", "OBS-25"]);
    expect(ids({ minReliability: "E", minCredibility: 5 })).toEqual(["OBS-07", "OBS-25"]);
  });
});
