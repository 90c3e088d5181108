import { describe, expect, it } from "vitest";
import { canRecordOutcome, dayAfter, todayUtc } from "./forecast-days";

describe("resolve-by days", () => {
  it("are UTC calendar days", () => {
    expect(todayUtc(new Date("2026-12-31T23:30:00-05:00"))).toBe("2027-01-01");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
    expect(dayAfter("2028-02-28")).toBe("2028-02-29");
  });

  it("allow “happened” and annulment at any time, “did not happen” only after the day", () => {
    expect(canRecordOutcome("happened", "2027-06-30", "2026-12-01")).toBe(true);
    expect(canRecordOutcome("annulled", "2027-06-30", "2026-12-01")).toBe(true);
    expect(canRecordOutcome("did_not_happen", "2027-06-30", "2026-12-01")).toBe(false);
    expect(canRecordOutcome("did_not_happen", "2027-06-30", "2027-06-30")).toBe(false);
    expect(canRecordOutcome("did_not_happen", "2027-06-30", "2027-07-01")).toBe(true);
  });
});
