import { describe, expect, it } from "vitest";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { buildQuantitySeries, seriesLabel } from "./site-quantity-series";

/** An observation of the site with the given quantities on `day`, as the library answers it. */
function observation(id: string, day: string, quantities: ObservationDto["quantities"]): ObservationDto {
  return {
    id,
    externalId: id,
    summary: `Summary of ${id}`,
    observed: { precision: "day", start: day, end: day },
    quantities,
    retraction: null,
  } as unknown as ObservationDto;
}

const ammo = (value: number, unit: string | null) => ({ metric: "ammo", value, unit, approximate: false });

describe("buildQuantitySeries", () => {
  it("draws one series per metric and unit, so values in kg are never joined to values in t", () => {
    const series = buildQuantitySeries([
      observation("A", "2024-03-10", [ammo(2000, "t")]),
      observation("B", "2024-03-10", [ammo(2000, "kg")]),
      observation("C", "2024-03-20", [ammo(1_500_000, "kg")]),
      observation("D", "2024-04-01", [ammo(1800, "tonnes")]),
      observation("E", "2024-05-01", [{ metric: "rail_cars", value: 50, unit: null, approximate: true }]),
    ]);
    expect(series.map((item) => [seriesLabel(item), item.points.map((point) => point.label)])).toEqual([
      ["Ammo (kg)", ["B", "C"]],
      // "t" and "tonnes" are one unit; each point keeps the unit it was written in.
      ["Ammo (t)", ["A", "D"]],
      ["Rail cars", ["E"]],
    ]);
    expect(series[1]?.points.map((point) => point.unit)).toEqual(["t", "tonnes"]);
  });
});
