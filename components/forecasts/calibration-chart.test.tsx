import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { calibrate } from "@/lib/forecasts/calibration";
import { CalibrationChart } from "./calibration-chart";

/** The dots the chart draws, as [cx, cy] in its 220-unit square (plot from x 40 to 206, y 12 to 178). */
function dots(markup: string): number[][] {
  return [...markup.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((match) => [
    Number(match[1]),
    Number(match[2]),
  ]);
}

describe("CalibrationChart", () => {
  it("puts a band's dot at the mean probability its forecasts were scored on, as its table says", () => {
    // Three "likely" forecasts that happened, scored on 0.7, the midpoint 0.675 and 0.55: mean 0.641667.
    const { bins } = calibrate([
      { band: "likely", probability: 0.7, outcome: "happened" },
      { band: "likely", probability: 0.675, outcome: "happened" },
      { band: "likely", probability: 0.55, outcome: "happened" },
    ]);
    const markup = renderToStaticMarkup(<CalibrationChart id="team" title="Team" bins={bins} />);
    // x = 40 + 0.641667 × 166 = 146.52 (the midpoint 0.675 would be 152.05); y = 12 + (1 − 1) × 166.
    const [[cx, cy] = []] = dots(markup);
    expect(cx).toBeCloseTo(146.52, 1);
    expect(cy).toBe(12);
    expect(markup).toContain("<td>64.2%</td>");
  });
});
