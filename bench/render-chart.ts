import type { PeerId } from "./bench-options";
import type { BenchResults } from "./bench-results";
import { type Column, columnsOf } from "./render-table";

const COLORS: Record<string, string> = {
  "parallax-pglite": "#2f6fed",
  "parallax-postgres": "#0b3d91",
  hocuspocus: "#e36209",
  "y-websocket": "#6f42c1",
};

const WIDTH = 960;
const PANEL_HEIGHT = 250;
const MARGIN = { left: 95, right: 20, top: 40, bottom: 50 };

interface Group {
  label: string;
  values: Partial<Record<PeerId, number>>;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** One grouped bar chart: a group per cell, a bar per peer, the value written above each bar. */
function panel(title: string, unit: string, groups: Group[], columns: Column[], top: number): string[] {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...groups.flatMap((group) => Object.values(group.values)));
  const groupWidth = plotWidth / Math.max(1, groups.length);
  const barWidth = Math.min(28, (groupWidth - 16) / columns.length);
  const baseline = top + MARGIN.top + plotHeight;
  const parts = [
    `<text x="${MARGIN.left}" y="${top + 24}" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
    `<line x1="${MARGIN.left}" y1="${baseline}" x2="${WIDTH - MARGIN.right}" y2="${baseline}" stroke="#444"/>`,
    `<text x="${MARGIN.left - 8}" y="${top + MARGIN.top + 4}" font-size="11" text-anchor="end">${max.toLocaleString("en", { maximumFractionDigits: max < 10 ? 1 : 0 })} ${escapeXml(unit)}</text>`,
    `<text x="${MARGIN.left - 8}" y="${baseline}" font-size="11" text-anchor="end">0</text>`,
  ];
  groups.forEach((group, index) => {
    const x0 = MARGIN.left + index * groupWidth + (groupWidth - barWidth * columns.length) / 2;
    columns.forEach((column, bar) => {
      const value = group.values[column.id];
      if (value === undefined) return;
      const height = (value / max) * plotHeight;
      const x = x0 + bar * barWidth;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${(baseline - height).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${height.toFixed(1)}" fill="${COLORS[column.id] ?? "#888"}"><title>${escapeXml(`${column.label}: ${value} ${unit}`)}</title></rect>`,
        `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(baseline - height - 3).toFixed(1)}" font-size="9" text-anchor="middle">${value.toLocaleString("en", { maximumFractionDigits: value < 10 ? 1 : 0 })}</text>`,
      );
    });
    parts.push(
      `<text x="${(MARGIN.left + (index + 0.5) * groupWidth).toFixed(1)}" y="${baseline + 18}" font-size="11" text-anchor="middle">${escapeXml(group.label)}</text>`,
    );
  });
  return parts;
}

/** An SVG with fan-out p99, sustained throughput and the document workloads, one bar per peer. */
export function renderChart(results: BenchResults): string {
  const columns = columnsOf(results);
  const panels: { title: string; unit: string; groups: Group[] }[] = [];
  const fanOut = results.fanOut ?? [];
  if (fanOut.length > 0) {
    const keys = [...new Set(fanOut.map((cell) => `${cell.clients}:${cell.presence}`))];
    panels.push({
      title: "Fan-out latency, p99 (ms, lower is better)",
      unit: "ms",
      groups: keys.map((key) => {
        const [clients, presence] = key.split(":");
        const values: Group["values"] = {};
        for (const cell of fanOut) {
          if (`${cell.clients}:${cell.presence}` === key) values[cell.peer] = cell.median.p99;
        }
        return { label: `N=${clients}, presence ${presence === "true" ? "on" : "off"}`, values };
      }),
    });
  }
  const throughput = results.throughput ?? [];
  if (throughput.length > 0) {
    const writers = [...new Set(throughput.map((cell) => cell.writers))];
    panels.push({
      title: "Sustained throughput with p99 ≤ 100 ms (edits/s, higher is better)",
      unit: "edits/s",
      groups: writers.map((count) => ({
        label: `${count} writers`,
        values: Object.fromEntries(
          throughput.filter((cell) => cell.writers === count).map((cell) => [cell.peer, cell.result.sustainedRate]),
        ),
      })),
    });
  }
  const documentGroups: Group[] = [];
  const snapshot = (results.coldOpen ?? []).filter((cell) => cell.stored === "snapshot");
  if (snapshot.length > 0) {
    documentGroups.push({
      label: "cold open, compacted",
      values: Object.fromEntries(snapshot.map((cell) => [cell.peer, cell.result.medianMs])),
    });
  }
  if ((results.joinStorm ?? []).length > 0) {
    documentGroups.push({
      label: "join storm p95",
      values: Object.fromEntries((results.joinStorm ?? []).map((cell) => [cell.peer, cell.median.p95])),
    });
  }
  if (documentGroups.length > 0) {
    panels.push({ title: "Opening documents (ms, lower is better)", unit: "ms", groups: documentGroups });
  }
  const legendHeight = 30;
  const height = legendHeight + panels.length * PANEL_HEIGHT;
  const legend = columns.map(
    (column, index) =>
      `<rect x="${MARGIN.left + index * 200}" y="10" width="12" height="12" fill="${COLORS[column.id] ?? "#888"}"/><text x="${MARGIN.left + index * 200 + 18}" y="20" font-size="12">${escapeXml(column.label)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...legend,
    ...panels.flatMap((p, index) => panel(p.title, p.unit, p.groups, columns, legendHeight + index * PANEL_HEIGHT)),
    "</svg>",
    "",
  ].join("\n");
}
