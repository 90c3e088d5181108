import { describe, expect, it } from "vitest";
import { timelineItems } from "./evidence-timeline";
import { observationRecord, sourceRecord } from "./testing/evidence-records";

const source = sourceRecord({ reliability: "B" });
const month = observationRecord([source], {
  externalId: "OBS-26",
  observed: { precision: "month", month: "2024-02", start: "2024-02-01", end: "2024-02-29" },
});
const day = observationRecord([source], {
  externalId: "OBS-27",
  observed: { precision: "day", date: "2024-04-12", start: "2024-04-12", end: "2024-04-12" },
  retraction: { reason: "Wrong depot", at: "2024-05-01T00:00:00.000Z", by: null },
});
const range = observationRecord([source], {
  observed: { precision: "range", start: "2023-09-28", end: "2023-10-03" },
});
const byId = new Map([month, day, range].map((observation) => [observation.id, observation]));

describe("timelineItems", () => {
  it("spans a month or a range over every day it covers and marks a day as a point", () => {
    const [feb, apr, autumn] = timelineItems([month.id, day.id, range.id], byId);
    expect([feb?.label, feb?.isSpan, feb?.start.toISOString(), feb?.end.toISOString()]).toEqual([
      "OBS-26",
      true,
      "2024-02-01T00:00:00.000Z",
      "2024-03-01T00:00:00.000Z",
    ]);
    expect([apr?.isSpan, apr?.isRetracted, apr?.start.toISOString()]).toEqual([
      false,
      true,
      "2024-04-12T00:00:00.000Z",
    ]);
    expect([autumn?.isSpan, autumn?.end.toISOString()]).toEqual([true, "2023-10-04T00:00:00.000Z"]);
  });

  it("leaves out citations the library does not hold, keeping citation order", () => {
    expect(timelineItems([day.id, "missing", month.id], byId).map((item) => item.label)).toEqual(["OBS-27", "OBS-26"]);
  });
});
