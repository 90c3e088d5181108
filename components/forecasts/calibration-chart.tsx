import type { CalibrationBin } from "@/lib/forecasts/calibration";
import { likelihoodOf } from "@/lib/standards/icd203";
import { formatBrier, formatPercent } from "./format-forecast";

const SIZE = 220;
const MARGIN = { top: 12, right: 14, bottom: 34, left: 40 };
const PLOT = SIZE - MARGIN.left - MARGIN.right;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Plot coordinates of a probability pair (predicted on x, observed on y). */
function point(x: number, y: number): { cx: number; cy: number } {
  return { cx: MARGIN.left + x * PLOT, cy: MARGIN.top + (1 - y) * PLOT };
}

/** Where a bin's "n=" label goes: above right of its dot, but inside the plot near the top or right edge. */
function labelPosition(bin: CalibrationBin, cx: number, cy: number, r: number) {
  if (bin.observedFrequency > 0.9) return { x: cx, y: cy + r + 9, textAnchor: "middle" as const };
  if (bin.meanPredicted > 0.8) return { x: cx - r - 2, y: cy - r + 2, textAnchor: "end" as const };
  return { x: cx + r + 2, y: cy - r + 2, textAnchor: "start" as const };
}

/**
 * A reliability diagram: each ICD 203 band with scored forecasts at the mean probability its
 * forecasts were scored on (x: point estimates as given, else the band's midpoint, the table's
 * "Predicted") against how often they happened (y), sized and labelled by how many there were. On the diagonal is
 * perfect calibration; below it, the band claimed more than happened. The table under it says the
 * same in words for screen readers and for exact numbers.
 */
export function CalibrationChart({
  id,
  title,
  bins,
}: {
  /** Unique on the page: names the chart's title element. */
  id: string;
  title: string;
  bins: readonly CalibrationBin[];
}) {
  const titleId = `${id}-title`;
  const maxCount = Math.max(1, ...bins.map((bin) => bin.count));
  const origin = point(0, 0);
  const corner = point(1, 1);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-labelledby={titleId}
        className="max-w-full overflow-visible"
      >
        <title id={titleId}>{`${title}: mean predicted probability per band against observed frequency`}</title>
        {TICKS.map((tick) => {
          const { cx, cy } = point(tick, tick);
          return (
            <g key={tick} className="text-slate-500" fontSize={9}>
              <line x1={MARGIN.left} x2={corner.cx} y1={cy} y2={cy} stroke="#e2e8f0" />
              <line x1={cx} x2={cx} y1={corner.cy} y2={origin.cy} stroke="#e2e8f0" />
              <text x={MARGIN.left - 4} y={cy + 3} textAnchor="end" fill="currentColor">
                {formatPercent(tick)}
              </text>
              <text x={cx} y={origin.cy + 12} textAnchor="middle" fill="currentColor">
                {formatPercent(tick)}
              </text>
            </g>
          );
        })}
        <line x1={origin.cx} y1={origin.cy} x2={corner.cx} y2={corner.cy} stroke="#94a3b8" strokeDasharray="4 3" />
        <text x={MARGIN.left + PLOT / 2} y={SIZE - 4} textAnchor="middle" fontSize={10} fill="#475569">
          Predicted (mean per band)
        </text>
        <text
          transform={`translate(10 ${MARGIN.top + PLOT / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={10}
          fill="#475569"
        >
          Observed frequency
        </text>
        {bins.map((bin) => {
          const { cx, cy } = point(bin.meanPredicted, bin.observedFrequency);
          const r = 4 + 6 * Math.sqrt(bin.count / maxCount);
          return (
            <g key={bin.band}>
              <circle cx={cx} cy={cy} r={r} fill="#0369a1" fillOpacity={0.75} stroke="white" />
              <text {...labelPosition(bin, cx, cy, r)} fontSize={9} fill="#0f172a">{`n=${bin.count}`}</text>
            </g>
          );
        })}
      </svg>
      {bins.length > 0 ? (
        <table className="w-full text-left text-xs text-slate-700">
          <caption className="sr-only">{`${title}: calibration per band`}</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col">Band</th>
              <th scope="col">n</th>
              <th scope="col">Predicted</th>
              <th scope="col">Observed</th>
              <th scope="col">Brier</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((bin) => (
              <tr key={bin.band}>
                <th scope="row" className="font-normal">
                  {likelihoodOf(bin.band).term}
                </th>
                <td>{bin.count}</td>
                <td>{formatPercent(bin.meanPredicted)}</td>
                <td>{formatPercent(bin.observedFrequency)}</td>
                <td>{formatBrier(bin.meanBrier)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <figcaption className="text-xs text-slate-600">No scored forecasts yet.</figcaption>
      )}
    </figure>
  );
}
