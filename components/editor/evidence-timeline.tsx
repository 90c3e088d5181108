"use client";

import { useEffect, useRef, useState } from "react";
import { formatObservedDate, PRECISION_LABELS } from "@/components/evidence/evidence-format";
import { timelineItems } from "@/lib/editor/evidence-timeline";
import { useEditorEvidence } from "./editor-evidence";

const ROW_HEIGHT = 26;

/**
 * A judgement's cited observations on a timeline: a month or a range of days is a bar over the
 * period it covers, a day is a point; retracted ones are red and struck through. Drawn with
 * Observable Plot, loaded only when the timeline is first opened (it needs the DOM). Screen
 * readers get the same rows as a list.
 */
export function EvidenceTimeline({ citations }: { citations: readonly string[] }) {
  const { evidence } = useEditorEvidence();
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState(false);
  const items = timelineItems(citations, evidence.observationById);
  const key = JSON.stringify(items.map((item) => [item.observationId, item.start, item.end, item.isRetracted]));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `items`, which is rebuilt every render.
  useEffect(() => {
    const target = container.current;
    if (!target || items.length === 0) return;
    let isCurrent = true;
    import("@observablehq/plot").then(
      (Plot) => {
        if (!isCurrent) return;
        const spans = items.filter((item) => item.isSpan);
        const points = items.filter((item) => !item.isSpan);
        const colour = (item: (typeof items)[number]) => (item.isRetracted ? "#dc2626" : "#4f46e5");
        const chart = Plot.plot({
          width: Math.max(target.clientWidth, 280),
          height: 40 + ROW_HEIGHT * new Set(items.map((item) => item.label)).size,
          marginLeft: 90,
          x: { type: "utc", label: "Observed", grid: true },
          y: { label: null, domain: [...new Set(items.map((item) => item.label))] },
          marks: [
            Plot.barX(spans, {
              x1: "start",
              x2: "end",
              y: "label",
              fill: colour,
              fillOpacity: 0.55,
              insetTop: 6,
              insetBottom: 6,
              title: (item: (typeof items)[number]) => `${item.label}: ${item.summary}`,
            }),
            Plot.dot(points, {
              x: "start",
              y: "label",
              fill: colour,
              r: 5,
              symbol: (item: (typeof items)[number]) => (item.isRetracted ? "times" : "circle"),
              stroke: colour,
              title: (item: (typeof items)[number]) => `${item.label}: ${item.summary}`,
            }),
          ],
        });
        chart.setAttribute("aria-hidden", "true");
        target.replaceChildren(chart);
      },
      () => setError(true),
    );
    return () => {
      isCurrent = false;
    };
  }, [key]);

  if (items.length === 0) {
    return (
      <p className="text-xs text-slate-600">No cited observation from this workspace's library to place in time.</p>
    );
  }
  return (
    <figure className="rounded border border-slate-200 bg-white p-2">
      <figcaption className="text-xs font-medium text-slate-700">
        When the cited evidence was observed (bars: a month or a range of days; dots: a single day; red: retracted)
      </figcaption>
      {error ? <p className="text-xs text-red-700">The timeline could not be drawn.</p> : null}
      <div ref={container} className="relative min-h-10 w-full overflow-x-auto" />
      <ul className="sr-only">
        {items.map((item) => {
          const observation = evidence.observationById.get(item.observationId);
          return (
            <li key={item.observationId}>
              {item.label}: {observation ? formatObservedDate(observation.observed) : ""} (
              {PRECISION_LABELS[item.precision].toLowerCase()}){item.isRetracted ? ", retracted" : ""}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
