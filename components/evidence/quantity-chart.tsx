"use client";

import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";

/** One observed value of a metric, as the chart and its table show it. */
export interface QuantityPoint {
  observationId: string;
  /** OBS-26, or a short form of the id. */
  label: string;
  /** The observed period as text ("Feb 2024"). */
  period: string;
  precision: "day" | "month" | "range";
  /** First and last day covered, `YYYY-MM-DD`. */
  start: string;
  end: string;
  value: number;
  unit: string | null;
  approximate: boolean;
  retracted: boolean;
}

const ACCENT = "#4f46e5";
const MUTED = "#94a3b8";
const DAY_MS = 24 * 60 * 60 * 1000;

interface Plotted extends QuantityPoint {
  from: Date;
  /** The day after the period ends, so a month spans its whole width. */
  to: Date;
  middle: Date;
  text: string;
}

function plotted(point: QuantityPoint): Plotted {
  const from = new Date(`${point.start}T00:00:00Z`);
  const to = new Date(new Date(`${point.end}T00:00:00Z`).getTime() + DAY_MS);
  const number = point.value.toLocaleString("en-US");
  return {
    ...point,
    from,
    to,
    middle: new Date((from.getTime() + to.getTime()) / 2),
    text: `${point.approximate ? "≈" : ""}${number}${point.retracted ? " (retracted)" : ""}`,
  };
}

const MIN_SPAN_MS = 60 * DAY_MS;

/** The periods' extent, widened to two months at least so a single day is not drawn on an axis of hours. */
function timeDomain(points: Plotted[]): [Date, Date] {
  const from = Math.min(...points.map((point) => point.from.getTime()));
  const to = Math.max(...points.map((point) => point.to.getTime()));
  const pad = Math.max(0, MIN_SPAN_MS - (to - from)) / 2;
  return [new Date(from - pad), new Date(to + pad)];
}

function drawChart(points: Plotted[], width: number, yLabel: string): SVGSVGElement | HTMLElement {
  const active = points.filter((point) => !point.retracted);
  const retracted = points.filter((point) => point.retracted);
  const title = (point: Plotted) => `${point.label}: ${point.text} (${point.period})`;
  return Plot.plot({
    x: { type: "utc", label: "Observed", domain: timeDomain(points) },
    width,
    height: 220,
    marginLeft: 56,
    marginTop: 28,
    y: { label: yLabel, grid: true, zero: true, nice: true },
    marks: [
      Plot.ruleY([0], { stroke: "#cbd5e1" }),
      // A month or a range is drawn as the span it covers, not as a point on its first day.
      Plot.link(active, {
        x1: "from",
        x2: "to",
        y1: "value",
        y2: "value",
        stroke: ACCENT,
        strokeWidth: 3,
        strokeOpacity: 0.6,
      }),
      Plot.line(active, { x: "middle", y: "value", stroke: ACCENT, strokeOpacity: 0.5, strokeDasharray: "4,3" }),
      Plot.dot(active, { x: "middle", y: "value", r: 4.5, fill: ACCENT, stroke: "white", title }),
      Plot.text(active, { x: "middle", y: "value", text: "text", dy: -12, fontSize: 12, fill: "#0f172a" }),
      // Retracted values stay visible, hollow and grey, so nobody wonders where they went.
      Plot.link(retracted, {
        x1: "from",
        x2: "to",
        y1: "value",
        y2: "value",
        stroke: MUTED,
        strokeWidth: 2,
        strokeDasharray: "3,3",
      }),
      Plot.dot(retracted, { x: "middle", y: "value", r: 4.5, fill: "white", stroke: MUTED, title }),
      Plot.text(retracted, { x: "middle", y: "value", text: "text", dy: -12, fontSize: 12, fill: MUTED }),
    ],
  });
}

/**
 * A metric's values over time at one site, drawn with Observable Plot. The chart is an image with a
 * summary label; the figure around it carries the same values as a table.
 */
export function QuantityChart({
  points,
  yLabel,
  summary,
}: {
  points: QuantityPoint[];
  /** The y-axis title, e.g. "Rail cars". */
  yLabel: string;
  /** What the chart shows, read out by screen readers instead of the drawing. */
  summary: string;
}) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const data = points.map(plotted);
    const render = () => {
      const chart = drawChart(data, Math.max(280, container.clientWidth), yLabel);
      chart.setAttribute("aria-hidden", "true");
      container.replaceChildren(chart);
    };
    render();
    // Redraw at the new width rather than scaling, so text stays legible.
    let lastWidth = container.clientWidth;
    const observer = new ResizeObserver(() => {
      if (Math.abs(container.clientWidth - lastWidth) < 8) return;
      lastWidth = container.clientWidth;
      render();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      container.replaceChildren();
    };
  }, [points, yLabel]);

  return <div ref={containerRef} role="img" aria-label={summary} className="min-h-[220px] w-full" />;
}
